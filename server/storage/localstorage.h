#pragma once
// kind `local`: plain files, no embedded metadata. ETag is Go's mtime text,
// unquoted, exactly as Mort serves it (http-behaviour.md §3.2, peer C4).
#include "storage/filestorage.h"

namespace mort {

class LocalStorage : public FileStorage
{
public:
    using FileStorage::FileStorage;

    QString kind() const override { return QStringLiteral("local"); }

protected:
    Expected<Header> readHeader(QFile &file, qint64 fileSize, const QString &path) const override;
    QByteArray encodeHeader(const ObjectMetadata &meta) const override;
    QByteArray etagFor(qint64 seconds, qint64 nanoseconds) const override;
};

} // namespace mort
