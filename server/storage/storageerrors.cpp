#include "storage/storageerrors.h"

namespace mort::storageerrors {

Error ioError(const QString &operation, const QString &path, const QString &reason)
{
    QString detail = operation + QStringLiteral(" failed: ") + path;
    if (!reason.isEmpty())
        detail += QStringLiteral(": ") + reason;
    return Error::upstream("storage.io_error", 500, QStringLiteral("storage error"), detail);
}

Error unavailable(const QString &detail)
{
    return Error::upstream("storage.unavailable", 503, QStringLiteral("storage unavailable"), detail);
}

Error directoryNotEmpty(const QString &key)
{
    return Error::client("storage.directory_not_empty", 409, QStringLiteral("directory not empty"),
                         QStringLiteral("refusing to delete non-empty directory ") + key);
}

Error keyConflict(const QString &key, const QString &detail)
{
    return Error::client("storage.key_conflict", 409, QStringLiteral("key conflicts with an existing object"),
                         key + QStringLiteral(": ") + detail);
}

Error invalidKey(const QString &key)
{
    QString shown = key;
    shown.replace(QChar(0), QStringLiteral("\\0"));
    return Error::client("storage.invalid_key", 400, QStringLiteral("invalid key"),
                         QStringLiteral("key contains a NUL character: ") + shown);
}

Error archived(const QString &where, const QString &storageClass)
{
    return Error::upstream("storage.archived", 503, QStringLiteral("object is archived; retry after it is restored"),
                           where + QStringLiteral(" is in storage class ") + storageClass);
}

} // namespace mort::storageerrors
