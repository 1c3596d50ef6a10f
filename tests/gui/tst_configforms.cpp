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

#include <QDir>
#include <QLabel>
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
