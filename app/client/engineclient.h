#pragma once
// What every studio screen talks to: an engine, embedded or remote. Calls are
// asynchronous; results arrive as signals on the GUI thread.
#include "api/cacheentry.h"
#include "config/config.h"
#include "core/cancellation.h"
#include "core/expected.h"
#include "monitoring/logring.h"
#include "service/enginestats.h"
#include "service/previewtypes.h"
#include "service/stalepresets.h"

#include <QImage>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace mort {

// What the server answered to one request for an object: the studio asking
// the engine whether it really serves a URL it shows (a saved preset).
struct ObjectProbe
{
    QString path;             // as asked, e.g. "/demo/small/photo.jpg"
    int status = 0;           // HTTP status; 0 = no answer (see error)
    bool transformed = false; // the server parsed the path into a transform (X-Mort-Debug: x-mort-transform)
    QString error;            // why there was no answer, translated
};

// The running config as a client sees it: parsed for presets, buckets and
// limits, and its text (secrets masked when it came over the admin API).
struct ConfigSnapshot
{
    ConfigPtr config;
    QString text;
    QString sourcePath; // the file the server loaded it from; "" = none
};

// What saving a preset did (EngineClient::savePreset).
struct SavedPreset
{
    ConfigPtr config;      // the config now running, the preset in it
    bool replaced = false; // a preset of that name was there before
    bool formattingKept = true;
    QString writtenTo; // the config file written; "" = applied in memory only
};

// What validating or applying a whole config found (EngineClient::validateConfig,
// applyConfig). A config the engine refuses is an answer, not an error: the
// editor shows each issue next to its key. Errors (Expected) are for engines
// that could not be asked.
struct ConfigCheck
{
    QList<ConfigIssue> issues;    // the engine's validator, each with its key path; empty = valid
    bool applied = false;         // applyConfig(): the engine runs the new config now (hot reload)
    bool restartRequired = false; // the change needs a restart (cache or lock): nothing was applied
    QStringList restartKeys;      // the key paths that differ and need it ("server.cache.type"), when known
    QString refusal;              // the engine's reason when it refused a valid config otherwise; "" = none

    bool ok() const { return issues.isEmpty() && !restartRequired && refusal.isEmpty(); }
};

// A render with its result decoded for display.
struct DisplayedRender
{
    RenderedPreview result; // the exact bytes the server sends
    QImage image;           // `result` decoded for the screen
};

