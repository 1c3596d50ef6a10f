// The object pipeline's S3 hookups (issue 18, deliverable 3 and 5), through
// the real engine:
// - maxFileSize: a larger original answers 307 to a presigned URL of the
//   bucket's s3 storage (s3rver), valid 5 h, never cached; following it
//   gives the original's bytes. Smaller ones are served as usual.
// - glacier: an original in an archive class (a loopback origin plays S3 and
//   answers InvalidObjectState) is 503 storage.archived with Retry-After and
//   X-Mort-Glacier-*; S3 is asked to restore it once for many requests, and a
//   transform of it answers the same. mort_glacier_* count both.
// - a storage call stops with its request: a client that leaves while an
//   http origin hangs ends the fetch at once, not at the 30 s idle timeout.
#include "../httporigin/loopbackorigin.h"
#include "../testserver.h"
#include "s3rverprocess.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QUrlQuery>

using namespace mort;
using namespace mort::test;
using namespace mort::testutil;

namespace {

const QByteArray kArchivedXml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>InvalidObjectState</Code>"
                                "<Message>The operation is not valid for the object's storage class</Message>"
                                "<StorageClass>DEEP_ARCHIVE</StorageClass></Error>";

double metric(const QByteArray &text, const QByteArray &name)
{
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(name + ' '))
            return line.mid(name.size() + 1).toDouble();
    }
    return -1;
}

} // namespace

class TestS3Pipeline : public QObject
{
    Q_OBJECT

    S3rverProcess m_s3;
    QTemporaryDir m_dir;
    QByteArray m_photo;

    QString s3Storage(const QString &endpoint) const
    {
        return QStringLiteral(
                   R"({kind: "s3", accessKey: "%1", secretAccessKey: "%2", region: "us-east-1", endpoint: "%3", bucket: "originals"})")
            .arg(QLatin1String(S3rverProcess::kAccessKey), QLatin1String(S3rverProcess::kSecretKey), endpoint);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile photo(testDataPath(QStringLiteral("photos/photo_1920x1280.jpg")));
        QVERIFY(photo.open(QIODevice::ReadOnly));
        m_photo = photo.readAll();
        if (!m_s3.start({QStringLiteral("originals")}))
            QFAIL(qPrintable(m_s3.error()));
        const QString file = m_dir.filePath(QStringLiteral("photo.jpg"));
        QVERIFY(QFile::copy(testDataPath(QStringLiteral("photos/photo_1920x1280.jpg")), file));
        for (const QString &key : {QStringLiteral("big.jpg"), QStringLiteral("small.txt")}) {
            const QString body =
                key.endsWith(QLatin1String(".txt")) ? m_dir.filePath(QStringLiteral("small.txt")) : file;
            if (key.endsWith(QLatin1String(".txt"))) {
                QFile small(body);
                QVERIFY(small.open(QIODevice::WriteOnly));
                small.write("tiny");
            }
            QVERIFY2(
                !m_s3.aws({QStringLiteral("s3api"), QStringLiteral("put-object"), QStringLiteral("--bucket"),
                           QStringLiteral("originals"), QStringLiteral("--key"), key, QStringLiteral("--body"), body})
                     .isNull(),
                qPrintable(m_s3.error()));
        }
    }

