// adminorigin.h: which Origin is the admin listener's own, which body types
// force a browser's CORS preflight.
#include "service/adminorigin.h"

#include <QTest>

using namespace mort;

class TestAdminOrigin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ownOrigin_data()
    {
        QTest::addColumn<QByteArray>("origin");
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<QString>("internalListen");
        QTest::addColumn<bool>("own");
        const QString loopback = QStringLiteral("127.0.0.1:8081");
        QTest::newRow("loopback") << QByteArray("http://127.0.0.1:8081") << QByteArray("127.0.0.1:8081") << loopback
                                  << true;
        QTest::newRow("localhost, case") << QByteArray("http://LocalHost:8081") << QByteArray("localhost:8081")
                                         << loopback << true;
        QTest::newRow("ipv6 loopback") << QByteArray("http://[::1]:8081") << QByteArray("[::1]:8081") << loopback
                                       << true;
        QTest::newRow("default port") << QByteArray("http://127.0.0.1") << QByteArray("127.0.0.1:80") << loopback
                                      << true;
        QTest::newRow("listen host") << QByteArray("http://10.0.0.5:8081") << QByteArray("10.0.0.5:8081")
                                     << QStringLiteral("10.0.0.5:8081") << true;
        QTest::newRow("other port") << QByteArray("http://127.0.0.1:8080") << QByteArray("127.0.0.1:8081") << loopback
                                    << false;
        QTest::newRow("https") << QByteArray("https://127.0.0.1:8081") << QByteArray("127.0.0.1:8081") << loopback
                               << false;
        QTest::newRow("rebound name") << QByteArray("http://evil.example:8081") << QByteArray("evil.example:8081")
                                      << loopback << false;
        QTest::newRow("foreign") << QByteArray("http://evil.example") << QByteArray("127.0.0.1:8081") << loopback
                                 << false;
        QTest::newRow("null") << QByteArray("null") << QByteArray("127.0.0.1:8081") << loopback << false;
        QTest::newRow("empty") << QByteArray() << QByteArray("127.0.0.1:8081") << loopback << false;
        QTest::newRow("with path") << QByteArray("http://127.0.0.1:8081/x") << QByteArray("127.0.0.1:8081") << loopback
                                   << false;
        QTest::newRow("userinfo") << QByteArray("http://a@127.0.0.1:8081") << QByteArray("127.0.0.1:8081") << loopback
                                  << false;
        QTest::newRow("no host header") << QByteArray("http://127.0.0.1:8081") << QByteArray() << loopback << false;
    }
    void ownOrigin()
    {
        QFETCH(QByteArray, origin);
        QFETCH(QByteArray, host);
        QFETCH(QString, internalListen);
        QFETCH(bool, own);
        ServerConfig server;
        server.internalListen = internalListen;
        QCOMPARE(isOwnAdminOrigin(origin, host, server), own);
    }

    void bodyType_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("json") << QByteArray("application/json") << true;
        QTest::newRow("json, charset, case") << QByteArray("Application/JSON; charset=utf-8") << true;
        QTest::newRow("yaml") << QByteArray("application/yaml") << true;
        QTest::newRow("x-yaml") << QByteArray("application/x-yaml") << true;
        QTest::newRow("text/yaml") << QByteArray("text/yaml") << true;
        QTest::newRow("text/plain") << QByteArray("text/plain") << false;
        QTest::newRow("form") << QByteArray("application/x-www-form-urlencoded") << false;
        QTest::newRow("multipart") << QByteArray("multipart/form-data; boundary=b") << false;
        QTest::newRow("none") << QByteArray() << false;
        QTest::newRow("json prefix") << QByteArray("application/jsonx") << false;
    }
    void bodyType()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(bool, accepted);
        QCOMPARE(isAdminBodyType(contentType), accepted);
    }
};

QTEST_GUILESS_MAIN(TestAdminOrigin)
#include "tst_adminorigin.moc"
