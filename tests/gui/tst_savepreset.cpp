// Issue 8's acceptance as a test: a designer opens a photo, tries three
// presets, adjusts one, and saves it from the preview panel without touching
// YAML; the embedded server serves the saved preset at once (hot reload), and
// a fresh server started from the saved file (as `mort-server -config FILE`)
// answers its URL with exactly the previewed bytes. The user's comments in the
// file survive.
#include "integration/testserver.h"
#include "previewtestsupport.h"

#include "client/localengineclient.h"
#include "ui/preview/previewpanel.h"

#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace mort;
using namespace mort::test;

namespace {

const QString kConfig = QStringLiteral(R"yaml(# Designer's config: keep this comment
server:
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
        square:   # for the grid
          quality: 85
          filters:
            crop: {width: 300, height: 300, gravity: smart}
        wide:
          quality: 70
          filters:
            thumbnail: {width: 600, height: 200}
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
      transform: {kind: "noop"}
)yaml");

// Starts an engine from the file, as mort-server does.
std::unique_ptr<Engine> startFromFile(const QString &path, QString *address)
{
    Expected<ConfigPtr> config = ConfigLoader::fromFile(path);
    if (!config) {
        qWarning("%s", qPrintable(config.error().toString()));
        return nullptr;
    }
    auto engine = std::make_unique<Engine>(*config);
    if (Expected<void> started = engine->start(); !started) {
        qWarning("%s", qPrintable(started.error().toString()));
        return nullptr;
    }
    *address = engine->stats().publicAddresses.value(0);
    return engine;
}

QByteArray lastRenderBytes(const QSignalSpy &rendered)
{
    const PreviewInfo info = rendered.last().at(1).value<PreviewInfo>();
    return info.image.body;
}

} // namespace

