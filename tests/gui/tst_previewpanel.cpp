// The preview panel offscreen: open an image (method and drop), pick a preset,
// compose query operations in the form, zoom, copy URL and YAML; a screenshot
// of the panel is saved for people to look at.
#include "previewtestsupport.h"

#include "client/localengineclient.h"
#include "ui/preview/previewimageview.h"
#include "ui/preview/previewpanel.h"
#include "ui/preview/splitcompareview.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QDropEvent>
#include <QListWidget>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace mort;
using namespace mort::test;

class TestPreviewPanel : public QObject
{
    Q_OBJECT

    // The demo-like config, a window large enough for both images, shown.
    static void showPanel(PreviewPanel &panel)
    {
        panel.resize(1400, 860);
        panel.setConfig(previewConfig());
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
    }

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<mort::PreviewInfo>(); }

    void presetThenFormThenScreenshot()
    {
        LocalEngineClient engine(previewConfig(), QStringLiteral("demo.yml")); // renders, as in the studio
        PreviewPanel panel;
        panel.setEngineClient(&engine);
        showPanel(panel);
        QSignalSpy rendered(panel.controller(), &PreviewController::rendered);
        QSignalSpy decoded(panel.controller(), &PreviewController::sourceDecoded);

        QVERIFY(panel.openFile(photoPath(QStringLiteral("photo_1920x1280.jpg"))));
        QVERIFY(panel.selectPreset(QStringLiteral("square")));
        QVERIFY(!panel.selectPreset(QStringLiteral("no_such_preset")));
        QTRY_COMPARE(decoded.count(), 1);
        QTRY_COMPARE(rendered.count(), 1);
        QTRY_VERIFY(!panel.controller()->isBusy());
        QCOMPARE(rendered.count(), 1);
        QCOMPARE(rendered.at(0).at(1).value<PreviewInfo>().presetName, QStringLiteral("square"));
        QVERIFY2(panel.infoText().startsWith(QStringLiteral("jpeg · 300 × 300 · ")), qPrintable(panel.infoText()));
        QVERIFY(panel.infoText().contains(QStringLiteral("% of the source")));

        auto *presetCombo = panel.findChildren<QComboBox *>().at(1);
        QCOMPARE(presetCombo->currentData().toString(), QStringLiteral("square"));
        // The preset's parameters are shown in the form.
        QCOMPARE(panel.controller()->parameters().toQuery(), QByteArray()); // query mode untouched
        auto *operations = panel.findChild<QListWidget *>();
        QVERIFY(operations);
        QCOMPARE(operations->item(0)->checkState(), Qt::Checked);
        QCOMPARE(operations->item(0)->text(), PreviewParameters::operationLabel(PreviewParameters::Operation::Crop));

        panel.copyUrl();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("/demo/square/photo_1920x1280.jpg"));
        panel.copyYaml();
        QCOMPARE(QApplication::clipboard()->text(),
                 QStringLiteral("presets:\n  square:\n    quality: 85\n    filters:\n"
                                "      crop: {width: 300, height: 300, gravity: smart}\n"));

        const QString shot = QStringLiteral("/tmp/mort-preview-panel.png");
        QVERIFY(panel.grab().save(shot));
        QDir().mkpath(QStringLiteral(MORT_BINARY_DIR "/screenshots"));
        QVERIFY(panel.grab().save(QStringLiteral(MORT_BINARY_DIR "/screenshots/studio-preview.png")));

        // Editing the form leaves the preset: checking "Blur" renders the query.
        const int blurRow = [&] {
            for (int r = 0; r < operations->count(); ++r) {
                if (operations->item(r)->text()
                    == PreviewParameters::operationLabel(PreviewParameters::Operation::Blur))
                    return r;
            }
            return -1;
        }();
        QVERIFY(blurRow > 0);
        operations->item(blurRow)->setCheckState(Qt::Checked);
        QCOMPARE(presetCombo->currentData().toString(), QString());
        QCOMPARE(panel.controller()->preset(), QString());
        QCOMPARE(panel.controller()->parameters().toQuery(),
                 QByteArray("operation=crop&operation=blur&width=300&height=300&gravity=smart&sigma=1&quality=85"));
        QTRY_COMPARE(rendered.count(), 2);
        QCOMPARE(rendered.at(1).at(1).value<PreviewInfo>().query, panel.controller()->parameters().toQuery());
        panel.copyUrl();
        QCOMPARE(QApplication::clipboard()->text(),
                 QStringLiteral("/demo/photo_1920x1280.jpg?operation=crop&operation=blur&width=300&height=300"
                                "&gravity=smart&sigma=1&quality=85"));
    }

    void compareTwoPresetsSplitAndToggle()
    {
        LocalEngineClient engine(previewConfig(), QStringLiteral("demo.yml")); // renders, as in the studio
        PreviewPanel panel;
        panel.setEngineClient(&engine);
        showPanel(panel);
        QSignalSpy rendered(panel.controller(), &PreviewController::rendered);
        QSignalSpy compared(panel.compareController(), &PreviewController::rendered);
        QVERIFY(panel.openFile(photoPath(QStringLiteral("photo_1920x1280.jpg"))));
        // Right: the square crop in grey (query parameters); left: preset "square" in colour.
        PreviewParameters p;
        p.operations = {PreviewParameters::Operation::Crop};
        p.cropWidth = 300;
        p.cropHeight = 300;
        p.gravity = QStringLiteral("smart");
        p.grayscale = true;
        panel.setParameters(p);
        QVERIFY(panel.setCompareWith(QStringLiteral("square")));
        QVERIFY(!panel.setCompareWith(QStringLiteral("no_such_preset")));
        QCOMPARE(panel.compareWith(), QStringLiteral("square"));
        QTRY_VERIFY(!compared.isEmpty() && !rendered.isEmpty());
        QTRY_VERIFY(!panel.controller()->isBusy() && !panel.compareController()->isBusy());
        QVERIFY2(panel.beforeTitle().startsWith(QStringLiteral("Preset square: jpeg · 300 × 300")),
                 qPrintable(panel.beforeTitle()));

        // Split: left of the divider the colour preset, right of it the grey one.
        panel.setViewMode(PreviewPanel::ViewMode::Split);
        SplitCompareView *split = panel.splitView();
        QVERIFY(split->isVisible());
        QCOMPARE(split->frameRect().size(), QSize(300, 300));
        split->setSplit(0.5);
        const auto saturationAt = [split](double fraction) {
            const QImage shot = split->grab().toImage();
            const QRect frame = split->frameRect();
            double sum = 0;
            int n = 0;
            for (int y = frame.top() + 40; y < frame.bottom() - 40; y += 7) {
                sum += shot.pixelColor(frame.left() + int(fraction * frame.width()), y).hsvSaturationF();
                ++n;
            }
            return sum / n;
        };
        QVERIFY2(saturationAt(0.25) > 0.2, qPrintable(QString::number(saturationAt(0.25))));
        QVERIFY2(saturationAt(0.75) < 0.05, qPrintable(QString::number(saturationAt(0.75))));
        // Dragging the divider to the right shows the left image there too.
        QTest::mousePress(split, Qt::LeftButton, {}, split->frameRect().center());
        QTest::mouseMove(split, QPoint(split->frameRect().right() - 10, split->frameRect().center().y()));
        QTest::mouseRelease(split, Qt::LeftButton, {},
                            QPoint(split->frameRect().right() - 10, split->frameRect().center().y()));
        QVERIFY(split->split() > 0.9);
        QVERIFY(saturationAt(0.75) > 0.2);
        QDir().mkpath(QStringLiteral(MORT_BINARY_DIR "/screenshots"));
        split->setSplit(0.5);
        QVERIFY(panel.grab().save(QStringLiteral(MORT_BINARY_DIR "/screenshots/studio-preview-split.png")));

        // Toggle: one image at a time, flipped by a click and by Space.
        panel.setViewMode(PreviewPanel::ViewMode::Toggle);
        QCOMPARE(split->mode(), SplitCompareView::Mode::Toggle);
        QVERIFY(!split->showsLeft());
        QVERIFY(saturationAt(0.25) < 0.05);
        QTest::mouseClick(split, Qt::LeftButton, {}, split->frameRect().center());
        QVERIFY(split->showsLeft());
        QVERIFY(saturationAt(0.75) > 0.2);
        QTest::keyClick(split, Qt::Key_Space);
        QVERIFY(!split->showsLeft());

        // Back to the original on the left; side by side again.
        QVERIFY(panel.setCompareWith(QString()));
        QVERIFY(panel.beforeTitle().startsWith(QStringLiteral("Before: 1920 × 1280")));
        panel.setViewMode(PreviewPanel::ViewMode::SideBySide);
        QVERIFY(!split->isVisible());
    }

    void recentImagesAreRememberedNewestFirst()
    {
        QSettings().remove(QStringLiteral("preview/recentFiles"));
        LocalEngineClient engine(previewConfig(), QStringLiteral("demo.yml"));
        PreviewPanel panel;
        panel.setEngineClient(&engine);
        panel.setConfig(previewConfig());
        QCOMPARE(panel.recentFiles(), QStringList());
        QVERIFY(panel.openFile(photoPath(QStringLiteral("photo_1920x1280.jpg"))));
        QVERIFY(panel.openFile(photoPath(QStringLiteral("gray_800x600.jpg"))));
        QVERIFY(panel.openFile(photoPath(QStringLiteral("photo_1920x1280.jpg"))));
        QVERIFY(!panel.openFile(QStringLiteral("/no/such/image.jpg"))); // failures are not remembered
        const QStringList expected{QFileInfo(photoPath(QStringLiteral("photo_1920x1280.jpg"))).absoluteFilePath(),
                                   QFileInfo(photoPath(QStringLiteral("gray_800x600.jpg"))).absoluteFilePath()};
        QCOMPARE(panel.recentFiles(), expected);
        // A new panel (the next start) offers the same list.
        PreviewPanel next;
        QCOMPARE(next.recentFiles(), expected);
        QSettings().remove(QStringLiteral("preview/recentFiles"));
    }

    void formShowsAndReadsBackParameters()
    {
        LocalEngineClient engine(previewConfig(), QStringLiteral("demo.yml"));
        PreviewPanel panel;
        panel.setEngineClient(&engine);
        panel.setConfig(previewConfig());
        PreviewParameters p;
        p.operations = {PreviewParameters::Operation::Rotate, PreviewParameters::Operation::Extract,
                        PreviewParameters::Operation::Watermark};
        p.angle = 270;
        p.top = 10;
        p.left = 20;
        p.areaWidth = 300;
        p.areaHeight = 200;
        p.watermarkImage = QStringLiteral("logo.png");
        p.watermarkPosition = QStringLiteral("top-center");
        p.opacity = 0.25;
        p.quality = 60;
        p.format = QStringLiteral("png");
        p.grayscale = true;
        panel.setParameters(p);
        // Every value went through its widget and came back unchanged, order included.
        QCOMPARE(panel.controller()->parameters().toQuery(), p.toQuery());
        QVERIFY(panel.controller()->parameters() == p);
    }

    void zoomIsShared()
    {
        LocalEngineClient engine(previewConfig(), QStringLiteral("demo.yml"));
        PreviewPanel panel;
        panel.setEngineClient(&engine);
        panel.resize(900, 600);
        panel.setConfig(previewConfig());
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy rendered(panel.controller(), &PreviewController::rendered);
        QVERIFY(panel.openFile(photoPath(QStringLiteral("photo_1920x1280.jpg"))));
        PreviewParameters p;
        p.width = 1200;
        panel.setParameters(p);
        QTRY_COMPARE(rendered.count(), 1);
        const QList<PreviewImageView *> views = panel.findChildren<PreviewImageView *>();
        QCOMPARE(views.size(), 2);
        QTRY_VERIFY(!views.at(0)->image().isNull());
        QVERIFY(views.at(1)->scale() < 1.0); // fit: 1200 px do not fit a 900 px window
        panel.setZoom(PreviewPanel::Zoom::Actual);
        for (PreviewImageView *v : views) {
            QVERIFY(!v->isFit());
            QCOMPARE(v->scale(), 1.0);
        }
        panel.setZoom(PreviewPanel::Zoom::Fit);
        for (PreviewImageView *v : views)
            QVERIFY(v->isFit());
    }

    void openByDropAndRefuseMissingFiles()
    {
        LocalEngineClient engine(previewConfig(), QStringLiteral("demo.yml"));
        PreviewPanel panel;
        panel.setEngineClient(&engine);
        panel.setConfig(previewConfig());
        QVERIFY(!panel.openFile(QStringLiteral("/nonexistent/file.jpg")));
        QVERIFY(panel.infoText().contains(QStringLiteral("/nonexistent/file.jpg")));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(photoPath(QStringLiteral("photo_800x600.jpg")))});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&panel, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&panel, &drop);
        QCOMPARE(panel.controller()->sourceName(), QStringLiteral("photo_800x600.jpg"));
        QCOMPARE(panel.controller()->source().size(), QFileInfo(photoPath(QStringLiteral("photo_800x600.jpg"))).size());
    }
};

QTEST_MAIN(TestPreviewPanel)
#include "tst_previewpanel.moc"
