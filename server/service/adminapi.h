#pragma once
// The admin API: JSON under /api/v1/ on the internal listener (InternalApi
// routes every /api/v1/ path here; /health and /metrics stay open for
// Prometheus, as in Mort). The studio attaches to running servers through it.
//
// AUTH. Every route needs "Authorization: Bearer <token>" when a token is
// configured (server.adminToken, else env MORT_ADMIN_TOKEN; see
// adminsecurity.h), compared in constant time. Missing or wrong: 401
// {"code":"admin.unauthorized","message":...} + WWW-Authenticate: Bearer.
// Without a token the API is open, which checkAdminExposure() allows only on a
// loopback internalListen (the API itself re-checks and answers 401 otherwise).
// BROWSERS (adminorigin.h), judged before the token: an Origin other than the
// server's own -> 403 admin.cross_origin; a body that is not JSON or YAML by
// its Content-Type -> 415 admin.unsupported_media_type; no Access-Control-*
// header is ever sent, so no preflight succeeds.
//
// CONVENTIONS. Field names camelCase; numbers are JSON numbers; byte sizes are
// in bytes (fields end in "Bytes"), durations in ms/sec as their name says;
// timestamps ISO-8601 UTC with milliseconds ("2024-05-01T10:00:00.000Z") or
// null when unknown. Every answer is application/json with Cache-Control:
// no-store, except the event stream. Errors: {"code": "...", "message": "..."}
// with X-Mort-Error: <code>; codes admin.unauthorized (401), admin.cross_origin
// (403), admin.not_found (404), admin.method_not_allowed (405, with Allow),
// admin.body_too_large (413), admin.unsupported_media_type (415),
// admin.not_available (501: the engine does not provide this yet).
//
// ROUTES
// GET  /api/v1/info
//   {"name":"mort-studio","version":"0.1.0","apiVersion":1,"running":true,
//    "startedAt":ts,"auth":"bearer"|"none",
//    "listeners":{"public":[configured...],"internal":"127.0.0.1:8081",
//                 "boundPublic":["127.0.0.1:8080"],"boundInternal":[...]},
//    "config":{"sourcePath":str|null,"monitoring":str,"logLevel":str,"accessLogs":bool,
//              "requestTimeoutSec":n,"lockTimeoutSec":n,"concurrentImageProcessing":n,
//              "maxFileSizeBytes":n,"cache":{"type":str,"cacheSizeBytes":n,"maxItemBytes":n},
//              "lock":{"type":str},"plugins":{"webp":bool,"compress":["gzip",...]},
//              "limits":{"maxSourcePixels":n,"maxFrames":n,"maxOutputDimension":n,
//                        "maxParentBytes":n,"maxHeaderBytes":n,"maxBodyBytes":n,
//                        "headerTimeoutMs":n,"idleTimeoutMs":n,"shutdownGraceMs":n},
//              "headerRules":n,
//              "buckets":[{"name":str,"storages":[{"name":str,"kind":str}],
//                          "transformKind":str|null,"accessKeys":n,"hasOwnLimits":bool}]}}
// GET  /api/v1/stats                      one snapshot (EngineStats), cheap:
//   {"at":ts,"running":bool,"startedAt":ts,"publicAddresses":[str],"internalAddresses":[str],
//    "requests":{"received":n,"inFlight":n,"served":n,"dropped":n}   (public listeners only,
//               over the engine's lifetime; admin calls are "admin" tasks),
//    "http":{"connectionsAccepted":n,"connectionsOpen":n,"requestsReceived":n,
//            "responsesWritten":n,"responsesDropped":n,"rejectedByGuard":n,"exchangesInFlight":n},
//    "tasks":[{"kind":"request","live":n,"started":n,"finished":n},...every kind, "admin" included],
//    "transforms":{"executed":n,"failed":n,"inFlight":n,"throttled":n},
//    "downloads":n,"results":{"stored":n,"storeFailures":n},"taskExceptions":n,
//    "background":{"pending":n,"dropped":n},"storageClients":n,
//    "memory":{"residentBytes":n,"imagingBytes":n},"openFds":n,"collapsed":n,
//    "cache":{"servedHits":n,"hits":n,"misses":n,"bytes":n,"items":n,"capacityBytes":n}}
// GET  /api/v1/tasks                      {"at":ts,"liveTotal":n,"tasks":[as in stats]}
// GET  /api/v1/config                     the running config's YAML, secrets masked
//   {"sourcePath":str|null,"yaml":str,"maskedKeys":[str]}   (see maskConfigSecrets)
// POST /api/v1/config/validate            body: YAML (at most kMaxConfigBytes)
//   a value "***" at a masked key keeps the running value at that key path
//   (restoreMaskedSecrets, maskedsecrets.h); with none there it is an issue
//   200 {"valid":true}
//   422 {"valid":false,"issues":[{"keyPath":"buckets.media.storages","message":str}]}
// GET  /api/v1/stream[?intervalMs=N][&count=N]   Server-Sent Events (text/event-stream,
//   chunked): every intervalMs (default 1000, 200..60000) one
//     "id: <n>\nevent: stats\ndata: <stats JSON>\n\n"
//   and, when the engine keeps a log, "event: log\ndata: {"lines":[{"seq":n,"at":ts,
//   "level":str,"category":str,"message":str}]}\n\n" with the lines since the last event.
//   The first event is sent at once. count > 0 ends the stream after that many stats
//   events (scripts, tests); it also ends when the client leaves or the server stops.
// --- seams, 501 admin.not_available until the engine implements AdminBackend's optional part:
// GET  /api/v1/cache[?limit=N]            {"entries":[{"key","url","sizeBytes","bodyBytes","status",
//                                          "contentType","hits","ageMs","ttlMs"}]}
//                                          url: the request the entry answers ("" when none)
// POST /api/v1/cache/evict                body {"key":str}  -> {"removed":bool}
// POST /api/v1/cache/clear                -> {"cleared":true}
// POST /api/v1/config/apply               body: YAML -> {"applied":true,"stalePresets":[...]}; 422 as validate
// --- what an attached studio's screens need (adminpreviewroutes.cpp) ---
// GET  /api/v1/buckets/<bucket>/objects[?limit=N]   keys of the bucket's `basic` storage, sorted
//   {"bucket":str,"keys":[str]}   (limit default 1000, 1..10000)
// GET  /api/v1/buckets/<bucket>/object?key=K        the stored bytes (application/octet-stream),
//   at most the bucket's limits.maxParentBytes (422 image.too_large above)
// POST /api/v1/render?bucket=B&(preset=P|query=Q)[&key=K]   the server's own pipeline on the body
//   (application/octet-stream, at most the bucket's limits.maxParentBytes: 413 admin.body_too_large)
//   or, without a body, on stored key K. Q is the URL-encoded raw query ("width%3D300%26...").
//   200: the exact bytes GET /B/<P>/<key> (or /B/<key>?Q) answers, with their Content-Type and
//   X-Mort-Image-Width, X-Mort-Image-Height, X-Mort-Source-Bytes, X-Mort-Render-Ms.
//   Errors: the render's own status and code (400 preset.unknown, 415 image.unsupported_type, 422 ...).
// POST /api/v1/display[?autoRotate=1][&maxSide=N]   body: an image (application/octet-stream, at
//   most limits.maxParentBytes) -> image/png for showing it (sRGB; EXIF orientation applied when
//   autoRotate=1; maxSide 0 = full size, else 1..16384)
// POST /api/v1/config/preset   body {"bucket":str,"yaml":"presets:\n  <name>: ..."} (one preset)
//   puts one preset into the running config's own text (ConfigEditor: other lines kept),
//   validates and applies it, and writes the config file when the server may (a .bak kept):
//   200 {"applied":true,"writtenTo":path|null}; 422 {"valid":false,"issues":[...]} as validate
// --- stored results of changed presets (adminpresetroutes.cpp, service/stalepresets.h) ---
// GET    /api/v1/presets/stale        presets the config applies changed or removed (at most 32):
//   {"presets":[{"id":n,"bucket":str,"preset":str,"removed":bool,"changedAt":ts,
//     "purge":{"state":"idle|running|done|cancelled|failed","total":n,"done":n,"deleted":n,
//              "skipped":n,"failed":n[,"errorCode":str,"errorMessage":str]}}]}
//   (config/apply answers carry the same list as "stalePresets")
// GET    /api/v1/presets/stale/<id>   one of them (poll it for the progress)
// POST   /api/v1/presets/stale/<id>/purge  [body {"maxOriginals":n}, 1..100000, default 100000]
//   202 + the entry: deletes, in the background, the results the old definition stored for
//   every original of the parent bucket (one purge at a time: 409 purge.busy). More originals
//   than maxOriginals: nothing deleted, state "failed", errorCode "purge.too_many_originals".
// DELETE /api/v1/presets/stale/<id>/purge  stops it between two originals -> {"cancelled":bool}
#include "http/httpexchange.h"
#include "service/adminbackend.h"
#include "service/adminrender.h"

