// Issue 18's acceptance through the real daemon: `mort-server -config` with a
// bucket whose `basic` and `transform` storages are both `s3` (s3rver). A
// preset request returns the right image; the result appears in S3 under
// Mort's key with its metadata (awscli reads it); a second server on the same
// config serves it from S3 without transforming. A 1 GiB original streams to
// a client with bounded memory, and a client leaving mid-way leaves no
// fetch task behind.
#include "../serverprocess.h"
#include "../testserver.h"
#include "s3rverprocess.h"
#include "sanitizers.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace mort;
using namespace mort::test;
using namespace mort::testutil;

namespace {

// Written like Mort's own S3 example (presets bucket, `kind: s3` with an
// endpoint, so path-style), nothing of ours in it.
const QString kConfig = QStringLiteral(R"yaml(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
buckets:
  photos:
    transform:
      kind: "presets"
      path: "\\/(?P<presetName>[a-z0-9_]+)\\/(?P<parent>[a-zA-Z0-9_\\-\\/\\.]+)"
      parentBucket: "photos"
      presets:
        thumb:
          quality: 80
          filters:
            thumbnail: {width: 320}
    storages:
      basic:
        kind: "s3"
        endpoint: "@ENDPOINT@"
        region: "us-east-1"
        bucket: "photo-originals"
        accessKey: "S3RVER"
        secretAccessKey: "S3RVER"
      transform:
        kind: "s3"
        endpoint: "@ENDPOINT@"
        region: "us-east-1"
        bucket: "photo-results"
        accessKey: "S3RVER"
        secretAccessKey: "S3RVER"
)yaml");

// A value of the internal listener's /metrics (first sample of `series`); -1 when absent.
double metric(const QString &internal, const QByteArray &series)
{
    RawHttpClient client(internal);
    const Reply metrics = client.request("GET", "/metrics");
    for (const QByteArray &line : metrics.body.split('\n')) {
        if (line.startsWith(series + ' '))
            return line.mid(series.size() + 1).toDouble();
    }
    return -1;
}

} // namespace

class TestS3MortServer : public QObject
{
    Q_OBJECT
    S3rverProcess m_s3;
    QTemporaryDir m_dir;
    QString m_configPath;

    // One PUT (s3api), not `s3 cp`: s3rver assembles multipart uploads slowly.
    bool upload(const QString &file, const QString &bucket, const QString &key)
    {
        return !m_s3.aws({QStringLiteral("s3api"), QStringLiteral("put-object"), QStringLiteral("--bucket"), bucket,
                          QStringLiteral("--key"), key, QStringLiteral("--body"), file},
                         300'000)
                    .isNull();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (!m_s3.start({QStringLiteral("photo-originals"), QStringLiteral("photo-results")}))
            QFAIL(qPrintable(m_s3.error()));
        QVERIFY2(upload(testDataPath(QStringLiteral("photos/photo_1920x1280.jpg")), QStringLiteral("photo-originals"),
                        QStringLiteral("photo.jpg")),
                 qPrintable(m_s3.error()));
        m_configPath = m_dir.filePath(QStringLiteral("mort.yml"));
        QFile f(m_configPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QString(kConfig).replace(QLatin1String("@ENDPOINT@"), m_s3.endpoint()).toUtf8());
    }

    void presetResultStoredInS3AndServedFromThereByASecondServer()
    {
        QByteArray firstBody;
        {
            ServerProcess server;
            const QString why = server.start(QStringLiteral(MORT_SERVER_BINARY), m_configPath);
            QVERIFY2(why.isEmpty(), qPrintable(why));
            RawHttpClient client(server.publicAddress());
            const Reply r = client.request("GET", "/photos/thumb/photo.jpg");
            QCOMPARE(r.status, 200);
            QCOMPARE(r.header("Content-Type"), QByteArray("image/jpeg"));
            const Decoded d = decodeImage(r.body);
            QVERIFY(d.ok);
            QCOMPARE(d.width, 320);
            QCOMPARE(d.height, 213);
            firstBody = r.body;
            QCOMPARE(metric(server.internalAddress(), "mort_transforms_total"), 1.0);

            // The result lands in S3 in the background: Mort's key (the request
            // key, no leading '/'), its type and its dimensions as user metadata.
            QJsonObject head;
            QVERIFY(pollUntil(
                [&] {
                    const QByteArray json = m_s3.aws({QStringLiteral("s3api"), QStringLiteral("head-object"),
                                                      QStringLiteral("--bucket"), QStringLiteral("photo-results"),
                                                      QStringLiteral("--key"), QStringLiteral("thumb/photo.jpg")});
                    head = QJsonDocument::fromJson(json).object();
                    return !json.isNull();
                },
                20000));
            QCOMPARE(head.value(QStringLiteral("ContentType")).toString(), QStringLiteral("image/jpeg"));
            QCOMPARE(head.value(QStringLiteral("ContentLength")).toInteger(), firstBody.size());
            const QJsonObject meta = head.value(QStringLiteral("Metadata")).toObject();
            QCOMPARE(meta.value(QStringLiteral("public-width")).toString(), QStringLiteral("320"));
            QCOMPARE(meta.value(QStringLiteral("public-height")).toString(), QStringLiteral("213"));
            QVERIFY(pollUntil([&] { return metric(server.internalAddress(), "mort_tasks_live{kind=\"store\"}") == 0; },
                              10000));
            QCOMPARE(metric(server.internalAddress(), "mort_tasks_live{kind=\"fetch\"}"), 0.0);
        }
        ServerProcess second;
        const QString why = second.start(QStringLiteral(MORT_SERVER_BINARY), m_configPath);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        RawHttpClient client(second.publicAddress());
        const Reply r = client.request("GET", "/photos/thumb/photo.jpg");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, firstBody);
        QCOMPARE(r.header("Content-Type"), QByteArray("image/jpeg"));
        QCOMPARE(r.header("x-amz-meta-public-width"), QByteArray("320"));
        QCOMPARE(metric(second.internalAddress(), "mort_transforms_total"), 0.0); // read back, not transformed
    }

