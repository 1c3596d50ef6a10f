// Engine lifecycle over real sockets: graceful stop drains an in-flight
// transform (peer-differences R8), a unix-socket listener serves and its file
// is removed on stop.
#include "testserver.h"

#include <sys/stat.h>

#include <algorithm>
#include <thread>
#include <vector>

using namespace mort;
using namespace mort::test;

namespace {

const QString kBuckets = QStringLiteral(R"yaml(
buckets:
  t:
    transform:
      kind: "query"
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
      transform: {kind: "local-meta", rootPath: "@ROOT@/results"}
)yaml");

bool isSocketFile(const QString &path)
{
    struct stat st;
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 && S_ISSOCK(st.st_mode);
}

} // namespace

class TestLifecycle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gracefulStopLetsInFlightTransformFinish()
    {
        TestServer server;
        QVERIFY(server.addFile(QStringLiteral("photos/photo_6000x4000.jpg"), QStringLiteral("originals/t/big.jpg")));
        MORT_START(server,
                   QStringLiteral("server:\n  listens: [\"127.0.0.1:0\"]\n  internalListen: \"localhost:0\"\n")
                       + kBuckets);
        Engine &engine = server.engine();
        const QString address = server.address();

        // The client reads on its own thread while this thread is blocked in stop().
        Reply reply;
        std::thread client([&reply, address] {
            RawHttpClient c(address);
            reply = c.request("GET", "/t/big.jpg?operation=blur&sigma=10", {}, 30000);
        });
        QTRY_VERIFY_WITH_TIMEOUT(engine.tasks().live(TaskKind::Transform) >= 1, 10000);
        QElapsedTimer timer;
        timer.start();
        // A long grace: the blur of 24 MP may take seconds on a loaded 2-core
        // machine; what is checked is that stop() returns once it is done.
        engine.stop(20000);
        const qint64 stopMs = timer.elapsed();
        client.join();
        qInfo("stop() returned after %lld ms", stopMs);

        QVERIFY(!engine.isRunning());
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.complete);
        const Decoded d = decodeImage(reply.body);
        QVERIFY(d.ok);
        QCOMPARE(d.width, 6000);
        QCOMPARE(d.height, 4000);
        QVERIFY2(stopMs < 19900, "stop() waited for the grace period instead of the drained request");
        QCOMPARE(engine.tasks().liveTotal(), qint64(0));

        // Nothing listens any more.
        QTcpSocket after;
        const int colon = address.lastIndexOf(QLatin1Char(':'));
        after.connectToHost(address.left(colon), address.mid(colon + 1).toUShort());
        QVERIFY(!after.waitForConnected(1000));
    }

    void unixSocketListenerServesAndIsRemovedOnStop()
    {
        TestServer server;
        QVERIFY(server.addFile(QStringLiteral("photos/photo_800x600.jpg"), QStringLiteral("originals/t/photo.jpg")));
        const QString socketPath = server.path(QStringLiteral("mort.sock"));
        MORT_START(
            server,
            QStringLiteral("server:\n  listens: [\"unix:@ROOT@/mort.sock\"]\n  internalListen: \"localhost:0\"\n")
                + kBuckets);
        QCOMPARE(server.engine().stats().publicAddresses, QStringList{QStringLiteral("unix:") + socketPath});
        QVERIFY(isSocketFile(socketPath));

        RawHttpClient client(QStringLiteral("unix:") + socketPath);
        QVERIFY(client.isConnected());
        const Reply original = client.request("GET", "/t/photo.jpg");
        QCOMPARE(original.status, 200);
        QCOMPARE(original.body.size(), qsizetype(75759));
        QCOMPARE(original.header("Content-Type"), QByteArray("image/jpeg"));
        const Reply transformed = client.request("GET", "/t/photo.jpg?width=400");
        QCOMPARE(transformed.status, 200);
        const Decoded d = decodeImage(transformed.body);
        QCOMPARE(d.width, 400);
        QCOMPARE(d.height, 300);
        const Reply missing = client.request("GET", "/t/missing.jpg");
        QCOMPARE(missing.status, 404);

        server.engine().stop(2000);
        QVERIFY(!QFileInfo::exists(socketPath));
    }

    void engineServesAgainAfterStopAndStart()
    {
        TestServer server;
        QVERIFY(server.addFile(QStringLiteral("photos/photo_800x600.jpg"), QStringLiteral("originals/t/photo.jpg")));
        MORT_START(server,
                   QStringLiteral("server:\n  listens: [\"127.0.0.1:0\"]\n  internalListen: \"localhost:0\"\n")
                       + kBuckets);
        QCOMPARE(server.get("/t/photo.jpg?width=100").status, 200);
        server.engine().stop(2000);
        QVERIFY(!server.engine().isRunning());
        QVERIFY(server.engine().start().ok());
        const QString address = server.engine().stats().publicAddresses.value(0);
        QVERIFY(!address.isEmpty());
        RawHttpClient client(address);
        const Reply r = client.request("GET", "/t/photo.jpg?width=120");
        QCOMPARE(r.status, 200);
        QCOMPARE(decodeImage(r.body).width, 120);
    }

    // One HTTP thread per core by default; MORT_HTTP_THREADS overrides it (a
    // container's CPU quota) and every thread serves: hits on each connection.
    void httpThreadsFollowTheCoresOrTheEnvironment()
    {
        for (const QByteArray &env : {QByteArray(), QByteArray("3")}) {
            if (env.isEmpty())
                qunsetenv("MORT_HTTP_THREADS");
            else
                qputenv("MORT_HTTP_THREADS", env);
            TestServer server;
            QVERIFY(
                server.addFile(QStringLiteral("photos/photo_800x600.jpg"), QStringLiteral("originals/t/photo.jpg")));
            MORT_START(server,
                       QStringLiteral("server:\n  listens: [\"127.0.0.1:0\"]\n  internalListen: \"localhost:0\"\n")
                           + kBuckets);
            qunsetenv("MORT_HTTP_THREADS");
            const int expected =
                env.isEmpty() ? std::clamp(QThread::idealThreadCount(), 1, HttpLimits::kMaxAutoThreads) : env.toInt();
            QCOMPARE(server.engine().stats().http.threads, expected);
            std::vector<std::unique_ptr<RawHttpClient>> clients;
            for (int i = 0; i < expected + 1; ++i) {
                clients.push_back(std::make_unique<RawHttpClient>(server.address()));
                const Reply r = clients.back()->request("GET", "/t/photo.jpg?width=90");
                QCOMPARE(r.status, 200);
                QCOMPARE(decodeImage(r.body).width, 90);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestLifecycle)
#include "tst_lifecycle.moc"
