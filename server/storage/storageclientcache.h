#pragma once
// Bounded LRU of storage clients (DESIGN §3: Mort kept every client forever).
// Keyed by (Mort bucket, storage name, fingerprint of the StorageConfig), so a
// reloaded config with changed storage settings gets a fresh client while an
// unchanged one keeps its client. Eviction only drops the cache's reference:
// requests still holding the shared_ptr finish with it, and the client is
// closed (destroyed) when the last holder lets go. With metering, every client
// handed out is a MeteredStorage view of the cached backend (one view per
// object type), so storage calls are counted tasks and metrics wherever they
// are made. Thread-safe.
#include "storage/meteredstorage.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>

#include <list>
#include <memory>

namespace mort {

class StorageClientCache
{
public:
    explicit StorageClientCache(int capacity = 64, StorageMetering metering = {});
    ~StorageClientCache();

    StorageClientCache(const StorageClientCache &) = delete;
    StorageClientCache &operator=(const StorageClientCache &) = delete;

    // The cached client, or a new one from createStorage(). Failures are not
    // cached: the next request retries (Mort cached the error forever).
    // `objectType`: what the caller reads or writes through it (Mort's
    // object_type label): originals are `Parent`, stored results `Transform`.
    Expected<std::shared_ptr<Storage>> client(const StorageConfig &config, const QString &mortBucket,
                                              StorageObjectType objectType = StorageObjectType::Parent);
    // `storage` as this cache hands it out: metered when metering is on.
    std::shared_ptr<Storage> handOut(std::shared_ptr<Storage> storage, StorageObjectType objectType) const;

    // Drops every client (config reload, shutdown); counted as evictions.
    void clear();

    int capacity() const { return m_capacity; }
    int size() const;             // live clients held by the cache
    quint64 createdCount() const; // clients created
    quint64 evictedCount() const; // clients dropped by LRU or clear()
    quint64 failedCount() const;  // createStorage() errors

    // Stable digest of every StorageConfig field (part of the cache key).
    static QByteArray fingerprint(const StorageConfig &config);

private:
    struct Entry
    {
        QByteArray key;
        std::shared_ptr<Storage> parentView;    // what client() hands out, by object type;
        std::shared_ptr<Storage> transformView; // both hold the one backend
    };
    using List = std::list<Entry>; // front = most recently used

    const int m_capacity;
    const StorageMetering m_metering;
    mutable QMutex m_mutex;
    List m_lru;
    QHash<QByteArray, List::iterator> m_index;
    quint64 m_created = 0;
    quint64 m_evicted = 0;
    quint64 m_failed = 0;
};

} // namespace mort
