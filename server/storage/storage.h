#pragma once
// Storage backends (spec config.md §4.2). Calls are blocking and run on the I/O
// pool, never on the HTTP thread. "Not found" is an Error with status 404
// (Error::isNotFound()).
#include "config/config.h"
#include "core/expected.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>

namespace mort {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct ObjectMetadata
{
    QByteArray contentType;
    qint64 size = -1;        // body bytes, computed once when read
    QByteArray etag;         // as it goes on the wire (Mort: W/"<md5(mtime)>" for local-meta)
    QDateTime lastModified;  // UTC
    HeaderList headers;      // extra headers to serve: x-*, cache-control (lower-case names)
    bool isDirectory = false;
};

struct StoredObject
{
    ObjectMetadata meta;
    QByteArray body; // implicitly shared, never copied after the read
};

class Storage
{
public:
    virtual ~Storage() = default;

    virtual Expected<ObjectMetadata> head(const QString &key) = 0;
    virtual Expected<StoredObject> get(const QString &key) = 0;
    // `meta.contentType` and `meta.headers` (x-amz-meta-*, etag) are persisted.
    virtual Expected<void> put(const QString &key, const QByteArray &body, const ObjectMetadata &meta) = 0;
    virtual Expected<void> remove(const QString &key) = 0;

    virtual QString kind() const = 0; // "local-meta", "noop", ...
};

// Creates the backend for one storage entry of one bucket. Unknown or
// not-yet-supported kinds return an Error with status 503 (Mort: client
// creation failure surfaces as 503 at request time).
Expected<std::shared_ptr<Storage>> createStorage(const StorageConfig &config, const QString &mortBucket);

// storageKey = clean(pathPrefix + "/" + key) (spec urls-and-transforms.md §6).
QString cleanStorageKey(const QString &pathPrefix, const QString &key);

} // namespace mort
