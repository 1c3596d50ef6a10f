#include "ui/activity/logmodel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace mort {

LogModel::LogModel(int capacity, QObject *parent) : QAbstractTableModel(parent), m_capacity(std::max(1, capacity)) {}

int LogModel::levelRank(const QString &level)
{
    static const QStringList order{QStringLiteral("debug"), QStringLiteral("info"), QStringLiteral("warn"),
                                   QStringLiteral("error"), QStringLiteral("fatal")};
    const int rank = order.indexOf(level.toLower());
    return rank < 0 ? 1 : rank;
}

void LogModel::append(const QList<LogLine> &lines)
{
    QList<LogLine> fresh;
    for (const LogLine &line : lines) {
        // A reconnected stream sends the server's ring again: lines already
        // shown are skipped by seq. An old seq with a newer time than the last
        // line shown comes from a restarted server: its numbering starts over.
        const bool restarted = line.seq <= m_lastSeq && line.at.isValid() && m_lastAt.isValid() && line.at > m_lastAt;
        if (line.seq <= m_lastSeq && !restarted)
            continue;
        fresh.append(line);
        m_lastSeq = line.seq;
        m_lastAt = line.at;
    }
    if (fresh.isEmpty())
        return;
    if (fresh.size() > m_capacity)
        fresh.remove(0, fresh.size() - m_capacity);
    const int overflow = int(m_lines.size()) + int(fresh.size()) - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, 0, overflow - 1);
        m_lines.erase(m_lines.begin(), m_lines.begin() + overflow);
        endRemoveRows();
    }
    const int first = int(m_lines.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    m_lines.insert(m_lines.end(), fresh.cbegin(), fresh.cend());
    endInsertRows();
}

void LogModel::clear()
{
    beginResetModel();
    m_lines.clear();
    endResetModel();
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogLine &l = line(index.row());
    if (role == LevelRankRole)
        return levelRank(l.level);
    if (role == Qt::ForegroundRole && index.column() == LevelColumn) {
        const int rank = levelRank(l.level);
        if (rank >= 3)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        if (rank == 2)
            return QBrush(QColor(0xb2, 0x6a, 0x00));
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == MessageColumn)
        return l.message;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn: return l.at.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
    case LevelColumn: return l.level;
    case CategoryColumn: return l.category;
    case MessageColumn: return l.message;
    }
    return {};
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case LevelColumn: return tr("Level");
    case CategoryColumn: return tr("Category");
    case MessageColumn: return tr("Message");
    }
    return {};
}

} // namespace mort
