// Transformed images through the real engine (spec urls-and-transforms.md §2-5,
// http-behaviour.md §2, §3.3, §6): presets, presets-query and query buckets,
// exact output sizes decoded with libvips, generated-response headers, the
// result stored in the transform storage and served from there next time.
// Built three times (MORT_ORIGINALS_VIA): originals in local-meta, behind a
// loopback HTTP origin (`kind: http`) and in S3 (s3rver): a bucket whose
// originals are remote transforms, caches and stores exactly like a local one.
#include "originalssource.h"
#include "testserver.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRegularExpression>

using namespace mort;
using namespace mort::test;

namespace {

// photo.jpg is photos/photo_1920x1280.jpg (3:2, so proportional sizes are exact).
const QString kConfig = QStringLiteral(R"yaml(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "localhost:0"
buckets:
  pre:
    transform:
      kind: "presets"
      path: "\\/(?P<presetName>[a-z0-9_]+)\\/(?P<parent>[a-zA-Z0-9_\\-\\.]+)"
      parentBucket: "pre"
      presets:
        thumb:
          quality: 75
          filters:
            thumbnail: {width: 480}
        box:
          filters:
            crop: {width: 200, height: 150, gravity: center}
        gray:
          filters:
            thumbnail: {width: 240}
            grayscale: true
        webp:
          format: webp
          filters:
            thumbnail: {width: 300}
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
      transform: {kind: "local-meta", rootPath: "@ROOT@/results"}
  pq:
    transform:
      kind: "presets-query"
      path: "\\/(?P<presetName>[a-z0-9_]+)\\/(?P<parent>[a-zA-Z0-9_\\-\\.]+)"
      parentBucket: "pq"
      presets:
        thumb:
          filters:
            thumbnail: {width: 480}
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
      transform: {kind: "local-meta", rootPath: "@ROOT@/results"}
  q:
    transform:
      kind: "query"
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
      transform: {kind: "local-meta", rootPath: "@ROOT@/results"}
  cl:
    transform:
      kind: "cloudinary"
      path: "\\/(?P<transformations>[^/]*)\\/(?P<parent>[a-zA-Z0-9_,\\-\\./]+)"
      parentBucket: "cl"
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
      transform: {kind: "local-meta", rootPath: "@ROOT@/results"}
)yaml");

} // namespace

class TestTransforms : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    OriginalsSource m_originals;

