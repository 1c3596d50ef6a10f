#pragma once
// Live task counts by kind (our goroutine count) as a table: kind, live, started.
#include "core/taskregistry.h"

#include <QAbstractTableModel>

namespace mort {

class TaskCountsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { KindColumn, LiveColumn, StartedColumn, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Rows are stable (one per kind); only changed cells are signalled.
    void setCounts(const QList<TaskCounts> &counts);

private:
    QList<TaskCounts> m_counts;
};

} // namespace mort
