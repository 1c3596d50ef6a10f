#include "service/adminapi.h"

#include "core/threadhandoff.h"
#include "service/activecontent.h"
#include "service/adminjson.h"
#include "service/adminorigin.h"
#include "service/adminroute.h"
#include "service/adminsecurity.h"
#include "service/maskedsecrets.h"
#include "service/stalepresetjson.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcAdmin, "mort.admin")

namespace mort {

namespace {

// Small: parsing configs and walking the cache are rare, operator-driven work.
constexpr int kAdminThreads = 2;

QByteArray sseEvent(const char *event, const QJsonObject &data, std::optional<quint64> id = std::nullopt)
{
    QByteArray out;
    if (id)
        out += "id: " + QByteArray::number(*id) + '\n';
    // Compact JSON has no newlines, so one data: line carries it.
    out += QByteArray("event: ") + event + "\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
    return out;
}

} // namespace

AdminApi::AdminApi(AdminBackend *backend) : m_backend(backend), m_render(backend)
{
    m_pool.setMaxThreadCount(kAdminThreads);
    m_pool.setObjectName(QStringLiteral("mort-admin"));
}

AdminApi::~AdminApi()
{
    joinPool(m_pool);
}

void AdminApi::handle(const HttpExchangePtr &exchange)
{
    const HttpRequest &request = exchange->request();
    const ConfigPtr config = m_backend->config();
    // A web page must not drive the API through the user's browser (CSRF),
    // token or not: judged first, on every route.
    if (std::optional<HttpResponse> forged = refuseBrowserForgery(request, config->server)) {
        qCInfo(lcAdmin) << "admin request" << request.id << "refused (browser):" << request.method << request.path
                        << "Origin:" << request.header("Origin") << "Content-Type:" << request.header("Content-Type");
        exchange->respond(std::move(*forged));
        return;
    }
    // Authorise before routing, so unauthenticated clients cannot map the API.
    if (std::optional<HttpResponse> denied = authorizeAdmin(request, config->server)) {
        qCInfo(lcAdmin) << "admin request" << request.id << "refused:" << request.method << request.path;
        exchange->respond(std::move(*denied));
        return;
    }
    const QString route = request.path.mid(8); // after "/api/v1/"
    const QByteArray &method = request.method;

    if (route == QLatin1String("info")) {
        if (!isRead(method))
            return exchange->respond(methodNotAllowed("GET, HEAD"));
        return exchange->respond(
            jsonResponse(200, infoToJson(*config, m_backend->stats(), !adminToken(config->server).isEmpty())));
    }
    if (route == QLatin1String("stats")) {
        if (!isRead(method))
            return exchange->respond(methodNotAllowed("GET, HEAD"));
        return exchange->respond(jsonResponse(200, statsToJson(m_backend->stats())));
    }
    if (route == QLatin1String("tasks")) {
        if (!isRead(method))
            return exchange->respond(methodNotAllowed("GET, HEAD"));
        const QList<TaskCounts> tasks = m_backend->stats().tasks;
        qint64 live = 0;
        for (const TaskCounts &t : tasks)
            live += t.live;
        return exchange->respond(
            jsonResponse(200,
                         QJsonObject{{QStringLiteral("at"), isoUtc(QDateTime::currentDateTimeUtc())},
                                     {QStringLiteral("liveTotal"), live},
                                     {QStringLiteral("tasks"), tasksToJson(tasks)}}));
    }
    if (route == QLatin1String("config")) {
        if (!isRead(method))
            return exchange->respond(methodNotAllowed("GET, HEAD"));
        return exchange->respond(jsonResponse(
            200,
            QJsonObject{{QStringLiteral("sourcePath"),
                         config->sourcePath.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(config->sourcePath)},
                        {QStringLiteral("yaml"), maskConfigSecrets(m_backend->configText())},
                        {QStringLiteral("maskedKeys"), QJsonArray::fromStringList(maskedConfigKeys())}}));
    }
    if (route == QLatin1String("config/preset")) {
        if (method != "POST")
            return exchange->respond(methodNotAllowed("POST"));
        return savePreset(exchange);
    }
    if (route == QLatin1String("config/validate") || route == QLatin1String("config/apply")) {
        if (method != "POST")
            return exchange->respond(methodNotAllowed("POST"));
        return validate(exchange, route.endsWith(QLatin1String("apply")));
    }
    if (route == QLatin1String("stream")) {
        if (!isRead(method))
            return exchange->respond(methodNotAllowed("GET, HEAD"));
        return stream(exchange);
    }
    if (route == QLatin1String("cache") || route.startsWith(QLatin1String("cache/")))
        return cache(exchange, route);
    if (route == QLatin1String("presets/stale") || route.startsWith(QLatin1String("presets/stale/")))
        return stalePresets(exchange, route);
    if (route.startsWith(QLatin1String("buckets/")))
        return buckets(exchange, route);
    if (route == QLatin1String("render") || route == QLatin1String("display")) {
        if (method != "POST")
            return exchange->respond(methodNotAllowed("POST"));
        return route == QLatin1String("render") ? render(exchange) : display(exchange);
    }
    exchange->respond(adminErrorResponse(
        Error::client("admin.not_found", 404, QStringLiteral("no admin endpoint /api/v1/%1").arg(route))));
}

void AdminApi::runJob(const HttpExchangePtr &exchange, std::function<HttpResponse()> job)
{
    startInPool(m_pool, [exchange, job = std::move(job)] {
        if (exchange->cancelToken().isCancelled())
            return; // the client left; the transport drops the exchange
        try {
            exchange->respond(job());
        } catch (const std::exception &e) {
            qCWarning(lcAdmin) << "admin request" << exchange->request().id << "failed:" << e.what();
            exchange->respond(adminErrorResponse(Error::internal("internal.exception", QString::fromUtf8(e.what()))));
        } catch (...) {
            exchange->respond(adminErrorResponse(Error::internal("internal.exception", QStringLiteral("unknown"))));
        }
    });
}

void AdminApi::validate(const HttpExchangePtr &exchange, bool apply)
{
    if (exchange->request().body.size() > kMaxConfigBytes) {
        exchange->respond(adminErrorResponse(Error::client(
            "admin.body_too_large", 413, QStringLiteral("a config may have at most %1 bytes").arg(kMaxConfigBytes))));
        return;
    }
    runJob(exchange, [this, exchange, apply] {
        // A secret still masked as GET config handed it out keeps its running value.
        const RestoredSecrets restored =
            restoreMaskedSecrets(QString::fromUtf8(exchange->request().body), m_backend->configText());
        const QString &yaml = restored.yaml;
        QList<ConfigIssue> issues = restored.issues;
        if (issues.isEmpty())
            issues = m_backend->validateConfig(yaml);
        if (!issues.isEmpty()) {
            return jsonResponse(
                422, QJsonObject{{QStringLiteral("valid"), false}, {QStringLiteral("issues"), issuesToJson(issues)}});
        }
        if (!apply)
            return jsonResponse(200, QJsonObject{{QStringLiteral("valid"), true}});
        if (Expected<void> applied = m_backend->applyConfig(yaml); !applied)
            return adminErrorResponse(applied.error());
        QJsonObject answer{{QStringLiteral("applied"), true}};
        if (Expected<QList<StalePreset>> stale = m_backend->stalePresets(); stale)
            answer.insert(QStringLiteral("stalePresets"), stalePresetsToJson(*stale));
        return jsonResponse(200, answer);
    });
}

void AdminApi::cache(const HttpExchangePtr &exchange, const QString &route)
{
    const QByteArray &method = exchange->request().method;
    if (route == QLatin1String("cache")) {
        if (!isRead(method))
            return exchange->respond(methodNotAllowed("GET, HEAD"));
        const QUrlQuery query(QString::fromLatin1(exchange->request().rawQuery));
        const int limit = queryInt(query, QStringLiteral("limit"), kDefaultCacheListLimit, 1, 100'000);
        return runJob(exchange, [this, limit] {
            Expected<QList<CacheEntryInfo>> entries = m_backend->cacheEntries(limit);
            if (!entries)
                return adminErrorResponse(entries.error());
            return jsonResponse(200, QJsonObject{{QStringLiteral("entries"), cacheEntriesToJson(*entries)}});
        });
    }
    if (route == QLatin1String("cache/entry") || route == QLatin1String("cache/entry/body")) {
        if (!isRead(method))
            return exchange->respond(methodNotAllowed("GET, HEAD"));
        const QString key = QUrlQuery(QString::fromLatin1(exchange->request().rawQuery))
                                .queryItemValue(QStringLiteral("key"), QUrl::FullyDecoded);
        if (key.isEmpty()) {
            return exchange->respond(adminErrorResponse(Error::client(
                "admin.bad_request", 400, QStringLiteral("the query must name the entry: ?key=<cache key>"))));
        }
        const bool rawBody = route.endsWith(QLatin1String("/body"));
        return runJob(exchange, [this, key, rawBody] {
            Expected<CacheEntryDetail> entry = m_backend->cacheEntry(key);
            if (!entry)
                return adminErrorResponse(entry.error());
            if (!rawBody)
                return jsonResponse(200, cacheEntryDetailToJson(*entry));
            // The body as the cache holds it (shared, not copied), with its type.
            HttpResponse r(200, entry->response->body(), entry->response->contentType());
            r.setHeader("Cache-Control", "no-store");
            // A cached SVG opened from here would run in the admin API's own
            // origin, the one origin allowed to write (adminorigin.h).
            guardActiveContent(r, r.body);
            return r;
        });
    }
    if (route == QLatin1String("cache/evict")) {
        if (method != "POST")
            return exchange->respond(methodNotAllowed("POST"));
        const QJsonObject body = QJsonDocument::fromJson(exchange->request().body).object();
        const QString key = body.value(QStringLiteral("key")).toString();
        if (key.isEmpty()) {
            return exchange->respond(adminErrorResponse(
                Error::client("admin.bad_request", 400, QStringLiteral("body must be {\"key\": \"<cache key>\"}"))));
        }
        return runJob(exchange, [this, key] {
            Expected<bool> removed = m_backend->evict(key);
            if (!removed)
                return adminErrorResponse(removed.error());
            return jsonResponse(200, QJsonObject{{QStringLiteral("removed"), *removed}});
        });
    }
    if (route == QLatin1String("cache/clear")) {
        if (method != "POST")
            return exchange->respond(methodNotAllowed("POST"));
        return runJob(exchange, [this] {
            if (Expected<void> cleared = m_backend->clearCache(); !cleared)
                return adminErrorResponse(cleared.error());
            return jsonResponse(200, QJsonObject{{QStringLiteral("cleared"), true}});
        });
    }
    exchange->respond(adminErrorResponse(
        Error::client("admin.not_found", 404, QStringLiteral("no admin endpoint /api/v1/%1").arg(route))));
}

void AdminApi::stream(const HttpExchangePtr &exchange)
{
    const QUrlQuery query(QString::fromLatin1(exchange->request().rawQuery));
    const int intervalMs = queryInt(query, QStringLiteral("intervalMs"), kDefaultStreamIntervalMs, kMinStreamIntervalMs,
                                    kMaxStreamIntervalMs);
    const int count = queryInt(query, QStringLiteral("count"), 0, 0, std::numeric_limits<int>::max());

    HttpResponse head(200, {}, "text/event-stream");
    head.setHeader("Cache-Control", "no-store");
    head.setHeader("X-Accel-Buffering", "no"); // nginx in front: pass events on at once

    // The producer runs on the HTTP thread, where the transport also destroys
    // it; its state therefore needs no locking.
    struct State
    {
        quint64 sent = 0;
        quint64 logSeq = 0;
    };
    AdminBackend *backend = m_backend;
    exchange->respondStream(
        std::move(head), intervalMs, [backend, count, state = State{}]() mutable -> std::optional<QByteArray> {
            if (count > 0 && state.sent >= quint64(count))
                return std::nullopt;
            QByteArray out;
            if (state.sent == 0)
                out += "retry: 2000\n\n"; // EventSource reconnect delay
            out += sseEvent("stats", statsToJson(backend->stats()), ++state.sent);
            if (std::optional<QList<AdminLogLine>> lines = backend->logLinesSince(state.logSeq, kLogLinesPerEvent);
                lines && !lines->isEmpty()) {
                QJsonArray array;
                for (const AdminLogLine &line : std::as_const(*lines)) {
                    array.append(logLineToJson(line));
                    state.logSeq = std::max(state.logSeq, line.seq);
                }
                out += sseEvent("log", QJsonObject{{QStringLiteral("lines"), array}});
            }
            return out;
        });
}

} // namespace mort
