// Every hostile file of the shared testdata gets one exact status and error
// code (testdata/README.md "hostile/"), without crash, hang or large
// allocation. The mechanism that stops each one is in the row's comment.
#include "imagingtesthelpers.h"

#include <QElapsedTimer>
#include <QTest>

using namespace mort;
using namespace mort::test;

class TestHostileInputs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { initVipsForTests(); }
    // Every path, errors included, released all its images.
    void cleanupTestCase() { QCOMPARE(liveVipsImages(), 0); }

    void rejected_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("code");
        // Header says 50000x50000: refused from the header, no pixel decoded.
        QTest::newRow("pixelFlood") << "hostile/pixel_flood_50000x50000.png" << 422 << QByteArray("image.too_large");
        // 196 Mpx over the default 100 Mpx limit.
        QTest::newRow("decompressionBomb")
            << "hostile/bomb_flat_14000x14000.png" << 422 << QByteArray("image.too_large");
        // 1000 pages over limits.maxFrames (100).
        QTest::newRow("frameBomb") << "hostile/anim_1000_frames_1000x1000.gif" << 422
                                   << QByteArray("image.too_many_frames");
        // Recognised as JPEG/PNG, refused by fail_on during decode (peer C6: 422).
        QTest::newRow("truncatedJpeg") << "hostile/truncated_50pct.jpg" << 422 << QByteArray("image.corrupt");
        QTest::newRow("badCrcPng") << "hostile/bad_crc_64x64.png" << 422 << QByteArray("image.corrupt");
        QTest::newRow("jpegHeaderGarbage") << "hostile/jpeg_header_garbage.jpg" << 422 << QByteArray("image.corrupt");
        // Not a recognised, allowed format: 415 before any loader runs.
        QTest::newRow("zeroBytes") << "hostile/zero_bytes.jpg" << 415 << QByteArray("image.unsupported_type");
        QTest::newRow("textNotImage") << "hostile/text_not_image.jpg" << 415 << QByteArray("image.unsupported_type");
        QTest::newRow("svgWithScript") << "hostile/script_and_file_href.svg" << 415
                                       << QByteArray("image.unsupported_type");
        QTest::newRow("imagemagickMvg") << "hostile/imagemagick_file_read.mvg" << 415
                                        << QByteArray("image.unsupported_type");
        QTest::newRow("postscript") << "hostile/postscript.ps" << 415 << QByteArray("image.unsupported_type");
    }

    void rejected()
    {
        QFETCH(QString, file);
        QFETCH(int, status);
        QFETCH(QByteArray, code);
        ImageProcessor processor(LimitsConfig{});
        Transforms t;
        t.resize(300, 0, false, false, false);
        QElapsedTimer timer;
        timer.start();
        const Expected<ProcessedImage> out = processor.process(testImage(qPrintable(file)), {t}, CancelToken());
        QVERIFY(!out.ok());
        QCOMPARE(out.error().httpStatus, status);
        QCOMPARE(out.error().code, code);
        // Nothing here may take long: header checks or an early decoder error.
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    }

    void pixelFloodRejectedFromHeaderFast()
    {
        ImageProcessor processor(LimitsConfig{});
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 20; ++i) {
            const Expected<ImageInfo> info = processor.probe(testImage("hostile/pixel_flood_50000x50000.png"));
            QVERIFY(!info.ok());
        }
        // 20 probes well under a second: nothing is decoded or allocated.
        QVERIFY(timer.elapsed() < 1000);
    }

    void progressiveFlatWithinLimitIsProcessed()
    {
        // 64 Mpx is under the default limit: processed (shrink-on-load).
        ImageProcessor processor(LimitsConfig{});
        Transforms t;
        t.resize(300, 0, false, false, false);
        const Expected<ProcessedImage> out =
            processor.process(testImage("hostile/progressive_flat_8000x8000.jpg"), {t}, CancelToken());
        QVERIFY2(out.ok(), out.ok() ? "" : qPrintable(out.error().toString()));
        QCOMPARE(out->width, 300);
        QCOMPARE(out->height, 300);
        const Decoded d = decode(out->body);
        QVERIFY(near(d.pixel(150, 150), 128, 128, 128, 3));
    }

    void progressiveFlatOverLimitIsRejected()
    {
        LimitsConfig limits;
        limits.maxSourcePixels = 50'000'000;
        Transforms t;
        t.resize(300, 0, false, false, false);
        const Expected<ProcessedImage> out =
            ImageProcessor(limits).process(testImage("hostile/progressive_flat_8000x8000.jpg"), {t}, CancelToken());
        QVERIFY(!out.ok());
        QCOMPARE(out.error().code, QByteArray("image.too_large"));
    }

    void bombProcessedWhenLimitAllows()
    {
        // Above the 196 Mpx of the bomb the file is legitimate: bounded-memory
        // streaming decode through shrink-on-load.
        LimitsConfig limits;
        limits.maxSourcePixels = 200'000'000;
        Transforms t;
        t.resize(100, 0, false, false, false);
        const Expected<ProcessedImage> out =
            ImageProcessor(limits).process(testImage("hostile/bomb_flat_14000x14000.png"), {t}, CancelToken());
        QVERIFY2(out.ok(), out.ok() ? "" : qPrintable(out.error().toString()));
        QCOMPARE(out->width, 100);
        QCOMPARE(out->height, 100);
    }

    void hostileWatermarkIsRefused()
    {
        ImageProcessor processor(LimitsConfig{}, [](const QString &) -> Expected<QByteArray> {
            return testImage("hostile/script_and_file_href.svg");
        });
        Transforms t;
        t.watermark(WatermarkParams{QStringLiteral("logo.svg"), QStringLiteral("top-left"), 1.0f});
        const Expected<ProcessedImage> out =
            processor.process(testImage("photos/photo_800x600.jpg"), {t}, CancelToken());
        QVERIFY(!out.ok());
        QCOMPARE(out.error().httpStatus, 400);
        QCOMPARE(out.error().code, QByteArray("image.watermark_unavailable"));
    }
};

QTEST_GUILESS_MAIN(TestHostileInputs)
#include "tst_hostileinputs.moc"
