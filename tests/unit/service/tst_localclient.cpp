// localclient.h: who counts as a client on this host behind reverse proxies
// (server.trustedProxies), and TrustedProxy's entry forms.
#include "service/localclient.h"

#include <QTest>

using namespace mort;

namespace {

QList<TrustedProxy> proxies(const QStringList &entries)
{
    QList<TrustedProxy> out;
    for (const QString &e : entries)
        out.append(*TrustedProxy::parse(e));
    return out;
}

} // namespace

class TestLocalClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseEntries()
    {
        for (const char *good : {"127.0.0.1", "::1", "10.0.0.0/8", "fd00::/8", "unix", " 192.168.1.2 "})
            QVERIFY2(TrustedProxy::parse(QString::fromLatin1(good)), good);
        for (const char *bad : {"", "proxy.local", "10.0.0.0/40", "10.0.0.0/", "1.2.3", "unix:/run/x.sock"})
            QVERIFY2(!TrustedProxy::parse(QString::fromLatin1(bad)), bad);
        QVERIFY(TrustedProxy::parse(QStringLiteral("10.0.0.0/8"))
                    ->contains(QHostAddress(QStringLiteral("::ffff:10.1.2.3"))));
        QVERIFY(!TrustedProxy::parse(QStringLiteral("10.0.0.0/8"))->contains(QHostAddress()));
        QVERIFY(TrustedProxy::parse(QStringLiteral("unix"))->contains(QHostAddress()));
    }

    void local_data()
    {
        QTest::addColumn<QString>("peer"); // empty: unix socket
        QTest::addColumn<QStringList>("trusted");
        QTest::addColumn<HttpHeaders>("headers");
        QTest::addColumn<bool>("local");
        const QStringList none;
        const QStringList loopback{QStringLiteral("127.0.0.1")};
        QTest::newRow("loopback") << "127.0.0.1" << none << HttpHeaders{} << true;
        QTest::newRow("mapped loopback") << "::ffff:127.0.0.2" << none << HttpHeaders{} << true;
        QTest::newRow("unix socket") << "" << none << HttpHeaders{} << true;
        QTest::newRow("remote") << "10.0.0.7" << none << HttpHeaders{} << false;
        QTest::newRow("unix socket behind an unlisted proxy")
            << "" << none << HttpHeaders{{"X-Forwarded-For", "127.0.0.1"}} << false;
        QTest::newRow("unix socket proxy, local client")
            << "" << QStringList{QStringLiteral("unix")} << HttpHeaders{{"X-Forwarded-For", "127.0.0.1"}} << true;
        QTest::newRow("empty xff") << "127.0.0.1" << loopback << HttpHeaders{{"X-Forwarded-For", ""}} << false;
        QTest::newRow("xff with port") << "127.0.0.1" << loopback << HttpHeaders{{"X-Forwarded-For", "127.0.0.1:5000"}}
                                       << true;
        QTest::newRow("forwarded unknown")
            << "127.0.0.1" << loopback << HttpHeaders{{"Forwarded", "for=unknown"}} << false;
        QTest::newRow("forwarded without for")
            << "127.0.0.1" << loopback << HttpHeaders{{"Forwarded", "proto=https"}} << false;
        QTest::newRow("FOR upper case") << "127.0.0.1" << loopback << HttpHeaders{{"Forwarded", "FOR=127.0.0.1"}}
                                        << true;
        QTest::newRow("second xff header remote")
            << "127.0.0.1" << loopback
            << HttpHeaders{{"X-Forwarded-For", "127.0.0.1"}, {"X-Forwarded-For", "203.0.113.9"}} << false;
        // 127.0.0.1 as seen by a proxy on another host is that host, not ours.
        QTest::newRow("loopback of a remote proxy") << "10.0.0.2" << QStringList{QStringLiteral("10.0.0.0/8")}
                                                    << HttpHeaders{{"X-Forwarded-For", "127.0.0.1"}} << false;
        QTest::newRow("via a remote proxy, then a local one")
            << "127.0.0.1" << QStringList{QStringLiteral("127.0.0.1"), QStringLiteral("10.0.0.0/8")}
            << HttpHeaders{{"X-Forwarded-For", "127.0.0.1, 10.0.0.2"}} << false;
        QTest::newRow("two local proxies")
            << "127.0.0.1" << loopback << HttpHeaders{{"X-Forwarded-For", "127.0.0.1, 127.0.0.1"}} << true;
    }
    void local()
    {
        QFETCH(QString, peer);
        QFETCH(QStringList, trusted);
        QFETCH(HttpHeaders, headers);
        QFETCH(bool, local);
        HttpRequest r;
        r.remoteAddress = peer.isEmpty() ? QHostAddress() : QHostAddress(peer);
        r.headers = headers;
        QCOMPARE(isLocalClient(r, proxies(trusted)), local);
    }
};

QTEST_GUILESS_MAIN(TestLocalClient)
#include "tst_localclient.moc"
