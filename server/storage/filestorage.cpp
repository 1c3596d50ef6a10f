#include "storage/filestorage.h"

#include "storage/contenttype.h"
#include "storage/filebodydevice.h"
#include "storage/storageerrors.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QDirIterator>
#include <QSaveFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mort {

namespace {

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

QDateTime toDateTime(const struct timespec &ts)
{
    return QDateTime::fromMSecsSinceEpoch(qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000, Qt::UTC);
}

// Reads exactly `size` bytes or fails; files are replaced by rename, so a
// short read means someone rewrote the file in place under us.
bool readFully(QFile &file, char *data, qint64 size)
{
    qint64 done = 0;
    while (done < size) {
        const qint64 n = file.read(data + done, size - done);
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

} // namespace

FileStorage::FileStorage(const StorageConfig &config, const QString &containerDir)
    : m_config(config), m_containerDir(QDir::cleanPath(containerDir)), m_containment(m_containerDir)
{
}

QString FileStorage::filePath(const QString &key) const
{
    auto resolved = resolve(key);
    return resolved ? resolved->path : QString();
}

Expected<FileStorage::Resolved> FileStorage::resolve(const QString &key) const
{
    if (key.contains(QChar(0)))
        return storageerrors::invalidKey(key);
    Resolved r;
    r.cleanedKey = cleanStorageKey(m_config.pathPrefix, key);
    // The cleaned key has no "..", "." or empty segments, so appending it can
    // only name the container itself or something below it.
    QStringView relative(r.cleanedKey);
    if (relative.startsWith(QLatin1Char('/')))
        relative = relative.mid(1);
    if (relative.isEmpty() || relative == QLatin1String(".")) {
        r.isContainer = true;
        r.path = m_containerDir;
    } else {
        r.relative = relative.toString();
        r.path = m_containerDir + QLatin1Char('/') + r.relative;
    }
    return r;
}

Expected<FileStorage::Opened> FileStorage::open(const QString &key, Sniff sniff)
{
    auto resolved = resolve(key);
    if (!resolved)
        return resolved.takeError();
    Opened opened;
    opened.path = resolved->path;
    opened.cleanedKey = resolved->cleanedKey;
    // Opened beneath the container, links followed only while they stay in
    // it; O_NONBLOCK so that a FIFO cannot block us (refused below).
    const int fd = m_containment.open(resolved->relative, O_RDONLY | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        const int error = errno;
        if (error == EXDEV)
            return Error::notFound(opened.path + QStringLiteral(" leads out of the storage root ") + m_containerDir
                                   + QStringLiteral(" (a symlink): only links that stay inside it are followed"));
        // A name longer than the file system allows cannot exist either.
        if (error == ENOENT || error == ENOTDIR || error == ELOOP || error == ENAMETOOLONG)
            return Error::notFound(opened.path);
        return storageerrors::ioError(QStringLiteral("open"), opened.path, errnoText(error));
    }
    auto file = std::make_unique<QFile>();
    if (!file->open(fd, QIODevice::ReadOnly | QIODevice::Unbuffered, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return storageerrors::ioError(QStringLiteral("open"), opened.path, file->errorString());
    }
    // Type, size and mtime from the descriptor we read: a concurrent rename
    // cannot swap the file between a stat and the open.
    struct stat st = {};
    if (::fstat(fd, &st) != 0)
        return storageerrors::ioError(QStringLiteral("fstat"), opened.path, errnoText(errno));

    ObjectMetadata &meta = opened.meta;
    if (S_ISDIR(st.st_mode)) {
        meta.isDirectory = true;
        meta.size = 0;
        meta.lastModified = toDateTime(st.st_mtim);
        meta.etag = etagFor(st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
        // Mort: type by extension, else "application/directory".
        meta.contentType = contenttype::byExtension(opened.cleanedKey);
        if (meta.contentType.isEmpty())
            meta.contentType = "application/directory";
        return opened;
    }
    if (!S_ISREG(st.st_mode)) // FIFOs and devices would block or never end
        return Error::notFound(opened.path + QStringLiteral(" is not a regular file"));
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);

    auto header = readHeader(*file, qint64(st.st_size), opened.path);
    if (!header)
        return header.takeError();

    opened.bodyOffset = header->size;
    meta.size = qint64(st.st_size) - header->size;
    meta.lastModified = toDateTime(st.st_mtim);
    meta.etag = etagFor(st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
    for (auto it = header->metadata.cbegin(); it != header->metadata.cend(); ++it) {
        if (it.key() == "content-type")
            meta.contentType = it.value();
        else if (it.key().startsWith("x-") || it.key() == "cache-control")
            meta.headers.append({it.key(), it.value()});
    }
    if (meta.contentType.isEmpty())
        meta.contentType = contenttype::byExtension(opened.cleanedKey);
    if (meta.contentType.isEmpty() && sniff == Sniff::Now) {
        QByteArray peek(qMin<qint64>(contenttype::SniffLength, meta.size), Qt::Uninitialized);
        if (!readFully(*file, peek.data(), peek.size()) || !file->seek(opened.bodyOffset))
            return storageerrors::ioError(QStringLiteral("read"), opened.path, file->errorString());
        meta.contentType = contenttype::sniff(peek);
    }
    opened.file = std::move(file);
    return opened;
}

Expected<ObjectMetadata> FileStorage::head(const QString &key)
{
    auto opened = open(key, Sniff::Now);
    if (!opened)
        return opened.takeError();
    return std::move(opened->meta);
}

Expected<StoredObject> FileStorage::get(const QString &key)
{
    auto opened = open(key, Sniff::Later);
    if (!opened)
        return opened.takeError();
    StoredObject object;
    object.meta = std::move(opened->meta);
    if (object.meta.isDirectory)
        return object;

    // One allocation of the final size, filled straight from the descriptor.
    object.body = QByteArray(object.meta.size, Qt::Uninitialized);
    if (!readFully(*opened->file, object.body.data(), object.meta.size))
        return storageerrors::ioError(QStringLiteral("read"), opened->path,
                                      QStringLiteral("short read (file changed while reading?)"));
    if (object.meta.contentType.isEmpty())
        object.meta.contentType = contenttype::sniff(object.body);
    return object;
}

// The whole body is there at once: `early` is never called.
Expected<std::unique_ptr<QIODevice>> FileStorage::openRead(const QString &key, ObjectMetadata *meta,
                                                           const EarlyBodyReader &)
{
    auto opened = open(key, Sniff::Now);
    if (!opened)
        return opened.takeError();
    std::unique_ptr<QIODevice> device;
    if (opened->meta.isDirectory) {
        auto empty = std::make_unique<QBuffer>();
        empty->open(QIODevice::ReadOnly);
        device = std::move(empty);
    } else {
        auto body = std::make_unique<FileBodyDevice>(std::move(opened->file), opened->bodyOffset, opened->meta.size);
        if (!body->isOpen())
            return storageerrors::ioError(QStringLiteral("seek"), opened->path, body->errorString());
        device = std::move(body);
    }
    if (meta)
        *meta = std::move(opened->meta);
    return device;
}

Error FileStorage::conflictOrIoError(const Resolved &target, const QString &operation, const QString &reason) const
{
    // A regular file on the way down means the key cannot become what was
    // asked (put /a/b with /a a file): that is the caller's conflict, not an
    // I/O failure.
    QString dir = target.path;
    while (dir.size() > m_containerDir.size()) {
        const QFileInfo info(dir);
        if (info.exists() && !info.isDir())
            return storageerrors::keyConflict(target.cleanedKey,
                                              info.filePath() + QStringLiteral(" is not a directory"));
        dir = info.path();
    }
    return storageerrors::ioError(operation, target.path, reason);
}

Expected<void> FileStorage::checkWritable(const Resolved &target) const
{
    if (m_containment.resolvesInside(target.path))
        return {};
    return storageerrors::keyConflict(
        target.cleanedKey,
        target.path + QStringLiteral(" leads out of the storage root ") + m_containerDir
            + QStringLiteral(" (a symlink on the way): remove the link or point it inside"));
}

Expected<void> FileStorage::makeDirectory(const Resolved &target)
{
    const QFileInfo info(target.path);
    if (info.isDir())
        return {};
    if (info.exists())
        return storageerrors::keyConflict(target.cleanedKey, QStringLiteral("a file exists at this key"));
    if (!QDir().mkpath(target.path))
        return conflictOrIoError(target, QStringLiteral("mkdir"), QStringLiteral("cannot create directory"));
    return {};
}

Expected<void> FileStorage::makeParent(const Resolved &target)
{
    const QString parent = QFileInfo(target.path).path();
    if (QFileInfo(parent).isDir() || QDir().mkpath(parent))
        return {};
    return conflictOrIoError(target, QStringLiteral("mkdir"), QStringLiteral("cannot create ") + parent);
}

Expected<void> FileStorage::put(const QString &key, const QByteArray &body, const ObjectMetadata &meta)
{
    return writeObject(key, body.isEmpty(), meta, [&](QSaveFile &file) { return file.write(body) == body.size(); });
}

Expected<void> FileStorage::putStream(const QString &key, QIODevice &body, qint64 size, const ObjectMetadata &meta)
{
    return writeObject(key, size == 0, meta, [&](QSaveFile &file) {
        constexpr qint64 kPiece = 256 * 1024;
        QByteArray buffer(kPiece, Qt::Uninitialized);
        qint64 left = size;
        while (left > 0) {
            const qint64 n = body.read(buffer.data(), std::min(kPiece, left));
            if (n <= 0 || file.write(buffer.constData(), n) != n)
                return false;
            left -= n;
        }
        return true;
    });
}

Expected<void> FileStorage::writeObject(const QString &key, bool empty, const ObjectMetadata &meta,
                                        const std::function<bool(QSaveFile &)> &write)
{
    auto resolved = resolve(key);
    if (!resolved)
        return resolved.takeError();
    // Before anything is created: mkpath and QSaveFile follow links.
    if (auto writable = checkWritable(*resolved); !writable)
        return writable;
    if (empty)
        return makeDirectory(*resolved);
    if (resolved->isContainer || QFileInfo(resolved->path).isDir())
        return storageerrors::keyConflict(resolved->cleanedKey, QStringLiteral("a directory exists at this key"));
    if (auto parent = makeParent(*resolved); !parent)
        return parent;

    // QSaveFile writes a temporary file in the same directory and renames it
    // over the target on commit: readers see the old or the new file, never a
    // partial one, and a failed write leaves the old file intact.
    QSaveFile file(resolved->path);
    if (!file.open(QIODevice::WriteOnly))
        return conflictOrIoError(*resolved, QStringLiteral("open for write"), file.errorString());
    const QByteArray header = encodeHeader(meta);
    if ((!header.isEmpty() && file.write(header) != header.size()) || !write(file)) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return storageerrors::ioError(QStringLiteral("write"), resolved->path, reason);
    }
    if (!file.commit())
        return storageerrors::ioError(QStringLiteral("commit"), resolved->path, file.errorString());
    return {};
}

Expected<void> FileStorage::removeDirectoryTree(const Resolved &target)
{
    // Pre-order list of directories; anything that is not a real directory
    // (file, symlink, socket) makes the tree non-empty (peer-differences C7).
    QStringList dirs{target.path};
    for (qsizetype i = 0; i < dirs.size(); ++i) {
        const QFileInfoList entries =
            QDir(dirs.at(i))
                .entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::NoSort);
        for (const QFileInfo &entry : entries) {
            if (entry.isSymLink() || !entry.isDir())
                return storageerrors::directoryNotEmpty(target.cleanedKey);
            dirs.append(entry.filePath());
        }
    }
    // Children were appended after their parents: reverse order removes the
    // deepest first. rmdir (not a recursive delete) so that a file created
    // meanwhile makes us stop instead of being deleted.
    const qsizetype keep = target.isContainer ? 1 : 0; // the container itself stays
    for (qsizetype i = dirs.size() - 1; i >= keep; --i) {
        const QByteArray native = QFile::encodeName(dirs.at(i));
        if (::rmdir(native.constData()) != 0) {
            const int error = errno;
            if (error == ENOTEMPTY || error == EEXIST)
                return storageerrors::directoryNotEmpty(target.cleanedKey);
            if (error != ENOENT)
                return storageerrors::ioError(QStringLiteral("rmdir"), dirs.at(i), errnoText(error));
        }
    }
    return {};
}

Expected<void> FileStorage::remove(const QString &key)
{
    auto resolved = resolve(key);
    if (!resolved)
        return resolved.takeError();
    // The link itself may point anywhere (unlink removes the link), but the
    // folder it sits in must be inside the container.
    if (!resolved->isContainer && !m_containment.resolvesInside(QFileInfo(resolved->path).path()))
        return Error::notFound(resolved->path + QStringLiteral(" leads out of the storage root ") + m_containerDir);
    const QByteArray native = QFile::encodeName(resolved->path);
    struct stat st = {};
    // lstat: a symlink is removed itself, never what it points to.
    if (::lstat(native.constData(), &st) != 0) {
        const int error = errno;
        if (error == ENOENT || error == ENOTDIR)
            return Error::notFound(resolved->path);
        return storageerrors::ioError(QStringLiteral("stat"), resolved->path, errnoText(error));
    }
    if (S_ISDIR(st.st_mode))
        return removeDirectoryTree(*resolved);
    if (::unlink(native.constData()) != 0) {
        const int error = errno;
        if (error == ENOENT)
            return Error::notFound(resolved->path);
        return storageerrors::ioError(QStringLiteral("unlink"), resolved->path, errnoText(error));
    }
    return {};
}

Expected<QStringList> FileStorage::listKeys(int limit)
{
    auto root = resolve(QStringLiteral("/"));
    if (!root)
        return root.takeError();
    QStringList keys;
    const QDir base(root->path);
    // Files only, hidden ones (dotfiles, editors' swap files) left out.
    QDirIterator it(root->path, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext() && keys.size() < limit) {
        // Judged below the root only: a root inside a hidden folder (~/.cache/...) still lists.
        const QString path = it.next();
        const QString relative = base.relativeFilePath(path);
        if (relative.startsWith(QLatin1Char('.')) || relative.contains(QLatin1String("/.")))
            continue;
        if (it.fileInfo().isSymLink() && !m_containment.resolvesInside(path))
            continue; // a link out of the root: get() would not serve it
        keys.append(QLatin1Char('/') + relative);
    }
    keys.sort();
    return keys;
}

} // namespace mort
