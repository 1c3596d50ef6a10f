// Issue 25 finding 9: the Preview's parameters and feedback. Format offers
// avif and heif; Width/Height reach the bucket's limits.maxOutputDimension and
// a larger value typed is refused with a note (99999 silently became 999);
// Copy URL copies a URL with the server's address and says so; with no image
// open nothing says "Rendering…" and Copy URL / Contact sheet are off; a
// failed render is one clean message, without server paths; Resize and Crop
// have their own sizes (Resize 400 + Crop gave a 400 x 1280 strip).
#include "previewtestsupport.h"

#include "ui/shared/elidedlabel.h"
#include "client/localengineclient.h"
#include "ui/mainwindow.h"
#include "ui/preview/previewpanel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

using namespace mort;
using namespace mort::test;

namespace {

// previewConfig() with a listener on a known port and its own output limit.
ConfigPtr configWith(const QString &listen, int maxOutputDimension)
{
    auto config = ConfigLoader::fromText(QStringLiteral(R"yaml(
server:
  listens: ["%1"]
  limits: {maxOutputDimension: %2}
buckets:
  demo:
    transform:
      kind: "presets-query"
      path: "\\/(?P<presetName>[a-z0-9_]+)\\/(?P<parent>[a-zA-Z0-9_\\-\\.]+)$"
      parentBucket: "demo"
      resultKey: "hash"
      presets:
        small:
          filters:
            thumbnail: {width: 150}
    storages:
      basic: {kind: "noop"}
)yaml")
                                             .arg(listen)
                                             .arg(maxOutputDimension));
    return config ? config.value() : nullptr;
}

QSpinBox *spinBoxFor(const PreviewPanel &panel, const QString &queryKey)
{
    for (QSpinBox *box : panel.findChildren<QSpinBox *>()) {
        if (box->toolTip().endsWith(QStringLiteral("(%1)").arg(queryKey)))
            return box;
    }
    return nullptr;
}

QPushButton *button(const PreviewPanel &panel, const QString &text)
{
    for (QPushButton *b : panel.findChildren<QPushButton *>()) {
        if (b->text() == text)
            return b;
    }
    return nullptr;
}

void typeInto(QSpinBox *box, const QString &text)
{
    box->setFocus();
    box->selectAll();
    QTest::keyClicks(box, text);
}

// The editor of one parameter (found by its spec's tooltip, unique per row).
QSpinBox *spinBoxFor(const PreviewPanel &panel, PreviewParameters::Param param)
{
    const QString toolTip = PreviewParameters::spec(param).toolTip;
    for (QSpinBox *box : panel.findChildren<QSpinBox *>()) {
        if (box->toolTip().startsWith(toolTip + QStringLiteral(" (")))
            return box;
    }
    return nullptr;
}

void checkOperation(const PreviewPanel &panel, PreviewParameters::Operation op)
{
    auto *operations = panel.findChild<QListWidget *>();
    for (int row = 0; operations && row < operations->count(); ++row) {
        if (operations->item(row)->text() == PreviewParameters::operationLabel(op))
            operations->item(row)->setCheckState(Qt::Checked);
    }
}

// Everything the panel shows as text (elided lines in full) but the request URL.
QStringList shownTexts(const PreviewPanel &panel)
{
    QStringList texts;
    for (const QLabel *label : panel.findChildren<QLabel *>()) {
        if (label->objectName() == QLatin1String("previewUrl"))
            continue;
        const auto *elided = qobject_cast<const ElidedLabel *>(label);
        texts << (elided ? elided->fullText() : label->text());
    }
    return texts;
}

} // namespace

