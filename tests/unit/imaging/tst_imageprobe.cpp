// Header probing: loader allow-list by content, sizes, frames and EXIF
// orientation read without decoding pixels.
#include "imaging/imageprobe.h"
#include "imagingtesthelpers.h"

#include <QTest>

using namespace mort;
using namespace mort::test;

class TestImageProbe : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { initVipsForTests(); }
    // Every path, errors included, released all its images.
    void cleanupTestCase() { QCOMPARE(liveVipsImages(), 0); }

    void initIsIdempotent()
    {
        QVERIFY(initImaging(nullptr).ok());
        QVERIFY(initImaging("again").ok());
        dropImagingCaches();
    }

    void probesAllowedFormats_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("loader");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("pages");
        QTest::addColumn<bool>("alpha");
        QTest::newRow("jpeg") << "photos/photo_800x600.jpg" << QByteArray("jpegload") << QByteArray("image/jpeg") << 800
                              << 600 << 1 << false;
        QTest::newRow("progressiveJpeg") << "photos/progressive_1600x1066.jpg" << QByteArray("jpegload")
                                         << QByteArray("image/jpeg") << 1600 << 1066 << 1 << false;
        QTest::newRow("webp") << "photos/photo_1200x800.webp" << QByteArray("webpload") << QByteArray("image/webp")
                              << 1200 << 800 << 1 << false;
        QTest::newRow("gif") << "photos/photo_640x480.gif" << QByteArray("gifload") << QByteArray("image/gif") << 640
                             << 480 << 1 << true;
        QTest::newRow("pngAlpha") << "photos/alpha_1024x768.png" << QByteArray("pngload") << QByteArray("image/png")
                                  << 1024 << 768 << 1 << true;
        QTest::newRow("png16") << "photos/rgb16_640x480.png" << QByteArray("pngload") << QByteArray("image/png") << 640
                               << 480 << 1 << false;
        QTest::newRow("animatedGifOnePageHigh") << "photos/anim_320x240_10f.gif" << QByteArray("gifload")
                                                << QByteArray("image/gif") << 320 << 240 << 10 << true;
        QTest::newRow("animatedWebp") << "photos/anim_320x240_10f.webp" << QByteArray("webpload")
                                      << QByteArray("image/webp") << 320 << 240 << 10 << true;
    }

    void probesAllowedFormats()
    {
        QFETCH(QString, file);
        ImageProcessor processor(LimitsConfig{});
        const Expected<ImageInfo> info = processor.probe(testImage(qPrintable(file)));
        QVERIFY2(info.ok(), info.ok() ? "" : qPrintable(info.error().toString()));
        QTEST(info->loader, "loader");
        QTEST(info->contentType, "contentType");
        QTEST(info->width, "width");
        QTEST(info->height, "height");
        QTEST(info->pages, "pages");
        // GIF alpha depends on the palette; only check where it is certain.
        QFETCH(bool, alpha);
        if (!file.endsWith(QLatin1String(".gif")))
            QCOMPARE(info->hasAlpha, alpha);
    }

    void readsExifOrientation_data()
    {
        QTest::addColumn<int>("orientation");
        for (int o = 1; o <= 8; ++o)
            QTest::addRow("orientation_%d", o) << o;
    }

    void readsExifOrientation()
    {
        QFETCH(int, orientation);
        const QByteArray file = QByteArray("orientation/orientation_") + QByteArray::number(orientation) + ".jpg";
        const Expected<ImageInfo> info = ImageProcessor(LimitsConfig{}).probe(testImage(file.constData()));
        QVERIFY(info.ok());
        QCOMPARE(info->orientation, orientation);
        QCOMPARE(uprightWidth(*info), 480);
        QCOMPARE(uprightHeight(*info), 320);
    }

    void sniffsContentNotName()
    {
        // A PNG stays a PNG whatever it is called; text called .jpg is not a JPEG.
        QCOMPARE(sniffLoader(testImage("photos/alpha_1024x768.png")), QByteArray("pngload_buffer"));
        QCOMPARE(sniffLoader(testImage("hostile/text_not_image.jpg")), QByteArray());
        QCOMPARE(sniffLoader(testImage("hostile/script_and_file_href.svg")), QByteArray());
    }

    void pixelLimitCountsOnePage()
    {
        LimitsConfig limits;
        limits.maxSourcePixels = 800 * 600 - 1;
        const Expected<ImageInfo> info = ImageProcessor(limits).probe(testImage("photos/photo_800x600.jpg"));
        QVERIFY(!info.ok());
        QCOMPARE(info.error().httpStatus, 422);
        QCOMPARE(info.error().code, QByteArray("image.too_large"));
        limits.maxSourcePixels = 800 * 600;
        QVERIFY(ImageProcessor(limits).probe(testImage("photos/photo_800x600.jpg")).ok());
    }

    void frameLimit()
    {
        LimitsConfig limits;
        limits.maxFrames = 9;
        const Expected<ImageInfo> info = ImageProcessor(limits).probe(testImage("photos/anim_320x240_10f.gif"));
        QVERIFY(!info.ok());
        QCOMPARE(info.error().code, QByteArray("image.too_many_frames"));
        QCOMPARE(info.error().httpStatus, 422);
    }
};

QTEST_GUILESS_MAIN(TestImageProbe)
#include "tst_imageprobe.moc"
