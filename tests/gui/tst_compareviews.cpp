// Issue 25 finding 8: the Preview's compare views. Split and Toggle follow the
// zoom like side by side does; the split halves share one geometry when the
// original and the result differ in size (the original is scaled into the
// result's rectangle, on the same origin); zoom steps in and out (buttons,
// Ctrl+= / Ctrl+-, Ctrl+wheel at the mouse) and a drag pans every view; side
// by side at "same scale" shows a 300 px result smaller than a 400 px one.
#include "previewtestsupport.h"

#include "client/localengineclient.h"
#include "ui/preview/comparearea.h"
#include "ui/preview/previewimageview.h"
#include "ui/preview/previewpanel.h"
#include "ui/preview/splitcompareview.h"
#include "ui/preview/viewtransform.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

using namespace mort;
using namespace mort::test;

namespace {

QImage solid(int width, int height, Qt::GlobalColor color)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(color);
    return image;
}

// Every pixel says where it is: red = x mod 256, green = y, blue = 100 * (x / 256).
QImage coordinates(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x)
            image.setPixel(x, y, qRgb(x % 256, y, 100 * (x / 256)));
    }
    return image;
}

QColor pixelAt(QWidget *widget, const QPoint &pos)
{
    return widget->grab().toImage().pixelColor(pos);
}

} // namespace

