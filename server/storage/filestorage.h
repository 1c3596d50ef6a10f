#pragma once
// Shared base of the file-system backends (`local`, `local-meta`): key to
// path mapping inside the container directory, atomic writes, directory
// markers, guarded deletes, stat-derived metadata. Subclasses only decide the
// on-disk header and the ETag text. Symlinks are followed only while they stay
// inside the container (rootcontainment.h): a read through a link out of it
// is object.not_found (404), a write storage.key_conflict (409).
#include "storage/rootcontainment.h"
#include "storage/storage.h"

#include <QFile>
#include <QMap>
#include <QSaveFile>

#include <functional>

namespace mort {

class FileStorage : public Storage
{
public:
    // Lower-case metadata keys -> values, as stored in a file header.
    using Metadata = QMap<QByteArray, QByteArray>;

    // `containerDir` must exist (createStorage creates it).
    FileStorage(const StorageConfig &config, const QString &containerDir);

    Expected<ObjectMetadata> head(const QString &key) override;
    Expected<StoredObject> get(const QString &key) override;
    Expected<void> put(const QString &key, const QByteArray &body, const ObjectMetadata &meta) override;
    Expected<void> putStream(const QString &key, QIODevice &body, qint64 size, const ObjectMetadata &meta) override;
    Expected<void> remove(const QString &key) override;
    Expected<std::unique_ptr<QIODevice>> openRead(const QString &key, ObjectMetadata *meta = nullptr,
                                                  const EarlyBodyReader &early = {}) override;
    // Files under the container (pathPrefix applied), hidden ones skipped.
    Expected<QStringList> listKeys(int limit) override;

    QString containerDir() const { return m_containerDir; }
    // Absolute path a key maps to (no I/O); empty for an invalid key.
    QString filePath(const QString &key) const;

protected:
    struct Header
    {
        qint64 size = 0; // bytes before the body
        Metadata metadata;
    };

    // Called with `file` at position 0; must leave it at the body start.
    virtual Expected<Header> readHeader(QFile &file, qint64 fileSize, const QString &path) const = 0;
    // Bytes written before the body (empty = plain file).
    virtual QByteArray encodeHeader(const ObjectMetadata &meta) const = 0;
    // ETag for a file with this mtime, as it goes on the wire.
    virtual QByteArray etagFor(qint64 seconds, qint64 nanoseconds) const = 0;

    const StorageConfig &config() const { return m_config; }

private:
    struct Resolved
    {
        QString cleanedKey; // cleanStorageKey(pathPrefix, key)
        QString relative;   // below the container, no leading '/'; "" for the container itself
        QString path;       // absolute file path inside the container
        bool isContainer = false;
    };
    struct Opened
    {
        std::unique_ptr<QFile> file; // null for directories
        ObjectMetadata meta;
        qint64 bodyOffset = 0;
        QString path;
        QString cleanedKey;
    };
    enum class Sniff { Now, Later };

    Expected<Resolved> resolve(const QString &key) const;
    Expected<Opened> open(const QString &key, Sniff sniff);
    Expected<void> makeDirectory(const Resolved &target);
    Expected<void> makeParent(const Resolved &target);
    // put()/putStream(): `write` adds the body after the header.
    Expected<void> writeObject(const QString &key, bool empty, const ObjectMetadata &meta,
                               const std::function<bool(QSaveFile &)> &write);
    Expected<void> removeDirectoryTree(const Resolved &target);
    Error conflictOrIoError(const Resolved &target, const QString &operation, const QString &reason) const;
    // storage.key_conflict for a write whose path resolves out of the container.
    Expected<void> checkWritable(const Resolved &target) const;

    StorageConfig m_config;
    QString m_containerDir;
    RootContainment m_containment;
};

} // namespace mort
