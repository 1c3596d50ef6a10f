#include "service/adminjson.h"

#include <QJsonDocument>

#include <algorithm>
#include <optional>

namespace mort {

namespace {

// JSON numbers are doubles; our counters stay far below 2^53.
QJsonValue number(quint64 v)
{
    return QJsonValue(static_cast<qint64>(v));
}
QJsonValue number(qint64 v)
{
    return QJsonValue(v);
}

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonObject limitsToJson(const LimitsConfig &l)
{
    return {{QStringLiteral("maxSourcePixels"), number(l.maxSourcePixels)},
            {QStringLiteral("maxFrames"), l.maxFrames},
            {QStringLiteral("maxOutputDimension"), l.maxOutputDimension},
            {QStringLiteral("maxParentBytes"), number(l.maxParentBytes)},
            {QStringLiteral("maxHeaderBytes"), number(l.maxHeaderBytes)},
            {QStringLiteral("maxBodyBytes"), number(l.maxBodyBytes)},
            {QStringLiteral("maxBufferedBodyBytes"), number(l.maxBufferedBodyBytes)},
            {QStringLiteral("headerTimeoutMs"), l.headerTimeoutMs},
            {QStringLiteral("idleTimeoutMs"), l.idleTimeoutMs},
            {QStringLiteral("shutdownGraceMs"), l.shutdownGraceMs}};
}

} // namespace

QJsonValue isoUtc(const QDateTime &time)
{
    if (!time.isValid())
        return QJsonValue(QJsonValue::Null);
    return time.toUTC().toString(Qt::ISODateWithMs); // ends in 'Z' for UTC
}

QJsonArray tasksToJson(const QList<TaskCounts> &tasks)
{
    QJsonArray out;
    for (const TaskCounts &t : tasks) {
        out.append(QJsonObject{{QStringLiteral("kind"), QString::fromLatin1(taskKindName(t.kind))},
                               {QStringLiteral("live"), number(t.live)},
                               {QStringLiteral("started"), number(t.started)},
                               {QStringLiteral("finished"), number(t.finished)}});
    }
    return out;
}

QJsonObject statsToJson(const EngineStats &s, const QDateTime &at)
{
    const HttpServerStats &h = s.http;
    return {
        {QStringLiteral("at"), isoUtc(at)},
        {QStringLiteral("running"), s.running},
        {QStringLiteral("startedAt"), isoUtc(s.startedAt)},
        {QStringLiteral("publicAddresses"), strings(s.publicAddresses)},
        {QStringLiteral("internalAddresses"), strings(s.internalAddresses)},
        {QStringLiteral("requests"),
         QJsonObject{{QStringLiteral("received"), number(s.requests.received)},
                     {QStringLiteral("inFlight"), number(s.requests.inFlight)},
                     {QStringLiteral("served"), number(s.requests.served)},
                     {QStringLiteral("dropped"), number(s.requests.dropped)}}},
        {QStringLiteral("http"),
         QJsonObject{{QStringLiteral("connectionsAccepted"), number(h.connectionsAccepted)},
                     {QStringLiteral("connectionsOpen"), number(h.connectionsOpen)},
                     {QStringLiteral("requestsReceived"), number(h.requestsReceived)},
                     {QStringLiteral("responsesWritten"), number(h.responsesWritten)},
                     {QStringLiteral("responsesDropped"), number(h.responsesDropped)},
                     {QStringLiteral("rejectedByGuard"), number(h.rejectedByGuard)},
                     {QStringLiteral("exchangesInFlight"), number(h.exchangesInFlight)},
                     {QStringLiteral("threads"), number(qint64(h.threads))}}},
        {QStringLiteral("tasks"), tasksToJson(s.tasks)},
        {QStringLiteral("transforms"),
         QJsonObject{{QStringLiteral("executed"), number(s.transformsExecuted)},
                     {QStringLiteral("failed"), number(s.transformsFailed)},
                     {QStringLiteral("inFlight"), number(s.transformsInFlight)},
                     {QStringLiteral("throttled"), number(s.throttled)}}},
        {QStringLiteral("downloads"), number(s.downloads)},
        {QStringLiteral("results"),
         QJsonObject{{QStringLiteral("stored"), number(s.resultsStored)},
                     {QStringLiteral("storeFailures"), number(s.storeFailures)}}},
        {QStringLiteral("taskExceptions"), number(s.taskExceptions)},
        {QStringLiteral("background"),
         QJsonObject{{QStringLiteral("pending"), number(s.backgroundPending)},
                     {QStringLiteral("dropped"), number(s.backgroundDropped)}}},
        {QStringLiteral("storageClients"), s.storageClients},
        {QStringLiteral("memory"),
         QJsonObject{{QStringLiteral("residentBytes"), number(s.residentBytes)},
                     {QStringLiteral("imagingBytes"), number(s.imagingMemoryBytes)}}},
        {QStringLiteral("openFds"), s.openFds},
        // Studio dashboard additions: response cache size and lookups, collapsed requests.
        {QStringLiteral("collapsed"), number(s.collapsed)},
        {QStringLiteral("cache"),
         QJsonObject{{QStringLiteral("servedHits"), number(s.cacheHits)},
                     {QStringLiteral("hits"), number(s.responseCacheHits)},
                     {QStringLiteral("misses"), number(s.responseCacheMisses)},
                     {QStringLiteral("bytes"), number(s.cacheBytes)},
                     {QStringLiteral("items"), number(s.cacheItems)},
                     {QStringLiteral("capacityBytes"), number(s.cacheCapacityBytes)}}},
        // Cache and lock shared between instances (Redis): backends, reachability, round trip.
        {QStringLiteral("shared"),
         QJsonObject{{QStringLiteral("cacheBackend"), s.shared.cacheBackend},
                     {QStringLiteral("lockBackend"), s.shared.lockBackend},
                     {QStringLiteral("redisNodes"), QJsonArray::fromStringList(s.shared.redisNodes)},
                     {QStringLiteral("redisReachable"), s.shared.redisReachable},
                     {QStringLiteral("redisRttLastUs"), number(s.shared.redisRttLastUs)},
                     {QStringLiteral("redisRttAvgUs"), number(s.shared.redisRttAvgUs)},
                     {QStringLiteral("redisCommands"), number(s.shared.redisCommands)},
                     {QStringLiteral("redisFailures"), number(s.shared.redisFailures)},
                     {QStringLiteral("redisTimeouts"), number(s.shared.redisTimeouts)},
                     {QStringLiteral("redisReconnects"), number(s.shared.redisReconnects)},
                     {QStringLiteral("redisPending"), number(s.shared.redisPending)},
                     {QStringLiteral("cacheHits"), number(s.shared.sharedCacheHits)},
                     {QStringLiteral("cacheMisses"), number(s.shared.sharedCacheMisses)},
                     {QStringLiteral("cacheSets"), number(s.shared.sharedCacheSets)},
                     {QStringLiteral("lockAcquired"), number(s.shared.lockAcquired)},
                     {QStringLiteral("lockWaited"), number(s.shared.lockWaited)},
                     {QStringLiteral("lockResults"), number(s.shared.lockResults)},
                     {QStringLiteral("lockLost"), number(s.shared.lockLost)},
                     {QStringLiteral("degradedCache"), number(s.shared.degradedCache)},
                     {QStringLiteral("degradedLock"), number(s.shared.degradedLock)}}},
    };
}

// --- readers (the studio's RemoteEngineClient): the inverse of the writers above.
// Missing or mistyped fields read as 0 / empty, so an older server still parses.

namespace {

quint64 unsignedField(const QJsonObject &o, QLatin1String name)
{
    return quint64(std::max<qint64>(0, o.value(name).toInteger()));
}

std::optional<TaskKind> taskKindFromName(const QString &name)
{
    for (int k = 0; k < int(TaskKind::Count); ++k) {
        if (name == QLatin1String(taskKindName(TaskKind(k))))
            return TaskKind(k);
    }
    return std::nullopt;
}

} // namespace

QDateTime dateTimeFromJson(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

QList<TaskCounts> tasksFromJson(const QJsonArray &array)
{
    QList<TaskCounts> out;
    for (const QJsonValue &v : array) {
        const QJsonObject t = v.toObject();
        const std::optional<TaskKind> kind = taskKindFromName(t.value(QLatin1String("kind")).toString());
        if (!kind)
            continue; // a kind a newer server counts and we cannot name
        out.append(TaskCounts{*kind, t.value(QLatin1String("live")).toInteger(),
                              unsignedField(t, QLatin1String("started")), unsignedField(t, QLatin1String("finished"))});
    }
    return out;
}

EngineStats engineStatsFromJson(const QJsonObject &o)
{
    EngineStats s;
    s.running = o.value(QLatin1String("running")).toBool();
    s.startedAt = dateTimeFromJson(o.value(QLatin1String("startedAt")));
    for (const QJsonValue &v : o.value(QLatin1String("publicAddresses")).toArray())
        s.publicAddresses << v.toString();
    for (const QJsonValue &v : o.value(QLatin1String("internalAddresses")).toArray())
        s.internalAddresses << v.toString();
    const QJsonObject requests = o.value(QLatin1String("requests")).toObject();
    s.requests.received = unsignedField(requests, QLatin1String("received"));
    s.requests.inFlight = requests.value(QLatin1String("inFlight")).toInteger();
    s.requests.served = unsignedField(requests, QLatin1String("served"));
    s.requests.dropped = unsignedField(requests, QLatin1String("dropped"));
    const QJsonObject h = o.value(QLatin1String("http")).toObject();
    s.http.connectionsAccepted = unsignedField(h, QLatin1String("connectionsAccepted"));
    s.http.connectionsOpen = h.value(QLatin1String("connectionsOpen")).toInteger();
    s.http.requestsReceived = unsignedField(h, QLatin1String("requestsReceived"));
    s.http.responsesWritten = unsignedField(h, QLatin1String("responsesWritten"));
    s.http.responsesDropped = unsignedField(h, QLatin1String("responsesDropped"));
    s.http.rejectedByGuard = unsignedField(h, QLatin1String("rejectedByGuard"));
    s.http.exchangesInFlight = h.value(QLatin1String("exchangesInFlight")).toInteger();
    s.http.threads = int(h.value(QLatin1String("threads")).toInteger());
    s.tasks = tasksFromJson(o.value(QLatin1String("tasks")).toArray());
    const QJsonObject tr = o.value(QLatin1String("transforms")).toObject();
    s.transformsExecuted = unsignedField(tr, QLatin1String("executed"));
    s.transformsFailed = unsignedField(tr, QLatin1String("failed"));
    s.transformsInFlight = tr.value(QLatin1String("inFlight")).toInteger();
    s.throttled = unsignedField(tr, QLatin1String("throttled"));
    s.downloads = unsignedField(o, QLatin1String("downloads"));
    const QJsonObject results = o.value(QLatin1String("results")).toObject();
    s.resultsStored = unsignedField(results, QLatin1String("stored"));
    s.storeFailures = unsignedField(results, QLatin1String("storeFailures"));
    s.taskExceptions = unsignedField(o, QLatin1String("taskExceptions"));
    const QJsonObject background = o.value(QLatin1String("background")).toObject();
    s.backgroundPending = background.value(QLatin1String("pending")).toInteger();
    s.backgroundDropped = unsignedField(background, QLatin1String("dropped"));
    s.storageClients = o.value(QLatin1String("storageClients")).toInt();
    const QJsonObject memory = o.value(QLatin1String("memory")).toObject();
    s.residentBytes = memory.value(QLatin1String("residentBytes")).toInteger();
    s.imagingMemoryBytes = memory.value(QLatin1String("imagingBytes")).toInteger();
    s.openFds = o.value(QLatin1String("openFds")).toInt();
    s.collapsed = unsignedField(o, QLatin1String("collapsed"));
    const QJsonObject cache = o.value(QLatin1String("cache")).toObject();
    s.cacheHits = unsignedField(cache, QLatin1String("servedHits"));
    s.responseCacheHits = unsignedField(cache, QLatin1String("hits"));
    s.responseCacheMisses = unsignedField(cache, QLatin1String("misses"));
    s.cacheBytes = cache.value(QLatin1String("bytes")).toInteger();
    s.cacheItems = cache.value(QLatin1String("items")).toInteger();
    s.cacheCapacityBytes = cache.value(QLatin1String("capacityBytes")).toInteger();
    const QJsonObject shared = o.value(QLatin1String("shared")).toObject();
    SharedBackendStats &r = s.shared;
    if (shared.contains(QLatin1String("cacheBackend")))
        r.cacheBackend = shared.value(QLatin1String("cacheBackend")).toString();
    if (shared.contains(QLatin1String("lockBackend")))
        r.lockBackend = shared.value(QLatin1String("lockBackend")).toString();
    for (const QJsonValue &node : shared.value(QLatin1String("redisNodes")).toArray())
        r.redisNodes << node.toString();
    r.redisReachable = shared.value(QLatin1String("redisReachable")).toBool();
    r.redisRttLastUs = shared.value(QLatin1String("redisRttLastUs")).toInteger();
    r.redisRttAvgUs = shared.value(QLatin1String("redisRttAvgUs")).toInteger();
    r.redisCommands = unsignedField(shared, QLatin1String("redisCommands"));
    r.redisFailures = unsignedField(shared, QLatin1String("redisFailures"));
    r.redisTimeouts = unsignedField(shared, QLatin1String("redisTimeouts"));
    r.redisReconnects = unsignedField(shared, QLatin1String("redisReconnects"));
    r.redisPending = shared.value(QLatin1String("redisPending")).toInteger();
    r.sharedCacheHits = unsignedField(shared, QLatin1String("cacheHits"));
    r.sharedCacheMisses = unsignedField(shared, QLatin1String("cacheMisses"));
    r.sharedCacheSets = unsignedField(shared, QLatin1String("cacheSets"));
    r.lockAcquired = unsignedField(shared, QLatin1String("lockAcquired"));
    r.lockWaited = unsignedField(shared, QLatin1String("lockWaited"));
    r.lockResults = unsignedField(shared, QLatin1String("lockResults"));
    r.lockLost = unsignedField(shared, QLatin1String("lockLost"));
    r.degradedCache = unsignedField(shared, QLatin1String("degradedCache"));
    r.degradedLock = unsignedField(shared, QLatin1String("degradedLock"));
    return s;
}

QJsonObject configSummaryToJson(const Config &c)
{
    const ServerConfig &s = c.server;
    QJsonArray compress;
    if (s.plugins.gzip)
        compress.append(QStringLiteral("gzip"));
    if (s.plugins.brotli)
        compress.append(QStringLiteral("brotli"));
    if (s.plugins.zstd)
        compress.append(QStringLiteral("zstd"));
    QJsonArray buckets;
    for (const BucketConfig &b : c.buckets) {
        QJsonArray storages;
        for (const StorageConfig &st : b.storages)
            storages.append(QJsonObject{{QStringLiteral("name"), st.name}, {QStringLiteral("kind"), st.kind}});
        QJsonObject bucket{{QStringLiteral("name"), b.name},
                           {QStringLiteral("storages"), storages},
                           {QStringLiteral("transformKind"),
                            b.transform ? QJsonValue(b.transform->kind) : QJsonValue(QJsonValue::Null)},
                           {QStringLiteral("accessKeys"), int(b.keys.size())},
                           {QStringLiteral("hasOwnLimits"), b.limits.has_value()}};
        buckets.append(bucket);
    }
    return {
        {QStringLiteral("sourcePath"),
         c.sourcePath.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(c.sourcePath)},
        {QStringLiteral("monitoring"), s.monitoring},
        {QStringLiteral("logLevel"), s.logLevel},
        {QStringLiteral("accessLogs"), s.accessLogs},
        {QStringLiteral("requestTimeoutSec"), s.requestTimeoutSec},
        {QStringLiteral("lockTimeoutSec"), s.lockTimeoutSec},
        {QStringLiteral("concurrentImageProcessing"), s.concurrentImageProcessing},
        {QStringLiteral("maxFileSizeBytes"), number(s.maxFileSize)},
        {QStringLiteral("cache"),
         QJsonObject{{QStringLiteral("type"), s.cache.type},
                     {QStringLiteral("cacheSizeBytes"), number(s.cache.cacheSize)},
                     {QStringLiteral("maxItemBytes"), number(s.cache.maxCacheItemBytes())}}},
        {QStringLiteral("lock"), QJsonObject{{QStringLiteral("type"), s.lock.type}}},
        {QStringLiteral("plugins"),
         QJsonObject{{QStringLiteral("webp"), s.plugins.webp}, {QStringLiteral("compress"), compress}}},
        {QStringLiteral("limits"), limitsToJson(s.limits)},
        {QStringLiteral("headerRules"), int(c.headers.size())},
        {QStringLiteral("buckets"), buckets},
    };
}

QJsonObject infoToJson(const Config &config, const EngineStats &stats, bool tokenRequired)
{
    return {
        {QStringLiteral("name"), QStringLiteral("mort-studio")},
        {QStringLiteral("version"), QStringLiteral(MORT_VERSION)},
        {QStringLiteral("apiVersion"), 1},
        {QStringLiteral("running"), stats.running},
        {QStringLiteral("startedAt"), isoUtc(stats.startedAt)},
        {QStringLiteral("auth"), tokenRequired ? QStringLiteral("bearer") : QStringLiteral("none")},
        {QStringLiteral("listeners"),
         QJsonObject{{QStringLiteral("public"), strings(config.server.listens)},
                     {QStringLiteral("internal"), config.server.internalListen},
                     {QStringLiteral("boundPublic"), strings(stats.publicAddresses)},
                     {QStringLiteral("boundInternal"), strings(stats.internalAddresses)}}},
        {QStringLiteral("config"), configSummaryToJson(config)},
    };
}

QJsonArray issuesToJson(const QList<ConfigIssue> &issues)
{
    QJsonArray out;
    for (const ConfigIssue &i : issues)
        out.append(QJsonObject{{QStringLiteral("keyPath"), i.keyPath}, {QStringLiteral("message"), i.message}});
    return out;
}

QJsonArray cacheEntriesToJson(const QList<CacheEntryInfo> &entries)
{
    QJsonArray out;
    for (const CacheEntryInfo &e : entries) {
        out.append(QJsonObject{{QStringLiteral("key"), e.key},
                               {QStringLiteral("backend"), e.backend},
                               {QStringLiteral("url"), e.url},
                               {QStringLiteral("sizeBytes"), number(e.size)},
                               {QStringLiteral("bodyBytes"), number(e.bodyBytes)},
                               {QStringLiteral("status"), e.status},
                               {QStringLiteral("contentType"), QString::fromLatin1(e.contentType)},
                               {QStringLiteral("hits"), number(e.hits)},
                               {QStringLiteral("ageMs"), number(e.ageMs)},
                               {QStringLiteral("ttlMs"), number(e.ttlMs)}});
    }
    return out;
}

QList<CacheEntryInfo> cacheEntriesFromJson(const QJsonArray &array)
{
    QList<CacheEntryInfo> out;
    out.reserve(array.size());
    for (const QJsonValue &v : array) {
        const QJsonObject e = v.toObject();
        CacheEntryInfo info;
        info.key = e.value(QLatin1String("key")).toString();
        info.backend = e.value(QLatin1String("backend")).toString(QStringLiteral("memory")); // older servers: memory
        info.url = e.value(QLatin1String("url")).toString();
        info.size = e.value(QLatin1String("sizeBytes")).toInteger();
        info.bodyBytes = e.value(QLatin1String("bodyBytes")).toInteger();
        info.status = e.value(QLatin1String("status")).toInt();
        info.contentType = e.value(QLatin1String("contentType")).toString().toLatin1();
        info.hits = unsignedField(e, QLatin1String("hits"));
        info.ageMs = e.value(QLatin1String("ageMs")).toInteger();
        info.ttlMs = e.value(QLatin1String("ttlMs")).toInteger();
        out.append(info);
    }
    return out;
}

QJsonObject logLineToJson(const AdminLogLine &line)
{
    return {{QStringLiteral("seq"), number(line.seq)},
            {QStringLiteral("at"), isoUtc(line.at)},
            {QStringLiteral("level"), line.level},
            {QStringLiteral("category"), line.category},
            {QStringLiteral("message"), line.message}};
}

QJsonObject cacheEntryDetailToJson(const CacheEntryDetail &detail)
{
    QJsonArray headers;
    for (const auto &[name, value] : detail.response->headers())
        headers.append(QJsonArray{QString::fromLatin1(name), QString::fromLatin1(value)});
    return {{QStringLiteral("entry"), cacheEntriesToJson({detail.info}).at(0)}, {QStringLiteral("headers"), headers}};
}

HttpHeaders cacheEntryHeadersFromJson(const QJsonObject &detail)
{
    HttpHeaders headers;
    for (const QJsonValue &pair : detail.value(QLatin1String("headers")).toArray()) {
        const QJsonArray a = pair.toArray();
        headers.append({a.at(0).toString().toLatin1(), a.at(1).toString().toLatin1()});
    }
    return headers;
}

AdminLogLine logLineFromJson(const QJsonObject &o)
{
    AdminLogLine line;
    line.seq = static_cast<quint64>(o.value(QLatin1String("seq")).toInteger());
    line.at = dateTimeFromJson(o.value(QLatin1String("at")));
    line.level = o.value(QLatin1String("level")).toString();
    line.category = o.value(QLatin1String("category")).toString();
    line.message = o.value(QLatin1String("message")).toString();
    return line;
}

HttpResponse jsonResponse(int status, const QJsonObject &object)
{
    HttpResponse r(status, QJsonDocument(object).toJson(QJsonDocument::Compact), "application/json");
    r.setHeader("Cache-Control", "no-store"); // live data, and possibly behind a token
    return r;
}

HttpResponse adminErrorResponse(const Error &error)
{
    HttpResponse r = jsonResponse(
        error.httpStatus,
        QJsonObject{{QStringLiteral("code"), QString::fromLatin1(error.code)},
                    {QStringLiteral("message"), error.detail.isEmpty() ? error.publicMessage : error.detail}});
    r.setHeader("X-Mort-Error", error.code);
    return r;
}

} // namespace mort
