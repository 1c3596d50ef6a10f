#pragma once
// The few Error shapes every storage backend produces, so codes and statuses
// stay identical across backends.
#include "core/error.h"

#include <QString>

namespace mort::storageerrors {

// 500 "storage.io_error" (Upstream): the disk or backend failed; detail names
// the operation and the path.
Error ioError(const QString &operation, const QString &path, const QString &reason = {});

// 503 "storage.unavailable" (Upstream): the client could not be created
// (unsupported kind, bad rootPath, ...). Mort answers 503 at request time.
Error unavailable(const QString &detail);

// 409 "storage.directory_not_empty" (Client): refused recursive delete (C7).
Error directoryNotEmpty(const QString &key);

// 409 "storage.key_conflict" (Client): a file sits where a directory is
// needed or the other way round (put /a/b while /a is a file).
Error keyConflict(const QString &key, const QString &detail);

// 400 "storage.invalid_key" (Client): keys with NUL would be truncated by the
// C file APIs and could name another file (peer-differences C12).
Error invalidKey(const QString &key);

// 503 "storage.archived" (Upstream): the object sits in an archive storage
// class (S3 GLACIER / DEEP_ARCHIVE) and must be restored before it is read
// (spec config.md §4.3). Detail names the storage class.
Error archived(const QString &where, const QString &storageClass);

} // namespace mort::storageerrors