private Q_SLOTS:
    void initTestCase()
    {
        const QString why = m_originals.start();
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }
    void init()
    {
        m_server = std::make_unique<TestServer>();
        const QStringList buckets{QStringLiteral("pre"), QStringLiteral("pq"), QStringLiteral("q"),
                                  QStringLiteral("cl")};
        for (const QString &bucket : buckets)
            QVERIFY(m_originals.add(*m_server, QStringLiteral("photos/photo_1920x1280.jpg"), bucket,
                                    QStringLiteral("photo.jpg")));
        QVERIFY(m_originals.add(*m_server, QStringLiteral("photos/photo_1920x1280.jpg"), QStringLiteral("q"),
                                QStringLiteral("notes.txt")));
        MORT_START(*m_server, m_originals.rewrite(kConfig, buckets));
    }
    void cleanup() { m_server.reset(); }

    void transformHasExactOutput_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("bands");

        QTest::newRow("presets: thumbnail width 480 keeps 3:2")
            << QByteArray("/pre/thumb/photo.jpg") << QByteArray("image/jpeg") << 480 << 320 << 3;
        QTest::newRow("presets: crop 200x150 centre")
            << QByteArray("/pre/box/photo.jpg") << QByteArray("image/jpeg") << 200 << 150 << 3;
        QTest::newRow("presets: grayscale is one band")
            << QByteArray("/pre/gray/photo.jpg") << QByteArray("image/jpeg") << 240 << 160 << 1;
        QTest::newRow("presets: format webp")
            << QByteArray("/pre/webp/photo.jpg") << QByteArray("image/webp") << 300 << 200 << 3;
        QTest::newRow("presets-query: preset")
            << QByteArray("/pq/thumb/photo.jpg") << QByteArray("image/jpeg") << 480 << 320 << 3;
        QTest::newRow("presets-query: query resize width 300")
            << QByteArray("/pq/photo.jpg?operation=resize&width=300") << QByteArray("image/jpeg") << 300 << 200 << 3;
        QTest::newRow("query: operation=resize width 300")
            << QByteArray("/q/photo.jpg?operation=resize&width=300") << QByteArray("image/jpeg") << 300 << 200 << 3;
        QTest::newRow("query: implicit resize by height")
            << QByteArray("/q/photo.jpg?height=100") << QByteArray("image/jpeg") << 150 << 100 << 3;
        QTest::newRow("query: width and height stretch to exactly that size")
            << QByteArray("/q/photo.jpg?width=300&height=100") << QByteArray("image/jpeg") << 300 << 100 << 3;
        QTest::newRow("query: crop 200x200") << QByteArray("/q/photo.jpg?operation=crop&width=200&height=200")
                                             << QByteArray("image/jpeg") << 200 << 200 << 3;
        QTest::newRow("query: format=webp")
            << QByteArray("/q/photo.jpg?width=300&format=webp") << QByteArray("image/webp") << 300 << 200 << 3;
        QTest::newRow("query: format=png")
            << QByteArray("/q/photo.jpg?width=120&format=png") << QByteArray("image/png") << 120 << 80 << 3;
        QTest::newRow("query: grayscale")
            << QByteArray("/q/photo.jpg?width=300&grayscale") << QByteArray("image/jpeg") << 300 << 200 << 1;
        QTest::newRow("query: rotate 90 before resize")
            << QByteArray("/q/photo.jpg?operation=rotate&angle=90&operation=resize&width=200")
            << QByteArray("image/jpeg") << 200 << 300 << 3;
        // Regression: the auto-crop was measured on the unturned sides (400).
        QTest::newRow("query: rotate 90 with resizeCropAuto")
            << QByteArray("/q/photo.jpg?operation=rotate&angle=90&operation=resizeCropAuto&width=200&height=200")
            << QByteArray("image/jpeg") << 200 << 200 << 3;
    }
    void transformHasExactOutput()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, contentType);
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, bands);

        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        const Reply r = m_server->get(target);
        QCOMPARE(r.status, 200);
        QVERIFY(r.complete);
        QCOMPARE(r.header("Content-Type"), contentType);
        QCOMPARE(r.header("Content-Length"), QByteArray::number(r.body.size()));
        const Decoded d = decodeImage(r.body);
        QVERIFY(d.ok);
        QCOMPARE(d.width, width);
        QCOMPARE(d.height, height);
        QCOMPARE(d.bands, bands);
        QCOMPARE(r.header("x-amz-meta-public-width"), QByteArray::number(width));
        QCOMPARE(r.header("x-amz-meta-public-height"), QByteArray::number(height));
        // Peer C4: a quoted strong ETag of the body.
        QCOMPARE(r.header("ETag"), '"' + QCryptographicHash::hash(r.body, QCryptographicHash::Md5).toHex() + '"');
        const QDateTime lastModified = parseHttpDate(r.header("Last-Modified"));
        QVERIFY2(lastModified.isValid(), r.header("Last-Modified").constData());
        QVERIFY(lastModified >= before.addSecs(-1));
        QVERIFY(lastModified <= QDateTime::currentDateTimeUtc().addSecs(1));
        QVERIFY(r.header("Last-Modified").endsWith(" GMT"));
        for (const auto &h : corsHeaders())
            QCOMPARE(r.header(h.first), h.second);
        QVERIFY(!r.has("Vary")); // webp plugin not enabled
        QCOMPARE(m_server->engine().stats().transformsExecuted, quint64(1));
    }

    // Cloudinary URLs (spec §2.4). A parent key that matches the bucket's
    // regex again is a chained transformation: each `/`-separated group is one
    // link of the parent chain, merged into one pass as Mort does (§5.3).
    void cloudinaryUrls_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("transforms");

        QTest::newRow("c_fit: inside the box, never enlarged")
            << QByteArray("/cl/c_fit,w_300,h_300/photo.jpg") << 300 << 200 << 1;
        QTest::newRow("c_fit: width only") << QByteArray("/cl/c_fit,w_200/photo.jpg") << 200 << 133 << 1;
        // Mort's quirk kept for compatibility: without enlarge, crop or embed the
        // resize is "forced" (spec §5.2 step 3), so c_fit upscales a small
        // image; preserveAspectRatio first drops the height (1920/4000 = 0 =
        // 1280/4000 in integer division).
        QTest::newRow("c_fit: box larger than the image upscales, as Mort")
            << QByteArray("/cl/c_fit,w_4000,h_4000/photo.jpg") << 4000 << 2667 << 1;
        QTest::newRow("c_fill: exactly the box") << QByteArray("/cl/c_fill,w_100,h_100/photo.jpg") << 100 << 100 << 1;
        QTest::newRow("c_fill: unknown qualifiers are ignored")
            << QByteArray("/cl/c_fill,w_120,h_90,q_auto,f_auto/photo.jpg") << 120 << 90 << 1;
        QTest::newRow("c_crop: smart crop to the box")
            << QByteArray("/cl/c_crop,w_300,h_200/photo.jpg") << 300 << 200 << 1;
        QTest::newRow("empty transformations: the original unchanged")
            << QByteArray("/cl//photo.jpg") << 1920 << 1280 << 0;
        // Chain: object c_fit w_200 over parent c_fill 400x300. Merged root
        // first, later values win where set: width 200 (object), height 300,
        // fill and enlarge (parent) -> one fill pass to 200x300.
        QTest::newRow("chain: two groups merged into one pass")
            << QByteArray("/cl/c_fit,w_200/c_fill,w_400,h_300/photo.jpg") << 200 << 300 << 1;
        // Three links merge into resize(64, 64, fill, enlarge, preserve) plus the
        // root's crop flag: the fill pass cuts 1280x1280; preserveAspectRatio then
        // drops the height (1280/64 = 1280/64), and a crop with only a width keeps
        // the input height (§5.2 step 4) -> 64x1280, exactly what Mort serves.
        QTest::newRow("chain: three groups merge flags from every link")
            << QByteArray("/cl/c_fill,w_64,h_64/c_fit,w_500/c_crop,w_800,h_600/photo.jpg") << 64 << 1280 << 1;
    }
    void cloudinaryUrls()
    {
        QFETCH(QByteArray, target);
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, transforms);
        const Reply r = m_server->get(target);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Type"), QByteArray("image/jpeg"));
        const Decoded d = decodeImage(r.body);
        QVERIFY(d.ok);
        QCOMPARE(d.width, width);
        QCOMPARE(d.height, height);
        QCOMPARE(m_server->engine().stats().transformsExecuted, quint64(transforms));
    }

    void invalidCloudinaryUrlIs400_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("code");
        QTest::newRow("token without '_'")
            << QByteArray("/cl/c_fit,w200/photo.jpg") << QByteArray("cloudinary.bad_token");
        QTest::newRow("crop mode Mort does not have")
            << QByteArray("/cl/c_scale,w_200/photo.jpg") << QByteArray("cloudinary.not_implemented");
        QTest::newRow("gravity qualifier")
            << QByteArray("/cl/c_fill,w_20,h_20,g_face/photo.jpg") << QByteArray("cloudinary.not_implemented");
        QTest::newRow("negative width") << QByteArray("/cl/c_fit,w_-20/photo.jpg")
                                        << QByteArray("cloudinary.bad_value");
        QTest::newRow("bad link deeper in a chain")
            << QByteArray("/cl/c_fit,w_200/c_fill,w_x/photo.jpg") << QByteArray("cloudinary.bad_value");
    }
    void invalidCloudinaryUrlIs400()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, code);
        const Reply r = m_server->get(target);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body, QByteArray("{\"message\": \"error\"}"));
        QCOMPARE(r.header("X-Mort-Error"), code);
        QCOMPARE(m_server->engine().stats().transformsExecuted, quint64(0));
    }

    void headOfTransformGeneratesWithoutBody()
    {
        RawHttpClient client(m_server->address());
        const Reply head = client.request("HEAD", "/q/photo.jpg?width=300");
        QCOMPARE(head.status, 200);
        QCOMPARE(head.header("Content-Type"), QByteArray("image/jpeg"));
        QCOMPARE(head.header("x-amz-meta-public-width"), QByteArray("300"));
        QVERIFY(head.header("Content-Length").toLongLong() > 0);
        QVERIFY(client.leftover().isEmpty());
    }

    void invalidTransformRequestIs400_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("code");
        QTest::newRow("presets: unknown preset") << QByteArray("/pre/nope/photo.jpg") << QByteArray("preset.unknown");
        QTest::newRow("query: width=0") << QByteArray("/q/photo.jpg?width=0") << QByteArray("query.bad_width");
        QTest::newRow("query: width=-5") << QByteArray("/q/photo.jpg?width=-5") << QByteArray("query.bad_width");
        QTest::newRow("query: width=abc") << QByteArray("/q/photo.jpg?width=abc") << QByteArray("query.bad_width");
        QTest::newRow("query: quality=0")
            << QByteArray("/q/photo.jpg?width=10&quality=0") << QByteArray("query.bad_quality");
        QTest::newRow("query: format=bmp")
            << QByteArray("/q/photo.jpg?width=10&format=bmp") << QByteArray("query.bad_format");
        QTest::newRow("query: angle=45") << QByteArray("/q/photo.jpg?operation=rotate&angle=45")
                                         << QByteArray("query.bad_angle");
        QTest::newRow("query: resize without size")
            << QByteArray("/q/photo.jpg?operation=resize") << QByteArray("query.bad_size");
        QTest::newRow("query: sigma 0") << QByteArray("/q/photo.jpg?operation=blur&sigma=0")
                                        << QByteArray("query.bad_sigma");
    }
    void invalidTransformRequestIs400()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, code);
        const Reply r = m_server->get(target);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body, QByteArray("{\"message\": \"error\"}"));
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(r.header("X-Mort-Error"), code);
        QVERIFY(!r.has("Access-Control-Allow-Origin")); // parse errors get no CORS
        QCOMPARE(m_server->engine().stats().transformsExecuted, quint64(0));
    }

    void notFoundTransformRequests_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("presets-query: unknown preset falls through to a plain missing key")
            << QByteArray("/pq/nope/photo.jpg");
        QTest::newRow("presets: missing parent") << QByteArray("/pre/thumb/missing.jpg");
        QTest::newRow("query: missing parent") << QByteArray("/q/missing.jpg?width=100");
        QTest::newRow("query: parent is not an image") << QByteArray("/q/notes.txt?width=100");
    }
    void notFoundTransformRequests()
    {
        QFETCH(QByteArray, target);
        const Reply r = m_server->get(target);
        QCOMPARE(r.status, 404);
        QCOMPARE(r.body, QByteArray("{\"error\":\"item not found\"}"));
        QCOMPARE(r.header("Content-Type"), QByteArray("text/plain"));
        QCOMPARE(m_server->engine().stats().transformsExecuted, quint64(0));
    }

    void queryWithoutOperationsServesOriginal()
    {
        const Reply r = m_server->get("/q/photo.jpg?v=123");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.size(), qsizetype(311044));
        if (OriginalsSource::isLocal())
            QVERIFY(r.header("ETag").startsWith("W/\"")); // local-meta's ETag; remote ones carry the origin's
        else
            QVERIFY(!r.header("ETag").isEmpty());
        QCOMPARE(m_server->engine().stats().transformsExecuted, quint64(0));
    }

    void resultIsStoredAndServedFromTransformStorage_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QString>("storedUnder"); // below <root>/results
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        // presets: resultKey "" keeps the request key.
        QTest::newRow("presets result key is the request key")
            << QByteArray("/pre/thumb/photo.jpg") << QStringLiteral("pre/thumb/photo.jpg") << 480 << 320;
        // query: hashParent -> /<parent key>/<32 hex>.
        QTest::newRow("query result key is hashParent")
            << QByteArray("/q/photo.jpg?operation=resize&width=300") << QStringLiteral("q/photo.jpg") << 300 << 200;
    }
    void resultIsStoredAndServedFromTransformStorage()
    {
        QFETCH(QByteArray, target);
        QFETCH(QString, storedUnder);
        QFETCH(int, width);
        QFETCH(int, height);
        Engine &engine = m_server->engine();

        const Reply first = m_server->get(target);
        QCOMPARE(first.status, 200);
        QCOMPARE(engine.stats().transformsExecuted, quint64(1));
        engine.waitForBackground(10000);
        QCOMPARE(engine.stats().resultsStored, quint64(1));
        QCOMPARE(engine.stats().storeFailures, quint64(0));
        const QFileInfo stored(m_server->path(QStringLiteral("results/") + storedUnder));
        QVERIFY2(stored.exists(), qPrintable(stored.filePath()));
        if (stored.isDir()) {
            QCOMPARE(countFiles(stored.filePath()), 1);
            QDirIterator it(stored.filePath(), QDir::Files);
            QVERIFY(it.hasNext());
            QVERIFY(
                QRegularExpression(QStringLiteral("^[0-9a-f]{32}$")).match(QFileInfo(it.next()).fileName()).hasMatch());
        }
        QCOMPARE(countFiles(m_server->path(QStringLiteral("results"))), 1);

        const Reply second = m_server->get(target);
        QCOMPARE(second.status, 200);
        QCOMPARE(engine.stats().transformsExecuted, quint64(1)); // served from storage, not regenerated
        QCOMPARE(second.body, first.body);
        QCOMPARE(second.header("Content-Type"), first.header("Content-Type"));
        QCOMPARE(second.header("x-amz-meta-public-width"), QByteArray::number(width));
        QCOMPARE(second.header("x-amz-meta-public-height"), QByteArray::number(height));
        QVERIFY(second.header("ETag").startsWith("W/\"")); // local-meta ETag once read back (spec §3.3)
        const Decoded d = decodeImage(second.body);
        QCOMPARE(d.width, width);
        QCOMPARE(d.height, height);
    }
};

QTEST_GUILESS_MAIN(TestTransforms)
#include "tst_transforms.moc"
