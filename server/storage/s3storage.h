#pragma once
// `kind: s3` (spec config.md §4.2): objects in an S3 bucket (AWS, MinIO, Ceph,
// B2/Oracle/GCS through their S3 endpoints), signed with our SigV4
// (aws/sigv4.h). A custom `endpoint` means path-style addressing
// (<endpoint>/<bucket>/<key>), as Mort; without one, AWS virtual-hosted style
// (https://<bucket>.s3.<region>.amazonaws.com/<key>). Keys are stored without
// their leading '/', under `pathPrefix`.
#include "storage/httptransfer.h"
#include "storage/spooledbody.h"
#include "storage/storage.h"

#include <QUrl>

namespace mort {

class S3Storage : public Storage
{
public:
    // `bucket` = config.bucket or the Mort bucket.
    // `listPageKeys`: keys asked per LIST page (S3's own maximum by default).
    S3Storage(const StorageConfig &config, const QString &bucket, HttpTransferLimits limits = {},
              int listPageKeys = 1000);

    Expected<ObjectMetadata> head(const QString &key) override;
    Expected<StoredObject> get(const QString &key) override;
    Expected<void> put(const QString &key, const QByteArray &body, const ObjectMetadata &meta) override;
    // Streams the body to S3 in one PUT (UNSIGNED-PAYLOAD: the bytes are not read twice).
    Expected<void> putStream(const QString &key, QIODevice &body, qint64 size, const ObjectMetadata &meta) override;
    Expected<void> remove(const QString &key) override;
    // The body is spooled to a temporary file in bounded pieces, so memory
    // stays flat whatever the object size, and can be sent on while it arrives.
    Expected<std::unique_ptr<QIODevice>> openRead(const QString &key, ObjectMetadata *meta = nullptr,
                                                  const EarlyBodyReader &early = {}) override;
    Expected<QStringList> listKeys(int limit) override;
    QString kind() const override { return QStringLiteral("s3"); }

    // GET of bytes [first, last] (last < 0: to the end), answered by S3 itself.
    Expected<StoredObject> getRange(const QString &key, qint64 first, qint64 last);

    // Presigned GET URL of the object, valid `expiresSeconds` (Mort: 5 h for
    // maxFileSize redirects).
    Expected<QUrl> presignGet(const QString &key, int expiresSeconds) override;
    QUrl presignGetAt(const QString &key, int expiresSeconds, const QDateTime &now) const;
    // POST ?restore (RestoreObject); a restore already running counts as asked.
    Expected<void> requestRestore(const QString &key, int days, const QString &tier) override;

    // The object's key in the bucket: pathPrefix joined, no leading '/'.
    QString objectKey(const QString &key) const;
    // Absolute URL of an object key (empty key: the bucket itself).
    QUrl objectUrl(const QString &objectKey) const;

private:
    // A PUT of `key` with the headers Mort sends for `meta` (no body yet).
    HttpTransferRequest putRequest(const QString &key, const ObjectMetadata &meta) const;
    HttpTransferResult send(HttpTransferRequest request, const QByteArray &payloadHash);
    // `spool` (optional) receives the body, armed for an early reader when S3 answers 2xx.
    Expected<StoredObject> fetch(const QString &key, const QByteArray &range, SpoolWriter *spool = nullptr,
                                 const EarlyBodyReader &early = {});
    Error failure(const char *operation, const QString &key, const HttpTransferResult &result) const;
    ObjectMetadata metadataOf(const HttpTransferResult &result, const QString &key) const;

    StorageConfig m_config;
    QString m_bucket;
    QString m_region;
    QUrl m_endpoint; // empty: AWS virtual-hosted
    HttpTransferLimits m_limits;
    int m_listPageKeys;
};

} // namespace mort
