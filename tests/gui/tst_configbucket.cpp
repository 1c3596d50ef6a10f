// Issue 21: the Config tab's bucket page and tree entries. The transform
// form writes only its key; the engine parses what it wrote; a broken path
// regex shows the validator's message under the path field; the access keys
// are written back as their block only (YamlBlockEdit, shared with the
// header rules); presets and storages are added and removed from the tree.
#include "client/bucketkeysedit.h"
#include "client/localengineclient.h"
#include "client/yamlblockedit.h"
#include "ui/config/bucketkeysbox.h"
#include "ui/config/bucketpage.h"
#include "ui/config/bucketpathtester.h"
#include "ui/config/configformfields.h"
#include "ui/config/configpanel.h"
#include "ui/config/keyfieldsform.h"

#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace mort;

namespace {

const QString kText = QStringLiteral(R"(# bucket settings (kept)
server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
buckets:
  media:
    keys:
      - accessKey: AKIDMEDIA # the uploader
        secretAccessKey: media-secret
    transform:
      kind: presets   # by name
      path: "\\/(?P<presetName>[a-z0-9_]+)\\/(?P<parent>[a-zA-Z0-9_\\-\\.]+)$"
      parentStorage: basic # originals
      checkParent: false
      resultKey: hash
      presets:
        small:
          quality: 75 # kept too
          filters:
            thumbnail: {width: 150}
    storages:
      basic: {kind: noop}   # originals
      transform: {kind: noop}
  # after media
)");

QStringList key(const char *path)
{
    return QString::fromLatin1(path).split(u'.');
}

QString issuesOf(const QString &text)
{
    QList<ConfigIssue> issues;
    ConfigLoader::parse(text, issues);
    QStringList out;
    for (const ConfigIssue &issue : issues)
        out << describe(issue);
    return out.join(u'\n');
}

// A panel on an engine that is not started (the validator is the engine's all
// the same), showing kText with bucket media selected.
struct Panel
{
    LocalEngineClient client{std::make_shared<const Config>(), QString()};
    ConfigPanel panel{&client};

    Panel()
    {
        panel.setValidationDelayMs(0);
        panel.setEditedText(kText);
        panel.selectBucket(QStringLiteral("media"));
    }
    KeyFieldsForm *form() const { return panel.bucketPage()->transformForm(); }
    BucketKeysBox *keys() const { return panel.bucketPage()->keysBox(); }
};

QString replaced(const QString &before, const QString &after)
{
    QString text = kText;
    text.replace(before, after);
    return text;
}

} // namespace

