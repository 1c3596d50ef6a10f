// Finding 4 of issue 23: X-Mort-Debug was honoured for any loopback peer,
// also when X-Forwarded-For or Forwarded named a remote client -- behind a
// reverse proxy on the same host everyone got debug output. With forwarded
// headers present the client now counts as remote unless the peer is one of
// server.trustedProxies; then the client is the first address, from the
// right, that is not a trusted proxy, and every forwarded header must agree
// that it is on this host.
#include "integration/testserver.h"

using namespace mort;
using namespace mort::test;

namespace {

QString config(const QString &trustedProxies)
{
    return QStringLiteral(R"yaml(server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
  trustedProxies: %1
buckets:
  media:
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@"}
)yaml")
        .arg(trustedProxies);
}

// x-mort-key is the first debug header; empty when debug was refused.
QByteArray debugKey(TestServer &server, const HttpHeaders &forwarded)
{
    HttpHeaders headers{{"X-Mort-Debug", "1"}};
    headers += forwarded;
    const Reply r = server.get("/media/a.jpg", headers);
    return r.status == 200 ? r.header("x-mort-key") : "status " + QByteArray::number(r.status);
}

} // namespace

class TestForwardedDebug : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void debugForForwardedClients_data()
    {
        QTest::addColumn<QString>("trustedProxies");
        QTest::addColumn<HttpHeaders>("forwarded");
        QTest::addColumn<QByteArray>("key"); // x-mort-key: "/a.jpg" granted, "" refused
        const QString none = QStringLiteral("[]");
        const QString loopbackProxy = QStringLiteral("[\"127.0.0.1\", \"::1\"]");
        const QString otherProxy = QStringLiteral("[\"10.0.0.0/8\"]");
        const QByteArray granted = "/a.jpg";
        // Not behind a proxy: unchanged.
        QTest::newRow("direct") << none << HttpHeaders{} << granted;
        // The finding: a proxy on this host, not configured.
        QTest::newRow("xff remote, no proxies")
            << none << HttpHeaders{{"X-Forwarded-For", "203.0.113.7"}} << QByteArray();
        QTest::newRow("forwarded remote, no proxies")
            << none << HttpHeaders{{"Forwarded", "for=203.0.113.7;proto=https"}} << QByteArray();
        QTest::newRow("x-real-ip remote, no proxies")
            << none << HttpHeaders{{"X-Real-IP", "203.0.113.7"}} << QByteArray();
        // Unconfigured, a claim of locality is not believed either.
        QTest::newRow("xff local, no proxies") << none << HttpHeaders{{"X-Forwarded-For", "127.0.0.1"}} << QByteArray();
        // Configured proxy: its word is taken.
        QTest::newRow("xff remote via proxy")
            << loopbackProxy << HttpHeaders{{"X-Forwarded-For", "203.0.113.7"}} << QByteArray();
        QTest::newRow("xff spoofed local via proxy")
            << loopbackProxy << HttpHeaders{{"X-Forwarded-For", "127.0.0.1, 203.0.113.7"}} << QByteArray();
        QTest::newRow("forwarded ipv6 remote via proxy")
            << loopbackProxy << HttpHeaders{{"Forwarded", "for=\"[2001:db8::1]:4711\""}} << QByteArray();
        QTest::newRow("forwarded obfuscated via proxy")
            << loopbackProxy << HttpHeaders{{"Forwarded", "for=_hidden"}} << QByteArray();
        QTest::newRow("forwarded local but xff remote via proxy")
            << loopbackProxy << HttpHeaders{{"Forwarded", "for=127.0.0.1"}, {"X-Forwarded-For", "203.0.113.7"}}
            << QByteArray();
        QTest::newRow("xff local via proxy")
            << loopbackProxy << HttpHeaders{{"X-Forwarded-For", "127.0.0.1"}} << granted;
        QTest::newRow("forwarded local via proxy")
            << loopbackProxy << HttpHeaders{{"Forwarded", "for=\"[::1]\";proto=http"}} << granted;
        // A loopback peer that is not the configured proxy.
        QTest::newRow("xff local, peer not a proxy")
            << otherProxy << HttpHeaders{{"X-Forwarded-For", "127.0.0.1"}} << QByteArray();
    }
    void debugForForwardedClients()
    {
        QFETCH(QString, trustedProxies);
        QFETCH(HttpHeaders, forwarded);
        QFETCH(QByteArray, key);
        TestServer server;
        QVERIFY(server.addFile(QStringLiteral("photos/photo_300x200.jpg"), QStringLiteral("media/a.jpg")));
        MORT_START(server, config(trustedProxies));
        QCOMPARE(debugKey(server, forwarded), key);
    }

    void badProxyEntryNamesItsKey()
    {
        const Expected<ConfigPtr> loaded =
            ConfigLoader::fromText(config(QStringLiteral("[\"127.0.0.1\", \"proxy.local\"]")));
        QVERIFY(!loaded);
        QVERIFY2(loaded.error().detail.contains(QLatin1String("server.trustedProxies[1]")),
                 qPrintable(loaded.error().detail));
    }
};

QTEST_GUILESS_MAIN(TestForwardedDebug)
#include "tst_forwardeddebug.moc"
