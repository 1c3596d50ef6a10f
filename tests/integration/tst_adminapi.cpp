// The admin API over real HTTP on a real Engine's internal listener: every
// endpoint, bearer-token failures, config validation, the event stream
// (>= 2 updates, ends when asked, when the client leaves), /health and
// /metrics staying open, and the start-up exposure rule.
#include "service/adminapi.h"
#include "service/adminjson.h"
#include "service/adminsecurity.h"
#include "promtool.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

using namespace mort;
using namespace mort::test;

namespace {

const QByteArray kToken = "integration-token-0123456789";

const QString kConfig = QStringLiteral(R"yaml(server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
  adminToken: "integration-token-0123456789"
buckets:
  media:
    keys:
      - accessKey: AKIDINTEGRATION
        secretAccessKey: "super-secret-value"
    transform:
      kind: "query"
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
      transform: {kind: "local-meta", rootPath: "@ROOT@/results"}
)yaml");

// An Engine started from a config *file* (as mort-server does), so the admin
// API has the config text to hand out.
class AdminServer
{
public:
    QString start(QString yaml)
    {
        if (!m_dir.isValid())
            return QStringLiteral("no temporary directory");
        yaml.replace(QLatin1String("@ROOT@"), m_dir.path());
        const QString path = m_dir.filePath(QStringLiteral("mort.yml"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(yaml.toUtf8()) < 0)
            return QStringLiteral("cannot write ") + path;
        file.close();
        auto config = ConfigLoader::fromFile(path);
        if (!config)
            return QStringLiteral("config: ") + config.error().toString();
        m_engine = std::make_unique<Engine>(std::move(config).value());
        if (Expected<void> started = m_engine->start(); !started)
            return QStringLiteral("start: ") + started.error().toString();
        const EngineStats s = m_engine->stats();
        if (s.internalAddresses.isEmpty() || s.publicAddresses.isEmpty())
            return QStringLiteral("listeners not bound");
        m_internal = s.internalAddresses.first();
        m_public = s.publicAddresses.first();
        return {};
    }
    ~AdminServer()
    {
        if (m_engine)
            m_engine->stop(2000);
    }

    Engine &engine() { return *m_engine; }
    QString root() const { return m_dir.path(); }
    QString internalAddress() const { return m_internal; }
    QString publicAddress() const { return m_public; }

    // Bodies go out as the studio and scripts send them: JSON or YAML by type.
    Reply call(const QByteArray &method, const QByteArray &target, HttpHeaders headers = {},
               const QByteArray &body = {})
    {
        RawHttpClient client(m_internal);
        if (body.isEmpty() && method != "POST")
            return client.request(method, target, headers);
        if (!body.isEmpty() && !hasHeader(headers, "Content-Type"))
            headers.append(
                {QByteArray("Content-Type"), body.startsWith('{') ? "application/json" : "application/yaml"});
        return client.requestWithBody(method, target, headers, body);
    }
    Reply authed(const QByteArray &method, const QByteArray &target, const QByteArray &body = {})
    {
        return call(method, target, {{"Authorization", "Bearer " + kToken}}, body);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;
    QString m_internal, m_public;
};

QJsonObject json(const Reply &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

// Reads SSE events off a chunked stream until `events` stats events arrived,
// the terminal chunk came or `timeoutMs` passed. Returns the stats payloads.
struct StreamRead
{
    int status = 0;
    HttpHeaders headers;
    QList<QJsonObject> stats;
    QList<QByteArray> ids;
    bool ended = false; // terminal chunk seen
};

StreamRead readStream(QIODevice &device, int events, int timeoutMs)
{
    StreamRead out;
    QByteArray raw;
    QElapsedTimer t;
    t.start();
    qsizetype headEnd = -1;
    while ((headEnd = raw.indexOf("\r\n\r\n")) < 0 && t.elapsed() < timeoutMs) {
        device.waitForReadyRead(100);
        raw += device.readAll();
    }
    if (headEnd < 0)
        return out;
    const QList<QByteArray> lines = raw.left(headEnd).split('\n');
    out.status = lines.value(0).split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype c = line.indexOf(':');
        out.headers.append({line.left(c), line.mid(c + 1).trimmed()});
    }
    raw.remove(0, headEnd + 4);
    QByteArray body; // de-chunked
    while (t.elapsed() < timeoutMs && !out.ended && out.stats.size() < events) {
        // Take every complete chunk in `raw`.
        for (;;) {
            const qsizetype eol = raw.indexOf("\r\n");
            if (eol < 0)
                break;
            const qsizetype size = raw.left(eol).toLongLong(nullptr, 16);
            if (raw.size() < eol + 2 + size + 2)
                break;
            if (size == 0) {
                out.ended = true;
                break;
            }
            body += raw.mid(eol + 2, size);
            raw.remove(0, eol + 2 + size + 2);
        }
        qsizetype end;
        while ((end = body.indexOf("\n\n")) >= 0) {
            const QByteArray event = body.left(end);
            body.remove(0, end + 2);
            QByteArray type, data, id;
            for (const QByteArray &line : event.split('\n')) {
                if (line.startsWith("event: "))
                    type = line.mid(7);
                else if (line.startsWith("data: "))
                    data = line.mid(6);
                else if (line.startsWith("id: "))
                    id = line.mid(4);
            }
            if (type == "stats") {
                out.stats.append(QJsonDocument::fromJson(data).object());
                out.ids.append(id);
            }
        }
        if (out.ended || out.stats.size() >= events)
            break;
        device.waitForReadyRead(100);
        raw += device.readAll();
    }
    return out;
}

} // namespace

class TestAdminApiIntegration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qunsetenv("MORT_ADMIN_TOKEN"); }

