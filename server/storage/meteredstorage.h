#pragma once
// A Storage decorator: every call on the wrapped storage is a counted task
// (`fetch` for reads, `store` for writes and deletes) and lands in Mort's
// mort_storage_request / mort_storage_time / mort_storage_throughput. The
// client cache hands these out, so no caller meters by hand and every backend
// (local, s3, http, ...) is metered the same way.
#include "monitoring/mortmetrics.h"
#include "storage/storage.h"

namespace mort {

class TaskRegistry;

// Where metered storages report; both outlive every storage handed out.
struct StorageMetering
{
    MortMetrics *metrics = nullptr; // null: storages are handed out unmetered
    TaskRegistry *tasks = nullptr;  // null: no tasks (metrics still count)

    bool enabled() const { return metrics != nullptr; }
};

class MeteredStorage final : public Storage
{
public:
    // `objectType` is Mort's object_type label: a view per type shares one
    // backend (a bucket's storage holds originals and results alike).
    MeteredStorage(std::shared_ptr<Storage> inner, StorageObjectType objectType, MortMetrics &metrics,
                   TaskRegistry *tasks);

    Expected<ObjectMetadata> head(const QString &key) override;
    Expected<StoredObject> get(const QString &key) override;
    Expected<void> put(const QString &key, const QByteArray &body, const ObjectMetadata &meta) override;
    Expected<void> putStream(const QString &key, QIODevice &body, qint64 size, const ObjectMetadata &meta) override;
    Expected<void> remove(const QString &key) override;
    Expected<std::unique_ptr<QIODevice>> openRead(const QString &key, ObjectMetadata *meta = nullptr,
                                                  const EarlyBodyReader &early = {}) override;
    Expected<QStringList> listKeys(int limit) override;
    Expected<QUrl> presignGet(const QString &key, int expiresSeconds) override;
    Expected<void> requestRestore(const QString &key, int days, const QString &tier) override;
    QString kind() const override { return m_inner->kind(); }

    const std::shared_ptr<Storage> &inner() const { return m_inner; }

private:
    void observe(StorageMethod method, std::chrono::steady_clock::time_point started, qint64 bytes = 0) const;

    const std::shared_ptr<Storage> m_inner;
    const StorageObjectType m_objectType;
    const QByteArray m_kind; // the storage label, computed once
    MortMetrics &m_metrics;
    TaskRegistry *const m_tasks;
};

} // namespace mort
