#include "service/adminjson.h"

#include <QJsonDocument>

namespace mort {

namespace {

// JSON numbers are doubles; our counters stay far below 2^53.
QJsonValue number(quint64 v) { return QJsonValue(static_cast<qint64>(v)); }
QJsonValue number(qint64 v) { return QJsonValue(v); }

QJsonArray strings(const QStringList &list) { return QJsonArray::fromStringList(list); }

QJsonObject limitsToJson(const LimitsConfig &l)
{
    return {{QStringLiteral("maxSourcePixels"), number(l.maxSourcePixels)},
            {QStringLiteral("maxFrames"), l.maxFrames},
            {QStringLiteral("maxOutputDimension"), l.maxOutputDimension},
            {QStringLiteral("maxParentBytes"), number(l.maxParentBytes)},
            {QStringLiteral("maxHeaderBytes"), number(l.maxHeaderBytes)},
            {QStringLiteral("maxBodyBytes"), number(l.maxBodyBytes)},
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
        {QStringLiteral("http"),
         QJsonObject{{QStringLiteral("connectionsAccepted"), number(h.connectionsAccepted)},
                     {QStringLiteral("connectionsOpen"), number(h.connectionsOpen)},
                     {QStringLiteral("requestsReceived"), number(h.requestsReceived)},
                     {QStringLiteral("responsesWritten"), number(h.responsesWritten)},
                     {QStringLiteral("responsesDropped"), number(h.responsesDropped)},
                     {QStringLiteral("rejectedByGuard"), number(h.rejectedByGuard)},
                     {QStringLiteral("exchangesInFlight"), number(h.exchangesInFlight)}}},
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
    };
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
        {QStringLiteral("sourcePath"), c.sourcePath.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(c.sourcePath)},
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

QJsonObject logLineToJson(const AdminLogLine &line)
{
    return {{QStringLiteral("seq"), number(line.seq)},
            {QStringLiteral("at"), isoUtc(line.at)},
            {QStringLiteral("level"), line.level},
            {QStringLiteral("category"), line.category},
            {QStringLiteral("message"), line.message}};
}

HttpResponse jsonResponse(int status, const QJsonObject &object)
{
    HttpResponse r(status, QJsonDocument(object).toJson(QJsonDocument::Compact), "application/json");
    r.setHeader("Cache-Control", "no-store"); // live data, and possibly behind a token
    return r;
}

HttpResponse adminErrorResponse(const Error &error)
{
    HttpResponse r = jsonResponse(error.httpStatus,
                                  QJsonObject{{QStringLiteral("code"), QString::fromLatin1(error.code)},
                                              {QStringLiteral("message"), error.detail.isEmpty()
                                                                              ? error.publicMessage
                                                                              : error.detail}});
    r.setHeader("X-Mort-Error", error.code);
    return r;
}

} // namespace mort
