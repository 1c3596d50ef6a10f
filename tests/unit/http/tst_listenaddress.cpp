#include "http/listenaddress.h"

#include <QTest>

using namespace mort;

class TestListenAddress : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("isUnix");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("portOnlyMeansAllInterfaces") << ":8080" << false << "any" << 8080;
        QTest::newRow("ipv4Loopback") << "127.0.0.1:8081" << false << "127.0.0.1" << 8081;
        QTest::newRow("bracketedIpv6") << "[::1]:9000" << false << "::1" << 9000;
        QTest::newRow("localhostIsLoopback") << "localhost:80" << false << "127.0.0.1" << 80;
        QTest::newRow("anyIpv4") << "0.0.0.0:8080" << false << "0.0.0.0" << 8080;
        QTest::newRow("unixSocket") << "unix:/run/mort/mort.sock" << true << "" << 0;
    }
    void parses()
    {
        QFETCH(QString, text);
        QFETCH(bool, isUnix);
        QFETCH(QString, host);
        QFETCH(int, port);
        Expected<ListenAddress> a = ListenAddress::parse(text);
        QVERIFY2(a.ok(), qPrintable(a.ok() ? QString() : a.error().detail));
        QCOMPARE(a->isUnix, isUnix);
        if (!isUnix) {
            if (host == QLatin1String("any"))
                QCOMPARE(a->host, QHostAddress(QHostAddress::Any));
            else
                QCOMPARE(a->host.toString(), host);
            QCOMPARE(int(a->port), port);
        } else {
            QCOMPARE(a->unixPath, QStringLiteral("/run/mort/mort.sock"));
        }
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("noPort") << "127.0.0.1";
        QTest::newRow("portTooLarge") << ":70000";
        QTest::newRow("unresolvableHostname") << "no-such-host.invalid:80";
        QTest::newRow("relativeUnixPath") << "unix:mort.sock";
    }
    void rejects()
    {
        QFETCH(QString, text);
        Expected<ListenAddress> a = ListenAddress::parse(text);
        QVERIFY(!a.ok());
        QCOMPARE(a.error().code, QByteArray("config.bad_listen_address"));
    }
};

QTEST_GUILESS_MAIN(TestListenAddress)
#include "tst_listenaddress.moc"
