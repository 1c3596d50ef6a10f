#include "storage/meteredstorage.h"

#include "core/taskregistry.h"

namespace mort {

using Clock = std::chrono::steady_clock;

MeteredStorage::MeteredStorage(std::shared_ptr<Storage> inner, StorageObjectType objectType, MortMetrics &metrics,
                               TaskRegistry *tasks)
    : m_inner(std::move(inner)), m_objectType(objectType), m_kind(m_inner->kind().toLatin1()), m_metrics(metrics),
      m_tasks(tasks)
{
}

void MeteredStorage::observe(StorageMethod method, Clock::time_point started, qint64 bytes) const
{
    // The `bucket` label is the storage's own `bucket` setting in Mort; our
    // backends do not report one yet, so it stays empty as before.
    m_metrics.observeStorage(method, {}, m_kind, m_objectType, Clock::now() - started, bytes);
}

Expected<ObjectMetadata> MeteredStorage::head(const QString &key)
{
    TaskScope fetch(m_tasks, TaskKind::Fetch);
    const auto started = Clock::now();
    Expected<ObjectMetadata> result = m_inner->head(key);
    observe(StorageMethod::Head, started);
    return result;
}

Expected<StoredObject> MeteredStorage::get(const QString &key)
{
    TaskScope fetch(m_tasks, TaskKind::Fetch);
    const auto started = Clock::now();
    Expected<StoredObject> result = m_inner->get(key);
    observe(StorageMethod::Get, started, result ? result->body.size() : 0);
    return result;
}

Expected<std::unique_ptr<QIODevice>> MeteredStorage::openRead(const QString &key, ObjectMetadata *meta,
                                                              const EarlyBodyReader &early)
{
    // The task covers the storage call: opening a file, or a whole download
    // (its body may be sent on early while it runs). A file is read later, by
    // whoever holds the device.
    TaskScope fetch(m_tasks, TaskKind::Fetch);
    ObjectMetadata local;
    ObjectMetadata *out = meta ? meta : &local;
    const auto started = Clock::now();
    Expected<std::unique_ptr<QIODevice>> result = m_inner->openRead(key, out, early);
    observe(StorageMethod::Get, started, result ? out->size : 0);
    return result;
}

Expected<void> MeteredStorage::put(const QString &key, const QByteArray &body, const ObjectMetadata &meta)
{
    TaskScope store(m_tasks, TaskKind::Store);
    const auto started = Clock::now();
    Expected<void> result = m_inner->put(key, body, meta);
    observe(StorageMethod::Set, started, body.size());
    return result;
}

Expected<void> MeteredStorage::putStream(const QString &key, QIODevice &body, qint64 size, const ObjectMetadata &meta)
{
    TaskScope store(m_tasks, TaskKind::Store);
    const auto started = Clock::now();
    Expected<void> result = m_inner->putStream(key, body, size, meta);
    observe(StorageMethod::Set, started, size);
    return result;
}

Expected<void> MeteredStorage::remove(const QString &key)
{
    TaskScope store(m_tasks, TaskKind::Store);
    const auto started = Clock::now();
    Expected<void> result = m_inner->remove(key);
    observe(StorageMethod::Delete, started);
    return result;
}

Expected<QStringList> MeteredStorage::listKeys(int limit)
{
    // Mort has no storage method for listing: a fetch task, no storage metric.
    TaskScope fetch(m_tasks, TaskKind::Fetch);
    return m_inner->listKeys(limit);
}

Expected<QUrl> MeteredStorage::presignGet(const QString &key, int expiresSeconds)
{
    // Signing is local work (no call to the backend), but Mort counts it as a storage method.
    const auto started = Clock::now();
    Expected<QUrl> result = m_inner->presignGet(key, expiresSeconds);
    observe(StorageMethod::Presign, started);
    return result;
}

Expected<void> MeteredStorage::requestRestore(const QString &key, int days, const QString &tier)
{
    // An archive restore request is a write to the backend; Mort has no metric for it.
    TaskScope store(m_tasks, TaskKind::Store);
    return m_inner->requestRestore(key, days, tier);
}

} // namespace mort
