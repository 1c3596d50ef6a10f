// Originals through the real engine (spec http-behaviour.md §2, §3.1, §3.2, §4):
// GET/HEAD of stored objects with storage-derived headers, the 404 and 400
// error shapes, and CORS + Accept-Ranges on every object-handler response.
#include "testserver.h"

#include <QCryptographicHash>
#include <QDateTime>

#include <ctime>

using namespace mort;
using namespace mort::test;

namespace {

const QString kConfig = QStringLiteral(R"yaml(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "localhost:0"
buckets:
  media:
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@"}
)yaml");

constexpr qint64 kPhotoBytes = 75759; // photos/photo_800x600.jpg
constexpr qint64 kWebpBytes = 43388;  // photos/photo_1200x800.webp

// All stored files get this mtime, so ETag and Last-Modified are exact values.
const QDateTime kMtime(QDate(2024, 5, 1), QTime(10, 0, 0), Qt::UTC);
// Go's time.String() of that mtime in UTC; local-meta ETag = W/"md5(text)".
const QByteArray kExpectedEtag =
    "W/\"" + QCryptographicHash::hash("2024-05-01 10:00:00 +0000 UTC", QCryptographicHash::Md5).toHex() + '"';
const QByteArray kExpectedLastModified = "Wed, 01 May 2024 10:00:00 GMT";

// Mort's local-meta header: 0x12 0x34 0x01 | uint32 LE length | msgpack map<str,str>.
QByteArray localMetaHeader(const QList<QPair<QByteArray, QByteArray>> &map)
{
    QByteArray pack;
    pack += char(0x80 | map.size()); // fixmap
    auto str = [&pack](const QByteArray &s) {
        if (s.size() < 32) {
            pack += char(0xa0 | s.size()); // fixstr
        } else {
            pack += char(0xd9); // str8
            pack += char(s.size());
        }
        pack += s;
    };
    for (const auto &kv : map) {
        str(kv.first);
        str(kv.second);
    }
    QByteArray out("\x12\x34\x01", 3);
    const quint32 n = quint32(pack.size());
    for (int i = 0; i < 4; ++i)
        out += char((n >> (8 * i)) & 0xff);
    return out + pack;
}

} // namespace

