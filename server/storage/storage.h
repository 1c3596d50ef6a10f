#pragma once
// Storage backends (spec config.md §4.2). Calls are blocking and run on the I/O
// pool, never on the HTTP thread. "Not found" is an Error with status 404
// (Error::isNotFound()).
#include "config/config.h"
#include "core/expected.h"

#include <QByteArray>
#include <QDateTime>
#include <QIODevice>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

namespace mort {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct ObjectMetadata
{
    QByteArray contentType;
    qint64 size = -1;       // body bytes, computed once when read
    QByteArray etag;        // as it goes on the wire (Mort: W/"<md5(mtime)>" for local-meta)
    QDateTime lastModified; // UTC
    HeaderList headers;     // extra headers to serve: x-*, cache-control (lower-case names)
    bool isDirectory = false;
};

struct StoredObject
{
    ObjectMetadata meta;
    QByteArray body; // implicitly shared, never copied after the read
};

// openRead()'s early start for a body still arriving: `body` reads from byte
// 0; a read returns 0 bytes while the next ones are on their way (readyRead
// is emitted, from the downloading thread, when they arrive or the body
// ends); atEnd() is true at the end of the body, or at once when the download
// failed with bytes missing. Move `body` out to keep it: openRead() then runs
// until the last byte is in (or the kept readers are all gone), and what it
// returns only tells how the download ended.
using EarlyBodyReader = std::function<void(const ObjectMetadata &meta, std::unique_ptr<QIODevice> &body)>;

// Keys are Mort object keys ("/dir/img.jpg"); each backend maps them itself
// with cleanStorageKey(config.pathPrefix, key), so callers never pre-join.
// A key that names a directory is reported, not refused: head/get/openRead
// answer with meta.isDirectory = true (and an empty body); turning that into
// Mort's "404 application/xml" is the service's job.
class Storage
{
public:
    virtual ~Storage() = default;

    virtual Expected<ObjectMetadata> head(const QString &key) = 0;
    virtual Expected<StoredObject> get(const QString &key) = 0;
    // `meta.contentType` and `meta.headers` (x-amz-meta-*, etag) are persisted.
    // An empty body creates a directory at the key (S3 "folder" marker).
    virtual Expected<void> put(const QString &key, const QByteArray &body, const ObjectMetadata &meta) = 0;
    // The same for a large body: `size` bytes read from `body` (from its
    // current position) in bounded pieces. Nothing is visible under the key
    // until every byte is stored; a failure leaves the old object (or none).
    // The default reads the whole body and calls put() (backends that cannot
    // stream hold it in memory); file backends stream.
    virtual Expected<void> putStream(const QString &key, QIODevice &body, qint64 size, const ObjectMetadata &meta);
    // Local storages refuse (409 "storage.directory_not_empty") to delete a
    // directory holding anything but empty directories (peer-differences C7).
    virtual Expected<void> remove(const QString &key) = 0;

    // Streaming seam for large objects: an open, readable device whose
    // position 0 is the first body byte and whose size() is the body size;
    // `meta` (optional) receives what head() would return for the same bytes.
    // The default wraps get(); file backends return the file itself.
    // Network backends download while the caller may already send: `early`
    // (optional) is called from inside openRead(), on its thread, as soon as
    // the metadata and the first bytes are in (see EarlyBodyReader).
    virtual Expected<std::unique_ptr<QIODevice>> openRead(const QString &key, ObjectMetadata *meta = nullptr,
                                                          const EarlyBodyReader &early = {});

    // Keys of the objects (not directories) in the container, sorted, at most
    // `limit`: for browsing a bucket from the studio. Backends that cannot
    // list answer 501 "storage.list_unsupported".
    virtual Expected<QStringList> listKeys(int limit);

    // A URL any client may GET the object from for `expiresSeconds` without
    // credentials (maxFileSize answers 307 there, spec config.md §2). Storages
    // that cannot presign answer 503 "storage.presign_unsupported" (Mort's 503).
    virtual Expected<QUrl> presignGet(const QString &key, int expiresSeconds);

    // Asks the backend to bring an archived object (S3 GLACIER/DEEP_ARCHIVE)
    // back for `days` at `tier` (Expedited, Standard, Bulk); see
    // GlacierRestorer. Storages without archive classes answer 501
    // "storage.restore_unsupported".
    virtual Expected<void> requestRestore(const QString &key, int days, const QString &tier);

    virtual QString kind() const = 0; // "local-meta", "noop", ...
};

// Creates the backend for one storage entry of one bucket. Unknown or
// not-yet-supported kinds return an Error with status 503 (Mort: client
// creation failure surfaces as 503 at request time).
Expected<std::shared_ptr<Storage>> createStorage(const StorageConfig &config, const QString &mortBucket);

// storageKey = clean(pathPrefix + "/" + key) (spec urls-and-transforms.md §6).
// POSIX-style clean that treats the joined path as rooted for `..`: a `..`
// can never climb above the start, even under a relative prefix
// ("transforms/../../x" -> "x"). Keeps a leading "/" when the joined path has
// one (empty or absolute prefix); the root itself is "/" (or "." when relative).
QString cleanStorageKey(const QString &pathPrefix, const QString &key);

} // namespace mort
