// Finding 7 of issue 23: a web page open in the user's browser must not be
// able to drive the admin API of a server on this machine. Without an admin
// token (the default on a loopback internalListen) a cross-origin "simple"
// POST (text/plain, no preflight) used to be applied. Now: a request whose
// Origin is not the server's own is refused (403 admin.cross_origin), a body
// must have a type that forces a CORS preflight (415
// admin.unsupported_media_type), and preflights get no CORS allowance.
#include "integration/testserver.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace mort;
using namespace mort::test;

namespace {

// No adminToken: the admin API is open on its loopback listener.
const QString kConfig = QStringLiteral(R"yaml(server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
buckets:
  media:
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
)yaml");

// What an attacker's page would apply: a bucket serving the whole disk.
const QByteArray kHostileConfig = R"yaml(server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
buckets:
  disk:
    storages:
      basic: {kind: "local", rootPath: "/"}
)yaml";

struct Write
{
    QByteArray target;
    QByteArray body;
};

Write writeFor(const QByteArray &route)
{
    if (route == "config/apply" || route == "config/validate")
        return {"/api/v1/" + route, kHostileConfig};
    if (route == "cache/evict")
        return {"/api/v1/" + route, R"({"key":"/media/a.jpg"})"};
    return {"/api/v1/" + route, {}};
}

QByteArray errorCode(const Reply &r)
{
    return r.header("X-Mort-Error");
}

bool hasCorsAllowance(const Reply &r)
{
    for (const auto &h : r.headers) {
        if (h.first.toLower().startsWith("access-control-"))
            return true;
    }
    return false;
}

} // namespace

