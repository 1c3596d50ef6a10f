// ConfigEditor: a preset is replaced or appended in the user's own text, every
// other line (comments, quoting, ${ENV}) stays byte for byte, and what would
// not load is refused with the key path.
#include "config/configeditor.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mort;

namespace {

const QString kConfig = QStringLiteral(R"y(# Our images
server:
  listens: ["127.0.0.1:0"]   # loopback only

buckets:
  media:
    transform:
      path: "\\/(?P<presetName>[a-z0-9_]+)\\/(?P<parent>.*)"
      kind: "presets"
      presets:
        # small thumbnails for lists
        small:
          quality: 75
          filters:
            thumbnail: {width: 150}

        large:   # hero images
          quality: 80
          filters:
            thumbnail:
              width: 1200

    # the originals
    storages:
      basic: {kind: local-meta, rootPath: "${MORT_ROOT}/originals"}
      transform: {kind: noop}
  plain:
    transform:
      kind: "query"
    storages:
      basic: {kind: noop}
)y");

const QString kThumbSnippet = QStringLiteral("presets:\n  thumb:\n    quality: 60\n    filters:\n"
                                             "      thumbnail: {width: 300, height: 200}\n");

} // namespace

class TestConfigEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appendsANewPresetAfterTheLastOne()
    {
        const Expected<PresetEdit> edit = ConfigEditor::setPreset(kConfig, QStringLiteral("media"), kThumbSnippet);
        QVERIFY2(edit, qPrintable(edit ? QString() : edit.error().toString()));
        QVERIFY(!edit->replacedExisting);
        QVERIFY(edit->formattingKept);
        QString expected = kConfig;
        expected.replace(QLatin1String("              width: 1200\n"),
                         QLatin1String("              width: 1200\n"
                                       "        thumb:\n"
                                       "          quality: 60\n"
                                       "          filters:\n"
                                       "            thumbnail: {width: 300, height: 200}\n"));
        QCOMPARE(edit->text, expected);
        const PresetConfig thumb =
            edit->config->bucket(QStringLiteral("media"))->transform->presets.value(QStringLiteral("thumb"));
        QCOMPARE(thumb.quality, 60);
        QVERIFY(thumb.hasThumbnail);
        QCOMPARE(thumb.thumbnailWidth, 300);
        QCOMPARE(thumb.thumbnailHeight, 200);
    }

    void replacesAPresetInPlaceKeepingTheCommentsAround()
    {
        const QString snippet = QStringLiteral("presets:\n  small:\n    quality: 50\n    format: webp\n");
        const Expected<PresetEdit> edit = ConfigEditor::setPreset(kConfig, QStringLiteral("media"), snippet);
        QVERIFY2(edit, qPrintable(edit ? QString() : edit.error().toString()));
        QVERIFY(edit->replacedExisting);
        QString expected = kConfig;
        expected.replace(QLatin1String("        small:\n          quality: 75\n          filters:\n"
                                       "            thumbnail: {width: 150}\n"),
                         QLatin1String("        small:\n          quality: 50\n          format: webp\n"));
        QCOMPARE(edit->text, expected);
        const auto &presets = edit->config->bucket(QStringLiteral("media"))->transform->presets;
        QCOMPARE(presets.value(QStringLiteral("small")).format, QStringLiteral("webp"));
        QCOMPARE(presets.value(QStringLiteral("large")).thumbnailWidth, 1200);
    }

    void replacesTheLastPresetUpToItsBlockEnd()
    {
        const QString snippet = QStringLiteral("presets:\n  large: {quality: 90}\n");
        const Expected<PresetEdit> edit = ConfigEditor::setPreset(kConfig, QStringLiteral("media"), snippet);
        QVERIFY2(edit, qPrintable(edit ? QString() : edit.error().toString()));
        QString expected = kConfig;
        expected.replace(QLatin1String("        large:   # hero images\n          quality: 80\n          filters:\n"
                                       "            thumbnail:\n              width: 1200\n"),
                         QLatin1String("        large: {quality: 90}\n"));
        QCOMPARE(edit->text, expected);
    }

    void addsAPresetsBlockWhenTheBucketHasNone()
    {
        const QString config = QStringLiteral("buckets:\n  b:\n    transform:\n      kind: presets\n"
                                              "      path: \"^/(?P<presetName>[a-z]+)/(?P<parent>.*)\"\n"
                                              "    storages:\n      basic: {kind: noop}\n");
        const Expected<PresetEdit> edit = ConfigEditor::setPreset(config, QStringLiteral("b"), kThumbSnippet);
        QVERIFY2(edit, qPrintable(edit ? QString() : edit.error().toString()));
        QCOMPARE(edit->text,
                 QStringLiteral("buckets:\n  b:\n    transform:\n      kind: presets\n"
                                "      path: \"^/(?P<presetName>[a-z]+)/(?P<parent>.*)\"\n"
                                "      presets:\n        thumb:\n          quality: 60\n"
                                "          filters:\n            thumbnail: {width: 300, height: 200}\n"
                                "    storages:\n      basic: {kind: noop}\n"));
    }

    void flowStylePresetsAreReEmitted()
    {
        const QString config = QStringLiteral("buckets:\n  b:\n    transform:\n      kind: presets\n"
                                              "      path: \"^/(?P<presetName>[a-z]+)/(?P<parent>.*)\"\n"
                                              "      presets: {}\n    storages:\n      basic: {kind: noop}\n");
        const Expected<PresetEdit> edit = ConfigEditor::setPreset(config, QStringLiteral("b"), kThumbSnippet);
        QVERIFY2(edit, qPrintable(edit ? QString() : edit.error().toString()));
        QVERIFY(!edit->formattingKept);
        QCOMPARE(edit->config->bucket(QStringLiteral("b"))->transform->presets.value(QStringLiteral("thumb")).quality,
                 60);
    }

    void keepsWindowsLineEndings()
    {
        QString crlf = kConfig;
        crlf.replace(QLatin1String("\n"), QLatin1String("\r\n"));
        const Expected<PresetEdit> edit = ConfigEditor::setPreset(crlf, QStringLiteral("media"), kThumbSnippet);
        QVERIFY2(edit, qPrintable(edit ? QString() : edit.error().toString()));
        QVERIFY(edit->text.contains(QLatin1String("        thumb:\r\n          quality: 60\r\n")));
        QCOMPARE(edit->text.count(u'\n'), edit->text.count(QLatin1String("\r\n")));
    }

    void refusesWithTheKeyPath_data()
    {
        QTest::addColumn<QString>("bucket");
        QTest::addColumn<QString>("snippet");
        QTest::addColumn<QString>("detailStart");
        QTest::newRow("unknown bucket") << "nope" << kThumbSnippet << "buckets.nope: no such bucket";
        QTest::newRow("query kind") << "plain" << kThumbSnippet << "buckets.plain.transform.kind: is \"query\"";
        QTest::newRow("two presets") << "media"
                                     << "presets:\n  a: {quality: 1}\n  b: {quality: 2}\n"
                                     << "presets: the snippet must hold exactly one preset";
        QTest::newRow("not loadable") << "media"
                                      << "presets:\n  bad:\n    quality: many\n"
                                      << "buckets.media.transform.presets.bad: the config would not load";
    }

    void refusesWithTheKeyPath()
    {
        QFETCH(QString, bucket);
        QFETCH(QString, snippet);
        QFETCH(QString, detailStart);
        const Expected<PresetEdit> edit = ConfigEditor::setPreset(kConfig, bucket, snippet);
        QVERIFY(!edit);
        QCOMPARE(edit.error().code, QByteArray("config.invalid"));
        QCOMPARE(edit.error().httpStatus, 422);
        QVERIFY2(edit.error().detail.startsWith(detailStart), qPrintable(edit.error().detail));
    }

    void writeFileKeepsABackup()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("mort.yml"));
        QVERIFY(ConfigEditor::writeFile(path, QStringLiteral("first\n")));
        QVERIFY(!QFile::exists(path + QStringLiteral(".bak")));
        QVERIFY(ConfigEditor::writeFile(path, QStringLiteral("second\n")));
        QFile now(path), backup(path + QStringLiteral(".bak"));
        QVERIFY(now.open(QIODevice::ReadOnly) && backup.open(QIODevice::ReadOnly));
        QCOMPARE(now.readAll(), QByteArray("second\n"));
        QCOMPARE(backup.readAll(), QByteArray("first\n"));
        const Expected<void> denied =
            ConfigEditor::writeFile(dir.filePath(QStringLiteral("missing/dir/mort.yml")), QStringLiteral("x"));
        QVERIFY(!denied);
        QCOMPARE(denied.error().code, QByteArray("config.write_failed"));
    }
};

QTEST_GUILESS_MAIN(TestConfigEditor)
#include "tst_configeditor.moc"
