// The admin API without a server: JSON shapes, the bearer-token check and its
// constant-time compare, the exposure rule, secret masking, routing (401, 404,
// 405, 501 seams), config validation and the event-stream producer. Requests
// go through real HttpExchanges whose connection link is empty, so responses
// stay in the exchange for the test to take.
#include "service/adminapi.h"
#include "service/adminjson.h"
#include "service/adminsecurity.h"
#include "service/maskedsecrets.h"
#include "service/internalapi.h"

#include "integration/testserver.h" // pollUntil

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace mort;

namespace {

const QString kConfig = QStringLiteral(R"y(server:
  listens: ["127.0.0.1:8080"]
  internalListen: "127.0.0.1:8081"
  adminToken: "s3cret-token"
buckets:
  media:
    storages:
      basic: {kind: local-meta, rootPath: /srv/mort}
)y");

ConfigPtr loadConfig(const QString &yaml)
{
    Expected<ConfigPtr> c = ConfigLoader::fromText(yaml);
    if (!c)
        qFatal("test config invalid: %s", qPrintable(c.error().toString()));
    return *c;
}

class FakeBackend : public AdminBackend
{
public:
    explicit FakeBackend(const QString &yaml) : m_text(yaml), m_config(loadConfig(yaml)) {}
    EngineStats stats() const override
    {
        ++statsCalls;
        EngineStats s;
        s.running = true;
        s.startedAt = QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC);
        s.publicAddresses = {QStringLiteral("127.0.0.1:8080")};
        s.internalAddresses = {QStringLiteral("127.0.0.1:8081")};
        s.http.requestsReceived = 7 + statsCalls;
        s.tasks = {{TaskKind::Request, 2, 9, 7}, {TaskKind::Transform, 1, 3, 2}};
        return s;
    }
    ConfigPtr config() const override { return m_config; }
    QString configText() const override { return m_text; }
    std::optional<QList<AdminLogLine>> logLinesSince(quint64 afterSeq, int max) const override
    {
        if (!withLog)
            return AdminBackend::logLinesSince(afterSeq, max);
        QList<AdminLogLine> out;
        for (const AdminLogLine &l : log) {
            if (l.seq > afterSeq && out.size() < max)
                out.append(l);
        }
        return out;
    }

    mutable int statsCalls = 0;
    bool withLog = false;
    QList<AdminLogLine> log;

private:
    QString m_text;
    ConfigPtr m_config;
};

HttpExchangePtr makeExchange(const QByteArray &method, const QString &path, const HttpHeaders &headers = {},
                             const QByteArray &body = {}, const QByteArray &query = {})
{
    HttpRequest r;
    r.method = method;
    r.path = path;
    r.rawQuery = query;
    r.headers = headers;
    // Bodies typed as the studio and scripts send them (adminorigin.h).
    if (!body.isEmpty() && !hasHeader(headers, "Content-Type"))
        r.headers.append({QByteArray("Content-Type"), body.startsWith('{') ? "application/json" : "application/yaml"});
    r.body = body;
    r.internalListener = true;
    return std::make_shared<HttpExchange>(std::move(r), std::make_shared<ConnectionLink>(), TaskScope(), true);
}

const HttpHeaders kAuth{{"Authorization", "Bearer s3cret-token"}};

// Waits for the (possibly pooled) answer and takes it.
HttpResponse answer(const HttpExchangePtr &exchange)
{
    test::pollUntil([&] { return exchange->hasResponded(); }, 5000); // on timeout: no response, status 0
    return exchange->takeResponse().value_or(HttpResponse(0));
}

QJsonObject json(const HttpResponse &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

} // namespace

// Takes every config it is given (the hot reload itself is the Engine's, tested elsewhere).
class ApplyingBackend : public FakeBackend
{
public:
    using FakeBackend::FakeBackend;
    Expected<void> applyConfig(const QString &yaml) override
    {
        applied = yaml;
        return {};
    }
    QString applied;
};

class TestAdminApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void constantTimeEqualsIsEquality_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<bool>("equal");
        QTest::newRow("same") << QByteArray("token-123") << QByteArray("token-123") << true;
        QTest::newRow("bothEmpty") << QByteArray() << QByteArray() << true;
        QTest::newRow("lastByte") << QByteArray("token-123") << QByteArray("token-124") << false;
        QTest::newRow("firstByte") << QByteArray("token-123") << QByteArray("Token-123") << false;
        QTest::newRow("prefix") << QByteArray("token") << QByteArray("token-123") << false;
        QTest::newRow("longer") << QByteArray("token-123x") << QByteArray("token-123") << false;
        QTest::newRow("emptyVsText") << QByteArray() << QByteArray("a") << false;
        // A shorter input padded with zero bytes must not equal the longer one.
        QTest::newRow("zeroPadding") << QByteArray("ab") << QByteArray("ab\0", 3) << false;
        QTest::newRow("highBit") << QByteArray("\xff\x80") << QByteArray("\xff\x80") << true;
        QTest::newRow("highBitDiffers") << QByteArray("\xff\x80") << QByteArray("\xff\x81") << false;
    }
    void constantTimeEqualsIsEquality()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(bool, equal);
        QCOMPARE(constantTimeEquals(a, b), equal);
        QCOMPARE(constantTimeEquals(b, a), equal);
    }

    void bearerTokenParsing()
    {
        QCOMPARE(bearerToken("Bearer abc"), std::optional<QByteArray>("abc"));
        QCOMPARE(bearerToken("bearer   abc  "), std::optional<QByteArray>("abc"));
        QCOMPARE(bearerToken("BEARER\tabc"), std::optional<QByteArray>("abc"));
        QCOMPARE(bearerToken("Basic YWJjOmRlZg=="), std::nullopt);
        QCOMPARE(bearerToken("Bearerabc"), std::nullopt);
        QCOMPARE(bearerToken("Bearer"), std::nullopt);
        QCOMPARE(bearerToken(""), std::nullopt);
    }

    void loopbackListens_data()
    {
        QTest::addColumn<QString>("listen");
        QTest::addColumn<bool>("loopback");
        QTest::newRow("v4") << "127.0.0.1:8081" << true;
        QTest::newRow("v4Net") << "127.3.2.1:8081" << true;
        QTest::newRow("v6") << "[::1]:8081" << true;
        QTest::newRow("localhost") << "localhost:0" << true;
        QTest::newRow("unix") << "unix:/run/mort-admin.sock" << true;
        QTest::newRow("allInterfaces") << ":8081" << false;
        QTest::newRow("anyV4") << "0.0.0.0:8081" << false;
        QTest::newRow("anyV6") << "[::]:8081" << false;
        QTest::newRow("lan") << "192.168.1.10:8081" << false;
        QTest::newRow("hostName") << "admin.example.com:8081" << false;
    }
    void loopbackListens()
    {
        QFETCH(QString, listen);
        QFETCH(bool, loopback);
        QCOMPARE(isLoopbackListen(listen), loopback);
    }

    void exposureCheck()
    {
        qunsetenv("MORT_ADMIN_TOKEN");
        ServerConfig s;
        s.internalListen = QStringLiteral("127.0.0.1:8081");
        QVERIFY(checkAdminExposure(s).ok());
        s.internalListen = QStringLiteral(":8081");
        const Expected<void> exposed = checkAdminExposure(s);
        QVERIFY(!exposed.ok());
        QCOMPARE(exposed.error().code, QByteArray("config.admin_exposed"));
        QVERIFY(exposed.error().detail.contains(QLatin1String(":8081")));
        s.adminToken = QStringLiteral("t");
        QVERIFY(checkAdminExposure(s).ok());
        s.adminToken.clear();
        qputenv("MORT_ADMIN_TOKEN", "from-env");
        QVERIFY(checkAdminExposure(s).ok());
        qunsetenv("MORT_ADMIN_TOKEN");
        s.internalListen.clear(); // no internal listener at all
        QVERIFY(checkAdminExposure(s).ok());
    }

    void tokenFromConfigWinsOverEnvironment()
    {
        ServerConfig s;
        qputenv("MORT_ADMIN_TOKEN", "from-env");
        QCOMPARE(adminToken(s), QByteArray("from-env"));
        s.adminToken = QStringLiteral("from-config");
        QCOMPARE(adminToken(s), QByteArray("from-config"));
        qunsetenv("MORT_ADMIN_TOKEN");
        s.adminToken.clear();
        QCOMPARE(adminToken(s), QByteArray());
    }

    void statsJsonShape()
    {
        EngineStats s;
        s.running = true;
        s.startedAt = QDateTime(QDate(2024, 5, 1), QTime(10, 0, 0, 250), Qt::UTC);
        s.publicAddresses = {QStringLiteral("127.0.0.1:8080"), QStringLiteral("unix:/run/m.sock")};
        s.internalAddresses = {QStringLiteral("127.0.0.1:8081")};
        s.http = {1, 2, 3, 4, 5, 6, 7, 8};
        s.tasks = {{TaskKind::Request, 1, 10, 9}, {TaskKind::Background, 0, 4, 4}};
        s.transformsExecuted = 11;
        s.transformsFailed = 12;
        s.throttled = 13;
        s.downloads = 14;
        s.resultsStored = 15;
        s.storeFailures = 16;
        s.taskExceptions = 17;
        s.transformsInFlight = 18;
        s.backgroundPending = 19;
        s.backgroundDropped = 20;
        s.storageClients = 21;
        s.residentBytes = 5'000'000'000LL; // > 2^32: must survive as a JSON number
        s.imagingMemoryBytes = 23;
        s.openFds = 24;
        const QDateTime at(QDate(2024, 5, 1), QTime(10, 0, 5), Qt::UTC);
        const QJsonObject o = statsToJson(s, at);

        QCOMPARE(o.value("at").toString(), QStringLiteral("2024-05-01T10:00:05.000Z"));
        QCOMPARE(o.value("running").toBool(), true);
        QCOMPARE(o.value("startedAt").toString(), QStringLiteral("2024-05-01T10:00:00.250Z"));
        QCOMPARE(o.value("publicAddresses").toArray().size(), 2);
        QCOMPARE(o.value("publicAddresses").toArray().at(1).toString(), QStringLiteral("unix:/run/m.sock"));
        QCOMPARE(o.value("internalAddresses").toArray().at(0).toString(), QStringLiteral("127.0.0.1:8081"));
        const QJsonObject http = o.value("http").toObject();
        const QStringList httpKeys{"connectionsAccepted", "connectionsOpen", "requestsReceived",  "responsesWritten",
                                   "responsesDropped",    "rejectedByGuard", "exchangesInFlight", "threads"};
        for (int i = 0; i < httpKeys.size(); ++i) {
            QVERIFY2(http.value(httpKeys[i]).isDouble(), qPrintable(httpKeys[i]));
            QCOMPARE(http.value(httpKeys[i]).toInteger(), i + 1);
        }
        const QJsonArray tasks = o.value("tasks").toArray();
        QCOMPARE(tasks.size(), 2);
        QCOMPARE(tasks.at(0).toObject().value("kind").toString(), QString::fromLatin1(taskKindName(TaskKind::Request)));
        QCOMPARE(tasks.at(0).toObject().value("live").toInteger(), 1);
        QCOMPARE(tasks.at(0).toObject().value("started").toInteger(), 10);
        QCOMPARE(tasks.at(0).toObject().value("finished").toInteger(), 9);
        const QJsonObject tr = o.value("transforms").toObject();
        QCOMPARE(tr.value("executed").toInteger(), 11);
        QCOMPARE(tr.value("failed").toInteger(), 12);
        QCOMPARE(tr.value("throttled").toInteger(), 13);
        QCOMPARE(tr.value("inFlight").toInteger(), 18);
        QCOMPARE(o.value("downloads").toInteger(), 14);
        QCOMPARE(o.value("results").toObject().value("stored").toInteger(), 15);
        QCOMPARE(o.value("results").toObject().value("storeFailures").toInteger(), 16);
        QCOMPARE(o.value("taskExceptions").toInteger(), 17);
        QCOMPARE(o.value("background").toObject().value("pending").toInteger(), 19);
        QCOMPARE(o.value("background").toObject().value("dropped").toInteger(), 20);
        QCOMPARE(o.value("storageClients").toInteger(), 21);
        QCOMPARE(o.value("memory").toObject().value("residentBytes").toInteger(), 5'000'000'000LL);
        QCOMPARE(o.value("memory").toObject().value("imagingBytes").toInteger(), 23);
        QCOMPARE(o.value("openFds").toInteger(), 24);

        // Through text and back: numbers stay numbers.
        const QJsonObject round = QJsonDocument::fromJson(QJsonDocument(o).toJson(QJsonDocument::Compact)).object();
        QCOMPARE(round.value("memory").toObject().value("residentBytes").toInteger(), 5'000'000'000LL);
    }

    void unknownStartTimeIsNull()
    {
        const QJsonObject o = statsToJson(EngineStats{});
        QVERIFY(o.value("startedAt").isNull());
        QVERIFY(o.value("at").toString().endsWith(QLatin1Char('Z')));
        QCOMPARE(o.value("running").toBool(true), false);
    }

    void configSummaryHasNoSecrets()
    {
        const ConfigPtr c = loadConfig(kConfig + QStringLiteral(R"y(  cloud:
    keys:
      - accessKey: AKIDEXAMPLE
        secretAccessKey: wJalrXUtnFEMI
    transform: {kind: query}
    storages:
      basic: {kind: local-meta, rootPath: /srv/cloud}
)y"));
        const QJsonObject o = infoToJson(*c, EngineStats{}, true);
        const QByteArray text = QJsonDocument(o).toJson();
        QVERIFY(!text.contains("s3cret-token"));
        QVERIFY(!text.contains("wJalrXUtnFEMI"));
        QCOMPARE(o.value("version").toString(), QStringLiteral(MORT_VERSION));
        QCOMPARE(o.value("auth").toString(), QStringLiteral("bearer"));
        QCOMPARE(o.value("listeners").toObject().value("internal").toString(), QStringLiteral("127.0.0.1:8081"));
        const QJsonArray buckets = o.value("config").toObject().value("buckets").toArray();
        QCOMPARE(buckets.size(), 2);
        const QJsonObject cloud = buckets.at(0).toObject(); // QMap order
        QCOMPARE(cloud.value("name").toString(), QStringLiteral("cloud"));
        QCOMPARE(cloud.value("transformKind").toString(), QStringLiteral("query"));
        QCOMPARE(cloud.value("accessKeys").toInt(), 1);
        QVERIFY(buckets.at(1).toObject().value("transformKind").isNull());
        QCOMPARE(o.value("config").toObject().value("limits").toObject().value("maxBodyBytes").toInteger(),
                 c->server.limits.maxBodyBytes);
    }

    void maskingSecrets_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QString>("masked");
        QTest::newRow("block") << "server:\n  adminToken: abc # note\n  listens: [\":8080\"]\n"
                               << "server:\n  adminToken: \"***\"\n  listens: [\":8080\"]\n";
        QTest::newRow("sequenceItem") << "keys:\n  - accessKey: AK\n    secretAccessKey: \"SK\"\n"
                                      << "keys:\n  - accessKey: AK\n    secretAccessKey: \"***\"\n";
        QTest::newRow("sequenceItemFirstKey") << "keys:\n  - secretAccessKey: SK\n    accessKey: AK\n"
                                              << "keys:\n  - secretAccessKey: \"***\"\n    accessKey: AK\n";
        QTest::newRow("quotedKey") << "'password': hunter2\n"
                                   << "'password': \"***\"\n";
        QTest::newRow("caseInsensitive") << "Password: hunter2\n"
                                         << "Password: \"***\"\n";
        QTest::newRow("flow") << "basic: {kind: s3, accessKey: AK, secretAccessKey: SK, region: eu}\n"
                              << "basic: {kind: s3, accessKey: AK, secretAccessKey: \"***\", region: eu}\n";
        QTest::newRow("flowQuotedWithComma") << "basic: {secretAccessKey: \"a,b}c\", kind: s3}\n"
                                             << "basic: {secretAccessKey: \"***\", kind: s3}\n";
        QTest::newRow("blockScalar") << "a:\n  password: |\n    line1\n    line2\n  next: 1\n"
                                     << "a:\n  password: \"***\"\n  next: 1\n";
        QTest::newRow("valueOnNextLines") << "a:\n  password:\n    \"long\n    value\"\nb: 2\n"
                                          << "a:\n  password: \"***\"\nb: 2\n";
        QTest::newRow("crlf") << "adminToken: abc\r\nlogLevel: prod\r\n"
                              << "adminToken: \"***\"\r\nlogLevel: prod\r\n";
        QTest::newRow("notSecret") << "accessKey: AK\ntokenizer: x\nsecretive: y\n"
                                   << "accessKey: AK\ntokenizer: x\nsecretive: y\n";
        QTest::newRow("envReference") << "adminToken: ${MORT_ADMIN_TOKEN}\n"
                                      << "adminToken: \"***\"\n";
    }
    void maskingSecrets()
    {
        QFETCH(QString, yaml);
        QFETCH(QString, masked);
        QCOMPARE(maskConfigSecrets(yaml), masked);
    }

    void maskedConfigStillParses()
    {
        const QString yaml = kConfig + QStringLiteral(R"y(  s3b:
    keys:
      - accessKey: AKID
        secretAccessKey: SECRET1
    storages:
      basic:
        kind: local-meta
        rootPath: /srv/s3b
)y");
        const QString masked = maskConfigSecrets(yaml);
        QVERIFY(!masked.contains(QLatin1String("SECRET1")));
        QVERIFY(!masked.contains(QLatin1String("s3cret-token")));
        QVERIFY(masked.contains(QLatin1String("AKID")));
        QList<ConfigIssue> issues;
        const Config c = ConfigLoader::parse(masked, issues);
        QVERIFY2(issues.isEmpty(), qPrintable(describe(issues.value(0))));
        QCOMPARE(c.bucket(QStringLiteral("s3b"))->keys.value(0).secretAccessKey, QStringLiteral("***"));
    }

    void unauthorizedWithoutOrWithWrongToken_data()
    {
        QTest::addColumn<HttpHeaders>("headers");
        QTest::addColumn<bool>("invalidToken");
        QTest::newRow("none") << HttpHeaders{} << false;
        QTest::newRow("basic") << HttpHeaders{{"Authorization", "Basic czNjcmV0LXRva2Vu"}} << false;
        QTest::newRow("wrong") << HttpHeaders{{"Authorization", "Bearer s3cret-tokem"}} << true;
        QTest::newRow("prefix") << HttpHeaders{{"Authorization", "Bearer s3cret"}} << true;
        QTest::newRow("longer") << HttpHeaders{{"Authorization", "Bearer s3cret-token2"}} << true;
        QTest::newRow("empty") << HttpHeaders{{"Authorization", "Bearer "}} << false;
    }
    void unauthorizedWithoutOrWithWrongToken()
    {
        QFETCH(HttpHeaders, headers);
        QFETCH(bool, invalidToken);
        FakeBackend backend(kConfig);
        AdminApi api(&backend);
        for (const QString &path : {QStringLiteral("/api/v1/stats"), QStringLiteral("/api/v1/no-such-route")}) {
            auto exchange = makeExchange("GET", path, headers);
            api.handle(exchange);
            const HttpResponse r = answer(exchange);
            QCOMPARE(r.status, 401);
            QCOMPARE(json(r).value("code").toString(), QStringLiteral("admin.unauthorized"));
            QVERIFY(!json(r).value("message").toString().isEmpty());
            QVERIFY(r.header("WWW-Authenticate").startsWith("Bearer"));
            QCOMPARE(r.header("WWW-Authenticate").contains("invalid_token"), invalidToken);
            QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        }
        QCOMPARE(backend.statsCalls, 0); // refused before any work
    }

    void rightTokenIsAccepted()
    {
        FakeBackend backend(kConfig);
        AdminApi api(&backend);
        auto exchange =
            makeExchange("GET", QStringLiteral("/api/v1/stats"), {{"authorization", "bearer s3cret-token"}});
        api.handle(exchange);
        const HttpResponse r = answer(exchange);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
        QCOMPARE(json(r).value("http").toObject().value("requestsReceived").toInteger(), 8);
    }

    void noTokenOpenOnLoopbackOnly()
    {
        qunsetenv("MORT_ADMIN_TOKEN");
        const QString base = QStringLiteral("buckets:\n  media:\n    storages:\n      basic: {kind: noop}\n");
        {
            FakeBackend backend(QStringLiteral("server:\n  internalListen: \"127.0.0.1:0\"\n") + base);
            AdminApi api(&backend);
            auto exchange = makeExchange("GET", QStringLiteral("/api/v1/info"));
            api.handle(exchange);
            const HttpResponse r = answer(exchange);
            QCOMPARE(r.status, 200);
            QCOMPARE(json(r).value("auth").toString(), QStringLiteral("none"));
        }
        {
            // An engine that skipped checkAdminExposure() still refuses.
            FakeBackend backend(QStringLiteral("server:\n  internalListen: \"0.0.0.0:0\"\n") + base);
            AdminApi api(&backend);
            auto exchange = makeExchange("GET", QStringLiteral("/api/v1/info"));
            api.handle(exchange);
            QCOMPARE(answer(exchange).status, 401);
        }
    }

    void routingErrors()
    {
        FakeBackend backend(kConfig);
        AdminApi api(&backend);
        auto notFound = makeExchange("GET", QStringLiteral("/api/v1/nope"), kAuth);
        api.handle(notFound);
        HttpResponse r = answer(notFound);
        QCOMPARE(r.status, 404);
        QCOMPARE(json(r).value("code").toString(), QStringLiteral("admin.not_found"));
        QCOMPARE(r.header("X-Mort-Error"), QByteArray("admin.not_found"));

        auto wrongMethod = makeExchange("DELETE", QStringLiteral("/api/v1/stats"), kAuth);
        api.handle(wrongMethod);
        r = answer(wrongMethod);
        QCOMPARE(r.status, 405);
        QCOMPARE(r.header("Allow"), QByteArray("GET, HEAD"));

        auto getValidate = makeExchange("GET", QStringLiteral("/api/v1/config/validate"), kAuth);
        api.handle(getValidate);
        r = answer(getValidate);
        QCOMPARE(r.status, 405);
        QCOMPARE(r.header("Allow"), QByteArray("POST"));
    }

    void seamsAnswerNotAvailable_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("cacheList") << QByteArray("GET") << "/api/v1/cache" << QByteArray();
        QTest::newRow("evict") << QByteArray("POST") << "/api/v1/cache/evict"
                               << QByteArray("{\"key\":\"/media/a.jpg\"}");
        QTest::newRow("clear") << QByteArray("POST") << "/api/v1/cache/clear" << QByteArray();
        QTest::newRow("apply") << QByteArray("POST") << "/api/v1/config/apply" << kConfig.toUtf8();
    }
    void seamsAnswerNotAvailable()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        FakeBackend backend(kConfig);
        AdminApi api(&backend);
        auto exchange = makeExchange(method, path, kAuth, body);
        api.handle(exchange);
        const HttpResponse r = answer(exchange);
        QCOMPARE(r.status, 501);
        QCOMPARE(json(r).value("code").toString(), QStringLiteral("admin.not_available"));
        QVERIFY(json(r).value("message").toString().contains(QLatin1String("not available")));
    }

    void restoringMaskedSecrets_data()
    {
        QTest::addColumn<QString>("running");
        QTest::newRow("block") << "server:\n  adminToken: abc # note\n  listens: [\":8080\"]\n";
        QTest::newRow("sequenceItem") << "keys:\n  - accessKey: AK\n    secretAccessKey: \"SK\"\n"
                                         "  - accessKey: AK2\n    secretAccessKey: SK2\n";
        QTest::newRow("quotedKey") << "'password': hunter2\n";
        QTest::newRow("flow") << "basic: {kind: s3, accessKey: AK, secretAccessKey: SK, region: eu}\n";
        QTest::newRow("flowQuotedWithComma") << "basic: {secretAccessKey: \"a,b}c\", kind: s3}\n";
        QTest::newRow("blockScalar") << "a:\n  password: |\n    line1\n    line2\n  next: 1\n";
        QTest::newRow("quotesAndUnicode") << "a:\n  note: żółw\n  password: 'it''s \"x\" – ok'\n";
        QTest::newRow("crlf") << "adminToken: abc\r\nlogLevel: prod\r\n";
        QTest::newRow("envReference") << "adminToken: ${MORT_ADMIN_TOKEN}\n";
    }
    void restoringMaskedSecrets()
    {
        // What GET config hands out, posted back unchanged, is the running config again.
        QFETCH(QString, running);
        const QString masked = maskConfigSecrets(running);
        QVERIFY(masked.contains(QLatin1String("***")));
        const RestoredSecrets restored = restoreMaskedSecrets(masked, running);
        QVERIFY2(restored.issues.isEmpty(), qPrintable(describe(restored.issues.value(0))));
        QVERIFY2(!restored.yaml.contains(QLatin1String("***")), qPrintable(restored.yaml));
        QCOMPARE(YAML::Dump(YAML::Load(restored.yaml.toStdString())), YAML::Dump(YAML::Load(running.toStdString())));
        // Everything but the masked values stays byte for byte (comments, layout).
        QCOMPARE(maskConfigSecrets(restored.yaml), masked);
    }

    void maskedSecretsWithoutRunningValue()
    {
        // A new secret key holding the mask has nothing to keep: named, not stored as "***".
        const RestoredSecrets r = restoreMaskedSecrets(
            QStringLiteral("server:\n  adminToken: \"***\"\nbuckets:\n  m:\n    keys:\n      - accessKey: A\n"
                           "        secretAccessKey: \"***\"\n"),
            QStringLiteral("server:\n  adminToken: t\nbuckets:\n  m: {}\n"));
        QCOMPARE(r.issues.size(), 1);
        QCOMPARE(r.issues.at(0).keyPath, QStringLiteral("buckets.m.keys[0].secretAccessKey"));
        QVERIFY(r.yaml.contains(QLatin1String("adminToken: \"t\"")));
        // A map under a secret key is not put back as text: named instead.
        const QString map = QStringLiteral("clientConfig:\n  password:\n    a: 1\n");
        QCOMPARE(restoreMaskedSecrets(maskConfigSecrets(map), map).issues.value(0).keyPath,
                 QStringLiteral("clientConfig.password"));
        // "***" under a key that is no secret is a value like any other.
        const QString plain = QStringLiteral("name: \"***\"\n");
        QCOMPARE(restoreMaskedSecrets(plain, QStringLiteral("name: x\n")).yaml, plain);
    }

    void applyKeepsMaskedSecrets()
    {
        ApplyingBackend backend(kConfig);
        AdminApi api(&backend);
        auto masked =
            makeExchange("POST", QStringLiteral("/api/v1/config/apply"), kAuth, maskConfigSecrets(kConfig).toUtf8());
        api.handle(masked);
        HttpResponse r = answer(masked);
        QCOMPARE(r.status, 200);
        QVERIFY2(backend.applied.contains(QLatin1String("adminToken: \"s3cret-token\"")), qPrintable(backend.applied));
        QVERIFY(!backend.applied.contains(QLatin1String("***")));

        const QString added = maskConfigSecrets(kConfig)
            + QStringLiteral("    keys:\n      - accessKey: A\n"
                             "        secretAccessKey: \"***\"\n");
        auto unknown = makeExchange("POST", QStringLiteral("/api/v1/config/apply"), kAuth, added.toUtf8());
        api.handle(unknown);
        r = answer(unknown);
        QCOMPARE(r.status, 422);
        QCOMPARE(json(r).value("issues").toArray().at(0).toObject().value("keyPath").toString(),
                 QStringLiteral("buckets.media.keys[0].secretAccessKey"));
    }

    void validateConfig()
    {
        FakeBackend backend(kConfig);
        AdminApi api(&backend);
        auto good = makeExchange("POST", QStringLiteral("/api/v1/config/validate"), kAuth, kConfig.toUtf8());
        api.handle(good);
        HttpResponse r = answer(good);
        QCOMPARE(r.status, 200);
        QCOMPARE(json(r), QJsonObject({{"valid", true}}));

        const QByteArray bad = "buckets:\n  media:\n    storages:\n      basic: {rootPath: /srv}\n";
        auto invalid = makeExchange("POST", QStringLiteral("/api/v1/config/validate"), kAuth, bad);
        api.handle(invalid);
        r = answer(invalid);
        QCOMPARE(r.status, 422);
        QCOMPARE(json(r).value("valid").toBool(true), false);
        const QJsonArray issues = json(r).value("issues").toArray();
        QVERIFY(!issues.isEmpty());
        QCOMPARE(issues.at(0).toObject().value("keyPath").toString(),
                 QStringLiteral("buckets.media.storages.basic.kind"));
        QVERIFY(!issues.at(0).toObject().value("message").toString().isEmpty());

        auto syntax = makeExchange("POST", QStringLiteral("/api/v1/config/validate"), kAuth, "server: [unclosed\n");
        api.handle(syntax);
        r = answer(syntax);
        QCOMPARE(r.status, 422);
        QVERIFY(!json(r).value("issues").toArray().isEmpty());

        auto huge = makeExchange("POST", QStringLiteral("/api/v1/config/validate"), kAuth,
                                 QByteArray(AdminApi::kMaxConfigBytes + 1, '#'));
        api.handle(huge);
        r = answer(huge);
        QCOMPARE(r.status, 413);
        QCOMPARE(json(r).value("code").toString(), QStringLiteral("admin.body_too_large"));
    }

    void configIsMasked()
    {
        FakeBackend backend(kConfig);
        AdminApi api(&backend);
        auto exchange = makeExchange("GET", QStringLiteral("/api/v1/config"), kAuth);
        api.handle(exchange);
        const HttpResponse r = answer(exchange);
        QCOMPARE(r.status, 200);
        const QString yaml = json(r).value("yaml").toString();
        QVERIFY(!yaml.contains(QLatin1String("s3cret-token")));
        QVERIFY(yaml.contains(QLatin1String("adminToken: \"***\"")));
        QVERIFY(yaml.contains(QLatin1String("rootPath: /srv/mort")));
        QVERIFY(json(r).value("sourcePath").isNull());
        QVERIFY(json(r).value("maskedKeys").toArray().contains(QStringLiteral("secretAccessKey")));
    }

    void tasksRoute()
    {
        FakeBackend backend(kConfig);
        AdminApi api(&backend);
        auto exchange = makeExchange("GET", QStringLiteral("/api/v1/tasks"), kAuth);
        api.handle(exchange);
        const HttpResponse r = answer(exchange);
        QCOMPARE(r.status, 200);
        QCOMPARE(json(r).value("liveTotal").toInteger(), 3);
        QCOMPARE(json(r).value("tasks").toArray().size(), 2);
    }

    void streamProducerEmitsEvents()
    {
        FakeBackend backend(kConfig);
        backend.withLog = true;
        backend.log = {{1, QDateTime::currentDateTimeUtc(), "info", "mort.engine", "started"},
                       {2, QDateTime::currentDateTimeUtc(), "warn", "mort.http", "slow client"}};
        AdminApi api(&backend);
        auto exchange = makeExchange("GET", QStringLiteral("/api/v1/stream"), kAuth, {}, "intervalMs=5&count=2");
        api.handle(exchange);
        QVERIFY(exchange->hasResponded());
        const HttpResponse head = exchange->takeResponse().value();
        QCOMPARE(head.status, 200);
        QCOMPARE(head.header("Content-Type"), QByteArray("text/event-stream"));
        std::optional<HttpExchange::Stream> stream = exchange->takeStream();
        QVERIFY(stream && stream->next);
        QCOMPARE(stream->intervalMs, AdminApi::kMinStreamIntervalMs); // 5 is clamped

        const QByteArray first = stream->next().value();
        QVERIFY(first.startsWith("retry: 2000\n\nid: 1\nevent: stats\ndata: {"));
        QVERIFY(first.contains("\nevent: log\ndata: {\"lines\":["));
        QVERIFY(first.contains("\"slow client\""));
        const qsizetype dataAt = first.indexOf("data: ") + 6;
        const QJsonObject stats =
            QJsonDocument::fromJson(first.mid(dataAt, first.indexOf('\n', dataAt) - dataAt)).object();
        QCOMPARE(stats.value("running").toBool(), true);

        backend.log.append({3, QDateTime::currentDateTimeUtc(), "error", "mort.pipeline", "third"});
        const QByteArray second = stream->next().value();
        QVERIFY(second.startsWith("id: 2\nevent: stats\n"));
        QVERIFY(second.contains("\"third\"")); // only lines after the last one sent
        QVERIFY(!second.contains("\"slow client\""));
        QVERIFY(!stream->next().has_value()); // count=2 reached
    }

    void streamWithoutLogSendsStatsOnly()
    {
        FakeBackend backend(kConfig);
        AdminApi api(&backend);
        auto exchange = makeExchange("GET", QStringLiteral("/api/v1/stream"), kAuth);
        api.handle(exchange);
        (void)exchange->takeResponse();
        std::optional<HttpExchange::Stream> stream = exchange->takeStream();
        QVERIFY(stream);
        QCOMPARE(stream->intervalMs, AdminApi::kDefaultStreamIntervalMs);
        for (int i = 0; i < 3; ++i) {
            const QByteArray event = stream->next().value();
            QVERIFY(event.contains("event: stats\n"));
            QVERIFY(!event.contains("event: log"));
        }
    }

    void internalApiKeepsHealthAndMetricsOpen()
    {
        FakeBackend backend(kConfig);
        InternalApi api(&backend, [] { return QByteArray("mort_requests_total 8\n"); });
        auto health = makeExchange("GET", QStringLiteral("/health"));
        api.handle(health);
        QCOMPARE(answer(health).status, 200);
        auto metrics = makeExchange("GET", QStringLiteral("/metrics"));
        api.handle(metrics);
        const HttpResponse m = answer(metrics);
        QCOMPARE(m.status, 200);
        QVERIFY(m.body.contains("mort_requests_total 8"));
        auto admin = makeExchange("GET", QStringLiteral("/api/v1/info"));
        api.handle(admin);
        QCOMPARE(answer(admin).status, 401);
        auto post = makeExchange("POST", QStringLiteral("/metrics"));
        api.handle(post);
        QCOMPARE(answer(post).status, 405);
    }
};

QTEST_GUILESS_MAIN(TestAdminApi)
#include "tst_adminapi.moc"
