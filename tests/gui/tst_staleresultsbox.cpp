// Issue 21 item 4 in the studio: after Apply changes a preset, the Config tab
// offers to delete the results its old definition stored (they are still
// served). Delete stored results runs the engine's purge, the box shows its
// progress to the end, the old result files are gone and a real GET answers
// the new width. Embedded, and attached to a real mort-server.
#include "previewtestsupport.h"
#include "integration/serverprocess.h"

#include "client/localengineclient.h"
#include "client/remoteengineclient.h"
#include "ui/config/configpanel.h"
#include "ui/config/presetfieldsform.h"
#include "ui/config/staleresultsbox.h"

#include <QDir>
#include <QImage>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace mort;
using namespace mort::test;

namespace {

const QString kToken = QStringLiteral("stale-box-token-0123456789");

// %1: the folder of originals and results.
const QString kConfig = QStringLiteral(R"(server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
  adminToken: "stale-box-token-0123456789"
headers:
  - statusCodes: [200]
    values: {"cache-control": "max-age=600, public"}
buckets:
  demo:
    transform:
      kind: "presets"
      path: "\\/(?P<presetName>[a-z0-9_]+)\\/(?P<parent>[a-zA-Z0-9_\\-\\.]+)$"
      parentBucket: "demo"
      presets:
        small:
          filters:
            thumbnail: {width: 150}
    storages:
      basic: {kind: local-meta, rootPath: "%1/originals"}
      transform: {kind: local-meta, rootPath: "%1/results"}
)");

const QStringList kWidth{QStringLiteral("filters"), QStringLiteral("thumbnail"), QStringLiteral("width")};

} // namespace

class TestStaleResultsBox : public QObject
{
    Q_OBJECT

    // Originals a.jpg, b.jpg; both served once under the first width so
    // their results are stored.
    QString prepare(QTemporaryDir &dir)
    {
        const QByteArray photo = readPhoto(QStringLiteral("photo_800x600.jpg"));
        for (const char *name : {"a.jpg", "b.jpg"}) {
            if (!writeFile(dir.filePath(QStringLiteral("originals/demo/") + QLatin1String(name)), photo))
                return {};
        }
        const QString path = dir.filePath(QStringLiteral("mort.yml"));
        return writeFile(path, kConfig.arg(dir.path()).toUtf8()) ? path : QString();
    }

    void exercise(EngineClient &client, const QString &address, const QString &root, const QString &shot)
    {
        QCOMPARE(servedWidth(address, QStringLiteral("/demo/small/a.jpg")), 150);
        QCOMPARE(servedWidth(address, QStringLiteral("/demo/small/b.jpg")), 150);
        const QString stored = root + QStringLiteral("/results/demo/small/a.jpg");
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(stored), 10000);

        ConfigPanel panel(&client);
        panel.setValidationDelayMs(0);
        panel.resize(1280, 800);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        StaleResultsBox *box = panel.staleResults();
        QSignalSpy loaded(&panel, &ConfigPanel::loaded);
        QSignalSpy refreshed(box, &StaleResultsBox::refreshed);
        panel.loadFromEngine();
        QVERIFY(loaded.wait(10000));
        QVERIFY(refreshed.wait(10000) || refreshed.size() > 0);
        QVERIFY(!box->isVisible()); // nothing changed yet

        // A new width, applied: the old results are still what a GET answers.
        QVERIFY(panel.selectPreset(QStringLiteral("demo"), QStringLiteral("small")));
        QVERIFY(panel.presetForm()->setFieldValue(kWidth, QStringLiteral("90")));
        QSignalSpy applied(&panel, &ConfigPanel::applyFinished);
        refreshed.clear();
        panel.applyNow();
        QVERIFY(applied.wait(20000));
        QVERIFY2(applied.last().at(0).value<ConfigCheck>().applied, qPrintable(panel.statusText()));
        QTRY_VERIFY_WITH_TIMEOUT(box->isVisible(), 10000);
        QCOMPARE(box->list()->topLevelItemCount(), 1);
        QCOMPARE(box->list()->topLevelItem(0)->text(0), QStringLiteral("demo / small"));
        QVERIFY(box->list()->topLevelItem(0)->text(1).startsWith(QStringLiteral("changed at")));
        QCOMPARE(box->list()->topLevelItem(0)->text(2), QStringLiteral("kept, still served"));
        QCOMPARE(servedWidth(address, QStringLiteral("/demo/small/a.jpg")), 150);

        auto *purge = box->findChild<QPushButton *>(QStringLiteral("stalePurge"));
        QVERIFY(purge && purge->isEnabled());
        QTest::mouseClick(purge, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(box->list()->topLevelItem(0)->text(2), QStringLiteral("2 deleted"), 20000);
        QVERIFY(box->progress()->isVisible());
        QCOMPARE(box->progress()->value(), 2);
        QCOMPARE(box->progress()->maximum(), 2);
        QVERIFY(!QFile::exists(stored));
        QCOMPARE(servedWidth(address, QStringLiteral("/demo/small/a.jpg")), 90);
        QVERIFY(panel.grab().save(QStringLiteral(MORT_BINARY_DIR "/screenshots/") + shot));
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<mort::ConfigCheck>();
        QDir().mkpath(QStringLiteral(MORT_BINARY_DIR "/screenshots"));
    }

    void embedded()
    {
        QTemporaryDir dir;
        const QString path = prepare(dir);
        QVERIFY(!path.isEmpty());
        Expected<ConfigPtr> config = ConfigLoader::fromFile(path);
        QVERIFY(config);
        LocalEngineClient client(*config, path);
        QVERIFY(client.start());
        exercise(client, client.engine()->stats().publicAddresses.value(0), dir.path(),
                 QStringLiteral("studio-config-stale-results.png"));
    }

    void attached()
    {
        QTemporaryDir dir;
        const QString path = prepare(dir);
        QVERIFY(!path.isEmpty());
        ServerProcess server;
        const QString why = server.start(QStringLiteral(MORT_SERVER_BINARY), path);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        RemoteEngineClient client(RemoteEngineClient::normalizedUrl(server.internalAddress()), kToken);
        exercise(client, server.publicAddress(), dir.path(),
                 QStringLiteral("studio-config-stale-results-attached.png"));
    }
};

QTEST_MAIN(TestStaleResultsBox)
#include "tst_staleresultsbox.moc"
