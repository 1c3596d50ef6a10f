// Large originals from the network storages (issue 18: "streaming with
// back-pressure"): an original too large to cache is sent to the client while
// the http or s3 storage is still downloading it, so the client's first byte
// does not wait for the origin's last one. The origin here sends half the
// body, then holds the rest until the test releases it (or resets the
// connection), which tells a streamed answer from one spooled whole first.
#include "integration/httporigin/loopbackorigin.h"
#include "integration/testserver.h"

#include <QElapsedTimer>

using namespace mort;
using namespace mort::test;
using mort::testutil::LoopbackOrigin;
using mort::testutil::OriginRoute;

namespace {

// maxCacheItemSizeMB 1: objects of 2 MiB and more stream (Mort's doubling).
const QString kConfig = QStringLiteral(R"yaml(server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
  requestTimeout: 5
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
      basic: {kind: "s3", accessKey: "AKIDSTREAM", secretAccessKey: "stream-secret", region: "us-east-1",
              endpoint: "@ORIGIN@", bucket: "originals"}
      transform: {kind: "noop"}
)yaml");

// What a client has received so far on one connection.
struct Received
{
    QByteArray head;
    QByteArray body;
    bool closed = false;
    qint64 contentLength() const
    {
        for (const QByteArray &line : head.split('\n'))
            if (line.toLower().startsWith("content-length:"))
                return line.mid(15).trimmed().toLongLong();
        return -1;
    }
    int status() const { return head.mid(9, 3).toInt(); }
};

// Reads until `done` holds, the connection closes or `timeoutMs` passes.
template<typename Done>
Received &readUntil(RawHttpClient &client, Received &got, Done done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    QIODevice &device = client.device();
    while (!done(got) && !got.closed && timer.elapsed() < timeoutMs) {
        device.waitForReadyRead(50);
        QByteArray bytes = device.readAll();
        if (got.head.isEmpty() || !got.head.endsWith("\r\n\r\n")) {
            got.head += bytes;
            const qsizetype end = got.head.indexOf("\r\n\r\n");
            if (end >= 0) {
                got.body = got.head.mid(end + 4);
                got.head.truncate(end + 4);
            }
        } else {
            got.body += bytes;
        }
        got.closed = client.tcp()->state() == QAbstractSocket::UnconnectedState;
    }
    return got;
}

} // namespace

class TestOriginStreaming : public QObject
{
    Q_OBJECT

    LoopbackOrigin m_origin;
    QByteArray m_large; // 6 MiB starting with a JPEG: streamed, never cached
    QByteArray m_jpeg;

    std::unique_ptr<TestServer> m_server; // one per test (init)

    // Sends GET /<bucket>/held.jpg and reads the head and the first MiB while
    // the origin still holds the second half of the object.
    void startDownload(RawHttpClient &client, const QByteArray &bucket, Received &got)
    {
        QVERIFY(client.send(RawHttpClient::requestBytes("GET", "/" + bucket + "/held.jpg")));
        readUntil(
            client, got, [](const Received &r) { return r.body.size() >= (1 << 20); }, 10000);
        QCOMPARE(got.status(), 200);
        QCOMPARE(got.contentLength(), qint64(m_large.size()));
        QVERIFY2(got.body.size() >= (1 << 20), qPrintable(QString::number(got.body.size())));
        QCOMPARE(m_origin.heldAnswers(), 1); // the origin has not sent its second half yet
        QCOMPARE(got.body, m_large.left(got.body.size()));
    }

    void checkNoTaskLeft()
    {
        Engine &engine = m_server->engine();
        QVERIFY2(pollUntil([&] { return engine.tasks().liveTotal() == 0; }, 5000),
                 qPrintable(QString::number(engine.tasks().liveTotal())));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QFile file(testDataPath(QStringLiteral("photos/photo_1920x1280.jpg")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_jpeg = file.readAll();
        m_large = m_jpeg.repeated((6 << 20) / m_jpeg.size() + 1);
        const QList<QPair<QByteArray, QByteArray>> jpeg{{"Content-Type", "image/jpeg"}};
        for (const QByteArray &prefix : {QByteArray(), QByteArray("/originals")}) {
            m_origin.route(prefix + "/held.jpg", {200, m_large, jpeg, OriginRoute::Held});
            m_origin.route(prefix + "/ok.jpg", {200, m_jpeg, jpeg, OriginRoute::Normal});
        }
    }

    void init()
    {
        m_server = std::make_unique<TestServer>();
        MORT_START(*m_server, QString(kConfig).replace(QLatin1String("@ORIGIN@"), m_origin.base()));
    }
    void cleanup()
    {
        m_origin.breakHeld();
        m_server.reset();
    }

    void storages_data()
    {
        QTest::addColumn<QByteArray>("bucket");
        QTest::newRow("http") << QByteArray("web");
        QTest::newRow("s3") << QByteArray("s3");
    }

    // The client has the head and a MiB of body while the origin holds the
    // rest; once released, the whole object arrives, byte for byte.
    void firstBytesLeaveBeforeTheOriginsLast_data() { storages_data(); }
    void firstBytesLeaveBeforeTheOriginsLast()
    {
        QFETCH(QByteArray, bucket);
        RawHttpClient client(m_server->address());
        Received got;
        startDownload(client, bucket, got);
        if (QTest::currentTestFailed())
            return;
        m_origin.release();
        readUntil(
            client, got, [&](const Received &r) { return r.body.size() >= m_large.size(); }, 15000);
        QCOMPARE(got.body.size(), m_large.size());
        QVERIFY(got.body == m_large);
        checkNoTaskLeft();
        // Streamed, so never cached: the next request goes to the origin again.
        const Reply again = m_server->get("/" + bucket + "/ok.jpg");
        QCOMPARE(again.status, 200);
        QCOMPARE(again.body, m_jpeg);
    }

    // The origin resets half-way: the head already promised Content-Length
    // bytes, so the client's connection is cut short, never ended as if whole.
    void originBreakingOffCutsTheClient_data() { storages_data(); }
    void originBreakingOffCutsTheClient()
    {
        QFETCH(QByteArray, bucket);
        RawHttpClient client(m_server->address());
        Received got;
        startDownload(client, bucket, got);
        if (QTest::currentTestFailed())
            return;
        m_origin.breakHeld();
        readUntil(
            client, got, [](const Received &) { return false; }, 5000);
        QVERIFY2(got.closed, "the connection should be cut");
        QVERIFY2(got.body.size() < m_large.size(), qPrintable(QString::number(got.body.size())));
        checkNoTaskLeft();
        QCOMPARE(m_server->get("/" + bucket + "/ok.jpg").body, m_jpeg);
    }

    // A client that leaves half-way stops the download from the origin: the
    // origin sees its connection closed while it still holds the rest.
    void clientLeavingStopsTheDownload_data() { storages_data(); }
    void clientLeavingStopsTheDownload()
    {
        QFETCH(QByteArray, bucket);
        const int closedBefore = m_origin.closedConnections();
        RawHttpClient client(m_server->address());
        Received got;
        startDownload(client, bucket, got);
        if (QTest::currentTestFailed())
            return;
        client.abort();
        QVERIFY2(pollUntil([&] { return m_origin.closedConnections() > closedBefore; }, 3000),
                 "the upstream read should stop when the client leaves");
        checkNoTaskLeft();
        QCOMPARE(m_server->engine().tasks().live(TaskKind::Fetch), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestOriginStreaming)
#include "tst_originstreaming.moc"