    void gibibyteOriginalStreamsWithFlatMemoryAndAbortLeavesNoFetch()
    {
        // 1 GiB of a repeating pattern, seeded by awscli.
        const qint64 size = qint64(1) << 30;
        const QString big = m_dir.filePath(QStringLiteral("big.bin"));
        {
            QFile f(big);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QByteArray chunk(1 << 20, Qt::Uninitialized);
            for (int i = 0; i < chunk.size(); ++i)
                chunk[i] = char(i * 31);
            for (qint64 written = 0; written < size; written += chunk.size())
                QCOMPARE(f.write(chunk), qint64(chunk.size()));
        }
        QVERIFY2(upload(big, QStringLiteral("photo-originals"), QStringLiteral("big.bin")), qPrintable(m_s3.error()));
        QFile::remove(big);

        ServerProcess server;
        const QString why = server.start(QStringLiteral(MORT_SERVER_BINARY), m_configPath);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        const double rssBefore = metric(server.internalAddress(), "process_resident_memory_bytes");
        QVERIFY(rssBefore > 0);

        // Whole object, read as it arrives (never held by the client either).
        {
            RawHttpClient client(server.publicAddress(), 10000);
            QVERIFY(client.isConnected());
            QVERIFY(client.send(RawHttpClient::requestBytes("GET", "/photos/big.bin")));
            QTcpSocket *socket = client.tcp();
            QByteArray head;
            while (!head.contains("\r\n\r\n") && socket->waitForReadyRead(120000))
                head += socket->readAll();
            QVERIFY2(head.startsWith("HTTP/1.1 200"), head.left(200).constData());
            QVERIFY(head.contains("Content-Length: 1073741824"));
            qint64 received = head.size() - (head.indexOf("\r\n\r\n") + 4);
            double rssPeak = 0;
            QElapsedTimer sampled;
            sampled.start();
            while (received < size && socket->waitForReadyRead(30000)) {
                received += socket->readAll().size();
                if (sampled.elapsed() > 200) {
                    rssPeak = qMax(rssPeak, metric(server.internalAddress(), "process_resident_memory_bytes"));
                    sampled.restart();
                }
            }
            QCOMPARE(received, size);
            const double growth = rssPeak - rssBefore;
            qInfo("RSS before %.1f MiB, peak during the 1 GiB download %.1f MiB (growth %.1f MiB)", rssBefore / 1048576,
                  rssPeak / 1048576, growth / 1048576);
            // RSS budgets need the real allocator (tests/sanitizers.h).
            QVERIFY2(kUnderSanitizer || growth < 64.0 * 1048576, qPrintable(QString::number(growth / 1048576)));
        }

        // A client that leaves after the first bytes: nothing keeps fetching.
        {
            RawHttpClient client(server.publicAddress(), 10000);
            QVERIFY(client.send(RawHttpClient::requestBytes("GET", "/photos/big.bin")));
            QVERIFY(client.tcp()->waitForReadyRead(120000));
            client.abort();
        }
        QVERIFY(pollUntil([&] { return metric(server.internalAddress(), "mort_tasks_live{kind=\"fetch\"}") == 0; },
                          120000));
        QVERIFY(pollUntil([&] { return metric(server.internalAddress(), "mort_tasks_live{kind=\"request\"}") == 0; },
                          30000));
    }
};

QTEST_GUILESS_MAIN(TestS3MortServer)
#include "tst_s3mortserver.moc"
