#include "storage/localstorage.h"

#include "storage/gotime.h"

namespace mort {

Expected<FileStorage::Header> LocalStorage::readHeader(QFile &, qint64, const QString &) const
{
    return Header{}; // the whole file is the body
}

QByteArray LocalStorage::encodeHeader(const ObjectMetadata &) const
{
    return {}; // metadata is not kept: plain files only
}

QByteArray LocalStorage::etagFor(qint64 seconds, qint64 nanoseconds) const
{
    return goTimeString(seconds, nanoseconds);
}

} // namespace mort