class TestSavePreset : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<mort::PreviewInfo>(); }

    void tryThreeAdjustOneSaveAndServe()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString photo = photoPath(QStringLiteral("photo_1920x1280.jpg"));
        QDir().mkpath(dir.filePath(QStringLiteral("originals/demo")));
        QVERIFY(QFile::copy(photo, dir.filePath(QStringLiteral("originals/demo/photo.jpg"))));
        const QString configPath = dir.filePath(QStringLiteral("mort.yml"));
        {
            QFile file(configPath);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QString(kConfig).replace(QLatin1String("@ROOT@"), dir.path()).toUtf8());
        }

        Expected<ConfigPtr> loaded = ConfigLoader::fromFile(configPath);
        QVERIFY(loaded);
        LocalEngineClient client(*loaded, configPath); // the studio's embedded server, rendering the preview
        QVERIFY(client.start());
        Engine *embedded = client.engine();
        QString address = embedded->stats().publicAddresses.value(0);
        PreviewPanel panel;
        panel.setEngineClient(&client);
        panel.setConfig(embedded->config());
        panel.setConfigFile(configPath, [embedded](const QString &yaml) { return embedded->applyConfig(yaml); });
        QSignalSpy rendered(panel.controller(), &PreviewController::rendered);
        QVERIFY(panel.openFile(photo));

        // Try three presets.
        for (const char *preset : {"small", "wide", "square"}) {
            const int before = rendered.count();
            QVERIFY(panel.selectPreset(QString::fromLatin1(preset)));
            QTRY_VERIFY(rendered.count() > before && !panel.controller()->isBusy());
            QCOMPARE(rendered.last().at(1).value<PreviewInfo>().presetName, QString::fromLatin1(preset));
        }
        // Adjust the last one: quality 85 -> 40 in the form.
        QSpinBox *quality = nullptr;
        for (QSpinBox *box : panel.findChildren<QSpinBox *>()) {
            if (box->specialValueText() == PreviewPanel::tr("default"))
                quality = box;
        }
        QVERIFY(quality);
        QCOMPARE(quality->value(), 85);
        const int before = rendered.count();
        quality->setValue(40);
        QTRY_VERIFY(rendered.count() > before && !panel.controller()->isBusy());
        const PreviewInfo adjusted = rendered.last().at(1).value<PreviewInfo>();
        QCOMPARE(adjusted.presetName, QString());
        QCOMPARE(adjusted.width, 300);
        QCOMPARE(adjusted.height, 300);
        const QByteArray previewed = adjusted.image.body;
        QVERIFY(!previewed.isEmpty());

        // Save it as a new preset.
        const int beforeSave = rendered.count();
        const Expected<PresetEdit> saved = panel.savePreset(QStringLiteral("square_soft"));
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
        QVERIFY(saved->formattingKept);
        QCOMPARE(panel.controller()->preset(), QStringLiteral("square_soft"));
        QTRY_VERIFY(rendered.count() > beforeSave && !panel.controller()->isBusy());
        QCOMPARE(lastRenderBytes(rendered), previewed);

        QFile file(configPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.startsWith("# Designer's config: keep this comment\n"));
        QVERIFY(text.contains("        square:   # for the grid\n"));
        QVERIFY(text.contains("        square_soft:\n          quality: 40\n          filters:\n"
                              "            crop: {width: 300, height: 300, gravity: smart}\n"));
        QVERIFY(QFile::exists(configPath + QStringLiteral(".bak")));

        // The embedded server took the new config without a restart.
        const Reply hot = RawHttpClient(address).request("GET", "/demo/square_soft/photo.jpg");
        QVERIFY2(hot.status == 200, hot.body.constData());
        QCOMPARE(hot.header("Content-Type"), QByteArray("image/jpeg"));
        QCOMPARE(hot.body, previewed);
        embedded->stop();

        // A fresh server on the saved file serves the previewed image.
        std::unique_ptr<Engine> fresh = startFromFile(configPath, &address);
        QVERIFY(fresh);
        const Reply cold = RawHttpClient(address).request("GET", "/demo/square_soft/photo.jpg");
        QCOMPARE(cold.status, 200);
        QCOMPARE(cold.body, previewed);
        const Decoded image = decodeImage(cold.body);
        QCOMPARE(image.width, 300);
        QCOMPARE(image.height, 300);
        fresh->stop();
    }

    void replacingAPresetAndRefusals()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString configPath = dir.filePath(QStringLiteral("mort.yml"));
        {
            QFile file(configPath);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QString(kConfig).replace(QLatin1String("@ROOT@"), dir.path()).toUtf8());
        }
        PreviewPanel panel;
        Expected<ConfigPtr> config = ConfigLoader::fromFile(configPath);
        QVERIFY(config);
        panel.setConfig(*config);

        // Without a config file, nothing is written.
        Expected<PresetEdit> noFile = panel.savePreset(QStringLiteral("x"));
        QVERIFY(!noFile);
        QCOMPARE(noFile.error().code, QByteArray("preview.save_refused"));

        int applied = 0;
        panel.setConfigFile(configPath, [&applied](const QString &) {
            ++applied;
            return Expected<void>();
        });
        QVERIFY(panel.selectPreset(QStringLiteral("small")));
        PreviewParameters p = panel.controller()->parameters();
        QCOMPARE(panel.savePreset(QStringLiteral("bad/name")).error().code, QByteArray("preview.save_refused"));
        QCOMPARE(applied, 0);

        // Replacing "small" in place: the preset selected is saved under its own name.
        p = PreviewParameters::fromPreset(panel.controller()
                                              ->config()
                                              ->bucket(QStringLiteral("demo"))
                                              ->transform->presets.value(QStringLiteral("small")));
        p.quality = 30;
        panel.setParameters(p);
        const Expected<PresetEdit> replaced = panel.savePreset(QStringLiteral("small"));
        QVERIFY2(replaced, qPrintable(replaced ? QString() : replaced.error().toString()));
        QVERIFY(replaced->replacedExisting);
        QCOMPARE(applied, 1);
        QCOMPARE(
            replaced->config->bucket(QStringLiteral("demo"))->transform->presets.value(QStringLiteral("small")).quality,
            30);
        QCOMPARE(panel.controller()->presets(),
                 (QStringList{QStringLiteral("small"), QStringLiteral("square"), QStringLiteral("wide")}));

        // A server that refuses the config: the file is written, the error says so.
        panel.setConfigFile(configPath, [](const QString &) -> Expected<void> {
            return Error::client("config.restart_required", 409, QStringLiteral("restart needed"));
        });
        const Expected<PresetEdit> notApplied = panel.savePreset(QStringLiteral("other"));
        QVERIFY(!notApplied);
        QCOMPARE(notApplied.error().code, QByteArray("preview.apply_failed"));
        QCOMPARE(notApplied.error().httpStatus, 409);
    }
};

QTEST_MAIN(TestSavePreset)
#include "tst_savepreset.moc"
