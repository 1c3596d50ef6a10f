// Battery item 3 of issue 23: the outbound guard. The http storage and the
// placeholder fetch go where the config says and nowhere a request or an
// origin could send them: a redirect to another internal address (another
// port, `localhost`, IPv4-mapped IPv6, a decimal IPv4, link-local metadata),
// with userinfo, or a key that tries to name a host is refused before any
// connection is made. A canary listener on loopback counts connections: it
// must see none. The configured origin itself is the config's explicit
// allowance, and a redirect within it is followed.
#include "integration/httporigin/loopbackorigin.h"
#include "integration/testserver.h"

#include <QElapsedTimer>

using namespace mort;
using namespace mort::test;
using mort::testutil::LoopbackOrigin;
using mort::testutil::OriginRoute;

namespace {

const QString kConfig = QStringLiteral(R"yaml(server:
  listens: ["127.0.0.1:0"]
buckets:
  remote:
    transform: {kind: "query"}
    storages:
      basic: {kind: "http", url: "@ORIGIN@<item>"}
      transform: {kind: "noop"}
)yaml");

OriginRoute redirectTo(const QByteArray &location)
{
    return {302, {}, {{"Location", location}}, OriginRoute::Normal};
}

} // namespace

class TestOutboundGuard : public QObject
{
    Q_OBJECT

    LoopbackOrigin m_origin;
    LoopbackOrigin m_canary;
    QByteArray m_jpeg;

    QByteArray canary(const QByteArray &host) const
    {
        return "http://" + host + ":" + QByteArray::number(m_canary.port()) + "/secret.jpg";
    }

private Q_SLOTS:
    void initTestCase()
    {
        QFile file(testDataPath(QStringLiteral("photos/photo_1920x1280.jpg")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_jpeg = file.readAll();
        m_origin.route("/ok.jpg", {200, m_jpeg, {{"Content-Type", "image/jpeg"}}, OriginRoute::Normal});
        m_origin.route("/moved.jpg", redirectTo("/ok.jpg"));
        m_canary.route("/secret.jpg", {200, m_jpeg, {{"Content-Type", "image/jpeg"}}, OriginRoute::Normal});
    }

    void redirectOutOfTheOriginIsRefused_data()
    {
        QTest::addColumn<QByteArray>("location");
        QTest::newRow("another port") << canary("127.0.0.1");
        QTest::newRow("localhost") << canary("localhost");
        QTest::newRow("IPv4-mapped IPv6") << canary("[::ffff:127.0.0.1]");
        QTest::newRow("IPv6 loopback") << canary("[::1]");
        QTest::newRow("decimal IPv4") << canary("2130706433");
        QTest::newRow("another loopback address") << canary("127.0.0.2");
        QTest::newRow("userinfo") << canary("user:pass@127.0.0.1");
        QTest::newRow("link-local metadata") << QByteArray("http://169.254.169.254/latest/meta-data/");
        QTest::newRow("private") << QByteArray("http://10.255.255.1/x.jpg");
        QTest::newRow("file scheme") << QByteArray("file:///etc/passwd");
    }
    void redirectOutOfTheOriginIsRefused()
    {
        QFETCH(QByteArray, location);
        m_origin.route("/away.jpg", redirectTo(location));
        TestServer server;
        MORT_START(server,
                   QString(kConfig).replace(QLatin1String("@ORIGIN@"),
                                            QStringLiteral("http://127.0.0.1:%1").arg(m_origin.port())));
        const int before = m_canary.connections();
        for (const QByteArray &target :
             {QByteArray("/remote/away.jpg"), QByteArray("/remote/away.jpg?operation=resize&width=100")}) {
            QElapsedTimer timer;
            timer.start();
            const Reply r = server.get(target);
            // Refused before connecting: no wait for an unreachable address.
            QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
            QCOMPARE(r.status, 500);
            QCOMPARE(r.header("X-Mort-Error"), QByteArray("storage.io_error"));
        }
        QCOMPARE(m_canary.connections(), before);
    }

    void redirectWithinTheOriginIsFollowed()
    {
        TestServer server;
        MORT_START(server,
                   QString(kConfig).replace(QLatin1String("@ORIGIN@"),
                                            QStringLiteral("http://127.0.0.1:%1").arg(m_origin.port())));
        const Reply original = server.get("/remote/moved.jpg");
        QCOMPARE(original.status, 200);
        QCOMPARE(original.body, m_jpeg);
        const Reply resized = server.get("/remote/moved.jpg?operation=resize&width=100");
        QCOMPARE(resized.status, 200);
        QCOMPARE(decodeImage(resized.body).width, 100);
    }

    void keyCannotNameAHost_data()
    {
        QTest::addColumn<QByteArray>("target");
        const QByteArray port = QByteArray::number(m_canary.port());
        QTest::newRow("userinfo") << "/remote/@127.0.0.1:" + port + "/secret.jpg";
        QTest::newRow("encoded userinfo") << "/remote/%40127.0.0.1:" + port + "/secret.jpg";
        QTest::newRow("authority") << "/remote//127.0.0.1:" + port + "/secret.jpg";
    }
    void keyCannotNameAHost()
    {
        QFETCH(QByteArray, target);
        TestServer server;
        MORT_START(server,
                   QString(kConfig).replace(QLatin1String("@ORIGIN@"),
                                            QStringLiteral("http://127.0.0.1:%1").arg(m_origin.port())));
        const int before = m_canary.connections();
        const Reply r = server.get(target);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.header("X-Mort-Error"), QByteArray("storage.invalid_key"));
        QCOMPARE(m_canary.connections(), before);
    }

    void placeholderRedirectIsRefused()
    {
        m_origin.route("/placeholder.png", redirectTo(canary("localhost")));
        TestServer server;
        const int before = m_canary.connections();
        const QString why = server.start(
            QString(kConfig)
                .replace(QLatin1String("@ORIGIN@"), QStringLiteral("http://127.0.0.1:%1").arg(m_origin.port()))
                .replace(QLatin1String("server:\n"),
                         QStringLiteral("server:\n  placeholder: \"http://127.0.0.1:%1/placeholder.png\"\n")
                             .arg(m_origin.port())));
        QVERIFY2(why.contains(QLatin1String("refused")), qPrintable(why));
        QCOMPARE(m_canary.connections(), before);
    }
};

QTEST_GUILESS_MAIN(TestOutboundGuard)
#include "tst_outboundguard.moc"
