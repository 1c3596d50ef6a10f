#include "storage/storage.h"

#include <QBuffer>

namespace mort {

Expected<QStringList> Storage::listKeys(int)
{
    return Error::client("storage.list_unsupported", 501,
                         QStringLiteral("storage kind \"%1\" cannot list its objects").arg(kind()));
}

Expected<QUrl> Storage::presignGet(const QString &key, int)
{
    return Error::upstream("storage.presign_unsupported", 503, QStringLiteral("storage unavailable"),
                           QStringLiteral("storage kind \"%1\" cannot presign %2").arg(kind(), key));
}

Expected<void> Storage::requestRestore(const QString &key, int, const QString &)
{
    return Error::upstream("storage.restore_unsupported", 501,
                           QStringLiteral("storage cannot restore archived objects"),
                           QStringLiteral("storage kind \"%1\" has no archive to restore %2 from").arg(kind(), key));
}

Expected<void> Storage::putStream(const QString &key, QIODevice &body, qint64 size, const ObjectMetadata &meta)
{
    const QByteArray bytes = body.read(size);
    if (bytes.size() != size)
        return Error::internal("storage.io_error", QStringLiteral("short read of an upload body for %1").arg(key));
    return put(key, bytes, meta);
}

// Backends without a native stream still serve the seam: the buffer shares
// the body read by get() (implicit sharing, no copy).
// The whole body is there at once: `early` is never called.
Expected<std::unique_ptr<QIODevice>> Storage::openRead(const QString &key, ObjectMetadata *meta,
                                                       const EarlyBodyReader &)
{
    auto object = get(key);
    if (!object)
        return object.takeError();
    auto buffer = std::make_unique<QBuffer>();
    buffer->setData(object->body);
    buffer->open(QIODevice::ReadOnly);
    if (meta)
        *meta = std::move(object->meta);
    return std::unique_ptr<QIODevice>(std::move(buffer));
}

} // namespace mort
