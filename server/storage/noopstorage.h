#pragma once
// kind `noop`: never stores. Mort uses it for "parent + no transforms", so
// every read misses and the parent is served unchanged.
#include "storage/storage.h"

namespace mort {

class NoopStorage : public Storage
{
public:
    Expected<ObjectMetadata> head(const QString &key) override;
    Expected<StoredObject> get(const QString &key) override;
    Expected<void> put(const QString &key, const QByteArray &body, const ObjectMetadata &meta) override;
    Expected<void> remove(const QString &key) override;

    QString kind() const override { return QStringLiteral("noop"); }
};

} // namespace mort
