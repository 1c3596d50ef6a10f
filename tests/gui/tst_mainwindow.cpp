// The studio skeleton offscreen: the embedded engine starts, the status panel
// shows where it listens, and served requests show up after a refresh.
#include "config/config.h"
#include "previewtestsupport.h"
#include "client/localengineclient.h"
#include "ui/config/configfilebar.h"
#include "ui/config/configpanel.h"
#include "ui/mainwindow.h"
#include "ui/preview/previewpanel.h"
#include "ui/status/serverstatuspanel.h"
#include "ui/activity/taskcountsmodel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mort;

class TestMainWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    ConfigPtr testConfig()
    {
        QDir().mkpath(m_dir.filePath(QStringLiteral("b")));
        QFile f(m_dir.filePath(QStringLiteral("b/hello.txt")));
        f.open(QIODevice::WriteOnly);
        f.write("hello");
        f.close();
        return mort::test::localBucketConfig(m_dir.path());
    }

private Q_SLOTS:
    void taskModelIsAConsistentItemModel()
    {
        TaskCountsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        TaskRegistry registry;
        model.setCounts(registry.snapshot());
        QCOMPARE(model.rowCount(), int(TaskKind::Count));
        TaskScope scope(&registry, TaskKind::Transform);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setCounts(registry.snapshot());
        QCOMPARE(changed.count(), 1); // only the transform row moved
        QCOMPARE(model.data(model.index(int(TaskKind::Transform), TaskCountsModel::LiveColumn)).toInt(), 1);
        QCOMPARE(model.data(model.index(int(TaskKind::Transform), TaskCountsModel::KindColumn)).toString(),
                 QStringLiteral("transform"));
    }

    void embeddedEngineStatusShowsAddressesAndServedRequests()
    {
        ConfigPtr config = testConfig();
        QVERIFY(config);
        LocalEngineClient client(config, QStringLiteral("test.yml"));
        MainWindow window(&client);
        QSignalSpy stats(&client, &EngineClient::statsUpdated);
        QVERIFY(client.start());
        window.show();
        QVERIFY(stats.count() >= 1);

        auto *addresses = window.findChild<QLabel *>(QStringLiteral("addresses"));
        QVERIFY(addresses);
        const QString publicAddress = client.engine()->stats().publicAddresses.value(0);
        QVERIFY(publicAddress.startsWith(QLatin1String("127.0.0.1:")));
        QVERIFY2(addresses->text().contains(publicAddress), qPrintable(addresses->text()));

        QNetworkAccessManager nam;
        QNetworkReply *reply =
            nam.get(QNetworkRequest(QUrl(QStringLiteral("http://%1/b/hello.txt").arg(publicAddress))));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(reply->readAll(), QByteArray("hello"));
        reply->deleteLater();

        auto *requests = window.findChild<QLabel *>(QStringLiteral("requests"));
        QVERIFY(requests);
        QTRY_VERIFY_WITH_TIMEOUT(requests->text().startsWith(QLatin1String("1 served")), 5000);

        client.stop();
        auto *state = window.findChild<QLabel *>(QStringLiteral("state"));
        client.refresh();
        QCOMPARE(state->text(), QStringLiteral("Stopped"));
    }

    void startFailureIsShownWithWhatToDo()
    {
        ConfigPtr first = testConfig();
        LocalEngineClient running(first, QStringLiteral("a.yml"));
        QVERIFY(running.start());
        const QString taken = running.engine()->stats().publicAddresses.value(0);
        auto yaml = QStringLiteral("server:\n  listens: [\"%1\"]\n  internalListen: \"127.0.0.1:0\"\n"
                                   "buckets:\n  b:\n    storages:\n      basic: {kind: noop}\n")
                        .arg(taken);
        auto config = ConfigLoader::fromText(yaml);
        QVERIFY(config.ok());
        LocalEngineClient second(*config, QStringLiteral("b.yml"));
        QSignalSpy errors(&second, &EngineClient::errorOccurred);
        QVERIFY(!second.start());
        QCOMPARE(errors.count(), 1);
        const QString message = errors.at(0).at(0).toString();
        QVERIFY2(message.contains(taken) && message.contains(QLatin1String("b.yml")), qPrintable(message));
    }

    void fileShortcutsBelongToTheShownTab()
    {
        // Ctrl+O and Ctrl+S are the Image menu's on the Preview tab and the
        // config file's on the Config tab: one owner at a time, so a key is
        // never ambiguous (Qt then runs neither) nor does the other tab's job.
        const QString path = m_dir.filePath(QStringLiteral("shortcuts.yml"));
        const QByteArray yaml = "server:\n  listens: [\"127.0.0.1:0\"]\n  internalListen: \"127.0.0.1:0\"\n"
                                "buckets:\n  b:\n    storages:\n      basic: {kind: noop}\n";
        QVERIFY(mort::test::writeFile(path, yaml));
        Expected<ConfigPtr> config = ConfigLoader::fromFile(path);
        QVERIFY(config);
        LocalEngineClient client(*config, path); // not started: the editor needs no server
        MainWindow window(&client);
        PreviewPanel *preview = window.enablePreview(*config);
        ConfigPanel *panel = window.enableConfig();
        QVERIFY(panel->fileBar()->openFile(path));
        panel->setEditedText(QString::fromUtf8(yaml) + QStringLiteral("# edited\n"));
        QAction *savePreset = nullptr;
        for (QAction *action : preview->menuActions())
            if (action->objectName() == QLatin1String("savePresetAction"))
                savePreset = action;
        QVERIFY(savePreset);

        window.setCurrentTab(MainWindow::ConfigTab);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keySequence(&window, QKeySequence::Save);
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), yaml + "# edited\n");
        QVERIFY(!panel->fileBar()->isModified());
        // Ctrl+O: the Image menu's Open image is always enabled, so before the
        // keys had one owner this key did nothing here.
        const QString other = m_dir.filePath(QStringLiteral("other.yml"));
        QVERIFY(mort::test::writeFile(other, yaml));
        panel->fileBar()->setFileChooser([other](bool save) { return save ? QString() : other; });
        QTest::keySequence(&window, QKeySequence::Open);
        QCOMPARE(panel->fileBar()->filePath(), other);
        QVERIFY(savePreset->shortcut().isEmpty());

        window.setCurrentTab(MainWindow::PreviewTab);
        QCOMPARE(savePreset->shortcut(), QKeySequence(QKeySequence::Save));
        window.setCurrentTab(MainWindow::ConfigTab);
        QVERIFY(savePreset->shortcut().isEmpty());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
