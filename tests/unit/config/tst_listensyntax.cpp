// Shape of server.listens / internalListen entries (spec config.md §2).
#include "config/listensyntax.h"

#include <QTest>

using namespace mort;

class TestListenSyntax : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void problems_data();
    void problems();
};

void TestListenSyntax::problems_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("problem");

    QTest::newRow("portOnlyMeansAllInterfaces") << ":8080"
                                                << "";
    QTest::newRow("ipv4HostAndPort") << "0.0.0.0:8080"
                                     << "";
    QTest::newRow("hostNameAndPort") << "mort-internal.local:9100"
                                     << "";
    QTest::newRow("bracketedIpv6") << "[::1]:8081"
                                   << "";
    QTest::newRow("bracketedIpv6WithZone") << "[fe80::1%eth0]:8081"
                                           << "";
    QTest::newRow("portZeroIsEphemeral") << "127.0.0.1:0"
                                         << "";
    QTest::newRow("highestPort") << ":65535"
                                 << "";
    QTest::newRow("unixSocketAbsolutePath") << "unix:/run/mort/mort.sock"
                                            << "";

    QTest::newRow("hostWithoutPort") << "localhost"
                                     << "missing :port";
    QTest::newRow("empty") << ""
                           << "missing :port";
    QTest::newRow("emptyPort") << "localhost:"
                               << "port must be a number from 0 to 65535";
    QTest::newRow("portTooLarge") << ":65536"
                                  << "port must be a number from 0 to 65535";
    QTest::newRow("signedPort") << ":+80"
                                << "port must be a number from 0 to 65535";
    QTest::newRow("spacedPort") << ": 80"
                                << "port must be a number from 0 to 65535";
    QTest::newRow("serviceNamePort") << ":http"
                                     << "port must be a number from 0 to 65535";
    QTest::newRow("ipv6WithoutBrackets") << "::1:8080"
                                         << "IPv6 hosts need brackets: [addr]:port";
    QTest::newRow("bracketsWithoutPort") << "[::1]"
                                         << "expected [ipv6]:port";
    QTest::newRow("bracketsAroundIpv4") << "[127.0.0.1]:80"
                                        << "invalid IPv6 address";
    QTest::newRow("hostWithSlash") << "a/b:80"
                                   << "invalid host name";
    QTest::newRow("unixRelativePath") << "unix:run/mort.sock"
                                      << "unix socket path must be absolute";
    QTest::newRow("unixRootOnly") << "unix:/"
                                  << "unix socket path must be absolute";
}

void TestListenSyntax::problems()
{
    QFETCH(QString, address);
    QFETCH(QString, problem);
    QCOMPARE(listenSyntaxProblem(address), problem);
}

QTEST_GUILESS_MAIN(TestListenSyntax)
#include "tst_listensyntax.moc"
