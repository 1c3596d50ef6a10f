// imaging/jpegshrink.h: the DCT scale a JPEG is decoded at is the largest of
// 8, 4, 2 whose decoded size still covers the target on both axes (Mort's
// bimg and sharp's rule), never below it.
#include "imaging/jpegshrink.h"

#include <QTest>

using namespace mort;

class TestJpegShrink : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scale_data()
    {
        QTest::addColumn<int>("sourceWidth");
        QTest::addColumn<int>("sourceHeight");
        QTest::addColumn<int>("targetWidth");
        QTest::addColumn<int>("targetHeight");
        QTest::addColumn<int>("shrink");
        QTest::newRow("exactQuarter") << 1600 << 1200 << 400 << 300 << 4;
        QTest::newRow("onePixelOverAQuarter") << 1600 << 1200 << 401 << 301 << 2;
        QTest::newRow("eighth") << 1600 << 1200 << 200 << 150 << 8;
        QTest::newRow("tinyStaysAtEighth") << 1600 << 1200 << 100 << 75 << 8;
        QTest::newRow("half") << 1600 << 1200 << 800 << 600 << 2;
        QTest::newRow("overHalf") << 1600 << 1200 << 801 << 601 << 1;
        QTest::newRow("widestWidthOfTheColdWorkload") << 1600 << 1200 << 1100 << 825 << 1;
        QTest::newRow("heightDecides") << 1600 << 1200 << 100 << 1200 << 1; // a stretch keeps the full height
        QTest::newRow("24MP") << 6000 << 4000 << 600 << 400 << 8;
        QTest::newRow("oddSource") << 1601 << 1201 << 400 << 300 << 4;
        QTest::newRow("upscale") << 300 << 200 << 600 << 400 << 1;
    }

    void scale()
    {
        QFETCH(int, sourceWidth);
        QFETCH(int, sourceHeight);
        QFETCH(int, targetWidth);
        QFETCH(int, targetHeight);
        QFETCH(int, shrink);
        QCOMPARE(jpegShrinkOnLoad(sourceWidth, sourceHeight, targetWidth, targetHeight), shrink);
        // Never below the target: libjpeg's scaled size is ceil(source / shrink).
        QVERIFY((sourceWidth + shrink - 1) / shrink >= targetWidth || shrink == 1);
        QVERIFY((sourceHeight + shrink - 1) / shrink >= targetHeight || shrink == 1);
    }

    void fullByDefault() { QCOMPARE(jpegShrinkMode(), JpegShrinkMode::Full); }
};

QTEST_GUILESS_MAIN(TestJpegShrink)
#include "tst_jpegshrink.moc"
