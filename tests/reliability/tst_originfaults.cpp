// Battery item 8 of issue 23: origins that fail. An `http` and an `s3`
// storage point at a loopback origin that is dead (nothing listens), silent
// (accepts, never answers), lies about its length, resets the connection
// half-way through the body, or stalls half-way. Whatever the origin does,
// every request gets one exact answer within the request deadline, a body
// is never passed off as complete when the origin broke off, no task or
// socket is left behind, and the next good request is served.
#include "integration/httporigin/loopbackorigin.h"
#include "integration/testserver.h"
#include "reliability/http/rawwire.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QThread>

#include <algorithm>
#include <thread>
#include <vector>

using namespace mort;
using namespace mort::test;
using mort::testutil::LoopbackOrigin;
using mort::testutil::OriginRoute;

namespace {

// requestTimeout 2 s bounds every case; maxCacheItemSizeMB 1 makes the
// 3 MiB original stream (Mort's rule: objects >= 2 MiB are not cached).
const QString kConfig = QStringLiteral(R"yaml(server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
  requestTimeout: 2
  cache: {type: "memory", maxCacheItemSizeMB: 1}
buckets:
  web:
    transform: {kind: "query"}
    storages:
      basic: {kind: "http", url: "@ORIGIN@<item>"}
      transform: {kind: "noop"}
  s3:
    transform: {kind: "query"}
    storages:
      basic: {kind: "s3", accessKey: "AKIDFAULTS", secretAccessKey: "faults-secret", region: "us-east-1",
              endpoint: "@ORIGIN@", bucket: "originals"}
      transform: {kind: "noop"}
)yaml");

// A loopback port nothing listens on: bound, then released.
quint16 deadPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

QByteArray readFile(const QString &relative)
{
    QFile file(testDataPath(relative));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestOriginFaults : public QObject
{
    Q_OBJECT

    LoopbackOrigin m_origin;
    QByteArray m_jpeg;
    QByteArray m_large; // > 2 MiB: streamed to the client, never cached

    // Each route at its http path and at its s3 path (bucket "originals").
    void route(const QByteArray &name, const OriginRoute &r)
    {
        m_origin.route("/" + name, r);
        m_origin.route("/originals/" + name, r);
    }

    QString config(quint16 port) const
    {
        return QString(kConfig).replace(QLatin1String("@ORIGIN@"), QStringLiteral("http://127.0.0.1:%1").arg(port));
    }

    static void checkIdle(TestServer &server, int socketsBefore)
    {
        QVERIFY2(pollUntil([&] { return server.engine().tasks().liveTotal() == 0; }, 10000),
                 qPrintable(QString::number(server.engine().tasks().liveTotal())));
        // Connections to the origin and from the clients are all closed again.
        QVERIFY2(pollUntil([&] { return test::openSockets() <= socketsBefore; }, 10000),
                 qPrintable(QStringLiteral("%1 sockets, %2 before").arg(test::openSockets()).arg(socketsBefore)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_jpeg = readFile(QStringLiteral("photos/photo_1920x1280.jpg"));
        QVERIFY(!m_jpeg.isEmpty());
        m_large = m_jpeg.repeated((3 << 20) / m_jpeg.size() + 1); // a JPEG with trailing bytes, 3+ MiB
        const QList<QPair<QByteArray, QByteArray>> jpeg{{"Content-Type", "image/jpeg"}};
        route("ok.jpg", {200, m_jpeg, jpeg, OriginRoute::Normal});
        route("hang.jpg", {200, {}, jpeg, OriginRoute::Silent});
        route("lie.jpg", {200, m_jpeg, jpeg, OriginRoute::Lying});
        route("reset.jpg", {200, m_jpeg, jpeg, OriginRoute::Reset});
        route("stall.jpg", {200, m_jpeg, jpeg, OriginRoute::Stall});
        route("large-reset.jpg", {200, m_large, jpeg, OriginRoute::Reset});
        route("large-stall.jpg", {200, m_large, jpeg, OriginRoute::Stall});
    }

    // Whatever breaks, one exact status and error code, within the deadline.
    void brokenOriginGetsOneExactAnswer_data()
    {
        QTest::addColumn<QByteArray>("bucket");
        QTest::addColumn<QByteArray>("object");
        QTest::addColumn<bool>("transform");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("error");
        QTest::addColumn<int>("withinMs");
        for (const char *bucket : {"web", "s3"}) {
            for (const bool transform : {false, true}) {
                const QByteArray tag = QByteArray(bucket) + (transform ? " transform" : " original");
                QTest::newRow(tag + " lying") << QByteArray(bucket) << QByteArray("lie.jpg") << transform << 500
                                              << QByteArray("storage.io_error") << 1500;
                QTest::newRow(tag + " reset") << QByteArray(bucket) << QByteArray("reset.jpg") << transform << 500
                                              << QByteArray("storage.io_error") << 1500;
                QTest::newRow(tag + " silent") << QByteArray(bucket) << QByteArray("hang.jpg") << transform << 504
                                               << QByteArray("request.timeout") << 3500;
                if (transform) // an original that stalls after its head: originalStallEndsAtTheIdleTimeout
                    QTest::newRow(tag + " stall") << QByteArray(bucket) << QByteArray("stall.jpg") << transform << 504
                                                  << QByteArray("request.timeout") << 3500;
            }
        }
    }
    void brokenOriginGetsOneExactAnswer()
    {
        QFETCH(QByteArray, bucket);
        QFETCH(QByteArray, object);
        QFETCH(bool, transform);
        QFETCH(int, status);
        QFETCH(QByteArray, error);
        QFETCH(int, withinMs);
        TestServer server;
        MORT_START(server, config(m_origin.port()));
        const int socketsBefore = test::openSockets();
        const QByteArray target = "/" + bucket + "/" + object + (transform ? "?operation=resize&width=120" : "");
        QElapsedTimer timer;
        timer.start();
        const Reply r = server.get(target);
        const qint64 ms = timer.elapsed();
        QCOMPARE(r.status, status);
        QCOMPARE(r.header("X-Mort-Error"), error);
        QVERIFY2(ms < withinMs, qPrintable(QStringLiteral("%1 ms").arg(ms)));
        checkIdle(server, socketsBefore);
        const Reply good = server.get("/" + bucket + "/ok.jpg?operation=resize&width=100");
        QCOMPARE(good.status, 200);
        QCOMPARE(decodeImage(good.body).width, 100);
    }

    // A memory-cache hit is answered on the HTTP thread, so it does not queue
    // behind requests that hold every I/O thread while a silent origin keeps
    // them waiting (before: the hit waited for their 2 s deadline).
    void cacheHitIsNotQueuedBehindASilentOrigin()
    {
        // A header rule makes 200s cacheable (Mort caches what has a max-age).
        const QString cacheable = config(m_origin.port())
                                      .replace(QLatin1String("\nbuckets:"),
                                               QLatin1String("\nheaders:\n  - statusCodes: [200]\n"
                                                             "    values: {\"cache-control\": \"max-age=600\"}\n"
                                                             "buckets:"));
        TestServer server;
        MORT_START(server, cacheable);
        const int socketsBefore = test::openSockets();
        // A transform's result (a streamed original is never cached).
        const QByteArray cached = "/web/ok.jpg?operation=resize&width=100";
        const Reply first = server.get(cached);
        QCOMPARE(first.status, 200); // cached now
        // Twice as many waiting requests as the I/O pool has threads (max(4, 2 x cores)).
        const int ioThreads = std::max(4, 2 * QThread::idealThreadCount());
        const int waiting = 2 * ioThreads;
        const int connectionsBefore = m_origin.connections();
        std::vector<Reply> replies(static_cast<size_t>(waiting));
        std::vector<std::thread> clients;
        for (int i = 0; i < waiting; ++i) {
            clients.emplace_back([&, i] {
                RawHttpClient client(server.address());
                replies[size_t(i)] = client.request("GET", "/web/hang.jpg", {}, 8000);
            });
        }
        // Every I/O thread is now waiting on the origin.
        QVERIFY(pollUntil([&] { return m_origin.connections() - connectionsBefore >= ioThreads; }, 2000));
        QElapsedTimer timer;
        timer.start();
        const Reply hit = server.get(cached);
        const qint64 ms = timer.elapsed();
        QCOMPARE(hit.status, 200);
        QCOMPARE(hit.header("x-mort-cache"), QByteArray("hit"));
        QCOMPARE(hit.body, first.body);
        QVERIFY2(ms < 500, qPrintable(QStringLiteral("%1 ms").arg(ms)));
        for (std::thread &c : clients)
            c.join();
        for (const Reply &r : replies) {
            QCOMPARE(r.status, 504);
            QCOMPARE(r.header("X-Mort-Error"), QByteArray("request.timeout"));
        }
        checkIdle(server, socketsBefore);
    }

    // Nothing listens where the origin should be: refused at once.
    void deadOriginAnswersAtOnce_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("http original") << QByteArray("/web/ok.jpg");
        QTest::newRow("http transform") << QByteArray("/web/ok.jpg?operation=resize&width=120");
        QTest::newRow("s3 original") << QByteArray("/s3/ok.jpg");
        QTest::newRow("s3 transform") << QByteArray("/s3/ok.jpg?operation=resize&width=120");
    }
    void deadOriginAnswersAtOnce()
    {
        QFETCH(QByteArray, target);
        TestServer server;
        MORT_START(server, config(deadPort()));
        const int socketsBefore = test::openSockets();
        QElapsedTimer timer;
        timer.start();
        const Reply r = server.get(target);
        QCOMPARE(r.status, 500);
        QCOMPARE(r.header("X-Mort-Error"), QByteArray("storage.io_error"));
        QVERIFY2(timer.elapsed() < 1500, qPrintable(QString::number(timer.elapsed())));
        checkIdle(server, socketsBefore);
    }

    // A streamed original whose origin resets half-way: either the reset is
    // seen before the head goes out (500 storage.io_error) or the client sees
    // the connection end short of Content-Length; never a body passed off as
    // complete. The next request is served.
    void streamedOriginalResetIsNeverComplete_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("http") << QByteArray("/web/large-reset.jpg");
        QTest::newRow("s3") << QByteArray("/s3/large-reset.jpg");
    }
    void streamedOriginalResetIsNeverComplete()
    {
        QFETCH(QByteArray, target);
        TestServer server;
        MORT_START(server, config(m_origin.port()));
        const int socketsBefore = test::openSockets();
        QElapsedTimer timer;
        timer.start();
        RawHttpClient client(server.address());
        const Reply r = client.request("GET", target, {}, 8000);
        const qint64 ms = timer.elapsed();
        if (r.status == 500) {
            QCOMPARE(r.header("X-Mort-Error"), QByteArray("storage.io_error"));
        } else {
            QCOMPARE(r.status, 200);
            QVERIFY2(!r.complete && r.body.size() < m_large.size(), qPrintable(QString::number(r.body.size())));
            QVERIFY(client.leftover(200).isEmpty());
        }
        QVERIFY2(ms < 1500, qPrintable(QStringLiteral("%1 ms").arg(ms)));
        client.abort();
        checkIdle(server, socketsBefore);
        QCOMPARE(server.get("/web/ok.jpg").body, m_jpeg);
    }

    // An original whose origin sends its head and half the body, then
    // nothing: requestTimeout bounds only the wait for the origin's answer
    // (a large original may take longer to arrive), so the storage's idle
    // timeout (30 s) ends it: 504 for a small one, nothing left behind. A
    // large one is already on its way to the client (tst_originstreaming), so
    // its connection is cut short of Content-Length. The four run at once.
    void originalStallEndsAtTheIdleTimeout()
    {
        TestServer server;
        MORT_START(server, config(m_origin.port()));
        const int socketsBefore = test::openSockets();
        const QList<QByteArray> targets{"/web/stall.jpg", "/web/large-stall.jpg", "/s3/stall.jpg",
                                        "/s3/large-stall.jpg"};
        std::vector<Reply> replies(size_t(targets.size()));
        std::vector<qint64> ms(size_t(targets.size()));
        std::vector<std::thread> clients;
        for (qsizetype i = 0; i < targets.size(); ++i) {
            clients.emplace_back([&, i] {
                QElapsedTimer timer;
                timer.start();
                RawHttpClient client(server.address());
                replies[size_t(i)] = client.request("GET", targets[i], {}, 45000);
                ms[size_t(i)] = timer.elapsed();
            });
        }
        for (std::thread &c : clients)
            c.join();
        for (qsizetype i = 0; i < targets.size(); ++i) {
            const Reply &r = replies[size_t(i)];
            if (targets[i].contains("large")) {
                QVERIFY2(r.status == 200 && !r.complete && r.body.size() < m_large.size(),
                         qPrintable(QStringLiteral("%1: %2, %3 bytes")
                                        .arg(QString::fromLatin1(targets[i]))
                                        .arg(r.status)
                                        .arg(r.body.size())));
            } else {
                QVERIFY2(r.status == 504 && r.header("X-Mort-Error") == "request.timeout",
                         qPrintable(QStringLiteral("%1: %2 %3")
                                        .arg(QString::fromLatin1(targets[i]))
                                        .arg(r.status)
                                        .arg(QString::fromLatin1(r.header("X-Mort-Error")))));
            }
            QVERIFY2(ms[size_t(i)] >= 29000 && ms[size_t(i)] < 40000,
                     qPrintable(QStringLiteral("%1: %2 ms").arg(QString::fromLatin1(targets[i])).arg(ms[size_t(i)])));
        }
        checkIdle(server, socketsBefore);
        QCOMPARE(server.get("/s3/ok.jpg").body, m_jpeg);
    }
};

QTEST_GUILESS_MAIN(TestOriginFaults)
#include "tst_originfaults.moc"