#include <QThreadPool>

namespace mort {

class AdminApi
{
public:
    static constexpr qint64 kMaxConfigBytes = 1 << 20;
    static constexpr int kDefaultStreamIntervalMs = 1000;
    static constexpr int kMinStreamIntervalMs = 200;
    static constexpr int kMaxStreamIntervalMs = 60'000;
    static constexpr int kDefaultCacheListLimit = 1000;
    static constexpr int kLogLinesPerEvent = 200;
    static constexpr int kDefaultObjectListLimit = 1000;
    static constexpr int kMaxObjectListLimit = 10'000;
    static constexpr int kMaxDisplaySide = 16'384;

    // `backend` must outlive the HTTP server that calls handle().
    explicit AdminApi(AdminBackend *backend);
    ~AdminApi(); // waits for validate/cache jobs still running
    AdminApi(const AdminApi &) = delete;
    AdminApi &operator=(const AdminApi &) = delete;

    static bool handles(const QString &path) { return path.startsWith(QLatin1String("/api/v1/")); }

    // HTTP thread. Cheap routes answer inline; config parsing and cache
    // operations run on a small pool of their own.
    void handle(const HttpExchangePtr &exchange);

private:
    void stream(const HttpExchangePtr &exchange);
    void validate(const HttpExchangePtr &exchange, bool apply);
    void cache(const HttpExchangePtr &exchange, const QString &route);
    void runJob(const HttpExchangePtr &exchange, std::function<HttpResponse()> job);
    // adminpreviewroutes.cpp
    void buckets(const HttpExchangePtr &exchange, const QString &route);
    void render(const HttpExchangePtr &exchange);
    void display(const HttpExchangePtr &exchange);
    void savePreset(const HttpExchangePtr &exchange);
    // adminpresetroutes.cpp
    void stalePresets(const HttpExchangePtr &exchange, const QString &route);

    AdminBackend *m_backend;
    AdminRender m_render;
    QThreadPool m_pool;
};

} // namespace mort
