// Issue 25 findings 2 and 3, through the Save-as-preset dialog of a studio
// window on an embedded engine, as a designer uses it:
// - a name the bucket's URL pattern cannot reach is refused with a message
//   that says which names work, and nothing is written;
// - "served" is said only after a real request through the engine;
// - the name starts empty, an empty name is refused with a message, and
//   "No" is the default of the Replace prompt (Ctrl+S, Enter, Enter replaces nothing).
#include "integration/testserver.h"
#include "previewtestsupport.h"

#include "client/localengineclient.h"
#include "ui/mainwindow.h"
#include "ui/preview/previewpanel.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace mort;
using namespace mort::test;

namespace {

const QString kConfig = QStringLiteral(R"yaml(server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
buckets:
  demo:
    transform:
      kind: "presets"
      parentBucket: "demo"
      path: "\\/(?P<presetName>[a-z0-9_]+)\\/(?P<parent>[a-zA-Z0-9_\\-\\.]+)$"
      presets:
        small:
          quality: 75
          filters:
            thumbnail: {width: 150}
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
      transform: {kind: "noop"}
)yaml");

const QString kPhoto = QStringLiteral("photo_1920x1280.jpg");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The texts of the visible labels below `widget`, one per line.
QString shownText(const QWidget *widget)
{
    QStringList texts;
    for (const QLabel *label : widget->findChildren<QLabel *>()) {
        if (label->isVisible() && !label->text().isEmpty())
            texts << label->text();
    }
    return texts.join(u'\n');
}

// Runs `step` on the next modal window other than `previous` (dialogs run
// their own event loop, so this polls from a timer). A watchdog rejects any
// dialog left open so that a failing test cannot hang.
void onNextModal(std::function<void(QWidget *)> step, QWidget *previous = nullptr)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(20);
    auto started = std::make_shared<QElapsedTimer>();
    started->start();
    QObject::connect(timer, &QTimer::timeout, timer, [timer, step, previous, started] {
        QWidget *modal = QApplication::activeModalWidget();
        if (started->elapsed() > 15000) {
            timer->deleteLater();
            if (modal)
                QMetaObject::invokeMethod(modal, "reject");
            return;
        }
        if (!modal || modal == previous)
            return;
        timer->stop();
        timer->deleteLater();
        step(modal);
    });
    timer->start();
}

// Closes whatever modal window is still open after `ms` and reports what it
// said, so that an unexpected message box fails the test instead of hanging it.
class ModalWatchdog
{
public:
    explicit ModalWatchdog(int ms = 20000)
    {
        m_timer.setSingleShot(true);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            if (QWidget *modal = QApplication::activeModalWidget()) {
                m_leftOpen =
                    QString::fromLatin1(modal->metaObject()->className()) + QStringLiteral(": ") + shownText(modal);
                QMetaObject::invokeMethod(modal, "reject");
                m_timer.start(100); // and the one below it, if any
            }
        });
        m_timer.start(ms);
    }
    QString leftOpen() const { return m_leftOpen; }

private:
    QTimer m_timer;
    QString m_leftOpen;
};

void typeName(QWidget *dialog, const QString &name)
{
    QLineEdit *edit = dialog->findChild<QLineEdit *>();
    QVERIFY(edit);
    edit->clear();
    QTest::keyClicks(edit, name);
    QTest::keyClick(edit, Qt::Key_Return);
}

} // namespace

class TestSavePresetDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_configPath;

    // A fresh config file and the photo in the bucket's storage.
    void writeFixture()
    {
        QVERIFY(m_dir.isValid());
        m_configPath = m_dir.filePath(QStringLiteral("mort.yml"));
        QFile::remove(m_configPath);
        QFile file(m_configPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QString(kConfig).replace(QLatin1String("@ROOT@"), m_dir.path()).toUtf8());
        file.close();
        QDir().mkpath(m_dir.filePath(QStringLiteral("originals/demo")));
        const QString target = m_dir.filePath(QStringLiteral("originals/demo/") + kPhoto);
        QVERIFY(QFile::exists(target) || QFile::copy(photoPath(kPhoto), target));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // no window geometry or recent files of the user
        QSettings().clear();
        qRegisterMetaType<mort::PreviewInfo>();
    }

    // Finding 3.
    void nameStartsEmptyEmptyIsRefusedAndReplaceDefaultsToNo()
    {
        writeFixture();
        Expected<ConfigPtr> config = ConfigLoader::fromFile(m_configPath);
        QVERIFY(config);
        LocalEngineClient client(*config, m_configPath);
        QVERIFY(client.start());
        MainWindow window(&client);
        PreviewPanel *panel = window.enablePreview(*config);
        panel->setConfigFile(m_configPath,
                             [&client](const QString &yaml) { return client.engine()->applyConfig(yaml); });
        QVERIFY(panel->openFile(photoPath(kPhoto)));
        QVERIFY(panel->selectPreset(QStringLiteral("small"))); // the preset picked last
        window.show();
        const QByteArray before = readAll(m_configPath);

        QString prefilled = QStringLiteral("(no dialog)");
        bool stayedOpen = false;
        QString refusal;
        QWidget *nameDialog = nullptr;
        QWidget *prompt = nullptr;
        bool noIsDefault = false;
        onNextModal([&](QWidget *dialog) {
            nameDialog = dialog;
            prefilled = dialog->findChild<QLineEdit *>() ? dialog->findChild<QLineEdit *>()->text() : QString();
            typeName(dialog, QString()); // Enter on an empty name
            stayedOpen = QApplication::activeModalWidget() == dialog;
            refusal = shownText(dialog);
            onNextModal(
                [&](QWidget *box) { // the Replace prompt
                    prompt = box;
                    auto *message = qobject_cast<QMessageBox *>(box);
                    noIsDefault = message && message->defaultButton() == message->button(QMessageBox::No);
                    QTest::keyClick(box, Qt::Key_Return);
                    // "No" may leave the name dialog open for another name: close it.
                    QTimer::singleShot(100, qApp, [] {
                        if (QWidget *open = QApplication::activeModalWidget())
                            QMetaObject::invokeMethod(open, "reject");
                    });
                },
                dialog);
            if (stayedOpen)
                typeName(dialog, QStringLiteral("small")); // a live preset
        });
        ModalWatchdog watchdog;
        panel->savePresetDialog();
        QTRY_VERIFY(!QApplication::activeModalWidget());
        QVERIFY2(watchdog.leftOpen().isEmpty(), qPrintable(watchdog.leftOpen()));

        QVERIFY(nameDialog);
        QCOMPARE(prefilled, QString()); // not "small": Enter must not aim at a live preset
        QVERIFY2(stayedOpen, "an empty name closed the dialog silently");
        QVERIFY2(refusal.contains(QLatin1String("Enter a name")), qPrintable(refusal));
        QVERIFY(prompt);
        QVERIFY2(noIsDefault, "Yes is the default of the Replace prompt");
        QCOMPARE(readAll(m_configPath), before); // Enter said No: nothing replaced
        client.stop();
    }

    // Finding 2: refused before saving, confirmed by a request after saving.
    void unreachableNameIsRefusedAndServedIsConfirmed()
    {
        writeFixture();
        Expected<ConfigPtr> config = ConfigLoader::fromFile(m_configPath);
        QVERIFY(config);
        LocalEngineClient client(*config, m_configPath);
        QVERIFY(client.start());
        const QString address = client.engine()->stats().publicAddresses.value(0);
        MainWindow window(&client);
        PreviewPanel *panel = window.enablePreview(*config);
        panel->setConfigFile(m_configPath,
                             [&client](const QString &yaml) { return client.engine()->applyConfig(yaml); });
        QVERIFY(panel->openFile(photoPath(kPhoto)));
        QVERIFY(panel->selectPreset(QStringLiteral("small"))); // what gets saved: small's settings
        window.show();
        const QByteArray before = readAll(m_configPath);

        // Without the dialog: refused, with the names that work.
        const Expected<PresetEdit> direct = panel->savePreset(QStringLiteral("Hero-Banner"));
        QVERIFY2(!direct, "Hero-Banner was saved although /demo/Hero-Banner/... cannot reach it");
        QCOMPARE(direct.error().code, QByteArray("preview.save_refused"));
        QVERIFY2(direct.error().detail.contains(QLatin1String("[a-z0-9_]+")), qPrintable(direct.error().detail));
        QCOMPARE(readAll(m_configPath), before);

        // In the dialog: the message stays in the dialog, then a good name saves.
        QString refusal;
        bool stayedOpen = false;
        onNextModal([&](QWidget *dialog) {
            typeName(dialog, QStringLiteral("Hero-Banner"));
            stayedOpen = QApplication::activeModalWidget() == dialog;
            refusal = shownText(dialog);
            QDir().mkpath(QStringLiteral(MORT_BINARY_DIR "/screenshots"));
            dialog->grab().save(QStringLiteral(MORT_BINARY_DIR "/screenshots/studio-save-preset-refused.png"));
            if (stayedOpen)
                typeName(dialog, QStringLiteral("hero_banner"));
        });
        ModalWatchdog watchdog;
        panel->savePresetDialog();
        QTRY_VERIFY(!QApplication::activeModalWidget());
        QVERIFY2(watchdog.leftOpen().isEmpty(), qPrintable(watchdog.leftOpen()));
        QVERIFY2(stayedOpen, "Hero-Banner was accepted");
        QVERIFY2(refusal.contains(QLatin1String("[a-z0-9_]+")), qPrintable(refusal));
        QVERIFY2(refusal.contains(QLatin1String("hero_banner")), qPrintable(refusal)); // a name that works

        // Served is said once the engine answered the preset's URL.
        QTRY_VERIFY_WITH_TIMEOUT(panel->noteText().contains(QLatin1String("serves it")), 10000);
        QVERIFY2(panel->noteText().contains(QStringLiteral("/demo/hero_banner/") + kPhoto),
                 qPrintable(panel->noteText()));
        const Reply served = RawHttpClient(address).request("GET", "/demo/hero_banner/" + kPhoto.toLatin1());
        QCOMPARE(served.status, 200);
        QCOMPARE(decodeImage(served.body).width, 150);
        client.stop();
    }

    // Finding 2: a server that did not take the config is not called serving.
    void notServedIsNotClaimed()
    {
        writeFixture();
        Expected<ConfigPtr> config = ConfigLoader::fromFile(m_configPath);
        QVERIFY(config);
        LocalEngineClient client(*config, m_configPath);
        QVERIFY(client.start());
        MainWindow window(&client);
        PreviewPanel *panel = window.enablePreview(*config);
        // Says yes, applies nothing: the engine keeps the old presets.
        panel->setConfigFile(m_configPath, [](const QString &) { return Expected<void>(); });
        QVERIFY(panel->openFile(photoPath(kPhoto)));
        QVERIFY(panel->selectPreset(QStringLiteral("small")));
        window.show();
        onNextModal([&](QWidget *dialog) { typeName(dialog, QStringLiteral("wide")); });
        ModalWatchdog watchdog;
        panel->savePresetDialog();
        QTRY_VERIFY(!QApplication::activeModalWidget());
        QVERIFY2(watchdog.leftOpen().isEmpty(), qPrintable(watchdog.leftOpen()));
        QTRY_VERIFY_WITH_TIMEOUT(panel->noteText().contains(QLatin1String("does not serve")), 10000);
        QVERIFY2(!panel->noteText().contains(QLatin1String("serves it")), qPrintable(panel->noteText()));
        client.stop();
    }
};

QTEST_MAIN(TestSavePresetDialog)
#include "tst_savepresetdialog.moc"
