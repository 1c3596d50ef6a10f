#pragma once
// Recent server log lines for the Activity tab: a table (time, level,
// category, message) bounded to `capacity` lines, oldest dropped first, fed
// by EngineClient::logLinesReceived for the embedded engine and a remote one.
#include "monitoring/logring.h"

#include <QAbstractTableModel>

#include <deque>

namespace mort {

class LogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, LevelColumn, CategoryColumn, MessageColumn, ColumnCount };
    // Qt::UserRole on any column: the line's level rank (levelRank()).
    static constexpr int LevelRankRole = Qt::UserRole;
    static constexpr int kDefaultCapacity = 5000;

    explicit LogModel(int capacity = kDefaultCapacity, QObject *parent = nullptr);

    // debug 0, info 1, warn 2, error 3, fatal 4; unknown levels count as info.
    static int levelRank(const QString &level);

    // Appends the lines not shown yet (see the .cpp for how repeats are told apart).
    void append(const QList<LogLine> &lines);
    void clear();
    int capacity() const { return m_capacity; }
    const LogLine &line(int row) const { return m_lines.at(size_t(row)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const int m_capacity;
    std::deque<LogLine> m_lines;
    quint64 m_lastSeq = 0; // of the newest line taken
    QDateTime m_lastAt;
};

} // namespace mort