class TestOriginals : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    QByteArray m_photo;

    void startServer()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->addFile(QStringLiteral("photos/photo_800x600.jpg"), QStringLiteral("media/photo.jpg")));
        QVERIFY(m_server->addFile(QStringLiteral("photos/photo_800x600.jpg"), QStringLiteral("media/dir/nested.jpg")));
        // An object without an extension whose type lives in local-meta metadata.
        QFile webp(testDataPath(QStringLiteral("photos/photo_1200x800.webp")));
        QVERIFY(webp.open(QIODevice::ReadOnly));
        QFile stored(m_server->path(QStringLiteral("media/stored/item")));
        QDir().mkpath(m_server->path(QStringLiteral("media/stored")));
        QVERIFY(stored.open(QIODevice::WriteOnly));
        stored.write(localMetaHeader({{"content-type", "image/webp"}, {"x-amz-meta-owner", "alice"}}));
        stored.write(webp.readAll());
        stored.close();
        for (const QString &f : {QStringLiteral("media/photo.jpg"), QStringLiteral("media/dir/nested.jpg"),
                                 QStringLiteral("media/stored/item")}) {
            QFile file(m_server->path(f));
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.setFileTime(kMtime, QFileDevice::FileModificationTime));
        }
        MORT_START(*m_server, kConfig);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Go prints file mtimes in the local zone: pin it so the ETag text is known.
        qputenv("TZ", "UTC");
        tzset();
        QFile photo(testDataPath(QStringLiteral("photos/photo_800x600.jpg")));
        QVERIFY(photo.open(QIODevice::ReadOnly));
        m_photo = photo.readAll();
        QCOMPARE(m_photo.size(), kPhotoBytes);
    }

    void init() { startServer(); }
    void cleanup() { m_server.reset(); }

    void getOriginalReturnsBytesWithStorageHeaders()
    {
        const Reply r = m_server->get("/media/photo.jpg");
        QCOMPARE(r.status, 200);
        QVERIFY(r.complete);
        QCOMPARE(r.body, m_photo);
        QCOMPARE(r.header("Content-Type"), QByteArray("image/jpeg"));
        QCOMPARE(r.header("Content-Length"), QByteArray::number(kPhotoBytes));
        QCOMPARE(r.header("ETag"), kExpectedEtag);
        QCOMPARE(r.header("Last-Modified"), kExpectedLastModified);
        QVERIFY(r.has("Date"));
        QVERIFY(!r.has("X-Mort-Error"));
        QVERIFY(!r.has("Cache-Control")); // no header rules configured
    }

    // maxFileSize: Mort answers 307 to a presigned URL of the storage, and 503
    // when the storage cannot presign -- which no storage we have can.
    void originalOverMaxFileSizeIs503WithoutPresign()
    {
        TestServer server;
        QVERIFY(server.addFile(QStringLiteral("photos/photo_800x600.jpg"), QStringLiteral("media/photo.jpg")));
        QVERIFY(server.addFile(QStringLiteral("watermark/logo_200x80.png"), QStringLiteral("media/logo.png")));
        MORT_START(server,
                   QString(kConfig).replace(QLatin1String("server:\n"),
                                            QStringLiteral("server:\n  maxFileSize: %1\n").arg(kPhotoBytes - 1)));
        const Reply big = server.get("/media/photo.jpg");
        QCOMPARE(big.status, 503);
        QCOMPARE(big.header("X-Mort-Error"), QByteArray("storage.presign_unsupported"));
        QCOMPARE(big.body, QByteArray("{\"message\": \"error\"}"));
        const Reply small = server.get("/media/logo.png"); // under the limit: served
        QCOMPARE(small.status, 200);
        QCOMPARE(small.header("Content-Type"), QByteArray("image/png"));
    }

    void getNestedKey()
    {
        const Reply r = m_server->get("/media/dir/nested.jpg");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, m_photo);
    }

    void getUsesStoredLocalMetaContentTypeAndXHeaders()
    {
        const Reply r = m_server->get("/media/stored/item");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Type"), QByteArray("image/webp"));
        QCOMPARE(r.header("Content-Length"), QByteArray::number(kWebpBytes));
        QCOMPARE(r.header("x-amz-meta-owner"), QByteArray("alice"));
        QCOMPARE(r.header("ETag"), kExpectedEtag);
        const Decoded d = decodeImage(r.body);
        QVERIFY(d.ok);
        QCOMPARE(d.loader, QByteArray("webpload_buffer"));
        QCOMPARE(d.width, 1200);
        QCOMPARE(d.height, 800);
    }

    void headOriginalSendsSameHeadersWithoutBody()
    {
        RawHttpClient client(m_server->address());
        QVERIFY(client.isConnected());
        const Reply head = client.request("HEAD", "/media/photo.jpg");
        QCOMPARE(head.status, 200);
        QCOMPARE(head.header("Content-Type"), QByteArray("image/jpeg"));
        QCOMPARE(head.header("Content-Length"), QByteArray::number(kPhotoBytes));
        QCOMPARE(head.header("ETag"), kExpectedEtag);
        QCOMPARE(head.header("Last-Modified"), kExpectedLastModified);
        for (const auto &h : corsHeaders())
            QCOMPARE(head.header(h.first), h.second);
        QVERIFY(head.body.isEmpty());
        QVERIFY(client.leftover().isEmpty()); // no body bytes follow a HEAD response
        // Same connection: the next response starts right after the HEAD headers.
        const Reply next = client.request("GET", "/media/photo.jpg");
        QCOMPARE(next.status, 200);
        QCOMPARE(next.body.size(), kPhotoBytes);
    }

    void missingObjectIs404ItemNotFound_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("GET missing key") << QByteArray("GET") << QByteArray("/media/nope.jpg");
        QTest::newRow("GET missing nested key") << QByteArray("GET") << QByteArray("/media/dir/nope.jpg");
        QTest::newRow("HEAD missing key") << QByteArray("HEAD") << QByteArray("/media/nope.jpg");
    }
    void missingObjectIs404ItemNotFound()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        const Reply r = m_server->request(method, target);
        QCOMPARE(r.status, 404);
        QCOMPARE(r.header("Content-Type"), QByteArray("text/plain"));
        if (method == "GET")
            QCOMPARE(r.body, QByteArray("{\"error\":\"item not found\"}"));
        QCOMPARE(r.header("Content-Length"), QByteArray::number(26));
        for (const auto &h : corsHeaders())
            QCOMPARE(r.header(h.first), h.second);
    }

    void directoryKeyIs404EmptyXml()
    {
        const Reply r = m_server->get("/media/dir");
        QCOMPARE(r.status, 404);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/xml"));
        QCOMPARE(r.body, QByteArray());
    }

    void unknownBucketIs400WithoutCors_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("GET object of unknown bucket") << QByteArray("GET") << QByteArray("/other/photo.jpg");
        QTest::newRow("HEAD object of unknown bucket") << QByteArray("HEAD") << QByteArray("/other/photo.jpg");
        QTest::newRow("favicon is an object of bucket favicon.ico") << QByteArray("GET") << QByteArray("/favicon.ico");
    }
    void unknownBucketIs400WithoutCors()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        const Reply r = m_server->request(method, target);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        if (method == "GET")
            QCOMPARE(r.body, QByteArray("{\"message\": \"error\"}"));
        for (const auto &h : corsHeaders())
            QVERIFY2(!r.has(h.first), h.first.constData());
    }

    void corsAndAcceptRangesOnNormalResponses_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("status");
        QTest::newRow("GET 200") << QByteArray("GET") << QByteArray("/media/photo.jpg") << 200;
        QTest::newRow("HEAD 200") << QByteArray("HEAD") << QByteArray("/media/photo.jpg") << 200;
        QTest::newRow("GET 404") << QByteArray("GET") << QByteArray("/media/missing.jpg") << 404;
        QTest::newRow("OPTIONS 405") << QByteArray("OPTIONS") << QByteArray("/media/photo.jpg") << 405;
    }
    void corsAndAcceptRangesOnNormalResponses()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        const Reply r = m_server->request(method, target);
        QCOMPARE(r.status, status);
        for (const auto &h : corsHeaders()) {
            QCOMPARE(r.header(h.first), h.second);
            QCOMPARE(r.headerCount(h.first), 1);
        }
    }

    void keepAliveServesSeveralRequestsOnOneConnection()
    {
        RawHttpClient client(m_server->address());
        for (int i = 0; i < 3; ++i) {
            const Reply r = client.request("GET", "/media/photo.jpg");
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body.size(), kPhotoBytes);
        }
        QCOMPARE(m_server->engine().stats().http.connectionsAccepted, quint64(1));
    }
};

QTEST_GUILESS_MAIN(TestOriginals)
#include "tst_originals.moc"
