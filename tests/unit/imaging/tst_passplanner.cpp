// Pass building (spec §5.1) and the size arithmetic of §5.2 steps 2-6,
// checked from header values alone.
#include "imaging/imageprobe.h"
#include "imaging/passgeometry.h"
#include "imaging/passplanner.h"

#include <QTest>

#include <functional>

using namespace mort;

Q_DECLARE_METATYPE(std::function<void(Transforms &)>)

namespace {

using Build = std::function<void(Transforms &)>;

ImageInfo header(int width, int height, int orientation = 1)
{
    ImageInfo info;
    info.loader = "jpegload";
    info.contentType = "image/jpeg";
    info.width = width;
    info.height = height;
    info.orientation = orientation;
    return info;
}

} // namespace

class TestPassPlanner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mainPassGeometry_data()
    {
        QTest::addColumn<int>("inWidth");
        QTest::addColumn<int>("inHeight");
        QTest::addColumn<int>("orientation");
        QTest::addColumn<Build>("build");
        QTest::addColumn<int>("outWidth");
        QTest::addColumn<int>("outHeight");
        QTest::addColumn<int>("placement");

        using P = PassGeometry::Placement;
        QTest::newRow("resizeWidthOnlyKeepsAspect")
            << 800 << 600 << 1 << Build([](Transforms &t) { t.resize(400, 0, false, false, false); }) << 400 << 300
            << int(P::None);
        QTest::newRow("resizeHeightOnlyKeepsAspect")
            << 800 << 600 << 1 << Build([](Transforms &t) { t.resize(0, 150, false, false, false); }) << 200 << 150
            << int(P::None);
        QTest::newRow("resizeBothStretches")
            << 800 << 600 << 1 << Build([](Transforms &t) { t.resize(300, 300, false, false, false); }) << 300 << 300
            << int(P::None);
        QTest::newRow("resizeUpscalesBecauseForced")
            << 300 << 200 << 1 << Build([](Transforms &t) { t.resize(600, 0, false, false, false); }) << 600 << 400
            << int(P::None);
        QTest::newRow("preserveAspectRatioDropsHeight")
            << 800 << 600 << 1 << Build([](Transforms &t) { t.resize(400, 400, false, true, false); }) << 400 << 300
            << int(P::None);
        QTest::newRow("preserveAspectRatioDropsWidth")
            << 600 << 800 << 1 << Build([](Transforms &t) { t.resize(400, 200, false, true, false); }) << 150 << 200
            << int(P::None);
        QTest::newRow("outboundFitsInsideAndEnlarges")
            << 800 << 600 << 1 << Build([](Transforms &t) { t.resize(1000, 1000, true, false, false); }) << 1000 << 750
            << int(P::None);
        QTest::newRow("cropCenterCovers")
            << 800 << 600 << 1 << Build([](Transforms &t) { t.crop(200, 200, Gravity::Center, false, false); }) << 200
            << 200 << int(P::GravityCrop);
        QTest::newRow("cropSmartDefault")
            << 800 << 600 << 1 << Build([](Transforms &t) { t.crop(300, 100, Gravity::Smart, false, false); }) << 300
            << 100 << int(P::SmartCrop);
        QTest::newRow("cropOneSideKeepsOtherFull")
            << 800 << 600 << 1 << Build([](Transforms &t) { t.crop(300, 0, Gravity::Center, false, false); }) << 300
            << 600 << int(P::GravityCrop);
        QTest::newRow("cropSmallerImageNotEnlarged")
            << 300 << 200 << 1 << Build([](Transforms &t) { t.crop(400, 400, Gravity::Center, false, false); }) << 300
            << 200 << int(P::None);
        QTest::newRow("cropOutboundEnlarges")
            << 300 << 200 << 1 << Build([](Transforms &t) { t.crop(400, 400, Gravity::Center, true, false); }) << 400
            << 400 << int(P::GravityCrop);
        QTest::newRow("rotate90BeforeResizeSpecExample") << 800 << 1000 << 1 << Build([](Transforms &t) {
            t.resize(200, 0, false, false, false);
            t.rotate(90);
        }) << 200 << 160 << int(P::None);
        QTest::newRow("rotateDisablesForceSoNoEnlarge") << 300 << 200 << 1 << Build([](Transforms &t) {
            t.resize(600, 400, false, false, false);
            t.rotate(180);
        }) << 300 << 200 << int(P::None);
        QTest::newRow("exifOrientation6SwapsAxes")
            << 320 << 480 << 6 << Build([](Transforms &t) { t.resize(240, 0, false, false, false); }) << 240 << 160
            << int(P::None);
        QTest::newRow("explicitRotateIgnoresExif") << 320 << 480 << 6 << Build([](Transforms &t) {
            t.resize(160, 0, false, false, false);
            t.rotate(180);
        }) << 160 << 240 << int(P::None);
        QTest::newRow("extractFromOriginal")
            << 800 << 600 << 1 << Build([](Transforms &t) { t.extract(10, 20, 100, 50); }) << 100 << 50
            << int(P::Extract);
        QTest::newRow("extractAfterResize") << 800 << 600 << 1 << Build([](Transforms &t) {
            t.resize(400, 0, false, false, false);
            t.extract(0, 0, 400, 300);
        }) << 400 << 300 << int(P::Extract);
        QTest::newRow("formatOnlyKeepsSize")
            << 800 << 600 << 1 << Build([](Transforms &t) { t.format(ImageFormat::Png); }) << 800 << 600
            << int(P::None);
    }

    void mainPassGeometry()
    {
        QFETCH(int, inWidth);
        QFETCH(int, inHeight);
        QFETCH(int, orientation);
        QFETCH(Build, build);
        QFETCH(int, outWidth);
        QFETCH(int, outHeight);
        QFETCH(int, placement);
        Transforms t;
        build(t);
        const ImageInfo in = header(inWidth, inHeight, orientation);
        const QList<PassOptions> passes = planPasses(t.params(), inWidth, inHeight);
        QCOMPARE(passes.size(), 1);
        const Expected<PassGeometry> g = planGeometry(in, passes.first(), LimitsConfig{});
        QVERIFY(g.ok());
        QCOMPARE(g->outWidth, outWidth);
        QCOMPARE(g->outHeight, outHeight);
        QCOMPARE(int(g->placement), placement);
    }

    void gravityCropOffsets_data()
    {
        QTest::addColumn<int>("gravity");
        QTest::addColumn<int>("left");
        QTest::addColumn<int>("top");
        // 800x600 -> cover 200x100: factor min(4, 6) = 4 -> 200x150.
        QTest::newRow("center") << int(Gravity::Center) << 0 << 25;
        QTest::newRow("north") << int(Gravity::North) << 0 << 0;
        QTest::newRow("south") << int(Gravity::South) << 0 << 50;
        QTest::newRow("east") << int(Gravity::East) << 0 << 25;
        QTest::newRow("west") << int(Gravity::West) << 0 << 25;
    }

    void gravityCropOffsets()
    {
        QFETCH(int, gravity);
        QFETCH(int, left);
        QFETCH(int, top);
        Transforms t;
        t.crop(200, 100, Gravity(gravity), false, false);
        const Expected<PassGeometry> g =
            planGeometry(header(800, 600), planPasses(t.params(), 800, 600).first(), LimitsConfig{});
        QVERIFY(g.ok());
        QCOMPARE(g->scaledWidth, 200);
        QCOMPARE(g->scaledHeight, 150);
        QCOMPARE(g->areaLeft, left);
        QCOMPARE(g->areaTop, top);
    }

    void eastWestOffsetsOnPortraitCrop()
    {
        // 600x800 -> cover 100x200: factor min(6, 4) = 4 -> 150x200.
        Transforms east;
        east.crop(100, 200, Gravity::East, false, false);
        auto g = planGeometry(header(600, 800), planPasses(east.params(), 600, 800).first(), LimitsConfig{});
        QVERIFY(g.ok());
        QCOMPARE(g->areaLeft, 50);
        QCOMPARE(g->areaTop, 0);
        Transforms west;
        west.crop(100, 200, Gravity::West, false, false);
        g = planGeometry(header(600, 800), planPasses(west.params(), 600, 800).first(), LimitsConfig{});
        QVERIFY(g.ok());
        QCOMPARE(g->areaLeft, 0);
    }

    void extractOutsideImageIsBadRequest()
    {
        Transforms t;
        t.extract(500, 0, 100, 200);
        const Expected<PassGeometry> g =
            planGeometry(header(800, 600), planPasses(t.params(), 800, 600).first(), LimitsConfig{});
        QVERIFY(!g.ok());
        QCOMPARE(g.error().httpStatus, 400);
        QCOMPARE(g.error().code, QByteArray("image.bad_extract"));
    }

    void outputOverLimitRejectedBeforeDecode()
    {
        Transforms t;
        t.resize(9000, 0, false, false, false);
        const Expected<PassGeometry> g =
            planGeometry(header(800, 600), planPasses(t.params(), 800, 600).first(), LimitsConfig{});
        QVERIFY(!g.ok());
        QCOMPARE(g.error().httpStatus, 422);
        QCOMPARE(g.error().code, QByteArray("image.output_too_large"));
    }

    void fillPassCropsToAspectFirst()
    {
        Transforms t;
        t.resize(400, 200, false, false, true);
        const QList<PassOptions> passes = planPasses(t.params(), 800, 600);
        QCOMPARE(passes.size(), 2);
        QCOMPARE(passes.at(0).kind, PassOptions::Kind::Fill);
        QCOMPARE(passes.at(0).width, 800);
        QCOMPARE(passes.at(0).height, 400);
        QVERIFY(passes.at(0).crop);
        QCOMPARE(passes.at(1).kind, PassOptions::Kind::Main);
        const auto fill = planGeometry(header(800, 600), passes.at(0), LimitsConfig{});
        QVERIFY(fill.ok());
        QCOMPARE(fill->outWidth, 800);
        QCOMPARE(fill->outHeight, 400);
    }

    void fillPassPortraitTarget()
    {
        Transforms t;
        t.resize(100, 200, false, false, true);
        const QList<PassOptions> passes = planPasses(t.params(), 800, 600);
        QCOMPARE(passes.at(0).width, 300); // int(600 * 0.5)
        QCOMPARE(passes.at(0).height, 600);
    }

    // Regression: rotate 90 with resizeCropAuto measured the crop on the
    // unturned 1600x1200 and cut 1200x1200+200+0 out of the 1200x1600 the main
    // pass had made (400 image.bad_extract). An explicit angle replaces the
    // EXIF orientation, so an orientation-6 input turned by 90 is upright again.
    void autoCropAfterRotateMeasuresTheTurnedSides()
    {
        Transforms t;
        t.resizeCropAuto(200, 200);
        t.rotate(90);
        QList<PassOptions> passes = planPasses(t.params(), 1600, 1200, QSize(1200, 1600));
        QCOMPARE(passes.size(), 3);
        QCOMPARE(passes.at(1).kind, PassOptions::Kind::AutoCropExtract);
        QCOMPARE(passes.at(1).left, 0);
        QCOMPARE(passes.at(1).top, 80); // (1600 - 1200) / 5
        QCOMPARE(passes.at(1).areaWidth, 1200);
        QCOMPARE(passes.at(1).areaHeight, 1200);
        const auto main = planGeometry(header(1600, 1200), passes.at(0), LimitsConfig{});
        QVERIFY(main.ok());
        const auto extract = planGeometry(header(main->outWidth, main->outHeight), passes.at(1), LimitsConfig{});
        QVERIFY2(extract.ok(), qPrintable(extract ? QString() : extract.error().detail));

        // Upright 1200x1600 because EXIF 6 turned a stored 1600x1200: rotate 180
        // turns the stored sides instead, so the main pass makes 1600x1200.
        Transforms upsideDown;
        upsideDown.resizeCropAuto(200, 200);
        upsideDown.rotate(180);
        const ImageInfo exif6 = header(1600, 1200, 6);
        QVERIFY(passSwapsAxes(exif6, 90));
        QVERIFY(!passSwapsAxes(exif6, 180));
        passes = planPasses(upsideDown.params(), uprightWidth(exif6), uprightHeight(exif6), QSize(1600, 1200));
        QCOMPARE(passes.at(1).areaWidth, 1200);
        QCOMPARE(passes.at(1).areaHeight, 1200);
        QCOMPARE(passes.at(1).left, 200); // (1600 - 1200) / 2
        QCOMPARE(passes.at(1).top, 0);

        // Without rotate the upright sides are the main pass's sides.
        Transforms plain;
        plain.resizeCropAuto(200, 200);
        QVERIFY(passSwapsAxes(exif6, 0));
        passes = planPasses(plain.params(), uprightWidth(exif6), uprightHeight(exif6), QSize(1200, 1600));
        QCOMPARE(passes.at(1).areaWidth, 1200);
        QCOMPARE(passes.at(1).areaHeight, 1200);
    }

    void autoCropGeometry_data()
    {
        QTest::addColumn<int>("inWidth");
        QTest::addColumn<int>("inHeight");
        QTest::addColumn<int>("acw");
        QTest::addColumn<int>("ach");
        QTest::addColumn<int>("x");
        QTest::addColumn<int>("y");
        QTest::addColumn<int>("cw");
        QTest::addColumn<int>("ch");
        // wf = 4, hf = 3: cw = ceil(200*3) = 600, ch = 600, x = 100, y = 0
        QTest::newRow("landscapeToSquare") << 800 << 600 << 200 << 200 << 100 << 0 << 600 << 600;
        // wf = 3, hf = 4: cw = 600, ch = ceil(200*3) = 600, x = 0, y = (800-600)/5 = 40
        QTest::newRow("portraitBiasedUp") << 600 << 800 << 200 << 200 << 0 << 40 << 600 << 600;
        // wf = 800/300 = 2, hf = 600/100 = 6: cw = 800, ch = ceil(100*2) = 200, y = 80
        QTest::newRow("wideTarget") << 800 << 600 << 300 << 100 << 0 << 80 << 800 << 200;
    }

    void autoCropGeometry()
    {
        QFETCH(int, inWidth);
        QFETCH(int, inHeight);
        QFETCH(int, acw);
        QFETCH(int, ach);
        Transforms t;
        t.resizeCropAuto(acw, ach);
        const AutoCropArea area = autoCropArea(t.params(), inWidth, inHeight);
        QTEST(area.x, "x");
        QTEST(area.y, "y");
        QTEST(area.width, "cw");
        QTEST(area.height, "ch");
    }

    void autoCropPassesFollowMainPass()
    {
        Transforms t;
        t.resizeCropAuto(200, 200);
        t.quality(90);
        const QList<PassOptions> passes = planPasses(t.params(), 800, 600);
        QCOMPARE(passes.size(), 3);
        QCOMPARE(passes.at(0).kind, PassOptions::Kind::Main);
        QCOMPARE(passes.at(0).quality, 90);
        QCOMPARE(passes.at(1).kind, PassOptions::Kind::AutoCropExtract);
        QCOMPARE(passes.at(1).quality, 0); // default encoding: Mort loses quality here
        QCOMPARE(passes.at(2).kind, PassOptions::Kind::AutoCropCrop);
        QCOMPARE(passes.at(2).gravity, Gravity::Center);
    }

    void autoCropPassesFirstWhenResizeFitsInsideArea()
    {
        Transforms t;
        t.resize(300, 300, false, false, false);
        t.resizeCropAuto(300, 300);
        // iw = ih = 300 (resize size): wf = hf = 1 -> area 300x300, resize fits.
        const QList<PassOptions> passes = planPasses(t.params(), 800, 600);
        QCOMPARE(passes.size(), 3);
        QCOMPARE(passes.at(0).kind, PassOptions::Kind::AutoCropExtract);
        QCOMPARE(passes.at(2).kind, PassOptions::Kind::Main);
    }
};

QTEST_GUILESS_MAIN(TestPassPlanner)
#include "tst_passplanner.moc"
