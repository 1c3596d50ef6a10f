#pragma once
// Mort's answer to an original in an S3 archive class (spec config.md §4.3):
// with `glacier.enabled`, the first request for the object asks S3 to restore
// it (restoreDays, restoreTier) and every request until retryAfterSeconds have
// passed is told to come back later, without asking S3 again: one restore per
// object, however many clients want it. Bounded: at most `capacity`
// remembered objects (the oldest forgotten first). Thread-safe.
#include "config/config.h"
#include "core/error.h"
#include "storage/storage.h"

#include <QDateTime>
#include <QHash>
#include <QMutex>

#include <functional>

namespace mort {

struct GlacierAnswer
{
    Error error;                   // 503, the storage.archived error as given
    HeaderList headers;            // Retry-After, X-Mort-Glacier-Status/-Tier, X-Mort-Storage-Class
    bool restoreRequested = false; // this call asked S3 for the restore
};

class GlacierRestorer
{
public:
    using Clock = std::function<QDateTime()>;
    explicit GlacierRestorer(
        int capacity = 10'000, Clock now = [] { return QDateTime::currentDateTimeUtc(); });

    // `archived` is the storage's storage.archived error for `key` of `storage`
    // (its detail names the storage class). Disabled glacier: plain 503.
    GlacierAnswer answer(const Error &archived, Storage &storage, const QString &storageId, const QString &key,
                         const GlacierConfig &config);

    static int retryAfterSeconds(const GlacierConfig &config); // tier default when 0
    int remembered() const;
    quint64 restoresRequested() const;

private:
    const int m_capacity;
    Clock m_now;
    mutable QMutex m_mutex;
    QHash<QString, QDateTime> m_until; // storage id + key → no new restore before
    quint64 m_requested = 0;
};

} // namespace mort