class TestPreviewForm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        qRegisterMetaType<mort::PreviewInfo>();
    }

    void formatOffersAvifAndHeif()
    {
        LocalEngineClient engine(previewConfig(), QStringLiteral("demo.yml")); // renders, as in the studio
        PreviewPanel panel;
        panel.setEngineClient(&engine);
        panel.setConfig(previewConfig());
        QComboBox *format = nullptr;
        for (QComboBox *combo : panel.findChildren<QComboBox *>()) {
            if (combo->findData(QStringLiteral("jpeg")) >= 0)
                format = combo;
        }
        QVERIFY(format);
        QVERIFY(format->findData(QStringLiteral("avif")) >= 0);
        QVERIFY(format->findData(QStringLiteral("heif")) >= 0);
        QVERIFY(PreviewParameters::fromQuery("width=1&format=avif").ok());
    }

    void sizeUpToTheLimitAndRefusedAboveIt()
    {
        LocalEngineClient engine(previewConfig(), QStringLiteral("demo.yml")); // renders, as in the studio
        PreviewPanel panel;
        panel.setEngineClient(&engine);
        panel.setConfig(previewConfig()); // default limit: 8192
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSpinBox *width = spinBoxFor(panel, QStringLiteral("width"));
        QVERIFY(width);
        typeInto(width, QStringLiteral("8192"));
        QCOMPARE(width->value(), 8192);
        QCOMPARE(panel.noteText(), QString());
        typeInto(width, QStringLiteral("99999"));
        // The first digit too many is refused, and the note says so (it was silent).
        QVERIFY2(panel.noteText().contains(QStringLiteral("9999 px")), qPrintable(panel.noteText()));
        QVERIFY(panel.noteText().contains(QStringLiteral("8192")));
        QVERIFY(panel.noteText().contains(QStringLiteral("limits.maxOutputDimension")));

        // The bucket's own limit, not a constant.
        panel.setConfig(configWith(QStringLiteral("127.0.0.1:8080"), 4000));
        QSpinBox *height = spinBoxFor(panel, QStringLiteral("height"));
        QCOMPARE(height->maximum(), 4000);
        typeInto(height, QStringLiteral("5000"));
        QVERIFY2(panel.noteText().contains(QStringLiteral("4000")), qPrintable(panel.noteText()));
    }

    void copyUrlCopiesTheServersUrlAndSaysSo()
    {
        LocalEngineClient engine(configWith(QStringLiteral(":8080"), 8192), QStringLiteral("demo.yml"));
        PreviewPanel panel;
        panel.setEngineClient(&engine);
        panel.setConfig(configWith(QStringLiteral(":8080"), 8192));
        panel.controller()->setDebounceMs(0);
        panel.openBytes(readPhoto(QStringLiteral("photo_300x200.jpg")), QStringLiteral("photo_300x200.jpg"),
                        QStringLiteral("test"));
        QVERIFY(panel.selectPreset(QStringLiteral("small")));
        QApplication::clipboard()->clear();
        panel.copyUrl();
        QCOMPARE(QApplication::clipboard()->text(),
                 QStringLiteral("http://127.0.0.1:8080/demo/small/photo_300x200.jpg"));
        QVERIFY2(panel.noteText().contains(QStringLiteral("Copied http://127.0.0.1:8080/demo/small/photo_300x200.jpg")),
                 qPrintable(panel.noteText()));
    }

    void noImageIsAnEmptyState()
    {
        LocalEngineClient engine(previewConfig(), QStringLiteral("demo.yml")); // renders, as in the studio
        PreviewPanel panel;
        panel.setEngineClient(&engine);
        panel.setConfig(previewConfig());
        panel.controller()->setDebounceMs(0);
        PreviewParameters p;
        p.width = 100;
        panel.setParameters(p);
        QTest::qWait(100); // not a synchronisation: proves no render starts (debounce 0) without an image
        QVERIFY2(!panel.infoText().contains(QStringLiteral("Rendering")), qPrintable(panel.infoText()));
        QVERIFY2(panel.infoText().contains(QStringLiteral("Ctrl+O")), qPrintable(panel.infoText()));
        QVERIFY(button(panel, QStringLiteral("Copy URL")));
        QVERIFY(!button(panel, QStringLiteral("Copy URL"))->isEnabled());
        QVERIFY(!button(panel, QStringLiteral("Contact sheet…"))->isEnabled());

        QSignalSpy rendered(panel.controller(), &PreviewController::rendered);
        panel.openBytes(readPhoto(QStringLiteral("photo_300x200.jpg")), QStringLiteral("photo_300x200.jpg"),
                        QStringLiteral("test"));
        QVERIFY(button(panel, QStringLiteral("Copy URL"))->isEnabled());
        QVERIFY(button(panel, QStringLiteral("Contact sheet…"))->isEnabled());
        QTRY_COMPARE(rendered.count(), 1);
        QVERIFY2(panel.infoText().startsWith(QStringLiteral("jpeg · 100 × ")), qPrintable(panel.infoText()));
    }

    void failureIsOneCleanMessage()
    {
        LocalEngineClient engine(previewConfig(), QStringLiteral("demo.yml")); // renders, as in the studio
        PreviewPanel panel;
        panel.setEngineClient(&engine);
        panel.setConfig(previewConfig());
        panel.controller()->setDebounceMs(0);
        QSignalSpy failed(panel.controller(), &PreviewController::failed);
        panel.openBytes(QByteArray("this is no image, just text\n").repeated(20), QStringLiteral("notes.jpg"),
                        QStringLiteral("test"));
        QVERIFY(panel.selectPreset(QStringLiteral("small")));
        QTRY_VERIFY(failed.count() >= 2 && !panel.controller()->isBusy()); // the decode and the render
        QTest::qWait(50); // not a synchronisation (onFailed is direct): lets a late duplicate land, if any
        const QString all = shownTexts(panel).join(u'\n');
        QVERIFY2(all.count(QStringLiteral("unsupported image type"), Qt::CaseInsensitive) <= 1, qPrintable(all));
        QVERIFY2(all.count(QStringLiteral("image.unsupported_type")) <= 1, qPrintable(all));
        // No file of the server (libvips names its loaders' files, temp paths, ...).
        static const QRegularExpression path(QStringLiteral("(^|[\\s:(\"'])/[A-Za-z0-9_.-]+/"));
        QVERIFY2(!path.match(all).hasMatch(), qPrintable(all));
        QVERIFY2(panel.infoText().contains(QStringLiteral("Open a JPEG")), qPrintable(panel.infoText()));
    }

    // Resize 400 then Crop 400 x 300, typed into the form: a 400 x 300 result
    // (the query's one size is Crop's, as Mort's preset crop overrides its
    // thumbnail), and the YAML keeps each filter's own size.
    void resizeAndCropHaveTheirOwnSizes()
    {
        using Param = PreviewParameters::Param;
        using Op = PreviewParameters::Operation;
        LocalEngineClient engine(previewConfig(), QStringLiteral("demo.yml")); // renders, as in the studio
        PreviewPanel panel;
        panel.setEngineClient(&engine);
        panel.setConfig(previewConfig());
        panel.controller()->setDebounceMs(0);
        panel.resize(1100, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy rendered(panel.controller(), &PreviewController::rendered);
        QVERIFY(panel.openFile(photoPath(QStringLiteral("photo_1920x1280.jpg"))));
        checkOperation(panel, Op::Resize);
        typeInto(spinBoxFor(panel, Param::Width), QStringLiteral("400"));
        checkOperation(panel, Op::Crop);
        QSpinBox *cropWidth = spinBoxFor(panel, Param::CropWidth);
        QSpinBox *cropHeight = spinBoxFor(panel, Param::CropHeight);
        QVERIFY2(cropWidth && cropHeight, "Crop has no size of its own");
        QVERIFY(cropWidth->isVisible() && cropHeight->isVisible());
        QCOMPARE(cropWidth->maximum(), 8192); // the bucket's limit, as Width
        typeInto(cropWidth, QStringLiteral("400"));
        typeInto(cropHeight, QStringLiteral("300"));
        const PreviewParameters p = panel.controller()->parameters();
        QCOMPARE(p.width, 400);
        QCOMPARE(p.height, 0);
        QCOMPARE(p.toQuery(), QByteArray("operation=resize&operation=crop&width=400&height=300&gravity=smart"));
        QCOMPARE(panel.controller()->presetYaml(QStringLiteral("card")),
                 QStringLiteral("presets:\n  card:\n    filters:\n      thumbnail: {width: 400}\n"
                                "      crop: {width: 400, height: 300, gravity: smart}\n"));
        QTRY_VERIFY(!rendered.isEmpty() && rendered.last().at(1).value<PreviewInfo>().query == p.toQuery());
        const auto info = rendered.last().at(1).value<PreviewInfo>();
        QCOMPARE(QSize(info.width, info.height), QSize(400, 300));
        // Crop off: its rows go, Width/Height stay.
        QListWidget *operations = panel.findChild<QListWidget *>();
        for (int row = 0; row < operations->count(); ++row) {
            if (operations->item(row)->text() == PreviewParameters::operationLabel(Op::Crop))
                operations->item(row)->setCheckState(Qt::Unchecked);
        }
        QVERIFY(!cropWidth->isVisible());
        QVERIFY(spinBoxFor(panel, Param::Width)->isVisible());
        QCOMPARE(panel.controller()->parameters().toQuery(), QByteArray("operation=resize&width=400"));
    }

    // Finding 10: Open image and Save as preset are in the window's menus, with their shortcuts.
    void openAndSaveAreInTheMenus()
    {
        LocalEngineClient client(previewConfig(), QStringLiteral("demo.yml"));
        MainWindow window(&client);
        window.enablePreview(previewConfig());
        window.setCurrentTab(MainWindow::PreviewTab); // the keys are the Preview's while it is shown (tst_mainwindow)
        QHash<QString, QKeySequence> inMenus;
        for (QAction *menu : window.menuBar()->actions()) {
            if (menu->menu()) {
                for (QAction *action : menu->menu()->actions())
                    inMenus.insert(action->text().remove(u'&'), action->shortcut());
            }
        }
        QVERIFY2(inMenus.contains(QStringLiteral("Open image…")), qPrintable(inMenus.keys().join(u',')));
        QCOMPARE(inMenus.value(QStringLiteral("Open image…")), QKeySequence(QKeySequence::Open));
        QVERIFY(inMenus.contains(QStringLiteral("Save as preset…")));
        QCOMPARE(inMenus.value(QStringLiteral("Save as preset…")), QKeySequence(QKeySequence::Save));
    }

    // Finding 10: at the default 1137 x 720 the parameter panel does not scroll.
    void parametersFitTheDefaultWindow()
    {
        LocalEngineClient client(previewConfig(), QStringLiteral("demo.yml"));
        MainWindow window(&client);
        PreviewPanel *panel = window.enablePreview(previewConfig());
        window.setCurrentTab(MainWindow::PreviewTab);
        window.resize(1137, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QScrollArea *form = nullptr;
        for (QScrollArea *area : panel->findChildren<QScrollArea *>()) {
            if (area->widget() && area->widget()->findChild<QListWidget *>())
                form = area;
        }
        QVERIFY(form);
        for (const QString &preset : {QString(), QStringLiteral("small"), QStringLiteral("square")}) {
            QVERIFY(panel->selectPreset(preset));
            QCoreApplication::processEvents();
            QTRY_COMPARE(form->verticalScrollBar()->maximum(), 0);
        }
        // Resize and Crop together: both sizes shown, still no scrolling.
        PreviewParameters both;
        both.operations = {PreviewParameters::Operation::Resize, PreviewParameters::Operation::Crop};
        both.width = 400;
        both.cropWidth = 400;
        both.cropHeight = 300;
        QVERIFY(panel->selectPreset(QString()));
        panel->setParameters(both);
        QCoreApplication::processEvents();
        QTRY_COMPARE(form->verticalScrollBar()->maximum(), 0);
    }
};

QTEST_MAIN(TestPreviewForm)
#include "tst_previewform.moc"