class TestAdminCsrf : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qunsetenv("MORT_ADMIN_TOKEN"); }

    void init()
    {
        m_server = std::make_unique<TestServer>();
        MORT_START(*m_server, kConfig);
        m_internal = m_server->internalAddress();
        QVERIFY(!m_internal.isEmpty());
    }
    void cleanup() { m_server.reset(); }

    // The attack as a browser sends it: simple request, foreign Origin.
    void crossOriginSimplePostRefused_data()
    {
        QTest::addColumn<QByteArray>("route");
        QTest::newRow("config/apply") << QByteArray("config/apply");
        QTest::newRow("config/validate") << QByteArray("config/validate");
        QTest::newRow("cache/clear") << QByteArray("cache/clear");
        QTest::newRow("cache/evict") << QByteArray("cache/evict");
    }
    void crossOriginSimplePostRefused()
    {
        QFETCH(QByteArray, route);
        const Write write = writeFor(route);
        RawHttpClient client(m_internal);
        const Reply r = client.requestWithBody(
            "POST", write.target, {{"Origin", "http://evil.example"}, {"Content-Type", "text/plain"}}, write.body);
        QCOMPARE(r.status, 403);
        QCOMPARE(errorCode(r), QByteArray("admin.cross_origin"));
        QVERIFY(!m_server->engine().config()->buckets.contains(QStringLiteral("disk")));
    }

    // DNS rebinding: evil.example resolves to 127.0.0.1, so Origin and Host
    // agree with each other but neither names this machine.
    void reboundNameRefused()
    {
        const QByteArray port = m_internal.section(QLatin1Char(':'), -1).toLatin1();
        RawHttpClient client(m_internal);
        const Reply r = client.requestWithBody("POST", "/api/v1/config/apply",
                                               {{"Host", "evil.example:" + port},
                                                {"Origin", "http://evil.example:" + port},
                                                {"Content-Type", "application/json"}},
                                               kHostileConfig);
        QCOMPARE(r.status, 403);
        QCOMPARE(errorCode(r), QByteArray("admin.cross_origin"));
    }

    // A page served by this server's public listener is another origin too.
    void publicListenerOriginRefused()
    {
        RawHttpClient client(m_internal);
        const Reply r = client.requestWithBody(
            "POST", "/api/v1/cache/clear",
            {{"Host", m_internal.toLatin1()}, {"Origin", "http://" + m_server->address().toLatin1()}}, {});
        QCOMPARE(r.status, 403);
        QCOMPARE(errorCode(r), QByteArray("admin.cross_origin"));
    }

    // A sandboxed document (CSP sandbox, data: URL) sends "Origin: null".
    void nullOriginRefused()
    {
        RawHttpClient client(m_internal);
        const Reply r = client.requestWithBody("POST", "/api/v1/cache/clear",
                                               {{"Host", m_internal.toLatin1()}, {"Origin", "null"}}, {});
        QCOMPARE(r.status, 403);
        QCOMPARE(errorCode(r), QByteArray("admin.cross_origin"));
    }

    // Preflights are never granted: no Access-Control-* header comes back.
    void preflightNotAnswered()
    {
        RawHttpClient client(m_internal);
        const Reply r = client.request("OPTIONS", "/api/v1/config/apply",
                                       {{"Origin", "http://evil.example"},
                                        {"Access-Control-Request-Method", "POST"},
                                        {"Access-Control-Request-Headers", "content-type"}});
        QCOMPARE(r.status, 403);
        QCOMPARE(errorCode(r), QByteArray("admin.cross_origin"));
        QVERIFY(!hasCorsAllowance(r));
    }

    // Without Origin (a browser that omits it, or a form post), a body must
    // still be of a type a browser can only send after a preflight.
    void simpleBodyTypeRefused_data()
    {
        QTest::addColumn<QByteArray>("route");
        QTest::addColumn<QByteArray>("contentType"); // empty: no Content-Type header
        QTest::newRow("apply text/plain") << QByteArray("config/apply") << QByteArray("text/plain;charset=UTF-8");
        QTest::newRow("apply form") << QByteArray("config/apply") << QByteArray("application/x-www-form-urlencoded");
        QTest::newRow("apply multipart") << QByteArray("config/apply") << QByteArray("multipart/form-data; boundary=x");
        QTest::newRow("apply untyped") << QByteArray("config/apply") << QByteArray();
        QTest::newRow("evict text/plain") << QByteArray("cache/evict") << QByteArray("text/plain");
        QTest::newRow("evict untyped") << QByteArray("cache/evict") << QByteArray();
    }
    void simpleBodyTypeRefused()
    {
        QFETCH(QByteArray, route);
        QFETCH(QByteArray, contentType);
        const Write write = writeFor(route);
        HttpHeaders headers;
        if (!contentType.isEmpty())
            headers.append({"Content-Type", contentType});
        RawHttpClient client(m_internal);
        const Reply r = client.requestWithBody("POST", write.target, headers, write.body);
        QCOMPARE(r.status, 415);
        QCOMPARE(errorCode(r), QByteArray("admin.unsupported_media_type"));
        QVERIFY(!m_server->engine().config()->buckets.contains(QStringLiteral("disk")));
    }

    // What keeps working: the studio and scripts (no Origin, JSON or YAML
    // bodies), and the server's own origin.
    void ownClientsAccepted_data()
    {
        QTest::addColumn<QByteArray>("route");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<bool>("ownOrigin");
        QTest::newRow("validate yaml") << QByteArray("config/validate") << QByteArray("application/yaml") << false;
        QTest::newRow("evict json") << QByteArray("cache/evict") << QByteArray("application/json") << false;
        QTest::newRow("clear, own origin") << QByteArray("cache/clear") << QByteArray() << true;
        QTest::newRow("evict json, own origin")
            << QByteArray("cache/evict") << QByteArray("application/json; charset=utf-8") << true;
    }
    void ownClientsAccepted()
    {
        QFETCH(QByteArray, route);
        QFETCH(QByteArray, contentType);
        QFETCH(bool, ownOrigin);
        const Write write = writeFor(route);
        HttpHeaders headers;
        if (!contentType.isEmpty())
            headers.append({"Content-Type", contentType});
        if (ownOrigin)
            headers += HttpHeaders{{"Host", m_internal.toLatin1()}, {"Origin", "http://" + m_internal.toLatin1()}};
        RawHttpClient client(m_internal);
        const Reply r = client.requestWithBody("POST", write.target, headers, write.body);
        QCOMPARE(r.status, 200);
    }

private:
    std::unique_ptr<TestServer> m_server;
    QString m_internal;
};

QTEST_GUILESS_MAIN(TestAdminCsrf)
#include "tst_admincsrf.moc"
