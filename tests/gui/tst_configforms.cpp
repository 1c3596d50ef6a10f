// Issue 21 (item 4): the Config tab's Server and storage forms. A field edit
// rewrites only that value in the text (comments, quoting, order and unknown
// keys stay; a missing key is added under its parent); the engine's validator
// checks it and its issue shows under the field; storage kinds this server
// does not build say so. ConfigKeyEdit, the text edit behind them, first.
#include "client/configkeyedit.h"
#include "client/localengineclient.h"
#include "ui/config/configformfields.h"
#include "ui/config/configpanel.h"
#include "ui/config/keyfieldsform.h"

#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace mort;

namespace {

const QString kText = QStringLiteral(R"(# top comment
server:
  listens: [":8080"]   # public
  internalListen: "127.0.0.1:8081"
  requestTimeout: 60 # seconds
  somethingUnknown: keep
  limits:
    maxFrames: 100
buckets:
  media:
    storages:
      basic:
        kind: local-meta
        rootPath: /srv/mort # originals
      transform: {kind: noop}
      cloud:
        kind: b2
        bucket: x
)");

// The server keys the form's check boxes and plugin fields write.
const QString kServerText = QStringLiteral(R"(# server settings
server:
  listens: ["127.0.0.1:0"]   # public
  internalListen: "127.0.0.1:0"
  accessLogs: false # quiet
  idleCleanup:
    enabled: true # on
    idleTimeoutMin: 30
  plugins:
    webp: ~
    compress:
      gzip:
        types: ["text/html"] # html only
        level: 5

buckets:
  media:
    storages:
      basic: {kind: noop}
)");

QString set(const QString &text, const QStringList &key, const QString &value, bool list = false)
{
    Expected<QString> out = ConfigKeyEdit::setValue(text, key, value, list);
    if (!out)
        return QStringLiteral("ERROR ") + out.error().detail;
    return *out;
}

QStringList key(const char *path)
{
    return QString::fromLatin1(path).split(u'.');
}

} // namespace

