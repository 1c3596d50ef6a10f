#pragma once
// S3 multipart uploads, as `aws s3 cp`, rclone and s3cmd send files over
// their thresholds (8 MiB, 200 MiB, 15 MiB): CreateMultipartUpload,
// UploadPart, CompleteMultipartUpload, AbortMultipartUpload. Parts are kept
// as files in a folder of this process under $TMPDIR (removed with it); the
// object is written to the storage only on Complete, streamed from the parts
// in order, so a failed or abandoned upload never shows a partial object.
// Bounded: at most kMaxUploads open uploads, 10,000 parts each, uploads idle
// for a day are dropped, and the object within the bucket's size limit.
#include "core/expected.h"
#include "s3/s3error.h"
#include "storage/storage.h"

#include <QDateTime>
#include <QHash>
#include <QIODevice>
#include <QMap>
#include <QMutex>
#include <QTemporaryDir>

#include <memory>
#include <optional>
#include <variant>

namespace mort::s3 {

class MultipartStore
{
public:
    static constexpr int kMaxUploads = 1000;
    static constexpr int kMaxParts = 10000;
    static constexpr qint64 kMinPartBytes = 5LL << 20; // every part but the last
    static constexpr qint64 kIdleSeconds = 24 * 3600;

    MultipartStore();

    // A new upload of `bucket`/`key` (key with its leading '/'); its id.
    std::variant<QByteArray, S3Error> create(const QString &bucket, const QString &key, const ObjectMetadata &meta);
    // Stores part `number` from `body` (`size` bytes, already verified); its ETag.
    std::variant<QByteArray, S3Error> addPart(const QByteArray &uploadId, const QString &bucket, const QString &key,
                                              int number, QIODevice &body, qint64 size, const QByteArray &md5Hex);

    struct Assembled
    {
        std::unique_ptr<QIODevice> body; // the parts in order, read sequentially
        qint64 size = 0;
        QByteArray etag; // "<md5 of the parts' md5s>-<count>", quoted
        ObjectMetadata meta;
    };
    // `parts`: (number, ETag) as the client lists them, ascending.
    std::variant<Assembled, S3Error> assemble(const QByteArray &uploadId, const QString &bucket, const QString &key,
                                              const QList<QPair<int, QByteArray>> &parts, qint64 maxObjectBytes);
    // Removes the upload and its parts (after Complete, or Abort). False when unknown.
    bool remove(const QByteArray &uploadId, const QString &bucket, const QString &key);

    int openUploads() const;

private:
    struct Part
    {
        QByteArray etag; // quoted md5
        QByteArray md5;  // binary
        qint64 size = 0;
    };
    struct Upload
    {
        QString bucket, key;
        ObjectMetadata meta;
        QDateTime touched;
        QMap<int, Part> parts;
    };
    QString partPath(const QByteArray &uploadId, int number) const;
    void expireLocked(const QDateTime &now);

    QTemporaryDir m_root;
    mutable QMutex m_mutex;
    QHash<QByteArray, Upload> m_uploads;
};

} // namespace mort::s3