    void authFailuresAndSuccess()
    {
        AdminServer server;
        const QString why = server.start(kConfig);
        QVERIFY2(why.isEmpty(), qPrintable(why));

        const Reply none = server.call("GET", "/api/v1/stats");
        QCOMPARE(none.status, 401);
        QCOMPARE(json(none).value("code").toString(), QStringLiteral("admin.unauthorized"));
        QVERIFY(none.header("WWW-Authenticate").startsWith("Bearer"));

        const Reply wrong = server.call("GET", "/api/v1/stats", {{"Authorization", "Bearer " + kToken + "x"}});
        QCOMPARE(wrong.status, 401);
        QCOMPARE(json(wrong).value("code").toString(), QStringLiteral("admin.unauthorized"));
        QVERIFY(wrong.header("WWW-Authenticate").contains("invalid_token"));

        const Reply basic = server.call("GET", "/api/v1/info", {{"Authorization", "Basic " + kToken.toBase64()}});
        QCOMPARE(basic.status, 401);

        const Reply right = server.authed("GET", "/api/v1/stats");
        QCOMPARE(right.status, 200);
        QCOMPARE(right.header("Content-Type"), QByteArray("application/json"));

        // Prometheus and health checks scrape without a token, as Mort.
        QCOMPARE(server.call("GET", "/health").status, 200);
        const Reply metrics = server.call("GET", "/metrics");
        QCOMPARE(metrics.status, 200);
        QVERIFY(metrics.body.contains("mort_requests_total"));
        QVERIFY(metrics.body.contains("process_resident_memory_bytes "));
        QVERIFY(metrics.body.contains("mort_request_collapsed_count "));
        // What Prometheus scrapes is clean for its own parser and linter
        // (issue 6 acceptance: curl .../metrics | promtool check metrics).
        if (const QString promtool = findPromtool(); !promtool.isEmpty()) {
            const auto [exitCode, output] = runPromtool(promtool, metrics.body);
            QVERIFY2(exitCode == 0 && output.trimmed().isEmpty(), qPrintable(output));
        }

        // The admin API is not on the public listener.
        RawHttpClient publicClient(server.publicAddress());
        const Reply onPublic = publicClient.request("GET", "/api/v1/stats", {{"Authorization", "Bearer " + kToken}});
        QVERIFY(onPublic.status != 200);
        QVERIFY(!onPublic.body.contains("requestsReceived"));
    }

