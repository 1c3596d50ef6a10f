#include "storage/localmetastorage.h"

#include "storage/gotime.h"
#include "storage/storageerrors.h"

#include <QCryptographicHash>
#include <QtEndian>

#include <msgpack.hpp>

#include <cstring>
#include <map>
#include <string>

namespace mort {

namespace {

bool isPersistedKey(const QByteArray &lowerName)
{
    // Mort's filter for non-S3 storages: prefix "x-amz-meta" (no dash).
    return lowerName == "content-type" || lowerName == "etag" || lowerName.startsWith("x-amz-meta");
}

void persistIfKept(FileStorage::Metadata &out, const QByteArray &name, const QByteArray &value)
{
    const QByteArray lower = name.trimmed().toLower();
    if (isPersistedKey(lower))
        out.insert(lower, value);
}

// String form of one msgpack value, or nullopt for values we skip.
std::optional<QByteArray> textOf(const msgpack::object &o)
{
    switch (o.type) {
    case msgpack::type::STR: return QByteArray(o.via.str.ptr, qsizetype(o.via.str.size));
    case msgpack::type::BIN: return QByteArray(o.via.bin.ptr, qsizetype(o.via.bin.size));
    case msgpack::type::POSITIVE_INTEGER: return QByteArray::number(quint64(o.via.u64));
    case msgpack::type::NEGATIVE_INTEGER: return QByteArray::number(qint64(o.via.i64));
    case msgpack::type::BOOLEAN: return QByteArray(o.via.boolean ? "true" : "false");
    default: return std::nullopt;
    }
}

} // namespace

FileStorage::Metadata LocalMetaStorage::metadataForWrite(const ObjectMetadata &meta,
                                                         const QList<QPair<QString, QString>> &storageHeaders)
{
    Metadata out;
    for (const auto &header : meta.headers)
        persistIfKept(out, header.first, header.second);
    if (!meta.contentType.isEmpty())
        out.insert("content-type", meta.contentType);
    if (!meta.etag.isEmpty())
        out.insert("etag", meta.etag);
    for (const auto &header : storageHeaders)
        persistIfKept(out, header.first.toUtf8(), header.second.toUtf8());
    return out;
}

QByteArray LocalMetaStorage::encodeMetadataHeader(const Metadata &metadata)
{
    // msgpack-cxx packs std::map<std::string, std::string> as a map of str,
    // which Go's msgpack decodes into map[string]string.
    std::map<std::string, std::string> map;
    for (auto it = metadata.cbegin(); it != metadata.cend(); ++it)
        map.emplace(it.key().toStdString(), it.value().toStdString());
    msgpack::sbuffer packed;
    msgpack::pack(packed, map);

    QByteArray header;
    header.reserve(FixedHeaderSize + qsizetype(packed.size()));
    header.append(Magic, sizeof Magic);
    char length[4];
    qToLittleEndian<quint32>(quint32(packed.size()), length);
    header.append(length, 4);
    header.append(packed.data(), qsizetype(packed.size()));
    return header;
}

Expected<FileStorage::Metadata> LocalMetaStorage::decodeMetadata(const QByteArray &bytes, const QString &path)
{
    const auto corrupt = [&](const QString &why) {
        return storageerrors::ioError(QStringLiteral("read local-meta metadata"), path, why);
    };
    // Limits sized from the input so a forged map/str length cannot make the
    // unpacker allocate more than the bytes could describe.
    if (bytes.isEmpty())
        return Metadata{}; // N = 0: a header without metadata
    const std::size_t n = std::size_t(bytes.size());
    const msgpack::unpack_limit limit(n, n / 2 + 1, n, n, n, 4);
    try {
        const msgpack::object_handle handle = msgpack::unpack(bytes.constData(), n, nullptr, nullptr, limit);
        const msgpack::object &root = handle.get();
        if (root.type == msgpack::type::NIL)
            return Metadata{};
        if (root.type != msgpack::type::MAP)
            return corrupt(QStringLiteral("metadata is not a map"));
        Metadata out;
        for (quint32 i = 0; i < root.via.map.size; ++i) {
            const auto &kv = root.via.map.ptr[i];
            const auto key = textOf(kv.key);
            const auto value = textOf(kv.val);
            if (key && value)
                out.insert(key->toLower(), *value);
        }
        return out;
    } catch (const std::exception &e) {
        return corrupt(QString::fromUtf8(e.what()));
    }
}

Expected<FileStorage::Header> LocalMetaStorage::readHeader(QFile &file, qint64 fileSize, const QString &path) const
{
    char fixed[FixedHeaderSize];
    const qint64 got = fileSize >= FixedHeaderSize ? file.read(fixed, FixedHeaderSize) : 0;
    if (got != FixedHeaderSize || std::memcmp(fixed, Magic, sizeof Magic) != 0) {
        // Raw file (no or foreign magic): the body starts at byte 0.
        if (got != 0 && !file.seek(0))
            return storageerrors::ioError(QStringLiteral("seek"), path, file.errorString());
        return Header{};
    }

    const quint32 length = qFromLittleEndian<quint32>(fixed + 3);
    if (length > MaxMetadataBytes || FixedHeaderSize + qint64(length) > fileSize)
        return storageerrors::ioError(QStringLiteral("read local-meta header"), path,
                                      QStringLiteral("metadata length %1 does not fit the file").arg(length));
    QByteArray packed(qsizetype(length), Qt::Uninitialized);
    if (length > 0 && file.read(packed.data(), length) != qint64(length))
        return storageerrors::ioError(QStringLiteral("read local-meta header"), path, file.errorString());

    auto metadata = decodeMetadata(packed, path);
    if (!metadata)
        return metadata.takeError();
    return Header{FixedHeaderSize + qint64(length), std::move(*metadata)};
}

QByteArray LocalMetaStorage::encodeHeader(const ObjectMetadata &meta) const
{
    return encodeMetadataHeader(metadataForWrite(meta, config().headers));
}

QByteArray LocalMetaStorage::etagFor(qint64 seconds, qint64 nanoseconds) const
{
    // Mort: W/"md5(mtime.String())"; a stored `etag` is never served.
    const QByteArray digest =
        QCryptographicHash::hash(goTimeString(seconds, nanoseconds), QCryptographicHash::Md5).toHex();
    return "W/\"" + digest + '"';
}

} // namespace mort
