// Hostile originals as parents of a transform (testdata/hostile, DESIGN §5,
// peer-differences R1/C6): every one gets one exact 4xx status and X-Mort-Error
// code -- never a 5xx, a hang or a crash -- and the server keeps serving.
#include "testserver.h"

#include "monitoring/processstats.h"

#include <thread>

using namespace mort;
using namespace mort::test;

namespace {

const QString kConfig = QStringLiteral(R"yaml(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "localhost:0"
buckets:
  h:
    transform:
      kind: "query"
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
      transform: {kind: "local-meta", rootPath: "@ROOT@/results"}
)yaml");

const char *const kHostile[] = {
    "pixel_flood_50000x50000.png",
    "bomb_flat_14000x14000.png",
    "anim_1000_frames_1000x1000.gif",
    "truncated_50pct.jpg",
    "bad_crc_64x64.png",
    "zero_bytes.jpg",
    "text_not_image.jpg",
    "script_and_file_href.svg",
    "imagemagick_file_read.mvg",
    "postscript.ps",
    "progressive_flat_8000x8000.jpg",
    "jpeg_header_garbage.jpg",
};

} // namespace

class TestHostileParents : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        for (const char *name : kHostile) {
            QVERIFY(m_server->addFile(QStringLiteral("hostile/") + QLatin1String(name),
                                      QStringLiteral("originals/h/") + QLatin1String(name)));
        }
        QVERIFY(m_server->addFile(QStringLiteral("photos/photo_800x600.jpg"), QStringLiteral("originals/h/ok.jpg")));
        MORT_START(*m_server, kConfig);
    }
    void cleanupTestCase() { m_server.reset(); }

    void hostileParentIsRejected_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("code");      // X-Mort-Error
        QTest::addColumn<QByteArray>("transform"); // 1 = libvips ran (transformsExecuted grows)

        // Rejected from the header before any pixel is decoded (limits.maxSourcePixels 100 Mpx).
        QTest::newRow("pixel flood 50000x50000 png -> 422 too_large")
            << QByteArray("pixel_flood_50000x50000.png") << 422 << QByteArray("image.too_large") << QByteArray("1");
        QTest::newRow("decompression bomb 14000x14000 png -> 422 too_large")
            << QByteArray("bomb_flat_14000x14000.png") << 422 << QByteArray("image.too_large") << QByteArray("1");
        // limits.maxFrames 100.
        QTest::newRow("1000-frame gif -> 422 too_many_frames")
            << QByteArray("anim_1000_frames_1000x1000.gif") << 422 << QByteArray("image.too_many_frames")
            << QByteArray("1");
        // Strict decoding (fail on truncation / CRC errors).
        QTest::newRow("truncated jpeg -> 422 corrupt")
            << QByteArray("truncated_50pct.jpg") << 422 << QByteArray("image.corrupt") << QByteArray("1");
        QTest::newRow("png with bad IDAT CRC -> 422 corrupt")
            << QByteArray("bad_crc_64x64.png") << 422 << QByteArray("image.corrupt") << QByteArray("1");
        QTest::newRow("jpeg header then garbage -> 422 corrupt")
            << QByteArray("jpeg_header_garbage.jpg") << 422 << QByteArray("image.corrupt") << QByteArray("1");
        // Content type comes from the .jpg extension (local-meta, spec §3.2), so
        // these reach imaging, whose sniffer refuses them.
        QTest::newRow("zero bytes .jpg -> 415 unsupported_type")
            << QByteArray("zero_bytes.jpg") << 415 << QByteArray("image.unsupported_type") << QByteArray("1");
        QTest::newRow("text with .jpg name -> 415 unsupported_type")
            << QByteArray("text_not_image.jpg") << 415 << QByteArray("image.unsupported_type") << QByteArray("1");
        // image/svg+xml by extension; the svg loader is not on the allow-list.
        QTest::newRow("svg with script -> 415 unsupported_type")
            << QByteArray("script_and_file_href.svg") << 415 << QByteArray("image.unsupported_type") << QByteArray("1");
        // Not image/* by extension or sniffing: the parent is not an image -> 404 before imaging.
        QTest::newRow("ImageMagick MVG -> 404 not an image")
            << QByteArray("imagemagick_file_read.mvg") << 404 << QByteArray("object.not_found") << QByteArray("0");
        QTest::newRow("PostScript -> 404 not an image")
            << QByteArray("postscript.ps") << 404 << QByteArray("object.not_found") << QByteArray("0");
    }
    void hostileParentIsRejected()
    {
        QFETCH(QByteArray, file);
        QFETCH(int, status);
        QFETCH(QByteArray, code);
        QFETCH(QByteArray, transform);
        const quint64 before = m_server->engine().stats().transformsExecuted;
        // Peak resident memory while the request runs (battery item 1 of issue 23:
        // a bomb is refused before its pixels are decoded, so RSS stays flat).
        const qint64 rssBefore = readProcessStats().residentBytes;
        std::atomic<qint64> rssPeak{rssBefore};
        std::atomic<bool> answered{false};
        std::thread sampler([&] {
            while (!answered) {
                rssPeak = std::max(rssPeak.load(), readProcessStats().residentBytes);
                std::this_thread::sleep_for(std::chrono::milliseconds(2)); // sampling period
            }
        });
        QElapsedTimer timer;
        timer.start();
        const Reply r = m_server->get("/h/" + file + "?width=100", {}, 20000);
        answered = true;
        sampler.join();
        const qint64 rssGrowth = rssPeak - rssBefore;
        qInfo("%s -> %d %s in %lld ms, peak RSS growth %lld KiB", file.constData(), r.status,
              r.header("X-Mort-Error").constData(), timer.elapsed(), rssGrowth >> 10);
        QVERIFY2(rssGrowth < (32 << 20), qPrintable(QStringLiteral("RSS grew %1 MiB").arg(rssGrowth >> 20)));
        QVERIFY2(r.status < 500, "a hostile parent must never cause a 5xx");
        QCOMPARE(r.status, status);
        QCOMPARE(r.header("X-Mort-Error"), code);
        QVERIFY(r.complete);
        if (status == 404) {
            QCOMPARE(r.body, QByteArray("{\"error\":\"item not found\"}"));
        } else {
            // 415/422 are not Mort statuses: the body names the problem.
            QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
            QVERIFY2(r.body.contains("\"code\":\"" + code + '"'), r.body.constData());
        }
        QCOMPARE(m_server->engine().stats().transformsExecuted - before, quint64(transform.toInt()));
        QVERIFY2(timer.elapsed() < 5000, "rejection must not decode the whole image");
        // Nothing was stored for a failed transform.
        m_server->engine().waitForBackground(5000);
        QCOMPARE(countFiles(m_server->path(QStringLiteral("results"))), 0);
    }

    void bigButAllowedProgressiveJpegIsProcessed()
    {
        // 64 Mpx is under limits.maxSourcePixels: processed (shrink-on-load) within limits.
        const Reply r = m_server->get("/h/progressive_flat_8000x8000.jpg?width=100", {}, 60000);
        QCOMPARE(r.status, 200);
        const Decoded d = decodeImage(r.body);
        QVERIFY(d.ok);
        QCOMPARE(d.width, 100);
        QCOMPARE(d.height, 100);
    }

    void serverStillServesAfterHostileInputs()
    {
        const Reply r = m_server->get("/h/ok.jpg?width=200");
        QCOMPARE(r.status, 200);
        const Decoded d = decodeImage(r.body);
        QCOMPARE(d.width, 200);
        QCOMPARE(d.height, 150);
        QCOMPARE(m_server->engine().stats().taskExceptions, quint64(0));
    }
};

QTEST_GUILESS_MAIN(TestHostileParents)
#include "tst_hostileparents.moc"
