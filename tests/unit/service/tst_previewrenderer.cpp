// PreviewRenderer renders exactly what the server serves: the same URL through
// the real Engine over HTTP and through the renderer give the same bytes
// (libvips encoding is deterministic for equal input and parameters, so the
// comparison is byte for byte), the same errors, and honour cancellation.
#include "service/previewrenderer.h"

#include "integration/testserver.h"

#include <QFile>

#include <thread>
#include <vector>

using namespace mort;
using namespace mort::test;

namespace {

const QString kConfig = QStringLiteral(R"yaml(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "localhost:0"
buckets:
  pq:
    transform:
      kind: "presets-query"
      path: "\\/(?P<presetName>[a-z0-9_]+)\\/(?P<parent>[a-zA-Z0-9_\\-\\.]+)"
      parentBucket: "pq"
      resultKey: "hash"
      presets:
        small:
          quality: 75
          filters:
            thumbnail: {width: 150}
            strip: true
        square:
          quality: 85
          filters:
            crop: {width: 300, height: 300, gravity: smart}
        square_webp:
          quality: 80
          format: webp
          filters:
            crop: {width: 300, height: 300, gravity: smart}
        gray_blur:
          filters:
            thumbnail: {width: 400}
            blur: {sigma: 4.0}
            grayscale: true
        rotated_png:
          format: png
          filters:
            rotate: {angle: 90}
            thumbnail: {width: 200}
        auto:
          filters:
            resizeCropAuto: {width: 320, height: 180}
        badformat:
          format: tiff
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
      transform: {kind: "noop"}
)yaml");

QByteArray readTestData(const QString &relative)
{
    QFile f(testDataPath(relative));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestPreviewRenderer : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<PreviewRenderer> m_renderer;
    QByteArray m_photo;

private Q_SLOTS:
    void initTestCase()
    {
        m_photo = readTestData(QStringLiteral("photos/photo_1920x1280.jpg"));
        QVERIFY(!m_photo.isEmpty());
        m_server = std::make_unique<TestServer>();
        QVERIFY(
            m_server->addFile(QStringLiteral("photos/photo_1920x1280.jpg"), QStringLiteral("originals/pq/img.jpg")));
        QVERIFY(
            m_server->addFile(QStringLiteral("watermark/logo_200x80.png"), QStringLiteral("originals/pq/logo.png")));
        MORT_START(*m_server, kConfig);
        // The renderer reads the very config snapshot the engine serves.
        m_renderer = std::make_unique<PreviewRenderer>(m_server->engine().config());
    }
    void cleanupTestCase()
    {
        m_renderer.reset();
        m_server.reset();
    }

    void queryEqualsServer_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::newRow("smart crop, quality 80")
            << QByteArray("operation=crop&width=300&height=300&gravity=smart&quality=80") << QByteArray("image/jpeg")
            << 300 << 300;
        QTest::newRow("implicit resize") << QByteArray("width=300") << QByteArray("image/jpeg") << 300 << 200;
        QTest::newRow("resize + blur + grayscale")
            << QByteArray("operation=resize&operation=blur&width=400&sigma=2.5&grayscale=1") << QByteArray("image/jpeg")
            << 400 << 267;
        QTest::newRow("extract + rotate, png")
            << QByteArray("operation=extract&operation=rotate&top=100&left=200&areaWith=400&areaHeight=300&angle=90"
                          "&format=png")
            << QByteArray("image/png") << 400 << 300; // Mort rotates first, then extracts
        QTest::newRow("crop north, embed, webp")
            << QByteArray("operation=crop&width=500&height=200&gravity=north&embed=true&format=webp")
            << QByteArray("image/webp") << 500 << 200;
        QTest::newRow("watermark from the bucket's storage")
            << QByteArray("operation=resize&operation=watermark&width=600&image=logo.png&position=bottom-right"
                          "&opacity=0.5")
            << QByteArray("image/jpeg") << 600 << 400;
        QTest::newRow("resizeCropAuto") << QByteArray("operation=resizeCropAuto&width=320&height=180")
                                        << QByteArray("image/jpeg") << 320 << 180;
    }
    void queryEqualsServer()
    {
        QFETCH(QByteArray, query);
        QFETCH(QByteArray, contentType);
        QFETCH(int, width);
        QFETCH(int, height);
        const Reply reply = m_server->get("/pq/img.jpg?" + query);
        QCOMPARE(reply.status, 200);
        const PreviewResult result = m_renderer->renderQuery(m_photo, QStringLiteral("pq"), query);
        QVERIFY2(result.ok, qPrintable(result.error.toString()));
        QCOMPARE(result.image.contentType, reply.header("Content-Type"));
        QCOMPARE(result.image.contentType, contentType);
        QCOMPARE(result.image.width, width);
        QCOMPARE(result.image.height, height);
        QCOMPARE(result.image.body.size(), reply.body.size());
        QVERIFY(result.image.body == reply.body); // byte for byte
        QCOMPARE(result.sourceBytes, qint64(m_photo.size()));
        QVERIFY(result.renderMs > 0);
    }

