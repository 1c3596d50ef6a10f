// The cost model of imaging/transformcost.h (issue 23, finding 2): the mask
// width it assumes is the one libvips really builds, heavy blurs on large
// images are refused with 422 image.too_costly before any pixel is decoded,
// and everyday transforms stay far below the limit.
#include "imagingtesthelpers.h"

#include "imaging/transformcost.h"

#include <QElapsedTimer>

using namespace mort;
using namespace mort::test;

class TestTransformCost : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(initImaging("tst_transformcost").ok()); }

    // Our formula against vips_gaussmat, the mask vips_gaussblur convolves with.
    void maskWidthIsLibvipsMask_data()
    {
        QTest::addColumn<double>("sigma");
        QTest::addColumn<double>("minAmpl");
        for (double sigma : {0.5, 1.0, 2.0, 3.0, 7.5, 15.0, 30.0, 90.0}) {
            for (double minAmpl : {0.2, 0.05, 0.5})
                QTest::addRow("sigma %g min_ampl %g", sigma, minAmpl) << sigma << minAmpl;
        }
    }
    void maskWidthIsLibvipsMask()
    {
        QFETCH(double, sigma);
        QFETCH(double, minAmpl);
        VipsImage *mask = nullptr;
        QCOMPARE(vips_gaussmat(&mask, sigma, minAmpl, "separable", TRUE, "precision", VIPS_PRECISION_FLOAT, nullptr),
                 0);
        const int libvipsWidth = vips_image_get_width(mask);
        g_object_unref(mask);
        // libvips may trim a tap either side where the float amplitude rounds below min_ampl.
        QVERIFY2(
            std::abs(gaussianMaskWidth(sigma, minAmpl) - libvipsWidth) <= 2,
            qPrintable(QStringLiteral("ours %1, libvips %2").arg(gaussianMaskWidth(sigma, minAmpl)).arg(libvipsWidth)));
    }

    void hugeBlurOnLargeImageIsRefusedBeforeDecoding()
    {
        const QByteArray source = testImage("photos/photo_6000x4000.jpg");
        Transforms t;
        t.blur(90.0, 0); // full size: 24 Mpx x 2 x 325 taps
        QElapsedTimer timer;
        timer.start();
        const auto out = ImageProcessor(LimitsConfig{}).process(source, {t}, CancelToken());
        QVERIFY(!out.ok());
        QCOMPARE(out.error().httpStatus, 422);
        QCOMPARE(out.error().code, QByteArray("image.too_costly"));
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed()))); // from the header alone
    }

    void sameBlurAfterResizeIsAllowed()
    {
        const QByteArray source = testImage("photos/photo_6000x4000.jpg");
        Transforms t;
        t.resize(300, 0, false, true, false);
        t.blur(90.0, 0); // on the 300 px output: cheap
        const auto out = ImageProcessor(LimitsConfig{}).process(source, {t}, CancelToken());
        QVERIFY2(out.ok(), out.ok() ? "" : qPrintable(out.error().toString()));
        QCOMPARE(out->width, 300);
    }

    void limitIsConfigurableAndZeroTurnsItOff()
    {
        const QByteArray source = testImage("photos/photo_300x200.jpg");
        Transforms t;
        t.blur(3.0, 0);
        LimitsConfig tight;
        tight.maxTransformCost = 100'000; // below decode + encode of 60,000 px + the blur
        const auto refused = ImageProcessor(tight).process(source, {t}, CancelToken());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QByteArray("image.too_costly"));
        LimitsConfig off;
        off.maxTransformCost = 0;
        QVERIFY(ImageProcessor(off).process(source, {t}, CancelToken()).ok());
    }

    // Everyday work is orders of magnitude below the default limit.
    void everydayTransformsAreFarBelowTheLimit()
    {
        ImageInfo in;
        in.width = 6000;
        in.height = 4000;
        PassGeometry g;
        g.outWidth = 6000;
        g.outHeight = 4000;
        g.transform = true;
        PassOptions o;
        o.sigma = 5; // a visible blur on a 24 Mpx image, no resize
        o.rotate = 90;
        const qint64 cost = passCost(in, g, o);
        QVERIFY2(cost * 5 < LimitsConfig{}.maxTransformCost, qPrintable(QString::number(cost)));
    }
};

QTEST_GUILESS_MAIN(TestTransformCost)
#include "tst_transformcost.moc"
