#include "ui/statusmodel.h"

namespace mort {

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
    if (!index.isValid() || index.row() >= m_counts.size())
        return {};
    const TaskCounts &c = m_counts.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case KindColumn: return QString::fromLatin1(taskKindName(c.kind));
        case LiveColumn: return c.live;
        case StartedColumn: return c.started;
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != KindColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
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
    }
    return {};
}

void TaskCountsModel::setCounts(const QList<TaskCounts> &counts)
{
    if (counts.size() != m_counts.size()) {
        beginResetModel();
        m_counts = counts;
        endResetModel();
        return;
    }
    for (int row = 0; row < counts.size(); ++row) {
        const TaskCounts &a = m_counts.at(row), &b = counts.at(row);
        if (a.kind != b.kind || a.live != b.live || a.started != b.started) {
            m_counts[row] = b;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
}

} // namespace mort
