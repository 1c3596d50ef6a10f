#include "ui/cache/cacheentrymodel.h"

#include <QLocale>

namespace mort {

int CacheEntryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int CacheEntryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CacheEntryModel::formatAge(qint64 ms)
{
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    const qint64 s = ms / 1000;
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min").arg(s / 60);
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

QString CacheEntryModel::formatSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes);
}

QString CacheEntryModel::displayKey(const QString &key)
{
    // Keys come from URLs and may carry control characters (%01 decodes to one);
    // shown raw they render as boxes or nothing. Written as \xNN they stay
    // unambiguous and copyable.
    QString out;
    out.reserve(key.size());
    for (const QChar c : key) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            out +=
                QStringLiteral("\\x") + QString::number(c.unicode(), 16).rightJustified(2, QLatin1Char('0')).toUpper();
        else
            out += c;
    }
    return out;
}

QVariant CacheEntryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size() || index.column() >= ColumnCount)
        return {};
    const CacheEntryInfo &e = m_entries.at(index.row());
    if (role == SortRole) {
        switch (index.column()) {
        case RequestColumn: return e.url;
        case KeyColumn: return e.key;
        case StatusColumn: return e.status;
        case SizeColumn: return e.size;
        case HitsColumn: return e.hits;
        case AgeColumn: return e.ageMs;
        case ContentTypeColumn: return QString::fromLatin1(e.contentType);
        case BackendColumn: return e.backend;
        }
    }
    // Redis keeps no hit count or insertion time: those cells stay empty.
    const bool redis = inRedis(e);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case RequestColumn: return displayKey(e.url);
        case KeyColumn: return displayKey(e.key);
        case StatusColumn: return e.status;
        case SizeColumn: return formatSize(e.size);
        case HitsColumn: return redis ? QVariant() : QLocale().toString(e.hits);
        case AgeColumn: return redis ? QVariant() : formatAge(e.ageMs);
        case ContentTypeColumn: return QString::fromLatin1(e.contentType);
        case BackendColumn: return redis ? tr("Redis") : tr("this process");
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == RequestColumn && redis && e.url.isEmpty())
            return tr("Redis keeps no request URL; the key names the object");
        if (index.column() == RequestColumn)
            return e.url.isEmpty() ? tr("Not stored by a request (a placeholder render)") : displayKey(e.url);
        if (index.column() == KeyColumn)
            return displayKey(e.key);
        if (index.column() == SizeColumn)
            return tr("%1 bytes of the cache's capacity: %2 bytes of body, the rest headers and bookkeeping")
                .arg(e.size)
                .arg(e.bodyBytes);
        if (index.column() == AgeColumn)
            return e.ttlMs > 0 ? tr("expires in %1").arg(formatAge(e.ttlMs)) : tr("expired");
        if (index.column() == BackendColumn)
            return redis ? tr("In Redis, shared by every instance on it; evicting removes it there")
                         : tr("In this server's own memory");
    }
    if (role == Qt::TextAlignmentRole && index.column() != RequestColumn && index.column() != KeyColumn
        && index.column() != ContentTypeColumn && index.column() != BackendColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant CacheEntryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RequestColumn: return tr("Request");
    case KeyColumn: return tr("Key");
    case StatusColumn: return tr("Status");
    case SizeColumn: return tr("Size");
    case HitsColumn: return tr("Hits");
    case AgeColumn: return tr("Age");
    case ContentTypeColumn: return tr("Content type");
    case BackendColumn: return tr("Held in");
    }
    return {};
}

void CacheEntryModel::setEntries(const QList<CacheEntryInfo> &entries)
{
    // A listing is a new snapshot: rows have no identity across refreshes
    // worth tracking, so a reset is both correct and cheapest.
    beginResetModel();
    m_entries = entries;
    m_totalBytes = 0;
    m_redisCount = 0;
    for (const CacheEntryInfo &e : m_entries) {
        if (inRedis(e))
            ++m_redisCount;
        else
            m_totalBytes += e.size;
    }
    endResetModel();
}

} // namespace mort
