// Issue 21 (slice 2-3): the Config tab on the embedded engine and attached to
// a real mort-server. The running config loads into the tree, the preset form
// and the YAML view; a width typed in the form rewrites the YAML (comments
// kept, undo in the YAML view); Apply hot-reloads it and a real GET of
// /<bucket>/<preset>/<image> answers the new width; a broken value is refused
// with its key path, shown in the list and under its field.
#include "previewtestsupport.h"
#include "integration/serverprocess.h"

#include "client/localengineclient.h"
#include "client/remoteengineclient.h"
#include "ui/config/bucketpathtester.h"
#include "ui/config/configdiff.h"
#include "ui/config/configdiffdialog.h"
#include "ui/config/configpanel.h"
#include "ui/config/presetfieldsform.h"
#include "ui/mainwindow.h"
#include "ui/preview/previewpanel.h"

#include <QDir>
#include <QImage>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mort;
using namespace mort::test;

namespace {

const QString kToken = QStringLiteral("config-panel-token-0123456789");

const QString kConfig = QStringLiteral(R"(# kept: the operator's comment
server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
  adminToken: "config-panel-token-0123456789"
buckets:
  demo:
    transform:
      kind: "presets"
      path: "\\/(?P<presetName>[a-z0-9_]+)\\/(?P<parent>[a-zA-Z0-9_\\-\\.]+)$"
      parentBucket: "demo"
      presets:
        small:
          quality: 75 # kept too
          filters:
            thumbnail: {width: 150}
            strip: true
    storages:
      basic: {kind: local-meta, rootPath: "%1"}
      transform: {kind: noop}
)");

const QStringList kWidth{QStringLiteral("filters"), QStringLiteral("thumbnail"), QStringLiteral("width")};

} // namespace