    void largerThanMaxFileSizeRedirectsToPresignedUrl()
    {
        TestServer server;
        MORT_START(server,
                   QStringLiteral(R"yaml(server:
  listens: ["127.0.0.1:0"]
  maxFileSize: 1000
buckets:
  media:
    transform: {kind: "query"}
    storages:
      basic: %1
      transform: {kind: "noop"}
)yaml")
                       .arg(s3Storage(m_s3.endpoint())));
        for (int round = 0; round < 2; ++round) { // the second is not a cache hit
            const Reply big = server.get("/media/big.jpg");
            QCOMPARE(big.status, 307);
            QVERIFY(!big.has("x-mort-cache"));
            const QUrl location(QString::fromUtf8(big.header("Location")));
            QCOMPARE(location.host(), QStringLiteral("127.0.0.1"));
            QCOMPARE(location.port(), int(m_s3.port()));
            QCOMPARE(location.path(), QStringLiteral("/originals/big.jpg"));
            const QUrlQuery query(location);
            QCOMPARE(query.queryItemValue(QStringLiteral("X-Amz-Expires")), QStringLiteral("18000"));
            QVERIFY(!query.queryItemValue(QStringLiteral("X-Amz-Signature")).isEmpty());
            // The presigned URL serves the original without credentials.
            QNetworkAccessManager nam;
            QNetworkReply *followed = nam.get(QNetworkRequest(location));
            QSignalSpy done(followed, &QNetworkReply::finished);
            QVERIFY(done.wait(10'000));
            QCOMPARE(followed->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            QCOMPARE(followed->readAll(), m_photo);
            followed->deleteLater();
        }
        const Reply small = server.get("/media/small.txt");
        QCOMPARE(small.status, 200);
        QCOMPARE(small.body, QByteArray("tiny"));
        // A transform reads its parent however large it is (maxFileSize is about originals served as they are).
        const Reply resized = server.get("/media/big.jpg?operation=resize&width=120");
        QCOMPARE(resized.status, 200);
        QCOMPARE(decodeImage(resized.body).width, 120);
    }

    void archivedOriginalIsRestoredOnce()
    {
        LoopbackOrigin s3;
        s3.route("/originals/old.jpg", {403, kArchivedXml, {{"Content-Type", "application/xml"}}, OriginRoute::Normal});
        s3.route("/originals/old.jpg?restore=", {202, {}, {}, OriginRoute::Normal});
        TestServer server;
        MORT_START(server,
                   QStringLiteral(R"yaml(server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
buckets:
  media:
    transform: {kind: "query"}
    glacier: {enabled: true, restoreTier: "Bulk", restoreDays: 2}
    storages:
      basic: %1
      transform: {kind: "noop"}
)yaml")
                       .arg(s3Storage(s3.base())));
        const QList<QByteArray> targets{"/media/old.jpg", "/media/old.jpg", "/media/old.jpg?operation=resize&width=100",
                                        "/media/old.jpg"};
        for (const QByteArray &target : targets) {
            const Reply r = server.get(target);
            QCOMPARE(r.status, 503);
            QCOMPARE(r.header("X-Mort-Error"), QByteArray("storage.archived"));
            QCOMPARE(r.header("X-Mort-Glacier-Status"), QByteArray("restoring"));
            QCOMPARE(r.header("X-Mort-Glacier-Tier"), QByteArray("Bulk"));
            QCOMPARE(r.header("X-Mort-Storage-Class"), QByteArray("DEEP_ARCHIVE"));
            QVERIFY(r.header("Retry-After").toInt() > 1);
        }
        int restores = 0;
        for (const SeenRequest &seen : s3.seen())
            restores += seen.method == "POST" && seen.path == "/originals/old.jpg?restore=" ? 1 : 0;
        QCOMPARE(restores, 1);
        RawHttpClient internal(server.internalAddress());
        const Reply metrics = internal.request("GET", "/metrics", {});
        QCOMPARE(metric(metrics.body, "mort_glacier_error_detected"), double(targets.size()));
        QCOMPARE(metric(metrics.body, "mort_glacier_restore_initiated"), 1.0);
    }

    void archivedWithoutGlacierIsAPlain503()
    {
        LoopbackOrigin s3;
        s3.route("/originals/old.jpg", {403, kArchivedXml, {{"Content-Type", "application/xml"}}, OriginRoute::Normal});
        TestServer server;
        MORT_START(server,
                   QStringLiteral(R"yaml(server:
  listens: ["127.0.0.1:0"]
buckets:
  media:
    transform: {kind: "query"}
    storages:
      basic: %1
      transform: {kind: "noop"}
)yaml")
                       .arg(s3Storage(s3.base())));
        const Reply r = server.get("/media/old.jpg");
        QCOMPARE(r.status, 503);
        QCOMPARE(r.header("X-Mort-Error"), QByteArray("storage.archived"));
        QVERIFY(!r.has("X-Mort-Glacier-Status"));
        for (const SeenRequest &seen : s3.seen())
            QVERIFY(seen.method != "POST");
    }

    void storageCallStopsWhenTheClientLeaves()
    {
        LoopbackOrigin origin;
        origin.route("/hang.jpg", {200, {}, {}, OriginRoute::Silent});
        TestServer server;
        MORT_START(server,
                   QStringLiteral(R"yaml(server:
  listens: ["127.0.0.1:0"]
buckets:
  media:
    transform: {kind: "query"}
    storages:
      basic: {kind: "http", url: "%1<item>"}
      transform: {kind: "noop"}
)yaml")
                       .arg(origin.base()));
        Engine &engine = server.engine();
        {
            RawHttpClient client(server.address());
            QVERIFY(client.send(RawHttpClient::requestBytes("GET", "/media/hang.jpg")));
            QVERIFY(pollUntil([&] { return origin.seen().size() == 1; }, 10000)); // the fetch is waiting on the origin
            QCOMPARE(engine.tasks().live(TaskKind::Fetch), qint64(1));
        } // the client leaves
        QElapsedTimer timer;
        timer.start();
        // Before the call scope, the fetch waited out the storage's 30 s idle timeout.
        QVERIFY2(pollUntil([&] { return engine.tasks().live(TaskKind::Fetch) == 0; }, 5000),
                 qPrintable(QString::number(engine.tasks().live(TaskKind::Fetch))));
        qInfo("fetch ended %lld ms after the client left", timer.elapsed());
    }
};

QTEST_GUILESS_MAIN(TestS3Pipeline)
#include "tst_s3pipeline.moc"