class EngineClient : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~EngineClient() override = default;

    virtual QString description() const = 0; // "Embedded server (demo config)", "http://host:8081"
    virtual bool isRunning() const = 0;
    // Asks for a fresh snapshot; statsUpdated() follows.
    virtual void refresh() = 0;

    // True when the client delivers statsUpdated() on its own (a remote event
    // stream); the window then does not poll with refresh().
    virtual bool pushesStats() const { return false; }
    // True when this client can start and stop the server (embedded engine).
    virtual bool controlsServer() const { return false; }
    // Whether the engine is reached at all: a remote server may be down or
    // unreachable (the embedded engine always is, running or not). While not,
    // there are no numbers to show, only connectionError() and a retry.
    virtual bool isConnected() const { return true; }
    // Why the last attempt to reach the engine failed (translated, says what
    // to do next); empty once it answers.
    virtual QString connectionError() const { return {}; }
    // Try to reach the engine again now (the Retry button); connectionChanged() follows.
    virtual void reconnect() {}

    // Response cache. Each call is answered by exactly one signal: the result
    // signal, or errorOccurred() when it failed.
    virtual void listCache(int limit) = 0;      // -> cacheListed
    virtual void evict(const QString &key) = 0; // -> cacheEvicted
    virtual void clearCache() = 0;              // -> cacheCleared
    // One entry's headers, and its body when it is an image (a preview);
    // -> cacheEntryFetched, or errorOccurred (also when it is gone).
    virtual void fetchCacheEntry(const QString &key) = 0;

    // GET `path` from the server's public listener, as any client would;
    // -> objectProbed (always, with an error when there was no answer). The
    // default has no way to reach the server and says so.
    virtual void probeObject(const QString &path);

    // --- the engine's images and config, for the Preview (asynchronous) ---
    // Each call answers exactly once through `done`, on the GUI thread, unless
    // `context` is destroyed first (then never). Errors keep the server's
    // status and code (Error::httpStatus, Error::code) and its public message.
    template<typename T>
    using Done = std::function<void(const Expected<T> &)>;

    // True when the calls below reach an engine (a remote one may be down).
    virtual bool servesImages() const { return isConnected(); }
    // Keys of `bucket`'s `basic` storage, sorted, at most `limit`.
    virtual void listObjects(const QString &bucket, int limit, QObject *context, Done<QStringList> done) = 0;
    // One stored object's bytes (at most the bucket's limits.maxParentBytes).
    virtual void readObject(const QString &bucket, const QString &key, QObject *context, Done<QByteArray> done) = 0;
    // The engine's own pipeline on `request` (PreviewRequest): the bytes a GET
    // of the same image and preset or query answers. `cancel` stops it early
    // where the engine can; the answer then is an error or dropped by the caller.
    virtual void renderPreview(const PreviewRequest &request, const CancelToken &cancel, QObject *context,
                               Done<RenderedPreview> done) = 0;
    // Image bytes of any format the engine reads, decoded for the screen (sRGB,
    // EXIF orientation applied when `autoRotate`, shrunk so no side passes
    // `maxSide` when > 0). The studio itself decodes nothing.
    virtual void decodeForDisplay(const QByteArray &bytes, bool autoRotate, int maxSide, QObject *context,
                                  Done<QImage> done) = 0;
    // renderPreview() then decodeForDisplay() of its result.
    void renderForDisplay(const PreviewRequest &request, const CancelToken &cancel, QObject *context,
                          Done<DisplayedRender> done);
    // The running config.
    virtual void readConfig(QObject *context, Done<ConfigSnapshot> done) = 0;
    // Puts one preset (`snippet`: a `presets:` mapping with exactly one entry,
    // PreviewParameters::toPresetYaml) into `bucket` of the running config,
    // validated as mort-server loads it, applied, and written to the config
    // file where the engine has one it may write.
    virtual void savePreset(const QString &bucket, const QString &snippet, QObject *context,
                            Done<SavedPreset> done) = 0;
    // The engine's own validator on a whole config text, as mort-server loads
    // it; nothing changes. -> ConfigCheck (issues, or none).
    virtual void validateConfig(const QString &yaml, QObject *context, Done<ConfigCheck> done) = 0;
    // Validates, then runs `yaml` with a hot reload (no restart; listeners,
    // buckets and presets change at once). A refused config leaves the running
    // one as it was: issues, restartRequired (cache and lock change only with a
    // restart) or refusal say why. Nothing is written to a file.
    virtual void applyConfig(const QString &yaml, QObject *context, Done<ConfigCheck> done) = 0;
    // Presets a config apply changed or removed while the engine ran, each
    // with where the deletion of its old stored results stands (the results
    // the old definition stored are still served until deleted, as in Mort).
    virtual void listStalePresets(QObject *context, Done<QList<StalePreset>> done) = 0;
    // Starts deleting the results stale preset `id`'s old definition stored,
    // in the background (one at a time: purge.busy); poll listStalePresets()
    // for the progress. `done` gets the entry as it started.
    virtual void purgeStaleResults(quint64 id, QObject *context, Done<StalePreset> done) = 0;
    // Stops that deletion between two originals; false when none was running.
    virtual void cancelStaleResultsPurge(quint64 id, QObject *context, Done<bool> done) = 0;
    // Whether savePreset() can work at all; when not, why (translated, says what to do).
    virtual bool canSavePresets(QString *why = nullptr) const
    {
        Q_UNUSED(why);
        return true;
    }

Q_SIGNALS:
    void statsUpdated(const mort::EngineStats &stats);
    void stateChanged(bool running);
    // Reached or lost; also emitted again (false) when a retry failed, with a
    // connectionError() that may be new.
    void connectionChanged(bool connected);
    void errorOccurred(const QString &message);                   // already translated, says what to do next
    void cacheListed(const QList<mort::CacheEntryInfo> &entries); // most recently used first
    void cacheEvicted(const QString &key, bool removed);
    void cacheCleared();
    void cacheEntryFetched(const mort::CacheEntryView &entry);
    void objectProbed(const mort::ObjectProbe &probe);
    // Server log lines not delivered before, oldest first: with each refresh()
    // for the embedded engine, with the event stream for a remote server.
    void logLinesReceived(const QList<mort::LogLine> &lines);
};

} // namespace mort

Q_DECLARE_METATYPE(mort::ObjectProbe)
Q_DECLARE_METATYPE(mort::ConfigSnapshot)
Q_DECLARE_METATYPE(mort::ConfigCheck)
