#include "ui/activity/taskcountsmodel.h"

#include <QFont>

namespace mort {

void TaskCountsModel::setCounts(const QList<TaskCounts> &counts)
{
    for (size_t k = 0; k < m_counts.size(); ++k)
        m_counts[k] = TaskCounts{TaskKind(k), 0, 0, 0};
    for (const TaskCounts &c : counts) {
        if (int(c.kind) >= 0 && size_t(c.kind) < m_counts.size())
            m_counts[size_t(c.kind)] = c;
    }
    Q_EMIT dataChanged(index(0, LiveColumn), index(rowCount() - 1, FinishedColumn));
}

qint64 TaskCountsModel::totalLive() const
{
    qint64 total = 0;
    for (const TaskCounts &c : m_counts)
        total += c.live;
    return total;
}

int TaskCountsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_counts.size());
}

int TaskCountsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TaskCountsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TaskCounts &c = m_counts.at(size_t(index.row()));
    if (role == Qt::TextAlignmentRole && index.column() != KindColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::FontRole && index.column() == LiveColumn && c.live > 0) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case KindColumn: return QString::fromLatin1(taskKindName(c.kind));
    case LiveColumn: return c.live;
    case StartedColumn: return c.started;
    case FinishedColumn: return c.finished;
    }
    return {};
}

QVariant TaskCountsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KindColumn: return tr("Task kind");
    case LiveColumn: return tr("Live");
    case StartedColumn: return tr("Started");
    case FinishedColumn: return tr("Finished");
    }
    return {};
}

} // namespace mort
