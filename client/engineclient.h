#pragma once
// What every studio screen talks to: an engine, embedded or remote. Calls are
// asynchronous; results arrive as signals on the GUI thread.
#include "cache/responsecache.h"
#include "monitoring/logring.h"
#include "service/enginestats.h"

#include <QList>
#include <QObject>
#include <QString>

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
    virtual void listCache(int limit) = 0;          // -> cacheListed
    virtual void evict(const QString &key) = 0;     // -> cacheEvicted
    virtual void clearCache() = 0;                  // -> cacheCleared
    // One entry's headers, and its body when it is an image (a preview);
    // -> cacheEntryFetched, or errorOccurred (also when it is gone).
    virtual void fetchCacheEntry(const QString &key) = 0;

    // GET `path` from the server's public listener, as any client would;
    // -> objectProbed (always, with an error when there was no answer). The
    // default has no way to reach the server and says so.
    virtual void probeObject(const QString &path);

Q_SIGNALS:
    void statsUpdated(const mort::EngineStats &stats);
    void stateChanged(bool running);
    // Reached or lost; also emitted again (false) when a retry failed, with a
    // connectionError() that may be new.
    void connectionChanged(bool connected);
    void errorOccurred(const QString &message); // already translated, says what to do next
    void cacheListed(const QList<mort::CacheEntryInfo> &entries); // most recently used first
    void cacheEvicted(const QString &key, bool removed);
    void cacheCleared();
    void cacheEntryFetched(const mort::CacheEntryDetail &entry);
    void objectProbed(const mort::ObjectProbe &probe);
    // Server log lines not delivered before, oldest first: with each refresh()
    // for the embedded engine, with the event stream for a remote server.
    void logLinesReceived(const QList<mort::LogLine> &lines);
};

} // namespace mort

Q_DECLARE_METATYPE(mort::ObjectProbe)
