// X-Mort-Debug (spec http-behaviour.md §9) granted to local clients only
// (peer-differences S8): resolved key, storages and parent in headers,
// Cache-Control no-cache over the header rules, the error text in error
// bodies, and the response cache bypassed. Without the header nothing changes.
#include "service/debugmode.h"
#include "testserver.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace mort;
using namespace mort::test;

namespace {

const QString kConfig = QStringLiteral(R"yaml(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
  cache: {type: memory, cacheSize: 10485760}
headers:
  - statusCodes: [200]
    values: {"cache-control": "max-age=84000, public"}
buckets:
  media:
    transform:
      kind: "query"
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
      transform: {kind: "noop"}
)yaml");

} // namespace

class TestDebugMode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onlyLocalClientsGetIt()
    {
        const ServerConfig server; // no trustedProxies
        HttpRequest r;
        r.headers = {{"X-Mort-Debug", "1"}};
        r.remoteAddress = QHostAddress(QStringLiteral("127.0.0.1"));
        QVERIFY(debugRequested(r, server));
        r.remoteAddress = QHostAddress(QStringLiteral("::1"));
        QVERIFY(debugRequested(r, server));
        r.remoteAddress = QHostAddress(QStringLiteral("::ffff:127.0.0.2"));
        QVERIFY(debugRequested(r, server));
        r.remoteAddress = QHostAddress(); // unix socket
        QVERIFY(debugRequested(r, server));
        r.remoteAddress = QHostAddress(QStringLiteral("10.0.0.7"));
        QVERIFY(!debugRequested(r, server));
        r.remoteAddress = QHostAddress(QStringLiteral("::ffff:192.168.1.9"));
        QVERIFY(!debugRequested(r, server));
        r.remoteAddress = QHostAddress(QStringLiteral("127.0.0.1"));
        r.headers = {{"X-Mort-Debug", ""}};
        QVERIFY(!debugRequested(r, server));
    }

    void headersErrorsAndCacheBypass()
    {
        TestServer server;
        QVERIFY(server.addFile(QStringLiteral("photos/photo_1920x1280.jpg"), QStringLiteral("originals/media/a.jpg")));
        MORT_START(server, kConfig);

        const Reply plain = server.get("/media/a.jpg?operation=resize&width=100");
        QCOMPARE(plain.status, 200);
        QCOMPARE(plain.header("Cache-Control"), QByteArray("max-age=84000, public"));
        QVERIFY(plain.header("x-mort-key").isEmpty());
        QVERIFY(plain.header("X-Mort-Version").isEmpty());

        const Reply debug = server.get("/media/a.jpg?operation=resize&width=100", {{"X-Mort-Debug", "1"}});
        QCOMPARE(debug.status, 200);
        QCOMPARE(debug.header("Cache-Control"), QByteArray("no-cache"));
        QCOMPARE(debug.header("x-mort-transform"), QByteArray("true"));
        QCOMPARE(debug.header("x-mort-storage"), QByteArray("noop"));
        QCOMPARE(debug.header("x-mort-parent-key"), QByteArray("/a.jpg"));
        QCOMPARE(debug.header("x-mort-parent-bucket"), QByteArray("media"));
        QCOMPARE(debug.header("x-mort-parent-storage"), QByteArray("local-meta"));
        QCOMPARE(debug.header("X-Mort-Version"), QByteArray(MORT_VERSION));
        QVERIFY(!debug.header("x-mort-key").isEmpty());
        QCOMPARE(decodeImage(debug.body).width, 100);

        const Reply original = server.get("/media/a.jpg", {{"X-Mort-Debug", "yes"}});
        QCOMPARE(original.header("x-mort-key"), QByteArray("/a.jpg"));
        QCOMPARE(original.header("x-mort-storage"), QByteArray("local-meta"));
        QCOMPARE(original.header("x-mort-transform"), QByteArray("false"));
        QVERIFY(original.header("x-mort-parent-key").isEmpty());

        // Debug requests neither read nor fill the response cache.
        const quint64 hitsBefore = server.engine().stats().responseCacheHits;
        QCOMPARE(server.get("/media/a.jpg", {{"X-Mort-Debug", "1"}}).status, 200);
        QCOMPARE(server.engine().stats().responseCacheHits, hitsBefore);

        // Errors carry their text instead of {"message": "error"}.
        const Reply bad = server.get("/media/a.jpg?operation=resize&width=-5");
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.body, QByteArray("{\"message\": \"error\"}"));
        const Reply badDebug = server.get("/media/a.jpg?operation=resize&width=-5", {{"X-Mort-Debug", "1"}});
        QCOMPARE(badDebug.status, 400);
        const QJsonObject detail = QJsonDocument::fromJson(badDebug.body).object();
        QCOMPARE(detail.value(QStringLiteral("code")).toString().toLatin1(), badDebug.header("X-Mort-Error"));
        const QString message = detail.value(QStringLiteral("message")).toString();
        QVERIFY2(!message.isEmpty() && message != QLatin1String("error"), badDebug.body.constData());
    }
};

QTEST_GUILESS_MAIN(TestDebugMode)
#include "tst_debugmode.moc"