class TestConfigPanel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    bool m_negativeShot = false;

    // The same steps for the embedded engine and an attached server.
    void exercise(EngineClient &client, const QString &address)
    {
        MainWindow window(&client);
        window.enablePreview(nullptr);
        ConfigPanel *panel = window.enableConfig();
        panel->setValidationDelayMs(0);
        window.setCurrentTab(MainWindow::ConfigTab);
        QCOMPARE(window.tabs()->currentWidget(), panel);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QSignalSpy loaded(panel, &ConfigPanel::loaded);
        panel->loadFromEngine();
        QVERIFY(loaded.wait(10000));
        QVERIFY(panel->editedText().startsWith(QStringLiteral("# kept: the operator's comment")));
        QVERIFY(panel->selectPreset(QStringLiteral("demo"), QStringLiteral("small")));
        QCOMPARE(servedWidth(address, QStringLiteral("/demo/small/photo.jpg")), 150);

        // The form shows the YAML's values; a new width rewrites the text.
        PresetFieldsForm *form = panel->presetForm();
        QCOMPARE(ConfigTextEditValue(panel), QStringLiteral("150"));
        QVERIFY(form->setFieldValue(kWidth, QStringLiteral("240")));
        QVERIFY2(panel->editedText().contains(QStringLiteral("width: 240")), qPrintable(panel->editedText()));
        QVERIFY(panel->editedText().contains(QStringLiteral("# kept: the operator's comment")));
        QVERIFY(panel->editedText().contains(QStringLiteral("strip: true"))); // a key the form has no field for
        // Undo in the YAML view takes the form edit back; redo brings it again.
        panel->yamlView()->undo();
        QVERIFY(panel->editedText().contains(QStringLiteral("{width: 150}")));
        panel->yamlView()->redo();
        QVERIFY(panel->editedText().contains(QStringLiteral("width: 240")));

        // The diff shows the change, not the whole file.
        ConfigDiffDialog diff(panel->runningText(), panel->editedText());
        QVERIFY(diff.hasChanges());
        QVERIFY2(diff.shownDiff().contains(QStringLiteral("+")) && diff.shownDiff().contains(QStringLiteral("240")),
                 qPrintable(diff.shownDiff()));
        QVERIFY(!diff.shownDiff().contains(QStringLiteral("operator's comment")));

        QSignalSpy applied(panel, &ConfigPanel::applyFinished);
        QSignalSpy previewReloaded(window.previewPanel(), &PreviewPanel::configLoaded);
        panel->applyNow();
        QVERIFY(applied.wait(20000));
        QVERIFY2(applied.last().at(0).value<ConfigCheck>().applied, qPrintable(panel->statusText()));
        QCOMPARE(servedWidth(address, QStringLiteral("/demo/small/photo.jpg")), 240);
        QTRY_COMPARE_WITH_TIMEOUT(previewReloaded.size(), 1, 10000); // the Preview takes the applied presets

        // A broken regex: validation names the key, Apply refuses it, the
        // server keeps serving the last good config.
        QSignalSpy validated(panel, &ConfigPanel::validated);
        panel->setEditedText(
            panel->editedText().replace(QStringLiteral("(?P<presetName>"), QStringLiteral("(?P<presetName")));
        QVERIFY(validated.wait(10000));
        QVERIFY2(panel->shownIssues().join(u'\n').contains(QStringLiteral("buckets.demo.transform.path:")),
                 qPrintable(panel->shownIssues().join(u'\n')));
        panel->applyNow();
        QVERIFY(applied.wait(20000));
        QVERIFY(!applied.last().at(0).value<ConfigCheck>().applied);
        QVERIFY2(panel->statusText().contains(QStringLiteral("buckets.demo.transform.path")),
                 qPrintable(panel->statusText()));
        QCOMPARE(servedWidth(address, QStringLiteral("/demo/small/photo.jpg")), 240);

        // A width that is no number: shown under the width field.
        panel->yamlView()->undo(); // the regex back
        panel->setEditedText(panel->editedText().replace(QStringLiteral("width: 240"), QStringLiteral("width: wide")));
        QVERIFY(validated.wait(10000));
        QVERIFY(panel->selectPreset(QStringLiteral("demo"), QStringLiteral("small")));
        QVERIFY2(!form->issueText(kWidth).isEmpty(), qPrintable(panel->shownIssues().join(u'\n')));

        // A negative width: the engine's validator names the key, the form
        // shows it under the width field, Apply is off and the engine refuses it.
        const QString widthKey = QStringLiteral("buckets.demo.transform.presets.small.filters.thumbnail.width");
        panel->setEditedText(panel->editedText().replace(QStringLiteral("width: wide"), QStringLiteral("width: -5")));
        QVERIFY(validated.wait(10000));
        QVERIFY2(panel->shownIssues().join(u'\n').contains(widthKey + QStringLiteral(": must not be negative, got -5")),
                 qPrintable(panel->shownIssues().join(u'\n')));
        QVERIFY(panel->selectPreset(QStringLiteral("demo"), QStringLiteral("small")));
        QVERIFY2(form->issueText(kWidth).contains(QStringLiteral("negative")), qPrintable(form->issueText(kWidth)));
        QVERIFY(!panel->findChild<QPushButton *>(QStringLiteral("configApply"))->isEnabled());
        panel->applyNow();
        QVERIFY(applied.wait(20000));
        QVERIFY(!applied.last().at(0).value<ConfigCheck>().applied);
        QVERIFY2(panel->statusText().contains(widthKey), qPrintable(panel->statusText()));
        QCOMPARE(servedWidth(address, QStringLiteral("/demo/small/photo.jpg")), 240);
        if (!m_negativeShot) {
            m_negativeShot = true;
            QVERIFY(window.grab().save(QStringLiteral(MORT_BINARY_DIR "/screenshots/studio-config-invalid.png")));
        }
    }

    static QString ConfigTextEditValue(ConfigPanel *panel)
    {
        const QString text = panel->editedText();
        const qsizetype at = text.indexOf(QStringLiteral("{width: "));
        return at < 0 ? QString() : text.mid(at + 8, 3);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<mort::ConfigCheck>();
        QVERIFY(m_dir.isValid());
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("demo/photo.jpg")),
                          readPhoto(QStringLiteral("photo_800x600.jpg"))));
    }

    void lineDiff()
    {
        const QStringList lines = unifiedDiff(
            diffLines(QStringLiteral("a\nb\nc\nd\ne\nf\ng\nh\ni"), QStringLiteral("a\nb\nc\nd\nE\nf\ng\nh\ni")), 1);
        QCOMPARE(lines, (QStringList{" d", "-e", "+E", " f"}));
        QVERIFY(unifiedDiff(diffLines(QStringLiteral("same"), QStringLiteral("same"))).isEmpty());
    }

    void urlTester()
    {
        // The engine's parser on the editor's text: named groups, the parsed
        // object and its result key; a bad path is the server's 400.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.yml"));
        QVERIFY(writeFile(path, kConfig.arg(m_dir.path()).toUtf8()));
        Expected<ConfigPtr> config = ConfigLoader::fromFile(path);
        QVERIFY(config);
        LocalEngineClient client(*config, path); // not started: the tester needs no server
        ConfigPanel panel(&client);
        QSignalSpy loaded(&panel, &ConfigPanel::loaded);
        panel.loadFromEngine();
        QVERIFY(loaded.wait(10000));
        QVERIFY(panel.selectBucket(QStringLiteral("demo")));
        BucketPathTester *tester = panel.bucketTester();
        tester->setUrl(QStringLiteral("http://127.0.0.1:8080/demo/small/photo.jpg"));
        QVERIFY2(tester->resultText().contains(QStringLiteral("presetName = \"small\"")),
                 qPrintable(tester->resultText()));
        QVERIFY(tester->resultText().contains(QStringLiteral("parent = \"photo.jpg\"")));
        QVERIFY(tester->resultText().contains(QStringLiteral("Result key: /small/photo.jpg (storage transform)")));
        QVERIFY(tester->resultText().contains(QStringLiteral("a transform of /photo.jpg")));
        panel.resize(1100, 560);
        QDir().mkpath(QStringLiteral(MORT_BINARY_DIR "/screenshots"));
        QVERIFY(panel.grab().save(QStringLiteral(MORT_BINARY_DIR "/screenshots/studio-config-url-tester.png")));
        tester->setUrl(QStringLiteral("/demo/huge/photo.jpg"));
        QVERIFY2(tester->resultText().contains(QStringLiteral("400")), qPrintable(tester->resultText()));
    }

    void embedded()
    {
        // As the studio starts on `--config FILE`: the file's text is what the tab edits.
        const QString path = m_dir.filePath(QStringLiteral("embedded.yml"));
        QVERIFY(writeFile(path, kConfig.arg(m_dir.path()).toUtf8()));
        Expected<ConfigPtr> config = ConfigLoader::fromFile(path);
        QVERIFY2(config, config ? "" : qPrintable(config.error().detail));
        LocalEngineClient client(*config, path);
        QVERIFY(client.start());
        exercise(client, client.engine()->stats().publicAddresses.value(0));
    }

    void attached()
    {
        const QString path = m_dir.filePath(QStringLiteral("mort.yml"));
        QVERIFY(writeFile(path, kConfig.arg(m_dir.path()).toUtf8()));
        ServerProcess server;
        const QString why = server.start(QStringLiteral(MORT_SERVER_BINARY), path);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        // The token is not in the text the panel gets (masked); applying that
        // text keeps the server's running token (issue 21), so the panel can
        // still read the config afterwards with the same token.
        RemoteEngineClient client(RemoteEngineClient::normalizedUrl(server.internalAddress()), kToken);
        MainWindow window(&client);
        window.enablePreview(nullptr);
        ConfigPanel *panel = window.enableConfig();
        QSignalSpy loaded(panel, &ConfigPanel::loaded);
        panel->loadFromEngine();
        QVERIFY(loaded.wait(10000));
        QVERIFY(panel->editedText().contains(QStringLiteral("adminToken: \"***\"")));
        QSignalSpy applied(panel, &ConfigPanel::applyFinished);
        panel->applyNow();
        QVERIFY(applied.wait(20000));
        QVERIFY2(applied.last().at(0).value<ConfigCheck>().applied, qPrintable(panel->statusText()));
        panel->loadFromEngine();
        QVERIFY(loaded.wait(10000));
        QVERIFY(panel->editedText().contains(QStringLiteral("adminToken: \"***\"")));
    }

    void attachedWithTokenFromEnvironment()
    {
        // As the packaged service runs it: the token outside the config
        // (MORT_ADMIN_TOKEN), so the text has no secret and applies whole.
        const QString path = m_dir.filePath(QStringLiteral("mort-env.yml"));
        QString text = kConfig.arg(m_dir.path());
        text.remove(QStringLiteral("  adminToken: \"config-panel-token-0123456789\"\n"));
        QVERIFY(writeFile(path, text.toUtf8()));
        qputenv("MORT_ADMIN_TOKEN", kToken.toUtf8());
        ServerProcess server;
        const QString why = server.start(QStringLiteral(MORT_SERVER_BINARY), path);
        qunsetenv("MORT_ADMIN_TOKEN");
        QVERIFY2(why.isEmpty(), qPrintable(why));
        RemoteEngineClient client(RemoteEngineClient::normalizedUrl(server.internalAddress()), kToken);
        exercise(client, server.publicAddress());
    }
};

QTEST_MAIN(TestConfigPanel)
#include "tst_configpanel.moc"
