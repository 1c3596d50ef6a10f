#pragma once
// Live tasks by kind (our goroutine count) as a table for the Activity tab:
// kind, live now, started and finished since the server started. One row per
// TaskKind, always in the same order, so a selection survives updates.
#include "core/taskregistry.h"

#include <QAbstractTableModel>

#include <array>

namespace mort {

class TaskCountsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { KindColumn, LiveColumn, StartedColumn, FinishedColumn, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setCounts(const QList<TaskCounts> &counts); // kinds not listed read 0
    TaskCounts counts(TaskKind kind) const { return m_counts.at(size_t(kind)); }
    qint64 totalLive() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::array<TaskCounts, size_t(TaskKind::Count)> m_counts = [] {
        std::array<TaskCounts, size_t(TaskKind::Count)> a{};
        for (size_t k = 0; k < a.size(); ++k)
            a[k] = TaskCounts{TaskKind(k), 0, 0, 0};
        return a;
    }();
};

} // namespace mort
