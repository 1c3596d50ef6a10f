#pragma once
// The response cache's entries as a table: the request each one answers,
// key, where it is held (this process, or the Redis cache shared by every
// instance), status, size, hits, age, content type. Qt::UserRole gives the raw value
// of a cell, which the cache browser sorts by (sizes and ages as numbers, not
// as their text). Size is what the entry holds of the cache's capacity, the
// one size figure the browser shows (list, detail and totals).
#include "api/cacheentry.h"

#include <QAbstractTableModel>

namespace mort {

class CacheEntryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        RequestColumn, // "/demo/small/a.jpg": what two entries of one image differ by
        KeyColumn,
        BackendColumn, // this process or Redis
        StatusColumn,
        SizeColumn,
        HitsColumn,
        AgeColumn,
        ContentTypeColumn,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole;

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setEntries(const QList<CacheEntryInfo> &entries);
    const QList<CacheEntryInfo> &entries() const { return m_entries; }
    const CacheEntryInfo &entry(int row) const { return m_entries.at(row); }
    // Bytes of the in-process entries (what the capacity bounds).
    qint64 totalBytes() const { return m_totalBytes; }
    int redisCount() const { return m_redisCount; }
    static bool inRedis(const CacheEntryInfo &e) { return e.backend == QLatin1String("redis"); }

    // The key with control characters made visible (the raw key is SortRole).
    static QString displayKey(const QString &key);
    // "850 ms", "12 s", "3 min", "2 h 5 min"
    static QString formatAge(qint64 ms);
    // The size figure of an entry, as every part of the browser shows it.
    static QString formatSize(qint64 bytes);

private:
    QList<CacheEntryInfo> m_entries;
    qint64 m_totalBytes = 0;
    int m_redisCount = 0;
};

} // namespace mort
