#include "ui/activity/logfilterproxy.h"

#include "ui/activity/logmodel.h"

namespace mort {

void LogFilterProxy::setMinimumLevel(int rank)
{
    if (rank == m_minimumLevel)
        return;
    m_minimumLevel = rank;
    invalidateRowsFilter();
}

void LogFilterProxy::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    invalidateRowsFilter();
}

bool LogFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    const QModelIndex level = model->index(sourceRow, LogModel::LevelColumn, sourceParent);
    if (model->data(level, LogModel::LevelRankRole).toInt() < m_minimumLevel)
        return false;
    if (m_search.isEmpty())
        return true;
    for (int column : {int(LogModel::MessageColumn), int(LogModel::CategoryColumn)}) {
        if (model->data(model->index(sourceRow, column, sourceParent))
                .toString()
                .contains(m_search, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace mort
