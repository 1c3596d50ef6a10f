// Battery item 9 of issue 23: shutdown, through the real daemon.
// SIGTERM with transforms in flight: they complete (200, whole bodies) within
// the grace period, new connections are refused, the process exits 0 and its
// unix socket file is gone. kill -9 while results are being written: after a
// restart on the same folders no stored result is partial or corrupt -- each
// one the server hands out decodes whole at the width asked.
#include "integration/serverprocess.h"
#include "integration/testserver.h"

#include <QFile>
#include <QTemporaryDir>

using namespace mort;
using namespace mort::test;

namespace {

const QString kConfig = QStringLiteral(R"yaml(server:
  listens: ["127.0.0.1:0", "unix:@ROOT@/mort.sock"]
  internalListen: "127.0.0.1:0"
  logLevel: "error"
  limits: {shutdownGraceMs: 20000}
buckets:
  media:
    transform: {kind: "query"}
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
      transform: {kind: "local-meta", rootPath: "@ROOT@/results"}
)yaml");

// Live tasks of `kind` from the internal listener's /metrics; -1 when unreadable.
int liveTasks(const QString &internal, const QByteArray &kind)
{
    RawHttpClient client(internal);
    const Reply metrics = client.request("GET", "/metrics");
    const QByteArray prefix = "mort_tasks_live{kind=\"" + kind + "\"} ";
    for (const QByteArray &line : metrics.body.split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).toInt();
    }
    return -1;
}

} // namespace

class TestShutdown : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString writeConfig()
    {
        QString yaml = kConfig;
        yaml.replace(QLatin1String("@ROOT@"), m_dir.path());
        const QString path = m_dir.filePath(QStringLiteral("mort.yml"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(yaml.toUtf8());
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QDir().mkpath(m_dir.filePath(QStringLiteral("originals/media")));
        QVERIFY(QFile::copy(testDataPath(QStringLiteral("photos/photo_6000x4000.jpg")),
                            m_dir.filePath(QStringLiteral("originals/media/big.jpg"))));
    }

    void sigtermDrainsInFlightThenExitsZero()
    {
        ServerProcess server;
        const QString why = server.start(QStringLiteral(MORT_SERVER_BINARY), writeConfig());
        QVERIFY2(why.isEmpty(), qPrintable(why));
        const QString socketPath = m_dir.filePath(QStringLiteral("mort.sock"));
        QVERIFY(QFile::exists(socketPath));

        // Four slow, distinct transforms (a 24 Mpx decode and blur each).
        constexpr int kInFlight = 4;
        std::vector<std::unique_ptr<RawHttpClient>> clients;
        for (int i = 0; i < kInFlight; ++i) {
            clients.push_back(std::make_unique<RawHttpClient>(server.publicAddress()));
            QVERIFY(clients.back()->send(RawHttpClient::requestBytes(
                "GET", "/media/big.jpg?operation=blur&sigma=3&operation=resize&width=" + QByteArray::number(900 + i))));
        }
        QVERIFY2(pollUntil([&] { return liveTasks(server.internalAddress(), "request") >= kInFlight; }, 10000),
                 "the transforms never were in flight together");

        QElapsedTimer sinceTerm;
        sinceTerm.start();
        server.signal(SIGTERM);
        // New connections are refused from now on (the listeners close first).
        QVERIFY2(pollUntil([&] { return !RawHttpClient(server.publicAddress(), 500).isConnected(); }, 5000),
                 "the public listener still accepts after SIGTERM");

        for (int i = 0; i < kInFlight; ++i) {
            const Reply reply = clients[size_t(i)]->read(false, 30000);
            QCOMPARE(reply.status, 200);
            QVERIFY(reply.complete);
            QCOMPARE(decodeImage(reply.body).width, 900 + i);
        }
        QVERIFY2(server.waitForExit(20000), "mort-server did not exit within the grace period");
        const qint64 drainedMs = sinceTerm.elapsed();
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);
        QVERIFY2(!QFile::exists(socketPath), "the unix socket file was left behind");
        qInfo("%d transforms in flight drained and exited 0 in %lld ms after SIGTERM", kInFlight, drainedMs);
    }

    void killNineMidWriteLeavesNoPartialResult()
    {
        const QString config = writeConfig();
        constexpr int kRounds = 6;
        constexpr int kPerRound = 6;
        int killedWithWritesPending = 0;
        for (int round = 0; round < kRounds; ++round) {
            ServerProcess server;
            const QString why = server.start(QStringLiteral(MORT_SERVER_BINARY), config);
            QVERIFY2(why.isEmpty(), qPrintable(why));
            std::vector<std::unique_ptr<RawHttpClient>> clients;
            for (int i = 0; i < kPerRound; ++i) {
                const int width = 300 + round * kPerRound + i;
                clients.push_back(std::make_unique<RawHttpClient>(server.publicAddress()));
                QVERIFY(clients.back()->send(RawHttpClient::requestBytes(
                    "GET", "/media/big.jpg?operation=resize&width=" + QByteArray::number(width))));
            }
            // Kill as soon as the first answers are out: their results are
            // being stored (background queue) while the others still run.
            QCOMPARE(clients.front()->read(false, 30000).status, 200);
            const QString internal = server.internalAddress();
            killedWithWritesPending += liveTasks(internal, "store") + liveTasks(internal, "background") > 0 ? 1 : 0;
            server.signal(SIGKILL);
            QVERIFY(server.waitForExit(5000));
            QCOMPARE(server.exitStatus(), QProcess::CrashExit);
        }

        // Restarted on the same folders: whatever was stored is whole.
        ServerProcess server;
        const QString why = server.start(QStringLiteral(MORT_SERVER_BINARY), config);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        for (int n = 0; n < kRounds * kPerRound; ++n) {
            const int width = 300 + n;
            const Reply reply =
                RawHttpClient(server.publicAddress())
                    .request("GET", "/media/big.jpg?operation=resize&width=" + QByteArray::number(width));
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.header("Content-Type"), QByteArray("image/jpeg"));
            const Decoded decoded = decodeImage(reply.body);
            QVERIFY2(decoded.ok && decoded.width == width && std::abs(decoded.height - width * 2 / 3) <= 1,
                     qPrintable(QStringLiteral("width %1: decoded %2x%3 from %4 bytes")
                                    .arg(width)
                                    .arg(decoded.width)
                                    .arg(decoded.height)
                                    .arg(reply.body.size())));
        }
        qInfo("%d of %d kills landed while results were being stored; every result whole after restart",
              killedWithWritesPending, kRounds);
    }
};

QTEST_GUILESS_MAIN(TestShutdown)
#include "tst_shutdown.moc"
