#pragma once
// `kind: http` (spec config.md §4.2): read-only originals behind an HTTP
// origin. `url` holds `<container>` (the bucket) and/or `<item>` (the key with
// its leading '/'); the configured `headers` go with every request. One GET
// yields body and metadata (DESIGN §3: no HEAD-then-GET pair); head() alone
// sends HEAD. 404 → not found, any other non-2xx → 500 storage.io_error.
//
// The operator's host is trusted as written (loopback included: Mort's own
// integration config points at one). What a request controls is guarded:
// the key can never change scheme, host or port, and a redirect away from
// the configured origin is followed only to public addresses.
#include "storage/httptransfer.h"
#include "storage/spooledbody.h"
#include "storage/storage.h"

namespace mort {

struct HttpStorageLimits
{
    HttpTransferLimits transfer{30'000, 120'000, qint64(1) << 30}; // idle, total, 1 GiB body cap
    int maxRedirects = 5;
};

class HttpStorage : public Storage
{
public:
    HttpStorage(const StorageConfig &config, const QString &container, HttpStorageLimits limits = {});

    Expected<ObjectMetadata> head(const QString &key) override;
    Expected<StoredObject> get(const QString &key) override;
    Expected<void> put(const QString &key, const QByteArray &body, const ObjectMetadata &meta) override;
    Expected<void> remove(const QString &key) override;
    // The body is spooled to a temporary file in bounded pieces.
    Expected<std::unique_ptr<QIODevice>> openRead(const QString &key, ObjectMetadata *meta = nullptr,
                                                  const EarlyBodyReader &early = {}) override;
    QString kind() const override { return QStringLiteral("http"); }

    // The upstream URL of a key, or 400 storage.invalid_key when the key
    // would leave the configured origin (exposed for tests).
    Expected<QUrl> urlFor(const QString &key) const;

private:
    // `spool` (optional) receives the body of the last hop, armed for an early
    // reader when the origin answers 2xx.
    Expected<HttpTransferResult> exchange(const QByteArray &method, const QString &key, SpoolWriter *spool = nullptr,
                                          const EarlyBodyReader &early = {});
    ObjectMetadata metadataOf(const HttpTransferResult &result) const;

    StorageConfig m_config;
    QString m_container;
    HttpStorageLimits m_limits;
    QUrl m_origin; // the template with placeholders filled by a neutral item
};

} // namespace mort
