// Issue 25 finding 4: a long URL or error line in the Preview never sets the
// window's minimum width (it widened a 1137 px window to 2174 px on a 1600 px
// screen, pushing the controls and Save off-screen). The lines are elided or
// wrapped; the full text stays available as a tooltip.
#include "previewtestsupport.h"

#include "client/localengineclient.h"
#include "ui/mainwindow.h"
#include "ui/preview/previewpanel.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace mort;
using namespace mort::test;

namespace {

constexpr int kScreenWidth = 1024;
constexpr int kScreenHeight = 700;

// The longest text of a label below `widget` that contains `part`, or of its tooltip.
QString fullText(const QWidget *widget, const QString &part)
{
    QString found;
    for (const QLabel *label : widget->findChildren<QLabel *>()) {
        for (const QString &text : {label->text(), label->toolTip()}) {
            if (text.contains(part) && text.size() > found.size())
                found = text;
        }
    }
    return found;
}

} // namespace

class TestPreviewLongText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // no saved window geometry
        QSettings().clear();
        qRegisterMetaType<mort::PreviewInfo>();
    }

    void longUrlAndErrorDoNotWidenTheWindow()
    {
        LocalEngineClient client(previewConfig(), QStringLiteral("demo.yml"));
        MainWindow window(&client);
        PreviewPanel *panel = window.enablePreview(previewConfig());
        window.setCurrentTab(MainWindow::PreviewTab);
        window.resize(kScreenWidth, kScreenHeight);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY2(panel->minimumSizeHint().width() < kScreenWidth,
                 qPrintable(QString::number(panel->minimumSizeHint().width())));

        // A 300-character URL: /demo/small/<288 characters>.
        const QString name = QString(280, u'n') + QStringLiteral(".jpg");
        QSignalSpy rendered(panel->controller(), &PreviewController::rendered);
        panel->openBytes(readPhoto(QStringLiteral("photo_300x200.jpg")), name, QStringLiteral("test"));
        QVERIFY(panel->selectPreset(QStringLiteral("small")));
        QTRY_VERIFY(rendered.count() > 0 && !panel->controller()->isBusy());
        const QString url = QStringLiteral("/demo/small/") + name;
        QVERIFY(url.size() >= 290);
        QCOMPARE(panel->controller()->requestUrl(), url);
        QCOMPARE(fullText(panel, QStringLiteral("/demo/small/")), url); // still there to read in full
        QCoreApplication::processEvents();
        QVERIFY2(panel->minimumSizeHint().width() < kScreenWidth,
                 qPrintable(QStringLiteral("long URL: minimum width %1").arg(panel->minimumSizeHint().width())));
        QVERIFY2(window.minimumSizeHint().width() < kScreenWidth,
                 qPrintable(QString::number(window.minimumSizeHint().width())));
        QCOMPARE(window.width(), kScreenWidth);

        // A 300-character error line.
        const QString missing = QStringLiteral("/nonexistent/") + QString(270, u'e') + QStringLiteral(".jpg");
        QVERIFY(!panel->openFile(missing));
        QVERIFY(fullText(panel, missing).size() >= 290);
        QCoreApplication::processEvents();
        QVERIFY2(panel->minimumSizeHint().width() < kScreenWidth,
                 qPrintable(QStringLiteral("long error: minimum width %1").arg(panel->minimumSizeHint().width())));
        QCOMPARE(window.width(), kScreenWidth);
        // For people to look at (under Xvfb: QT_QPA_PLATFORM=xcb xvfb-run -s "-screen 0 1024x700x24").
        QDir().mkpath(QStringLiteral(MORT_BINARY_DIR "/screenshots"));
        QVERIFY(window.grab().save(QStringLiteral(MORT_BINARY_DIR "/screenshots/studio-preview-longurl.png")));

        // Shrunk by the user to its minimum, it stays there when the next
        // long lines arrive (it used to grow back).
        const int narrowest = window.minimumSizeHint().width();
        window.resize(narrowest, kScreenHeight);
        QCoreApplication::processEvents();
        QCOMPARE(window.width(), narrowest);
        panel->openBytes(readPhoto(QStringLiteral("photo_300x200.jpg")), QString(250, u'm') + QStringLiteral(".jpg"),
                         QStringLiteral("test"));
        QVERIFY(!panel->openFile(missing + QStringLiteral(".again")));
        QCoreApplication::processEvents();
        QCOMPARE(window.width(), narrowest);
    }
};

QTEST_MAIN(TestPreviewLongText)
#include "tst_previewlongtext.moc"