class TestConfigBucket : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void blockEditReplacesOnlyItsBlock()
    {
        const QString text = QStringLiteral("# top\nserver:\n  listens: [\":0\"]\n\nbuckets:\n  b:\n    keys:\n"
                                            "      - accessKey: a # c\n        secretAccessKey: s\n    storages:\n"
                                            "      basic: {kind: noop}\n");
        // Replaced in place, at the key's column; the rest byte for byte.
        Expected<QString> out =
            YamlBlockEdit::replaceBlock(text, key("buckets.b"), QStringLiteral("keys"), {QStringLiteral("keys: []")});
        QVERIFY(out);
        QCOMPARE(*out,
                 QString(text).replace(QStringLiteral("    keys:\n      - accessKey: a # c\n        "
                                                      "secretAccessKey: s\n"),
                                       QStringLiteral("    keys: []\n")));
        // Removed: only its lines.
        out = YamlBlockEdit::replaceBlock(text, key("buckets.b.storages"), QStringLiteral("basic"), {});
        QVERIFY(out);
        QCOMPARE(*out, QString(text).replace(QStringLiteral("      basic: {kind: noop}\n"), QString()));
        // Missing: at the end of its parent, at the siblings' column.
        out = YamlBlockEdit::replaceBlock(text, key("buckets.b"), QStringLiteral("glacier"),
                                          {QStringLiteral("glacier:"), QStringLiteral("  enabled: true")});
        QVERIFY(out);
        QCOMPARE(*out, text + QStringLiteral("    glacier:\n      enabled: true\n"));
        // Top level, missing: after the block named, behind a blank line.
        out = YamlBlockEdit::replaceBlock(text, {}, QStringLiteral("headers"), {QStringLiteral("headers: []")},
                                          QStringLiteral("server"));
        QVERIFY(out);
        QCOMPARE(*out,
                 QString(text).replace(QStringLiteral("[\":0\"]\n"), QStringLiteral("[\":0\"]\n\nheaders: []\n")));
        // CRLF stays CRLF.
        QString crlf = text;
        crlf.replace(u'\n', QStringLiteral("\r\n"));
        out = YamlBlockEdit::replaceBlock(crlf, key("buckets.b.storages"), QStringLiteral("basic"), {});
        QVERIFY(out);
        QCOMPARE(*out, QString(crlf).replace(QStringLiteral("      basic: {kind: noop}\r\n"), QString()));
        // What cannot be written says which key and why.
        out = YamlBlockEdit::replaceBlock(text, key("buckets.b.storages.basic"), QStringLiteral("kind"), {});
        QVERIFY(!out);
        QVERIFY2(out.error().detail.contains(QLatin1String("flow style")), qPrintable(out.error().detail));
        out = YamlBlockEdit::replaceBlock(text, key("buckets.nothere"), QStringLiteral("keys"),
                                          {QStringLiteral("keys: []")});
        QVERIFY(!out);
        QVERIFY(out.error().detail.startsWith(QLatin1String("buckets.nothere.keys: buckets.nothere is missing")));
        out = YamlBlockEdit::replaceBlock(QStringLiteral("a: [unclosed\n"), {}, QStringLiteral("a"), {});
        QVERIFY(!out);
        QVERIFY(out.error().detail.contains(QLatin1String("does not parse (line")));
    }

    void bucketFieldsWriteTheirKey_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QString>("read"); // the TransformConfig as the engine parsed it
        QTest::newRow("kind") << "kind"
                              << "presets-query"
                              << "      kind: presets   # by name\n"
                              << "      kind: presets-query   # by name\n"
                              << "kind=presets-query";
        QTest::newRow("path")
            << "path"
            << "^/(?P<presetName>[a-z]+)/(?P<parent>.+)$"
            << "      path: \"\\\\/(?P<presetName>[a-z0-9_]+)\\\\/(?P<parent>[a-zA-Z0-9_\\\\-\\\\.]+)$\"\n"
            << "      path: ^/(?P<presetName>[a-z]+)/(?P<parent>.+)$\n"
            << "path=^/(?P<presetName>[a-z]+)/(?P<parent>.+)$";
        QTest::newRow("parentBucket") << "parentBucket"
                                      << "media"
                                      << "            thumbnail: {width: 150}\n"
                                      << "            thumbnail: {width: 150}\n      parentBucket: media\n"
                                      << "parentBucket=media";
        QTest::newRow("parentStorage") << "parentStorage"
                                       << "transform"
                                       << "      parentStorage: basic # originals\n"
                                       << "      parentStorage: transform # originals\n"
                                       << "parentStorage=transform";
        QTest::newRow("parentStorageRemoved") << "parentStorage"
                                              << ""
                                              << "      parentStorage: basic # originals\n"
                                              << ""
                                              << "parentStorage=basic";
        QTest::newRow("checkParent") << "checkParent"
                                     << "true"
                                     << "      checkParent: false\n"
                                     << "      checkParent: true\n"
                                     << "checkParent=1";
        QTest::newRow("resultKey") << "resultKey"
                                   << "hashParent"
                                   << "      resultKey: hash\n"
                                   << "      resultKey: hashParent\n"
                                   << "resultKey=hashParent";
        QTest::newRow("resultKeyEmpty") << "resultKey"
                                        << ""
                                        << "      resultKey: hash\n"
                                        << ""
                                        << "resultKey=";
    }
    void bucketFieldsWriteTheirKey()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(QString, read);
        Panel p;
        QCOMPARE(p.form()->base(), QStringLiteral("buckets.media.transform"));
        QVERIFY2(p.form()->setFieldValue(key(qPrintable(field)), value), qPrintable(field));
        QVERIFY2(kText.contains(before), qPrintable(before));
        QCOMPARE(p.panel.editedText(), replaced(before, after));
        QCOMPARE(p.form()->fieldValue(key(qPrintable(field))), value); // shown again from the new text

        QList<ConfigIssue> issues;
        const Config config = ConfigLoader::parse(p.panel.editedText(), issues);
        QVERIFY2(issues.isEmpty(), qPrintable(issuesOf(p.panel.editedText())));
        const BucketConfig *bucket = config.bucket(QStringLiteral("media"));
        QVERIFY(bucket && bucket->transform);
        const TransformConfig &t = *bucket->transform;
        const QStringList got{
            QStringLiteral("kind=") + t.kind,
            QStringLiteral("path=") + t.path,
            QStringLiteral("parentBucket=") + t.parentBucket,
            QStringLiteral("parentStorage=") + t.parentStorage,
            QStringLiteral("checkParent=%1").arg(t.checkParent),
            QStringLiteral("resultKey=") + t.resultKey,
        };
        QVERIFY2(got.contains(read), qPrintable(got.join(u'\n')));
    }

    void everyTransformKeyHasAField()
    {
        QStringList keys;
        for (const KeyField &field : ConfigFormFields::bucketFields())
            keys << field.key.join(u'.');
        QCOMPARE(keys, (QStringList{"kind", "path", "parentBucket", "parentStorage", "checkParent", "resultKey"}));
    }

    void brokenRegexUnderThePathAndTheTesterFollows()
    {
        Panel p;
        p.panel.resize(1200, 820);
        p.panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&p.panel));
        QSignalSpy validated(&p.panel, &ConfigPanel::validated);
        QVERIFY(validated.wait(10000));
        QTRY_VERIFY(p.form()->isVisible());
        BucketPathTester *tester = p.panel.bucketTester();
        QVERIFY(tester->isVisible());
        tester->setUrl(QStringLiteral("/media/small/photo.jpg"));
        QVERIFY2(tester->resultText().contains(QStringLiteral("presetName = \"small\"")),
                 qPrintable(tester->resultText()));
        // The path typed in the form: the tester uses it at once.
        QVERIFY(
            p.form()->setFieldValue(key("path"), QStringLiteral("\\/(?P<parent>[a-z]+)\\/(?P<presetName>[a-z.]+)$")));
        QVERIFY2(tester->resultText().contains(QStringLiteral("presetName = \"photo.jpg\"")),
                 qPrintable(tester->resultText()));
        QVERIFY(validated.wait(10000));
        QVERIFY(p.form()->issueText(key("path")).isEmpty());
        // A regex that does not compile: the validator's message under the path.
        QVERIFY(p.form()->setFieldValue(key("path"), QStringLiteral("\\/(?P<presetName>[a-z+")));
        QVERIFY(validated.wait(10000));
        const QString pathIssue = p.form()->issueText(key("path"));
        QVERIFY2(pathIssue.contains(QLatin1String("invalid regular expression")),
                 qPrintable(p.panel.shownIssues().join(u'\n')));
        for (const QString &line : pathIssue.split(u'\n')) // the same messages as the issue list
            QVERIFY2(p.panel.shownIssues().join(u'\n').contains(line), qPrintable(line));
        QVERIFY(p.form()->issueText(key("kind")).isEmpty());
        // Activating the issue in the list shows the bucket's page again.
        p.panel.tree()->setCurrentItem(p.panel.tree()->topLevelItem(0)); // Server
        QVERIFY(!p.form()->isVisible());
        auto *list = p.panel.findChild<QListWidget *>();
        QVERIFY(list && list->count() > 0);
        Q_EMIT list->itemActivated(list->item(0));
        QTRY_VERIFY(p.form()->isVisible());
        QVERIFY(p.panel.editedText().contains(QStringLiteral("# bucket settings (kept)")));
        // The page as a person sees it: the form with the issue, the keys, the tester.
        tester->setUrl(QStringLiteral("/media/small/photo.jpg"));
        QTest::qWait(100); // the layout settles, as it does before a person looks
        QDir().mkpath(QStringLiteral(MORT_BINARY_DIR "/screenshots"));
        QVERIFY(p.panel.grab().save(QStringLiteral(MORT_BINARY_DIR "/screenshots/studio-config-bucket.png")));
    }

    void keysRoundTrip()
    {
        Panel p;
        QVERIFY(p.keys()->keys() == (QList<BucketKeyText>{{"AKIDMEDIA", "media-secret"}}));
        QCOMPARE(p.keys()->secretEditor(0)->echoMode(), QLineEdit::Password);
        // Unchanged pairs written back: the text as it was but for the block's comment.
        Expected<QString> same = BucketKeysEdit::setKeys(kText, QStringLiteral("media"), p.keys()->keys());
        QVERIFY(same);
        QCOMPARE(*same, replaced(QStringLiteral("AKIDMEDIA # the uploader"), QStringLiteral("AKIDMEDIA")));

        // Edited: both values, only the keys block changes.
        p.keys()->setKey(0, QStringLiteral("AKIDNEW"), QStringLiteral("new secret: #1"));
        const QString edited = replaced(QStringLiteral("      - accessKey: AKIDMEDIA # the uploader\n"
                                                       "        secretAccessKey: media-secret\n"),
                                        QStringLiteral("      - accessKey: AKIDNEW\n"
                                                       "        secretAccessKey: \"new secret: #1\"\n"));
        QCOMPARE(p.panel.editedText(), edited);
        QVERIFY(p.keys()->keys() == (QList<BucketKeyText>{{"AKIDNEW", "new secret: #1"}}));

        // Added: an empty pair to type in, then typed.
        p.keys()->addKey();
        QCOMPARE(p.keys()->keys().size(), 2);
        p.keys()->setKey(1, QStringLiteral("AKIDTWO"), QStringLiteral("two"));
        const QString two = replaced(QStringLiteral("      - accessKey: AKIDMEDIA # the uploader\n"
                                                    "        secretAccessKey: media-secret\n"),
                                     QStringLiteral("      - accessKey: AKIDNEW\n"
                                                    "        secretAccessKey: \"new secret: #1\"\n"
                                                    "      - accessKey: AKIDTWO\n"
                                                    "        secretAccessKey: two\n"));
        QCOMPARE(p.panel.editedText(), two);
        QList<ConfigIssue> issues;
        Config config = ConfigLoader::parse(p.panel.editedText(), issues);
        QVERIFY2(issues.isEmpty(), qPrintable(issuesOf(p.panel.editedText())));
        QCOMPARE(config.bucket(QStringLiteral("media"))->keys.size(), 2);
        QCOMPARE(config.bucket(QStringLiteral("media"))->keys.at(1).secretAccessKey, QStringLiteral("two"));

        // Removed: the first, then the last (the block goes).
        p.keys()->removeKey(0);
        QCOMPARE(p.panel.editedText(),
                 replaced(QStringLiteral("      - accessKey: AKIDMEDIA # the uploader\n"
                                         "        secretAccessKey: media-secret\n"),
                          QStringLiteral("      - accessKey: AKIDTWO\n"
                                         "        secretAccessKey: two\n")));
        p.keys()->removeKey(0);
        QCOMPARE(p.panel.editedText(),
                 replaced(QStringLiteral("    keys:\n      - accessKey: AKIDMEDIA # the uploader\n"
                                         "        secretAccessKey: media-secret\n"),
                          QString()));
        QVERIFY(p.keys()->keys().isEmpty());
        // The first pair of a bucket without keys: at the end of the bucket.
        p.keys()->addKey();
        p.keys()->setKey(0, QStringLiteral("AKIDBACK"), QStringLiteral("back"));
        const QString back = p.panel.editedText();
        QVERIFY2(back.contains(QStringLiteral("      transform: {kind: noop}\n    keys:\n      - accessKey: AKIDBACK\n"
                                              "        secretAccessKey: back\n  # after media\n")),
                 qPrintable(back));
        QVERIFY(issuesOf(back).isEmpty());
    }

    void presetsAndStoragesAddedAndRemoved()
    {
        Panel p;
        QVERIFY(p.panel.addPreset(QStringLiteral("media"), QStringLiteral("thumb")));
        const QString preset = replaced(QStringLiteral("            thumbnail: {width: 150}\n"),
                                        QStringLiteral("            thumbnail: {width: 150}\n"
                                                       "        thumb:\n          filters:\n            thumbnail:\n"
                                                       "              width: 100\n"));
        QCOMPARE(p.panel.editedText(), preset);
        QVERIFY2(issuesOf(preset).isEmpty(), qPrintable(issuesOf(preset)));
        QList<ConfigIssue> issues;
        Config config = ConfigLoader::parse(preset, issues);
        QCOMPARE(config.bucket(QStringLiteral("media"))->transform->presets.keys(), (QStringList{"small", "thumb"}));
        QVERIFY(!p.panel.addPreset(QStringLiteral("media"), QStringLiteral("thumb"))); // there already
        QCOMPARE(p.panel.editedText(), preset);
        QVERIFY(p.panel.removePreset(QStringLiteral("media"), QStringLiteral("small")));
        QCOMPARE(p.panel.editedText(),
                 QString(preset).replace(QStringLiteral("        small:\n          quality: 75 # kept too\n"
                                                        "          filters:\n            thumbnail: {width: 150}\n"),
                                         QString()));
        QVERIFY(issuesOf(p.panel.editedText()).isEmpty());

        p.panel.setEditedText(kText);
        QVERIFY(p.panel.addStorage(QStringLiteral("media"), QStringLiteral("archive")));
        const QString storage =
            replaced(QStringLiteral("      transform: {kind: noop}\n"),
                     QStringLiteral("      transform: {kind: noop}\n      archive:\n        kind: noop\n"));
        QCOMPARE(p.panel.editedText(), storage);
        QVERIFY2(issuesOf(storage).isEmpty(), qPrintable(issuesOf(storage)));
        config = ConfigLoader::parse(storage, issues);
        QCOMPARE(config.bucket(QStringLiteral("media"))->storages.value(QStringLiteral("archive")).kind,
                 QStringLiteral("noop"));
        bool shown = false; // the tree has it
        for (QTreeWidgetItemIterator it(p.panel.tree()); *it; ++it)
            shown = shown || (*it)->text(0) == QLatin1String("archive (noop)");
        QVERIFY(shown);
        QVERIFY(p.panel.removeStorage(QStringLiteral("media"), QStringLiteral("archive")));
        QCOMPARE(p.panel.editedText(), kText);
        // The engine's validator sees a removed storage the transform needs.
        QVERIFY(p.panel.removeStorage(QStringLiteral("media"), QStringLiteral("transform")));
        QCOMPARE(p.panel.editedText(), replaced(QStringLiteral("      transform: {kind: noop}\n"), QString()));
    }
};

QTEST_MAIN(TestConfigBucket)
#include "tst_configbucket.moc"