class TestCompareViews : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<mort::PreviewInfo>(); }

    // "Split and Toggle ignore Zoom": at 100% a 1200 px result is 1200 px in every mode.
    void splitAndToggleFollowTheZoom()
    {
        LocalEngineClient engine(previewConfig(), QStringLiteral("demo.yml"));
        PreviewPanel panel;
        panel.setEngineClient(&engine);
        panel.resize(1400, 860);
        panel.setConfig(previewConfig());
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy rendered(panel.controller(), &PreviewController::rendered);
        QVERIFY(panel.openFile(photoPath(QStringLiteral("photo_1920x1280.jpg"))));
        PreviewParameters p;
        p.width = 1200;
        panel.setParameters(p);
        QTRY_COMPARE(rendered.count(), 1);
        QTRY_VERIFY(!panel.controller()->isBusy());

        panel.setViewMode(PreviewPanel::ViewMode::Split);
        SplitCompareView *split = panel.splitView();
        QVERIFY(split->frameRect().width() < 1200); // Fit: 1200 px do not fit a 1400 px panel beside the form
        panel.setZoom(PreviewPanel::Zoom::Actual);
        QCOMPARE(split->frameRect().size(), QSize(1200, 800));
        panel.setViewMode(PreviewPanel::ViewMode::Toggle);
        QCOMPARE(split->frameRect().size(), QSize(1200, 800));
        panel.setZoom(PreviewPanel::Zoom::Fit);
        QVERIFY(split->frameRect().width() < 1200);
    }

    // "Split halves misalign when sizes differ": a 1920 x 1280 original and a
    // 300 x 200 result cover exactly the same rectangle, to the last pixel.
    void splitHalvesShareOneGeometry()
    {
        SplitCompareView split;
        split.resize(500, 400);
        split.show();
        QVERIFY(QTest::qWaitForWindowExposed(&split));
        split.setImages(solid(1920, 1280, Qt::red), solid(300, 200, Qt::blue));
        split.setSplit(0.5);
        const QRect frame = split.frameRect();
        QCOMPARE(frame.size(), QSize(300, 200));
        // The left half is the original to its very edges, the right half the result.
        QCOMPARE(pixelAt(&split, frame.topLeft()), QColor(Qt::red));
        QCOMPARE(pixelAt(&split, frame.bottomLeft()), QColor(Qt::red));
        QCOMPARE(pixelAt(&split, frame.topRight()), QColor(Qt::blue));
        QCOMPARE(pixelAt(&split, frame.bottomRight()), QColor(Qt::blue));
        // Outside the frame: neither image.
        QVERIFY(pixelAt(&split, frame.bottomLeft() + QPoint(0, 1)) != QColor(Qt::red));
        QVERIFY(pixelAt(&split, frame.topLeft() - QPoint(1, 1)) != QColor(Qt::red));

        // At 200% both are 600 x 400 from the same origin.
        split.transform()->setZoom(2.0);
        QCOMPARE(split.frameRectF().size(), QSizeF(600, 400));
        QCOMPARE(split.leftRect(), split.frameRectF());
        QCOMPARE(split.scale(), 2.0);
    }

    // Drag-to-pan moves the image under the mouse by exactly the drag, in split and side by side.
    void dragPansTheImageUnderThePoint()
    {
        SplitCompareView split;
        split.resize(416, 316); // a 400 x 300 view inside the 8 px margin
        split.show();
        QVERIFY(QTest::qWaitForWindowExposed(&split));
        const QImage image = coordinates(300, 200);
        split.setImages(QImage(), image);
        split.setSplit(0.0);             // the divider at the frame's left edge, out of the way
        split.transform()->setZoom(2.0); // 600 x 400: larger than the view, centred
        const QPoint centre(208, 158);
        QCOMPARE(split.frameRectF(), QRectF(-92, -42, 600, 400));
        QCOMPARE(split.imagePointAt(centre), QPointF(150, 100));
        QCOMPARE(pixelAt(&split, centre), image.pixelColor(150, 100));

        // Dragging 40 px left and 30 px up brings the pixel 20, 15 image pixels further under the centre.
        QTest::mousePress(&split, Qt::LeftButton, {}, QPoint(300, 200));
        QTest::mouseMove(&split, QPoint(260, 170));
        QTest::mouseRelease(&split, Qt::LeftButton, {}, QPoint(260, 170));
        QCOMPARE(split.frameRectF(), QRectF(-132, -72, 600, 400));
        QCOMPARE(split.imagePointAt(centre), QPointF(170, 115));
        QCOMPARE(pixelAt(&split, centre), image.pixelColor(170, 115));
        QCOMPARE(split.split(), 0.0); // a drag away from the divider pans, it does not move the divider

        // Side by side: the same transform, so a drag in one view pans both.
        CompareArea area;
        area.resize(900, 400);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        area.setBefore(coordinates(800, 640), QStringLiteral("before"));
        area.setAfter(coordinates(800, 640));
        area.setZoom(CompareArea::Zoom::Actual);
        PreviewImageView *before = area.beforeView();
        PreviewImageView *after = area.afterView();
        const QPointF middle = QRectF(after->rect()).center();
        const QPointF beforeMiddle = QRectF(before->rect()).center();
        const QPointF underAfter = after->imagePointAt(middle);
        const QPointF underBefore = before->imagePointAt(beforeMiddle);
        QTest::mousePress(after, Qt::LeftButton, {}, middle.toPoint());
        QTest::mouseMove(after, middle.toPoint() + QPoint(-50, -40));
        QTest::mouseRelease(after, Qt::LeftButton, {}, middle.toPoint() + QPoint(-50, -40));
        QCOMPARE(after->imagePointAt(middle), underAfter + QPointF(50, 40));
        QCOMPARE(before->imagePointAt(beforeMiddle), underBefore + QPointF(50, 40));
    }

    // Zoom in and out by steps from what is shown, in every view, with the shortcuts and the wheel.
    void zoomStepsInEveryView()
    {
        CompareArea area;
        area.resize(1000, 700);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        area.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&area));
        area.setBefore(coordinates(300, 200), QStringLiteral("before"));
        area.setAfter(coordinates(300, 200));
        QVERIFY(area.transform()->isFit());
        QCOMPARE(area.afterView()->scale(), 1.0); // Fit never enlarges

        QTest::keyClick(&area, Qt::Key_Equal, Qt::ControlModifier);
        QCOMPARE(area.afterView()->scale(), 1.5);
        QCOMPARE(area.beforeView()->scale(), 1.5);
        QCOMPARE(area.zoomCombo()->currentText(), QStringLiteral("150%"));
        QTest::keyClick(&area, Qt::Key_Equal, Qt::ControlModifier);
        QCOMPARE(area.afterView()->scale(), 2.0);
        area.setViewMode(CompareArea::ViewMode::Split);
        QCOMPARE(area.splitView()->scale(), 2.0);
        QCOMPARE(area.splitView()->frameRect().size(), QSize(600, 400));
        area.setViewMode(CompareArea::ViewMode::Toggle);
        QCOMPARE(area.splitView()->frameRect().size(), QSize(600, 400));
        QTest::keyClick(&area, Qt::Key_Minus, Qt::ControlModifier);
        QCOMPARE(area.splitView()->scale(), 1.5);
        QTest::keyClick(&area, Qt::Key_Minus, Qt::ControlModifier);
        QTest::keyClick(&area, Qt::Key_Minus, Qt::ControlModifier);
        QCOMPARE(area.splitView()->scale(), 0.75);
        QCOMPARE(area.zoomCombo()->currentText(), QStringLiteral("75%"));
        area.zoomCombo()->setCurrentIndex(0); // Fit
        QVERIFY(area.transform()->isFit());
        QCOMPARE(area.splitView()->scale(), 1.0);
    }

    // Ctrl+wheel zooms one step and keeps the image pixel under the mouse where it is.
    void ctrlWheelZoomsAtTheMouse()
    {
        SplitCompareView split;
        split.resize(416, 316); // a 400 x 300 view centred on 208, 158
        split.show();
        QVERIFY(QTest::qWaitForWindowExposed(&split));
        split.setImages(QImage(), coordinates(1600, 1200));
        split.transform()->setZoom(1.0);
        const QPointF mouse(268, 198);
        QCOMPARE(split.imagePointAt(mouse), QPointF(860, 640));
        QWheelEvent wheel(mouse, split.mapToGlobal(mouse), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::ControlModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(&split, &wheel);
        QCOMPARE(split.scale(), 1.5);
        QCOMPARE(split.frameRectF(), QRectF(-1022, -762, 2400, 1800));
        QCOMPARE(split.imagePointAt(mouse), QPointF(860, 640));
        // And back down a step the same way.
        QWheelEvent back(mouse, split.mapToGlobal(mouse), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::ControlModifier,
                         Qt::NoScrollPhase, false);
        QApplication::sendEvent(&split, &back);
        QCOMPARE(split.scale(), 1.0);
        QCOMPARE(split.imagePointAt(mouse), QPointF(860, 640));
    }

    // "Side by side at Fit scales panes separately": with same scale a 300 px
    // result is three quarters as wide as a 400 px one.
    void sameScaleShowsSizesInProportion()
    {
        CompareArea area;
        area.resize(500, 600); // panes narrower than both images, and tall enough
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        area.setBefore(solid(400, 300, Qt::red), QStringLiteral("400 px"));
        area.setAfter(solid(300, 225, Qt::blue));
        PreviewImageView *before = area.beforeView();
        PreviewImageView *after = area.afterView();
        QVERIFY(before->width() < 300);
        // Each fitted on its own: the same width, whatever their sizes.
        QCOMPARE(after->imageRect().width(), before->imageRect().width());

        area.setSameScale(true);
        QCOMPARE(after->scale(), before->scale());
        QCOMPARE(after->imageRect().width() / before->imageRect().width(), 0.75);
        QCOMPARE(before->imageRect().width(), double(before->width())); // the larger one still fits
        area.setSameScale(false);
        QCOMPARE(after->imageRect().width(), before->imageRect().width());
    }

    // The panel with real renders: split at 200% (the original scaled into the
    // 300 px result's rectangle, colour left of the divider, grey right) and
    // side by side at the same scale (a 300 px square beside a 1200 px
    // resize); saved for people to look at.
    void panelScreenshots()
    {
        LocalEngineClient engine(previewConfig(), QStringLiteral("demo.yml"));
        PreviewPanel panel;
        panel.setEngineClient(&engine);
        panel.resize(1100, 700);
        panel.setConfig(previewConfig());
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy rendered(panel.controller(), &PreviewController::rendered);
        QVERIFY(panel.openFile(photoPath(QStringLiteral("photo_1920x1280.jpg"))));
        PreviewParameters grey;
        grey.width = 300;
        grey.grayscale = true;
        panel.setParameters(grey);
        QTRY_COMPARE(rendered.count(), 1);
        QTRY_VERIFY(!panel.controller()->isBusy());
        panel.setViewMode(PreviewPanel::ViewMode::Split);
        panel.compareArea()->transform()->setZoom(2.0);
        SplitCompareView *split = panel.splitView();
        QCOMPARE(split->frameRectF().size(), QSizeF(600, 400));
        QCOMPARE(split->leftRect(), split->frameRectF());
        QDir().mkpath(QStringLiteral(MORT_BINARY_DIR "/screenshots"));
        QVERIFY(panel.grab().save(QStringLiteral(MORT_BINARY_DIR "/screenshots/studio-preview-split-200.png")));

        QSignalSpy compared(panel.compareController(), &PreviewController::rendered);
        PreviewParameters wide;
        wide.width = 1200;
        panel.setParameters(wide);
        QVERIFY(panel.setCompareWith(QStringLiteral("square")));
        QTRY_COMPARE(rendered.count(), 2);
        QTRY_VERIFY(!compared.isEmpty());
        QTRY_VERIFY(!panel.controller()->isBusy() && !panel.compareController()->isBusy());
        panel.setViewMode(PreviewPanel::ViewMode::SideBySide);
        panel.setZoom(PreviewPanel::Zoom::Fit);
        panel.compareArea()->setSameScale(true);
        PreviewImageView *before = panel.compareArea()->beforeView();
        PreviewImageView *after = panel.compareArea()->afterView();
        QCOMPARE(before->image().width(), 300);
        QCOMPARE(after->image().width(), 1200);
        QVERIFY(after->scale() < 1.0);
        QCOMPARE(before->imageRect().width() / after->imageRect().width(), 0.25);
        QVERIFY(panel.grab().save(QStringLiteral(MORT_BINARY_DIR "/screenshots/studio-preview-same-scale.png")));
    }
};

QTEST_MAIN(TestCompareViews)
#include "tst_compareviews.moc"
