#pragma once
// What the admin API (/api/v1 on the internal listener) needs from the engine.
// The Engine implements it; tests implement it with canned data. The optional
// part (cache browsing, hot reload, log tail) has default implementations that
// report "not available" -- the API answers those routes 501
// {"code":"admin.not_available"} until the engine overrides them.
#include "cache/responsecache.h"
#include "config/config.h"
#include "monitoring/logring.h"
#include "service/enginestats.h"
#include "service/stalepresets.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace mort {

// One captured log line (stream event `log`).
// One recent log line (the ring's type: seq, at (UTC), level, category, message).
using AdminLogLine = LogLine;

class AdminBackend
{
public:
    virtual ~AdminBackend() = default;

    // --- required ---
    // Must be cheap (it runs on the HTTP thread, once per second per stream).
    virtual EngineStats stats() const = 0;
    virtual ConfigPtr config() const = 0;
    // The YAML the running config was loaded from, as written (before $VAR
    // expansion when the engine has it). Secrets are masked by the API, not here.
    virtual QString configText() const = 0;
    // Every problem of `yaml` (empty = valid). Called on a worker thread.
    virtual QList<ConfigIssue> validateConfig(const QString &yaml) const;

    // --- optional: Error admin.not_available (501) until the engine provides them ---
    // Called on a worker thread.
    virtual Expected<QList<CacheEntryInfo>> cacheEntries(int limit) const;
    // One entry with its headers and body; admin.not_found (404) when absent.
    virtual Expected<CacheEntryDetail> cacheEntry(const QString &key) const;
    virtual Expected<bool> evict(const QString &key); // true when something was removed
    virtual Expected<void> clearCache();
    // Hot reload: validate + swap the config snapshot.
    virtual Expected<void> applyConfig(const QString &yaml);
    // Keys of a bucket's `basic` storage (sorted, at most `limit`) and one
    // object's bytes (at most the bucket's limits.maxParentBytes): the
    // studio's "open from bucket" and renders of stored images. Worker thread.
    virtual Expected<QStringList> listObjects(const QString &bucket, int limit);
    virtual Expected<QByteArray> readObject(const QString &bucket, const QString &key);
    // Presets a config apply changed or removed, with the progress of the
    // deletion of their old stored results (service/stalepresets.h). Cheap.
    virtual Expected<QList<StalePreset>> stalePresets() const;
    // Starts deleting the old results of stale preset `id` in the background,
    // at most `maxOriginals` originals (more: the purge fails with
    // purge.too_many_originals). Errors: admin.not_found, purge.busy (409).
    virtual Expected<StalePreset> startStaleResultsPurge(quint64 id, int maxOriginals);
    // Stops a running purge between two originals; false when none runs for `id`.
    virtual Expected<bool> cancelStaleResultsPurge(quint64 id);
    // Lines after `afterSeq`, oldest first, at most `max`. std::nullopt: this
    // engine keeps no log, the stream then carries stats only. HTTP thread: cheap.
    virtual std::optional<QList<AdminLogLine>> logLinesSince(quint64 afterSeq, int max) const;

    // The Error the optional methods return by default.
    static Error notAvailable(const QString &what);
};

} // namespace mort