    void infoStatsTasksConfig()
    {
        AdminServer server;
        const QString why = server.start(kConfig);
        QVERIFY2(why.isEmpty(), qPrintable(why));

        const Reply info = server.authed("GET", "/api/v1/info");
        QCOMPARE(info.status, 200);
        const QJsonObject i = json(info);
        QCOMPARE(i.value("version").toString(), QStringLiteral(MORT_VERSION));
        QCOMPARE(i.value("apiVersion").toInt(), 1);
        QCOMPARE(i.value("auth").toString(), QStringLiteral("bearer"));
        QCOMPARE(i.value("listeners").toObject().value("boundInternal").toArray().at(0).toString(),
                 server.internalAddress());
        QCOMPARE(i.value("listeners").toObject().value("boundPublic").toArray().at(0).toString(),
                 server.publicAddress());
        QCOMPARE(i.value("config").toObject().value("buckets").toArray().at(0).toObject().value("name").toString(),
                 QStringLiteral("media"));
        QVERIFY(!info.body.contains("super-secret-value"));
        QVERIFY(!info.body.contains(kToken));

        // Some traffic, so the counters have something to show.
        QCOMPARE(RawHttpClient(server.publicAddress()).request("GET", "/media/missing.jpg").status, 404);

        const Reply stats = server.authed("GET", "/api/v1/stats");
        QCOMPARE(stats.status, 200);
        const QJsonObject s = json(stats);
        QCOMPARE(s.value("running").toBool(), true);
        const QDateTime startedAt = QDateTime::fromString(s.value("startedAt").toString(), Qt::ISODateWithMs);
        QVERIFY(startedAt.isValid());
        QCOMPARE(startedAt.timeSpec(), Qt::UTC);
        QVERIFY(qAbs(startedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        QCOMPARE(s.value("internalAddresses").toArray().at(0).toString(), server.internalAddress());
        QCOMPARE(s.value("publicAddresses").toArray().at(0).toString(), server.publicAddress());
        const QJsonObject http = s.value("http").toObject();
        for (const char *key : {"connectionsOpen", "requestsReceived", "responsesWritten", "responsesDropped",
                                "rejectedByGuard", "exchangesInFlight"})
            QVERIFY2(http.value(QLatin1String(key)).isDouble(), key);
        QVERIFY(http.value("requestsReceived").toInteger() >= 3);  // 404 + earlier admin calls + this one
        QVERIFY(http.value("exchangesInFlight").toInteger() >= 1); // this request
        // The public listeners' requests: the 404 only, none of the admin calls.
        const QJsonObject requests = s.value("requests").toObject();
        QCOMPARE(requests.value("received").toInteger(), 1);
        QCOMPARE(requests.value("served").toInteger(), 1);
        QCOMPARE(requests.value("inFlight").toInteger(), 0);
        QCOMPARE(requests.value("dropped").toInteger(), 0);
        QCOMPARE(s.value("tasks").toArray().size(), int(TaskKind::Count));
        for (const char *key : {"executed", "failed", "inFlight", "throttled"})
            QVERIFY2(s.value("transforms").toObject().value(QLatin1String(key)).isDouble(), key);
        QVERIFY(s.value("downloads").isDouble());
        QVERIFY(s.value("background").toObject().value("pending").isDouble());
        QVERIFY(s.value("background").toObject().value("dropped").isDouble());
        QVERIFY(s.value("storageClients").isDouble());
        QVERIFY(s.value("memory").toObject().value("residentBytes").toInteger() > 1'000'000); // a real process
        QVERIFY(s.value("memory").toObject().value("imagingBytes").isDouble());
        QVERIFY(s.value("openFds").toInteger() > 0);

        const Reply tasks = server.authed("GET", "/api/v1/tasks");
        QCOMPARE(tasks.status, 200);
        const QJsonArray kinds = json(tasks).value("tasks").toArray();
        QCOMPARE(kinds.size(), int(TaskKind::Count));
        const QJsonObject request = kinds.at(int(TaskKind::Request)).toObject();
        QCOMPARE(request.value("kind").toString(), QString::fromLatin1(taskKindName(TaskKind::Request)));
        QCOMPARE(request.value("live").toInteger(), 0); // admin calls are not requests
        const QJsonObject admin = kinds.at(int(TaskKind::Admin)).toObject();
        QCOMPARE(admin.value("kind").toString(), QStringLiteral("admin"));
        QVERIFY(admin.value("live").toInteger() >= 1); // this request
        QVERIFY(json(tasks).value("liveTotal").toInteger() >= 1);

        const Reply config = server.authed("GET", "/api/v1/config");
        QCOMPARE(config.status, 200);
        const QString yaml = json(config).value("yaml").toString();
        QVERIFY2(yaml.contains(QLatin1String("AKIDINTEGRATION")), qPrintable(yaml)); // identifiers stay
        QVERIFY(yaml.contains(QLatin1String("secretAccessKey: \"***\"")));
        QVERIFY(yaml.contains(QLatin1String("adminToken: \"***\"")));
        QVERIFY(!config.body.contains("super-secret-value"));
        QVERIFY(!config.body.contains(kToken));
        QVERIFY(json(config).value("sourcePath").toString().endsWith(QLatin1String("mort.yml")));

        const Reply missing = server.authed("GET", "/api/v1/nothing-here");
        QCOMPARE(missing.status, 404);
        QCOMPARE(json(missing).value("code").toString(), QStringLiteral("admin.not_found"));
        // The engine provides the cache routes: an empty cache lists no entries.
        const Reply cache = server.authed("GET", "/api/v1/cache");
        QCOMPARE(cache.status, 200);
        QVERIFY(json(cache).value("entries").isArray());
        QCOMPARE(json(cache).value("entries").toArray().size(), 0);
        const Reply cleared = server.authed("POST", "/api/v1/cache/clear");
        QCOMPARE(cleared.status, 200);
        QCOMPARE(json(cleared).value("cleared").toBool(), true);
    }

    void cacheEntryHeadersAndBody()
    {
        AdminServer server;
        QString yaml = kConfig;
        yaml.replace(QLatin1String("  adminToken:"),
                     QLatin1String("  cache: {type: memory, cacheSize: 10485760}\n  adminToken:"));
        yaml.replace(
            QLatin1String("buckets:"),
            QLatin1String(
                "headers:\n  - statusCodes: [200]\n    values: {\"cache-control\": \"max-age=600\"}\nbuckets:"));
        const QString why = server.start(yaml);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QDir().mkpath(server.root() + QStringLiteral("/originals/media"));
        QVERIFY(QFile::copy(QStringLiteral(MORT_TESTDATA_DIR "/photos/gray_800x600.jpg"),
                            server.root() + QStringLiteral("/originals/media/g r&y.jpg")));
        RawHttpClient publicClient(server.publicAddress());
        const Reply original = publicClient.request("GET", "/media/g%20r%26y.jpg");
        QCOMPARE(original.status, 200);

        const QJsonArray entries = json(server.authed("GET", "/api/v1/cache")).value("entries").toArray();
        QCOMPARE(entries.size(), 1);
        const QString key = entries.at(0).toObject().value("key").toString();
        QVERIFY2(key.endsWith(QLatin1String("g r&y.jpg")), qPrintable(key));
        const QByteArray query = "?key=" + QUrl::toPercentEncoding(key);

        const Reply detail = server.authed("GET", "/api/v1/cache/entry" + query);
        QCOMPARE(detail.status, 200);
        const QJsonObject d = json(detail);
        QCOMPARE(d.value("entry").toObject().value("key").toString(), key);
        QCOMPARE(d.value("entry").toObject().value("contentType").toString(), QStringLiteral("image/jpeg"));
        QCOMPARE(d.value("entry").toObject().value("hits").toInt(), 0);
        const HttpHeaders headers = cacheEntryHeadersFromJson(d);
        QCOMPARE(headerValue(headers, "Content-Type"), QByteArray("image/jpeg"));
        QCOMPARE(headerValue(headers, "Cache-Control"), QByteArray("max-age=600"));
        QCOMPARE(headerValue(headers, "ETag"), original.header("ETag"));

        const Reply body = server.authed("GET", "/api/v1/cache/entry/body" + query);
        QCOMPARE(body.status, 200);
        QCOMPARE(body.header("Content-Type"), QByteArray("image/jpeg"));
        QCOMPARE(body.header("Cache-Control"), QByteArray("no-store"));
        QCOMPARE(body.body, original.body);
        // Looking is not using: no hit counted.
        QCOMPARE(json(server.authed("GET", "/api/v1/cache"))
                     .value("entries")
                     .toArray()
                     .at(0)
                     .toObject()
                     .value("hits")
                     .toInt(),
                 0);

        const Reply gone = server.authed("GET", "/api/v1/cache/entry?key=nope");
        QCOMPARE(gone.status, 404);
        QCOMPARE(json(gone).value("code").toString(), QStringLiteral("admin.not_found"));
        const Reply noKey = server.authed("GET", "/api/v1/cache/entry/body");
        QCOMPARE(noKey.status, 400);
        QCOMPARE(json(noKey).value("code").toString(), QStringLiteral("admin.bad_request"));
        QCOMPARE(server.call("GET", "/api/v1/cache/entry/body" + query).status, 401);
        QCOMPARE(server.authed("POST", "/api/v1/cache/entry" + query).status, 405);
    }

    void validateGoodAndBadConfig()
    {
        AdminServer server;
        const QString why = server.start(kConfig);
        QVERIFY2(why.isEmpty(), qPrintable(why));

        const QByteArray good = "buckets:\n  media:\n    storages:\n      basic: {kind: noop}\n";
        const Reply ok = server.authed("POST", "/api/v1/config/validate", good);
        QCOMPARE(ok.status, 200);
        QCOMPARE(json(ok).value("valid").toBool(), true);

        const QByteArray bad =
            "server:\n  requestTimeout: soon\nbuckets:\n  media:\n    storages:\n      transform: {kind: noop}\n";
        const Reply rejected = server.authed("POST", "/api/v1/config/validate", bad);
        QCOMPARE(rejected.status, 422);
        QCOMPARE(json(rejected).value("valid").toBool(true), false);
        const QJsonArray issues = json(rejected).value("issues").toArray();
        QVERIFY(issues.size() >= 1);
        QStringList keyPaths;
        for (const QJsonValue &v : issues)
            keyPaths << v.toObject().value("keyPath").toString();
        QVERIFY2(keyPaths.contains(QStringLiteral("buckets.media.storages.basic")), qPrintable(keyPaths.join(',')));

        QCOMPARE(server.call("POST", "/api/v1/config/validate", {}, good).status, 401);
        QCOMPARE(server.authed("GET", "/api/v1/config/validate").status, 405);
    }

    void streamDeliversUpdates()
    {
        AdminServer server;
        const QString why = server.start(kConfig);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        const qint64 liveBefore = server.engine().tasks().live(TaskKind::Admin);

        // Bounded stream: two updates, then the stream ends cleanly.
        {
            RawHttpClient client(server.internalAddress());
            QVERIFY(client.send(RawHttpClient::requestBytes("GET", "/api/v1/stream?intervalMs=200&count=2",
                                                            {{"Authorization", "Bearer " + kToken}})));
            const StreamRead r = readStream(client.device(), 100, 10000);
            QCOMPARE(r.status, 200);
            QCOMPARE(headerValue(r.headers, "Content-Type"), QByteArray("text/event-stream"));
            QCOMPARE(headerValue(r.headers, "Transfer-Encoding"), QByteArray("chunked"));
            QVERIFY(r.ended);
            QCOMPARE(r.stats.size(), 2);
            QCOMPARE(r.ids, QList<QByteArray>({"1", "2"}));
            for (const QJsonObject &s : r.stats) {
                QCOMPARE(s.value("running").toBool(), true);
                QVERIFY(s.value("http").toObject().contains("requestsReceived"));
            }
            // Snapshots are taken when sent, not once.
            QVERIFY(QDateTime::fromString(r.stats.at(1).value("at").toString(), Qt::ISODateWithMs)
                    > QDateTime::fromString(r.stats.at(0).value("at").toString(), Qt::ISODateWithMs));
        }

        // Default rate (1 Hz), open-ended: at least two updates, then the client leaves.
        {
            RawHttpClient client(server.internalAddress());
            QVERIFY(client.send(
                RawHttpClient::requestBytes("GET", "/api/v1/stream", {{"Authorization", "Bearer " + kToken}})));
            QElapsedTimer t;
            t.start();
            const StreamRead r = readStream(client.device(), 2, 10000);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.stats.size(), 2);
            QVERIFY(!r.ended);
            QVERIFY2(t.elapsed() >= 800, "the second update came before the interval");
            QCOMPARE(server.engine().tasks().live(TaskKind::Admin), liveBefore + 1); // the stream itself
            client.abort();
        }
        QTRY_COMPARE_WITH_TIMEOUT(server.engine().tasks().live(TaskKind::Admin), liveBefore, 5000);

        // No token, no stream.
        RawHttpClient anonymous(server.internalAddress());
        QCOMPARE(anonymous.request("GET", "/api/v1/stream").status, 401);
    }

    void stopEndsOpenStreamsPromptly()
    {
        AdminServer server;
        const QString why = server.start(kConfig);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        RawHttpClient client(server.internalAddress());
        QVERIFY(client.send(RawHttpClient::requestBytes("GET", "/api/v1/stream?intervalMs=200",
                                                        {{"Authorization", "Bearer " + kToken}})));
        QCOMPARE(readStream(client.device(), 1, 5000).stats.size(), 1);
        QElapsedTimer t;
        t.start();
        server.engine().stop(10000);
        QVERIFY2(t.elapsed() < 5000, "stop() waited for the grace period instead of ending the stream");
    }

    void exposureRule()
    {
        ServerConfig exposed;
        exposed.internalListen = QStringLiteral("0.0.0.0:0");
        QVERIFY(!checkAdminExposure(exposed).ok());

        // The engine refuses to start: admin API reachable off the host without a token.
        AdminServer refused;
        const QString why =
            refused.start(QStringLiteral("server:\n  listens: [\"127.0.0.1:0\"]\n  internalListen: \"0.0.0.0:0\"\n"
                                         "buckets:\n  media:\n    storages:\n      basic: {kind: noop}\n"));
        QVERIFY2(why.contains(QLatin1String("config.admin_exposed")), qPrintable(why));

        // With a token the same listener is fine and the token is enforced.
        AdminServer tokened;
        const QString ok = tokened.start(QStringLiteral(
            "server:\n  listens: [\"127.0.0.1:0\"]\n  internalListen: \"0.0.0.0:0\"\n  adminToken: \"t0k\"\n"
            "buckets:\n  media:\n    storages:\n      basic: {kind: noop}\n"));
        QVERIFY2(ok.isEmpty(), qPrintable(ok));
        const QString port = tokened.internalAddress().section(QLatin1Char(':'), -1);
        RawHttpClient client(QStringLiteral("127.0.0.1:") + port);
        QCOMPARE(client.request("GET", "/api/v1/info").status, 401);
        QCOMPARE(client.request("GET", "/api/v1/info", {{"Authorization", "Bearer t0k"}}).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestAdminApiIntegration)
#include "tst_adminapi.moc"