class TestConfigForms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readValues()
    {
        QCOMPARE(ConfigKeyEdit::value(kText, key("server.listens")), QStringLiteral(":8080"));
        QCOMPARE(ConfigKeyEdit::value(kText, key("server.requestTimeout")), QStringLiteral("60"));
        QCOMPARE(ConfigKeyEdit::value(kText, key("buckets.media.storages.basic.rootPath")),
                 QStringLiteral("/srv/mort"));
        QCOMPARE(ConfigKeyEdit::value(kText, key("server.lockTimeout")), QString());
    }

    void editsKeepTheRest_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("list");
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::newRow("scalarKeepsComment") << "server.requestTimeout"
                                            << "30" << false << "  requestTimeout: 60 # seconds\n"
                                            << "  requestTimeout: 30 # seconds\n";
        QTest::newRow("quotedValue") << "server.internalListen"
                                     << "127.0.0.1:9091" << false << "  internalListen: \"127.0.0.1:8081\"\n"
                                     << "  internalListen: 127.0.0.1:9091\n";
        QTest::newRow("flowList") << "server.listens"
                                  << ":8080, 127.0.0.1:8082" << true << "  listens: [\":8080\"]   # public\n"
                                  << "  listens: [\":8080\", \"127.0.0.1:8082\"]   # public\n";
        QTest::newRow("addUnderParent") << "server.lockTimeout"
                                        << "10" << false << "    maxFrames: 100\n"
                                        << "    maxFrames: 100\n  lockTimeout: 10\n";
        QTest::newRow("addWithParents") << "server.cache.type"
                                        << "redis" << false << "    maxFrames: 100\n"
                                        << "    maxFrames: 100\n  cache:\n    type: redis\n";
        QTest::newRow("nested") << "server.limits.maxFrames"
                                << "7" << false << "    maxFrames: 100\n"
                                << "    maxFrames: 7\n";
        QTest::newRow("storage") << "buckets.media.storages.basic.rootPath"
                                 << "/data/x" << false << "        rootPath: /srv/mort # originals\n"
                                 << "        rootPath: /data/x # originals\n";
        QTest::newRow("removed") << "server.requestTimeout"
                                 << "" << false << "  requestTimeout: 60 # seconds\n"
                                 << "";
        QTest::newRow("envReference") << "server.internalListen"
                                      << "${INTERNAL}" << false << "  internalListen: \"127.0.0.1:8081\"\n"
                                      << "  internalListen: ${INTERNAL}\n";
    }
    void editsKeepTheRest()
    {
        QFETCH(QString, path);
        QFETCH(QString, value);
        QFETCH(bool, list);
        QFETCH(QString, before);
        QFETCH(QString, after);
        const QString out = set(kText, path.split(u'.'), value, list);
        QVERIFY2(kText.contains(before), qPrintable(before));
        QString expected = kText;
        expected.replace(before, after);
        QCOMPARE(out, expected);
        QCOMPARE(ConfigKeyEdit::value(out, path.split(u'.')),
                 list ? value : value); // read back as typed (lists joined with ", ")
    }

    // Issue 21 item 1: each new Server field typed in (or clicked) changes
    // exactly its key in the text, and the engine reads what it wrote.
    void serverFieldsWriteTheirKey_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QString>("read"); // the ServerConfig member as the engine parsed it
        QTest::newRow("accessLogs") << "accessLogs"
                                    << "true"
                                    << "  accessLogs: false # quiet\n"
                                    << "  accessLogs: true # quiet\n"
                                    << "accessLogs=1";
        QTest::newRow("placeholder") << "placeholder"
                                     << "/srv/missing.png"
                                     << "        level: 5\n"
                                     << "        level: 5\n  placeholder: /srv/missing.png\n"
                                     << "placeholder=/srv/missing.png";
        QTest::newRow("idleCleanup.enabled") << "idleCleanup.enabled"
                                             << "false"
                                             << "    enabled: true # on\n"
                                             << "    enabled: false # on\n"
                                             << "idle=0,30,0";
        QTest::newRow("idleCleanup.idleTimeoutMin") << "idleCleanup.idleTimeoutMin"
                                                    << "0"
                                                    << "    idleTimeoutMin: 30\n"
                                                    << "    idleTimeoutMin: 0\n"
                                                    << "idle=1,15,0";
        QTest::newRow("idleCleanup.aggressiveGC") << "idleCleanup.aggressiveGC"
                                                  << "true"
                                                  << "    idleTimeoutMin: 30\n"
                                                  << "    idleTimeoutMin: 30\n    aggressiveGC: true\n"
                                                  << "idle=1,30,1";
        QTest::newRow("webpOff") << "plugins.webp"
                                 << "false"
                                 << "    webp: ~\n"
                                 << ""
                                 << "webp=0";
        QTest::newRow("gzipOff") << "plugins.compress.gzip"
                                 << "false"
                                 << "      gzip:\n        types: [\"text/html\"] # html only\n        level: 5\n"
                                 << ""
                                 << "gzip=off";
        QTest::newRow("gzipTypes") << "plugins.compress.gzip.types"
                                   << "text/, image/svg"
                                   << "        types: [\"text/html\"] # html only\n"
                                   << "        types: [\"text/\", \"image/svg\"] # html only\n"
                                   << "gzip=text/|image/svg,5";
        QTest::newRow("gzipLevel") << "plugins.compress.gzip.level"
                                   << "9"
                                   << "        level: 5\n"
                                   << "        level: 9\n"
                                   << "gzip=text/html,9";
        QTest::newRow("brotliOn") << "plugins.compress.brotli"
                                  << "true"
                                  << "        level: 5\n"
                                  << "        level: 5\n      brotli: ~\n"
                                  << "brotli=text/html,4";
        QTest::newRow("zstdLevel") << "plugins.compress.zstd.level"
                                   << "3"
                                   << "        level: 5\n"
                                   << "        level: 5\n      zstd:\n        level: 3\n"
                                   << "zstd=text/html,3";
    }
    void serverFieldsWriteTheirKey()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(QString, read);
        LocalEngineClient client(std::make_shared<const Config>(), QString());
        ConfigPanel panel(&client);
        panel.setValidationDelayMs(0);
        panel.setEditedText(kServerText);
        panel.tree()->setCurrentItem(panel.tree()->topLevelItem(0)); // Server
        KeyFieldsForm *form = panel.keyForm();
        QCOMPARE(form->base(), QStringLiteral("server"));
        QVERIFY2(form->setFieldValue(key(qPrintable(field)), value), qPrintable(field));
        QVERIFY2(kServerText.contains(before), qPrintable(before));
        QString expected = kServerText;
        expected.replace(before, after);
        QCOMPARE(panel.editedText(), expected);
        QCOMPARE(form->fieldValue(key(qPrintable(field))), value); // shown again from the new text

        QList<ConfigIssue> issues;
        const Config config = ConfigLoader::parse(panel.editedText(), issues);
        QVERIFY2(issues.isEmpty(), qPrintable(issues.isEmpty() ? QString() : describe(issues.constFirst())));
        const ServerConfig &server = config.server;
        const auto compress = [](const std::optional<CompressAlgorithmConfig> &alg) {
            return alg ? alg->types.join(u'|') + u',' + QString::number(alg->level) : QStringLiteral("off");
        };
        const QStringList got{
            QStringLiteral("accessLogs=%1").arg(server.accessLogs),
            QStringLiteral("placeholder=") + server.placeholder,
            QStringLiteral("idle=%1,%2,%3")
                .arg(server.idleCleanup.enabled)
                .arg(server.idleCleanup.idleTimeoutMin)
                .arg(server.idleCleanup.aggressiveGC),
            QStringLiteral("webp=%1").arg(server.plugins.webp),
            QStringLiteral("gzip=") + compress(server.plugins.gzip),
            QStringLiteral("brotli=") + compress(server.plugins.brotli),
            QStringLiteral("zstd=") + compress(server.plugins.zstd),
        };
        QVERIFY2(got.contains(read), qPrintable(got.join(u'\n')));
    }

    // A presence key written as `~` takes keys below it: `brotli: ~` becomes `brotli:`.
    void presenceThenBelow()
    {
        QString text = kServerText;
        text.remove(QStringLiteral("    webp: ~\n"));
        Expected<QString> on = ConfigKeyEdit::setPresent(text, key("server.plugins.webp"));
        QVERIFY(on);
        QVERIFY(on->contains(QStringLiteral("\n  plugins:\n    compress:\n")));
        QVERIFY(on->contains(QStringLiteral("        level: 5\n    webp: ~\n")));
        QCOMPARE(*ConfigKeyEdit::setPresent(*on, key("server.plugins.webp")), *on); // there: unchanged
        QVERIFY(ConfigKeyEdit::present(*on, key("server.plugins.webp")));
        QVERIFY(!ConfigKeyEdit::present(*on, key("server.plugins.webp.x")));

        const QString brotli = QStringLiteral("a:\n  brotli: ~ # on\nb: 1\n");
        QCOMPARE(set(brotli, key("a.brotli.level"), QStringLiteral("7")),
                 QStringLiteral("a:\n  brotli: # on\n    level: 7\nb: 1\n"));
        // A list at its key's column is that key's block (removed whole).
        QCOMPARE(set(QStringLiteral("a:\n- 1\n- 2\nb: 1\n"), key("a"), QString()), QStringLiteral("b: 1\n"));
    }

    // The validator's messages under the new fields; a form as wide as its labels.
    void serverFieldIssuesAndWidth()
    {
        LocalEngineClient client(std::make_shared<const Config>(), QString());
        ConfigPanel panel(&client);
        panel.setValidationDelayMs(0);
        panel.resize(1000, 700); // the main window's Config tab at its smallest
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy validated(&panel, &ConfigPanel::validated);
        panel.setEditedText(kServerText);
        QVERIFY(validated.wait(10000));
        panel.tree()->setCurrentItem(panel.tree()->topLevelItem(0));
        KeyFieldsForm *form = panel.keyForm();
        QTRY_VERIFY(form->isVisible());

        // Every label and editor whole: the form never scrolls sideways.
        auto *scroll = form->findChild<QScrollArea *>();
        QVERIFY(scroll);
        QCOMPARE(scroll->horizontalScrollBarPolicy(), Qt::ScrollBarAlwaysOff);
        QTRY_VERIFY(scroll->widget()->width() <= scroll->viewport()->width());
        QVERIFY(scroll->widget()->minimumSizeHint().width() <= scroll->viewport()->width());
        bool sawLongLabel = false;
        for (QLabel *label : scroll->widget()->findChildren<QLabel *>()) {
            if (!label->isVisible() || label->wordWrap())
                continue;
            sawLongLabel = sawLongLabel || label->text() == QLatin1String("limits.maxParentBytes");
            QVERIFY2(label->width() >= label->sizeHint().width(), qPrintable(label->text()));
        }
        QVERIFY(sawLongLabel);
        QVERIFY(form->setFieldValue(key("idleCleanup.idleTimeoutMin"), QStringLiteral("3")));
        QVERIFY(panel.editedText().contains(QStringLiteral("    idleTimeoutMin: 3\n")));
        QVERIFY(validated.wait(10000));
        QVERIFY2(form->issueText(key("idleCleanup.idleTimeoutMin")).contains(QLatin1String("at least 5 minutes")),
                 qPrintable(panel.shownIssues().join(u'\n')));
        // The level's issue under the level, not under its algorithm's check box.
        QVERIFY(form->setFieldValue(key("plugins.compress.gzip.level"), QStringLiteral("high")));
        QVERIFY(validated.wait(10000));
        QVERIFY2(form->issueText(key("plugins.compress.gzip.level")).contains(QLatin1String("an integer")),
                 qPrintable(panel.shownIssues().join(u'\n')));
        QVERIFY(form->issueText(key("plugins.compress.gzip")).isEmpty());
        QVERIFY(panel.editedText().contains(QStringLiteral("# html only")));
        // Long issue texts under the fields, a narrow window: still nothing cut.
        panel.resize(760, 700);
        QTest::qWait(50);
        for (QWidget *shown : scroll->widget()->findChildren<QWidget *>()) {
            if (!shown->isVisible() || (!qobject_cast<QLabel *>(shown) && shown->objectName().isEmpty()))
                continue; // labels and editors (named after their key)
            const int right = shown->mapTo(scroll->viewport(), QPoint(shown->width(), 0)).x();
            QVERIFY2(right <= scroll->viewport()->width(), qPrintable(shown->objectName()));
            QVERIFY2(shown->width() >= shown->minimumSizeHint().width(), qPrintable(shown->objectName()));
            if (auto *label = qobject_cast<QLabel *>(shown); label && !label->wordWrap())
                QVERIFY2(label->width() >= label->sizeHint().width(), qPrintable(label->text()));
        }
        panel.resize(1000, 700);
        QVERIFY(form->findChild<QCheckBox *>(QStringLiteral("plugins.webp"))->isChecked());
        QVERIFY(!form->findChild<QCheckBox *>(QStringLiteral("plugins.compress.zstd"))->isChecked());
        QTest::qWait(100); // the layout settles, as it does before a person looks
        scroll->ensureWidgetVisible(form->findChild<QWidget *>(QStringLiteral("plugins.compress.zstd.level")));
        QDir().mkpath(QStringLiteral(MORT_BINARY_DIR "/screenshots"));
        QVERIFY(panel.grab().save(QStringLiteral(MORT_BINARY_DIR "/screenshots/studio-config-server-plugins.png")));
    }

    void flowParentNamed()
    {
        const QString out = set(kText, key("buckets.media.storages.transform.pathPrefix"), QStringLiteral("t"));
        QVERIFY2(out.startsWith(QStringLiteral("ERROR buckets.media.storages.transform")), qPrintable(out));
        QVERIFY(set(QStringLiteral("a: [unclosed\n"), key("a.b"), QStringLiteral("1")).contains(QLatin1String("line")));
    }

    void kindsNotBuiltAreMarked()
    {
        QVERIFY(ConfigFormFields::storageKindBuilt(QStringLiteral("s3")));
        QVERIFY(!ConfigFormFields::storageKindBuilt(QStringLiteral("b2")));
        QVERIFY(ConfigFormFields::storageNote(QStringLiteral("b2")).contains(QLatin1String("not built")));
        QVERIFY(ConfigFormFields::storageFields(QStringLiteral("b2")).isEmpty());
        QCOMPARE(ConfigFormFields::storageFields(QStringLiteral("s3")).size(), 6);
    }

    void serverAndStorageForms()
    {
        // The panel on an engine that is not started: the validator is the engine's all the same.
        LocalEngineClient client(std::make_shared<const Config>(), QString());
        ConfigPanel panel(&client);
        panel.setValidationDelayMs(0);
        panel.resize(1200, 760);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy validated(&panel, &ConfigPanel::validated);
        panel.setEditedText(kText);
        QVERIFY(validated.wait(10000));
        panel.tree()->setCurrentItem(panel.tree()->topLevelItem(0)); // Server
        KeyFieldsForm *form = panel.keyForm();
        QTRY_VERIFY(form->isVisible());
        QCOMPARE(form->base(), QStringLiteral("server"));
        QCOMPARE(form->fieldValue(key("requestTimeout")), QStringLiteral("60"));

        // A broken value: the engine's validator names it, under its field.
        QVERIFY(form->setFieldValue(key("requestTimeout"), QStringLiteral("-4")));
        QVERIFY(panel.editedText().contains(QStringLiteral("requestTimeout: -4 # seconds")));
        QVERIFY(validated.wait(10000));
        QVERIFY2(form->issueText(key("requestTimeout")).contains(QLatin1String("negative")),
                 qPrintable(panel.shownIssues().join(u'\n')));
        QDir().mkpath(QStringLiteral(MORT_BINARY_DIR "/screenshots"));
        QTest::qWait(100); // the layout settles, as it does before a person looks
        QVERIFY(panel.grab().save(QStringLiteral(MORT_BINARY_DIR "/screenshots/studio-config-server.png")));
        QVERIFY(form->setFieldValue(key("requestTimeout"), QStringLiteral("30")));
        QVERIFY(validated.wait(10000));
        QVERIFY(form->issueText(key("requestTimeout")).isEmpty());
        QVERIFY(panel.editedText().contains(QStringLiteral("# top comment")));
        QVERIFY(panel.editedText().contains(QStringLiteral("somethingUnknown: keep")));

        // A storage: its kind's fields; a kind not built says so.
        // Found again after each edit: the tree is rebuilt from the text.
        const auto storageItem = [&panel](const char *name) -> QTreeWidgetItem * {
            for (QTreeWidgetItemIterator it(panel.tree()); *it; ++it) {
                if ((*it)->text(0).startsWith(QLatin1String(name) + QLatin1String(" (")))
                    return *it;
            }
            return nullptr;
        };
        QTreeWidgetItem *basic = storageItem("basic");
        QVERIFY(basic);
        panel.tree()->setCurrentItem(basic);
        QCOMPARE(form->base(), QStringLiteral("buckets.media.storages.basic"));
        QCOMPARE(form->fieldValue(key("rootPath")), QStringLiteral("/srv/mort"));
        QVERIFY(form->setFieldValue(key("rootPath"), QString()));
        QVERIFY(validated.wait(10000));
        QVERIFY2(form->issueText(key("rootPath")).contains(QLatin1String("required")),
                 qPrintable(panel.shownIssues().join(u'\n')));
        QTest::qWait(100); // the layout settles, as it does before a person looks
        QVERIFY(panel.grab().save(QStringLiteral(MORT_BINARY_DIR "/screenshots/studio-config-storage.png")));
        QTreeWidgetItem *cloud = storageItem("cloud");
        QVERIFY(cloud);
        panel.tree()->setCurrentItem(cloud);
        QCOMPARE(form->base(), QStringLiteral("buckets.media.storages.cloud"));
        QVERIFY(form->findChildren<QLabel *>().size() > 0);
        bool marked = false;
        for (QLabel *label : form->findChildren<QLabel *>())
            marked = marked || (label->isVisible() && label->text().contains(QLatin1String("not built")));
        QVERIFY(marked);
        QTest::qWait(100); // the layout settles, as it does before a person looks
        QVERIFY(panel.grab().save(QStringLiteral(MORT_BINARY_DIR "/screenshots/studio-config-storage-b2.png")));
    }
};

QTEST_MAIN(TestConfigForms)
#include "tst_configforms.moc"
