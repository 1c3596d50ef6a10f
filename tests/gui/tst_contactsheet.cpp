// The contact sheet: every preset of the bucket rendered on one photo by the
// server's pipeline (same bytes as PreviewRenderer gives for each preset), a
// failing preset shown as its error, the grid composed and saved as PNG.
#include "previewtestsupport.h"

#include "service/previewrenderer.h"
#include "client/localengineclient.h"
#include "ui/preview/contactsheet.h"
#include "ui/preview/contactsheetdialog.h"
#include "ui/preview/previewpanel.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mort;
using namespace mort::test;

class TestContactSheet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<mort::ContactSheetTile>(); }

    void everyPresetRenderedAndComposed()
    {
        const ConfigPtr config = previewConfig();
        QVERIFY(config);
        const QByteArray photo = readPhoto(QStringLiteral("photo_1920x1280.jpg"));
        QVERIFY(!photo.isEmpty());
        LocalEngineClient engine(config, QStringLiteral("demo.yml")); // renders, as in the studio
        ContactSheetRenderer renderer;
        renderer.setEngineClient(&engine);
        QSignalSpy finished(&renderer, &ContactSheetRenderer::finished);
        QSignalSpy tiles(&renderer, &ContactSheetRenderer::tileReady);
        renderer.start(config, QStringLiteral("demo"), photo);
        QVERIFY(renderer.isRunning());
        QVERIFY(finished.wait(30000));
        QCOMPARE(tiles.count(), 3);
        const QList<ContactSheetTile> sheet = finished.at(0).at(0).value<QList<ContactSheetTile>>();
        QCOMPARE(sheet.size(), 3);
        // Sorted by preset name, with the server's output dimensions and bytes.
        QCOMPARE(sheet.at(0).preset, QStringLiteral("small"));
        QCOMPARE(sheet.at(0).format, QStringLiteral("jpeg"));
        QCOMPARE(QSize(sheet.at(0).width, sheet.at(0).height), QSize(150, 100));
        QCOMPARE(sheet.at(1).preset, QStringLiteral("square"));
        QCOMPARE(QSize(sheet.at(1).width, sheet.at(1).height), QSize(300, 300));
        QCOMPARE(sheet.at(2).preset, QStringLiteral("square_webp"));
        QCOMPARE(sheet.at(2).format, QStringLiteral("webp"));
        QCOMPARE(sheet.at(2).image.size(), QSize(300, 300));
        const PreviewRenderer direct(config);
        const PreviewResult small = direct.renderPreset(photo, QStringLiteral("demo"), QStringLiteral("small"));
        QVERIFY(small.ok);
        QCOMPARE(sheet.at(0).bytes, small.image.body.size());

        const QImage grid = composeContactSheet(sheet, QStringLiteral("photo_1920x1280.jpg"), 4, 240);
        QCOMPARE(grid.width(), 16 + 3 * (240 + 16)); // three tiles: three columns
        QVERIFY(grid.height() > 240 + 16);
        // The square preset's tile is filled with the photo, not the checkerboard.
        const QColor centre = grid.pixelColor(16 + 256 + 120, grid.height() - 16 - 240 / 2 - 40);
        QVERIFY2(centre != QColor(Qt::white) && centre != QColor(0xcc, 0xcc, 0xcc)
                     && centre != QColor(0xe6, 0xe6, 0xe6),
                 qPrintable(centre.name()));
    }

    void aFailingPresetShowsItsError()
    {
        auto config = ConfigLoader::fromText(QStringLiteral(R"yaml(
buckets:
  demo:
    transform:
      kind: "presets"
      path: "\\/(?P<presetName>[a-z0-9_]+)\\/(?P<parent>.*)"
      presets:
        fine: {quality: 80, filters: {thumbnail: {width: 100}}}
        huge: {quality: 80, filters: {thumbnail: {width: 90000}}}
    storages:
      basic: {kind: "noop"}
)yaml"));
        QVERIFY2(config, qPrintable(config ? QString() : config.error().toString()));
        LocalEngineClient engine(*config, QStringLiteral("demo.yml"));
        ContactSheetRenderer renderer;
        renderer.setEngineClient(&engine);
        QSignalSpy finished(&renderer, &ContactSheetRenderer::finished);
        renderer.start(*config, QStringLiteral("demo"), readPhoto(QStringLiteral("photo_1920x1280.jpg")));
        QVERIFY(finished.wait(30000));
        const QList<ContactSheetTile> sheet = renderer.tiles();
        QCOMPARE(sheet.size(), 2);
        QVERIFY(!sheet.at(0).image.isNull());
        QVERIFY(sheet.at(1).image.isNull());
        QVERIFY2(sheet.at(1).error.startsWith(QStringLiteral("422 ")), qPrintable(sheet.at(1).error));
    }

    void dialogFillsAndSaves()
    {
        LocalEngineClient engine(previewConfig(), QStringLiteral("demo.yml"));
        ContactSheetDialog dialog;
        dialog.renderer()->setEngineClient(&engine);
        QSignalSpy finished(dialog.renderer(), &ContactSheetRenderer::finished);
        dialog.start(previewConfig(), QStringLiteral("demo"), readPhoto(QStringLiteral("photo_1920x1280.jpg")),
                     QStringLiteral("photo_1920x1280.jpg"));
        dialog.show();
        QVERIFY(finished.wait(30000));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sheet.png"));
        QVERIFY(dialog.saveTo(path));
        QImage saved(path);
        QCOMPARE(saved.size(), dialog.sheet().size());
        QVERIFY(!dialog.saveTo(dir.filePath(QStringLiteral("no/such/dir/sheet.png"))));
        QDir().mkpath(QStringLiteral(MORT_BINARY_DIR "/screenshots"));
        QVERIFY(dialog.sheet().save(QStringLiteral(MORT_BINARY_DIR "/screenshots/contact-sheet.png")));
    }
};

QTEST_MAIN(TestContactSheet)
#include "tst_contactsheet.moc"
