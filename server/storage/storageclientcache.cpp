#include "storage/storageclientcache.h"

#include <QCryptographicHash>
#include <QMutexLocker>

namespace mort {

namespace {

// Length-prefixed fields: no two different configs produce the same stream.
void addField(QCryptographicHash &hash, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    const quint64 size = quint64(utf8.size());
    hash.addData(QByteArrayView(reinterpret_cast<const char *>(&size), sizeof size));
    hash.addData(utf8);
}

QByteArray cacheKey(const StorageConfig &config, const QString &mortBucket)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    addField(hash, mortBucket);
    addField(hash, config.name);
    return hash.result() + StorageClientCache::fingerprint(config);
}

} // namespace

StorageClientCache::StorageClientCache(int capacity, StorageMetering metering)
    : m_capacity(qMax(1, capacity)), m_metering(metering)
{
}

std::shared_ptr<Storage> StorageClientCache::handOut(std::shared_ptr<Storage> storage,
                                                     StorageObjectType objectType) const
{
    if (!m_metering.enabled())
        return storage;
    return std::make_shared<MeteredStorage>(std::move(storage), objectType, *m_metering.metrics, m_metering.tasks);
}

StorageClientCache::~StorageClientCache() = default;

QByteArray StorageClientCache::fingerprint(const StorageConfig &config)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString *field :
         {&config.name, &config.kind, &config.rootPath, &config.pathPrefix, &config.bucket, &config.url,
          &config.accessKey, &config.secretAccessKey, &config.region, &config.endpoint})
        addField(hash, *field);
    addField(hash, QString::number(config.headers.size()));
    for (const auto &header : config.headers) {
        addField(hash, header.first);
        addField(hash, header.second);
    }
    addField(hash, QString::number(config.extra.size()));
    for (auto it = config.extra.cbegin(); it != config.extra.cend(); ++it) { // QMap: sorted, stable
        addField(hash, it.key());
        addField(hash, it.value());
    }
    return hash.result();
}

Expected<std::shared_ptr<Storage>> StorageClientCache::client(const StorageConfig &config, const QString &mortBucket,
                                                              StorageObjectType objectType)
{
    auto viewOf = [objectType](const Entry &entry) {
        return objectType == StorageObjectType::Parent ? entry.parentView : entry.transformView;
    };
    const QByteArray key = cacheKey(config, mortBucket);
    QMutexLocker locker(&m_mutex);
    if (auto it = m_index.constFind(key); it != m_index.constEnd()) {
        m_lru.splice(m_lru.begin(), m_lru, *it); // iterators stay valid
        return viewOf(m_lru.front());
    }

    // Created under the lock so two racing requests never build two clients
    // for one key; the supported kinds create cheaply (a mkdir at most).
    auto created = createStorage(config, mortBucket);
    if (!created) {
        ++m_failed;
        return created.takeError();
    }
    ++m_created;
    m_lru.push_front(
        Entry{key, handOut(*created, StorageObjectType::Parent), handOut(*created, StorageObjectType::Transform)});
    m_index.insert(key, m_lru.begin());

    // The evicted clients are destroyed after the lock is released (when the
    // last request holding them finishes), not while other callers wait.
    std::list<Entry> evicted;
    while (m_lru.size() > size_t(m_capacity)) {
        m_index.remove(m_lru.back().key);
        evicted.splice(evicted.begin(), m_lru, std::prev(m_lru.end()));
        ++m_evicted;
    }
    std::shared_ptr<Storage> result = viewOf(m_lru.front());
    locker.unlock();
    evicted.clear();
    return result;
}

void StorageClientCache::clear()
{
    List dropped;
    {
        QMutexLocker locker(&m_mutex);
        m_evicted += quint64(m_lru.size());
        dropped.swap(m_lru);
        m_index.clear();
    }
    dropped.clear(); // outside the lock: destructors may close connections
}

int StorageClientCache::size() const
{
    QMutexLocker locker(&m_mutex);
    return int(m_lru.size());
}

quint64 StorageClientCache::createdCount() const
{
    QMutexLocker locker(&m_mutex);
    return m_created;
}

quint64 StorageClientCache::evictedCount() const
{
    QMutexLocker locker(&m_mutex);
    return m_evicted;
}

quint64 StorageClientCache::failedCount() const
{
    QMutexLocker locker(&m_mutex);
    return m_failed;
}

} // namespace mort