    void presetEqualsServer_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::newRow("small") << QStringLiteral("small") << 150 << 100;
        QTest::newRow("square") << QStringLiteral("square") << 300 << 300;
        QTest::newRow("square_webp") << QStringLiteral("square_webp") << 300 << 300;
        QTest::newRow("gray_blur") << QStringLiteral("gray_blur") << 400 << 267;
        QTest::newRow("rotated_png") << QStringLiteral("rotated_png") << 200 << 300;
        QTest::newRow("auto (resizeCropAuto)") << QStringLiteral("auto") << 320 << 180;
    }
    void presetEqualsServer()
    {
        QFETCH(QString, preset);
        QFETCH(int, width);
        QFETCH(int, height);
        const Reply reply = m_server->get("/pq/" + preset.toLatin1() + "/img.jpg");
        QCOMPARE(reply.status, 200);
        const PreviewResult result = m_renderer->renderPreset(m_photo, QStringLiteral("pq"), preset);
        QVERIFY2(result.ok, qPrintable(result.error.toString()));
        QCOMPARE(result.image.contentType, reply.header("Content-Type"));
        QCOMPARE(result.image.width, width);
        QCOMPARE(result.image.height, height);
        const Decoded decoded = decodeImage(reply.body);
        QVERIFY(decoded.ok);
        QCOMPARE(decoded.width, width);
        QCOMPARE(decoded.height, height);
        QVERIFY(result.image.body == reply.body); // byte for byte
    }

    void errorsEqualServer_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QString>("preset"); // "" = the query of `target`
        QTest::addColumn<QByteArray>("code");
        QTest::newRow("bad angle") << QByteArray("/pq/img.jpg?operation=rotate&angle=45") << QString()
                                   << QByteArray("query.bad_angle");
        QTest::newRow("sigma 0") << QByteArray("/pq/img.jpg?operation=blur&sigma=0") << QString()
                                 << QByteArray("query.bad_sigma");
        QTest::newRow("quality 101") << QByteArray("/pq/img.jpg?width=10&quality=101") << QString()
                                     << QByteArray("query.bad_quality");
        QTest::newRow("watermark URL refused")
            << QByteArray("/pq/img.jpg?operation=watermark&image=http://x/a.png&position=top-left&opacity=1")
            << QString() << QByteArray("image.watermark_unavailable");
        QTest::newRow("extract outside the image")
            << QByteArray("/pq/img.jpg?operation=extract&top=5000&left=0&areaWith=10&areaHeight=10") << QString()
            << QByteArray("image.bad_extract");
    }
    void errorsEqualServer()
    {
        QFETCH(QByteArray, target);
        QFETCH(QString, preset);
        QFETCH(QByteArray, code);
        const Reply reply = m_server->get(target);
        QCOMPARE(reply.header("X-Mort-Error"), code);
        const PreviewResult result =
            m_renderer->renderQuery(m_photo, QStringLiteral("pq"), target.mid(target.indexOf('?') + 1));
        QVERIFY(!result.ok);
        QCOMPARE(result.error.code, code);
        QCOMPARE(result.error.httpStatus, reply.status);
    }

    void presetErrors()
    {
        const PreviewResult unknown = m_renderer->renderPreset(m_photo, QStringLiteral("pq"), QStringLiteral("nope"));
        QVERIFY(!unknown.ok);
        QCOMPARE(unknown.error.code, QByteArray("preset.unknown"));
        QCOMPARE(unknown.error.httpStatus, 400);
        const PreviewResult bad = m_renderer->renderPreset(m_photo, QStringLiteral("pq"), QStringLiteral("badformat"));
        QVERIFY(!bad.ok);
        QCOMPARE(bad.error.code, QByteArray("preset.bad_format"));
        const PreviewResult bucket = m_renderer->renderQuery(m_photo, QStringLiteral("zz"), "width=10");
        QVERIFY(!bucket.ok);
        QCOMPARE(bucket.error.code, QByteArray("object.unknown_bucket"));
    }

    void emptyQueryIsTheOriginal()
    {
        const PreviewResult same = m_renderer->renderQuery(m_photo, QStringLiteral("pq"), "");
        QVERIFY2(same.ok, qPrintable(same.error.toString()));
        QVERIFY(same.image.body == m_photo);
        QCOMPARE(same.image.contentType, QByteArray("image/jpeg"));
        QCOMPARE(same.image.width, 1920);
        QCOMPARE(same.image.height, 1280);
    }

    void cancelledTokenStops()
    {
        CancelToken token;
        token.cancel();
        const PreviewResult result =
            m_renderer->renderQuery(m_photo, QStringLiteral("pq"), "operation=resize&width=300", token);
        QVERIFY(!result.ok);
        QCOMPARE(result.error.code, QByteArray("request.cancelled"));
        QCOMPARE(result.error.httpStatus, 499);
    }

    void undecodableSourceIsRefusedLikeTheServer()
    {
        const PreviewResult result =
            m_renderer->renderQuery(QByteArray("not an image at all"), QStringLiteral("pq"), "width=10");
        QVERIFY(!result.ok);
        QCOMPARE(result.error.httpStatus, 415);
    }

    void concurrentRendersAgree()
    {
        // Thread-safety smoke: the same render from several threads gives the same bytes.
        const QByteArray query = "operation=crop&width=200&height=200&gravity=smart";
        const PreviewResult reference = m_renderer->renderQuery(m_photo, QStringLiteral("pq"), query);
        QVERIFY(reference.ok);
        QList<PreviewResult> results(4);
        // std::thread: its join() is a synchronisation ThreadSanitizer can see.
        std::vector<std::thread> threads;
        for (int i = 0; i < results.size(); ++i) {
            threads.emplace_back([this, &results, i, query] {
                results[i] = m_renderer->renderQuery(m_photo, QStringLiteral("pq"), query);
            });
        }
        for (std::thread &t : threads)
            t.join();
        for (const PreviewResult &r : results) {
            QVERIFY(r.ok);
            QVERIFY(r.image.body == reference.image.body);
        }
    }
};

QTEST_GUILESS_MAIN(TestPreviewRenderer)
#include "tst_previewrenderer.moc"
