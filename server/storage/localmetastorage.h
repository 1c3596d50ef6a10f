#pragma once
// kind `local-meta` (spec config.md §4.2): files that carry Mort's metadata
// header, byte-compatible with Mort so both can share a directory:
//   0x12 0x34 0x01 | uint32 LE N | N bytes msgpack map<string,string> | body
// Anything not starting with the full 3-byte magic is a raw file (peer C13).
#include "storage/filestorage.h"

namespace mort {

class LocalMetaStorage : public FileStorage
{
public:
    using FileStorage::FileStorage;

    static constexpr char Magic[3] = {'\x12', '\x34', '\x01'};
    static constexpr qint64 FixedHeaderSize = 7; // magic + length
    // Metadata is a handful of headers; a larger length means a corrupt file,
    // and refusing it keeps one bad file from allocating gigabytes.
    static constexpr quint32 MaxMetadataBytes = 1u << 20;

    QString kind() const override { return QStringLiteral("local-meta"); }

    // The keys Mort persists for non-S3 storages: lower-cased content-type,
    // etag and every x-amz-meta-* (taken from meta.headers, then
    // meta.contentType / meta.etag, then the storage's configured headers,
    // which win as in Mort).
    static Metadata metadataForWrite(const ObjectMetadata &meta, const QList<QPair<QString, QString>> &storageHeaders);
    // Magic + length + msgpack map.
    static QByteArray encodeMetadataHeader(const Metadata &metadata);
    // Decodes the msgpack map; keys lower-cased, string/binary values kept,
    // numbers and booleans as text, other values skipped.
    static Expected<Metadata> decodeMetadata(const QByteArray &msgpack, const QString &path);

protected:
    Expected<Header> readHeader(QFile &file, qint64 fileSize, const QString &path) const override;
    QByteArray encodeHeader(const ObjectMetadata &meta) const override;
    QByteArray etagFor(qint64 seconds, qint64 nanoseconds) const override;
};

} // namespace mort
