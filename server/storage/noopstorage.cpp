#include "storage/noopstorage.h"

namespace mort {

Expected<ObjectMetadata> NoopStorage::head(const QString &key)
{
    return Error::notFound(QStringLiteral("noop storage: ") + key);
}

Expected<StoredObject> NoopStorage::get(const QString &key)
{
    return Error::notFound(QStringLiteral("noop storage: ") + key);
}

Expected<void> NoopStorage::put(const QString &, const QByteArray &, const ObjectMetadata &)
{
    return {};
}

Expected<void> NoopStorage::remove(const QString &)
{
    return {};
}

} // namespace mort
