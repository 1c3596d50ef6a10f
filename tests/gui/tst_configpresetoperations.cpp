// Issue 21 in the studio: a preset's filters as ordered operations. The
// Config tab lists them in the order the engine applies them (not the
// YAML's), adds and removes each kind, edits each one's fields (flow-style
// filters included), shows the engine's issues and request-time problems,
// and Apply changes what a real GET answers: rotate, resize and grayscale.
#include "previewtestsupport.h"

#include "client/localengineclient.h"
#include "ui/config/configpanel.h"
#include "ui/config/presetfieldsform.h"

#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace mort;
using namespace mort::test;

namespace {

// %1: the folder of originals and results. The filters are written in the
// opposite of the engine's order, thumbnail in flow style.
const QString kConfig = QStringLiteral(R"(server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
buckets:
  demo:
    transform:
      kind: "presets"
      path: "\\/(?P<presetName>[a-z0-9_]+)\\/(?P<parent>[a-zA-Z0-9_\\-\\.]+)$"
      parentBucket: "demo"
      presets:
        small:
          quality: 80
          filters:
            strip: true
            thumbnail: {width: 200}
    storages:
      basic: {kind: local-meta, rootPath: "%1/originals"}
      transform: {kind: noop}
)");

QStringList field(const char *filter, const char *key)
{
    return {QStringLiteral("filters"), QString::fromLatin1(filter), QString::fromLatin1(key)};
}

// The preset as the engine reads the panel's text now.
PresetConfig parsedPreset(const ConfigPanel &panel)
{
    QList<ConfigIssue> issues;
    const Config config = ConfigLoader::parse(panel.editedText(), issues);
    const BucketConfig *bucket = config.bucket(QStringLiteral("demo"));
    return bucket && bucket->transform ? bucket->transform->presets.value(QStringLiteral("small")) : PresetConfig();
}

} // namespace

class TestConfigPresetOperations : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<LocalEngineClient> m_client;
    std::unique_ptr<ConfigPanel> m_panel;

    PresetFieldsForm *page() const { return m_panel->presetForm(); }
    QAction *addAction(const char *filter) const
    {
        return page()
            ->findChild<QToolButton *>(QStringLiteral("presetAddOperation"))
            ->menu()
            ->findChild<QAction *>(QString::fromLatin1(filter));
    }
    bool validatedAgain()
    {
        QSignalSpy validated(m_panel.get(), &ConfigPanel::validated);
        return validated.wait(10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("originals/demo/photo.jpg")),
                          readPhoto(QStringLiteral("photo_800x600.jpg"))));
        const QString path = m_dir.filePath(QStringLiteral("mort.yml"));
        QVERIFY(writeFile(path, kConfig.arg(m_dir.path()).toUtf8()));
        Expected<ConfigPtr> config = ConfigLoader::fromFile(path);
        QVERIFY(config);
        m_client = std::make_unique<LocalEngineClient>(*config, path);
        QVERIFY(m_client->start());
        m_panel = std::make_unique<ConfigPanel>(m_client.get());
        m_panel->setValidationDelayMs(0);
        m_panel->resize(1280, 860);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
        QSignalSpy loaded(m_panel.get(), &ConfigPanel::loaded);
        m_panel->loadFromEngine();
        QVERIFY(loaded.wait(10000));
        QVERIFY(m_panel->selectPreset(QStringLiteral("demo"), QStringLiteral("small")));
    }

    void listedInTheEnginesOrder()
    {
        QCOMPARE(page()->shownOperations(), (QStringList{"thumbnail", "strip"}));
        auto *list = page()->findChild<QListWidget *>(QStringLiteral("presetOperations"));
        QVERIFY(list);
        QCOMPARE(list->item(0)->text(), QStringLiteral("1. Thumbnail: Width 200"));
        QCOMPARE(list->item(1)->text(), QStringLiteral("2. Strip metadata"));
        QCOMPARE(page()->selectedOperation(), QStringLiteral("thumbnail"));
        // Each filter once: those on cannot be added again.
        QVERIFY(!addAction("strip")->isEnabled());
        QVERIFY(!addAction("thumbnail")->isEnabled());
        QVERIFY(addAction("rotate")->isEnabled());
        QVERIFY(page()->engineProblem().isEmpty());
    }

    void addRotateGoesFirst()
    {
        addAction("rotate")->trigger(); // as chosen from the Add menu
        QCOMPARE(page()->shownOperations(), (QStringList{"rotate", "thumbnail", "strip"}));
        QCOMPARE(page()->selectedOperation(), QStringLiteral("rotate"));
        QCOMPARE(parsedPreset(*m_panel).rotateAngle, 90);
        QVERIFY(!addAction("rotate")->isEnabled());
        // The rest of the config is as it was.
        QVERIFY(m_panel->editedText().contains(QStringLiteral("rootPath: \"%1/originals\"").arg(m_dir.path())));
    }

    void editAFlowStyleFilter()
    {
        // `thumbnail: {width: 200}` gets a height, and loses it again.
        QVERIFY(page()->setFieldValue(field("thumbnail", "height"), QStringLiteral("120")));
        QCOMPARE(parsedPreset(*m_panel).thumbnailHeight, 120);
        QCOMPARE(parsedPreset(*m_panel).thumbnailWidth, 200);
        QCOMPARE(page()->selectedOperation(), QStringLiteral("thumbnail"));
        QVERIFY(page()->setFieldValue(field("thumbnail", "height"), QString()));
        QVERIFY2(!m_panel->editedText().contains(QStringLiteral("height")), qPrintable(m_panel->editedText()));
        QVERIFY(parsedPreset(*m_panel).hasThumbnail);
    }

    void switchesAreRealBooleans()
    {
        addAction("grayscale")->trigger();
        QVERIFY2(m_panel->editedText().contains(QStringLiteral("grayscale: true")), qPrintable(m_panel->editedText()));
        QVERIFY(parsedPreset(*m_panel).grayscale);
        QCOMPARE(page()->shownOperations(), (QStringList{"rotate", "thumbnail", "grayscale", "strip"}));
    }

    void applyChangesWhatIsServed()
    {
        const QString address = m_client->engine()->stats().publicAddresses.value(0);
        QSignalSpy applied(m_panel.get(), &ConfigPanel::applyFinished);
        m_panel->applyNow();
        QVERIFY(applied.wait(20000));
        QVERIFY2(applied.last().at(0).value<ConfigCheck>().applied, qPrintable(m_panel->statusText()));
        // 800x600 turned to 600x800 before the resize to width 200; grey.
        const QImage image = servedImage(address, QStringLiteral("/demo/small/photo.jpg"));
        QCOMPARE(image.size(), QSize(200, 267));
        QVERIFY(image.isGrayscale() || image.format() == QImage::Format_Grayscale8);
    }

    void removeTheSelected()
    {
        QVERIFY(page()->selectOperation(QStringLiteral("grayscale")));
        QVERIFY(page()->removeSelectedOperation());
        QVERIFY(!m_panel->editedText().contains(QStringLiteral("grayscale")));
        QCOMPARE(page()->shownOperations(), (QStringList{"rotate", "thumbnail", "strip"}));
        QVERIFY(addAction("grayscale")->isEnabled());
        // The Remove button does the same for the rotate.
        QVERIFY(page()->selectOperation(QStringLiteral("rotate")));
        page()->findChild<QPushButton *>(QStringLiteral("presetRemoveOperation"))->click();
        QCOMPARE(page()->shownOperations(), (QStringList{"thumbnail", "strip"}));
        QVERIFY(!parsedPreset(*m_panel).hasRotate);
    }

    void requestTimeProblemsAreShown()
    {
        // A watermark without an image: the config loads (as Mort), but every
        // request for the preset would answer 400; the page says so.
        QVERIFY(page()->addOperation(QStringLiteral("watermark")));
        QVERIFY2(page()->engineProblem().contains(QStringLiteral("watermark image is required")),
                 qPrintable(page()->engineProblem()));
        QVERIFY(page()->setFieldValue(field("watermark", "image"), m_dir.filePath(QStringLiteral("logo.png"))));
        QVERIFY2(page()->engineProblem().isEmpty(), qPrintable(page()->engineProblem()));
        QVERIFY(page()->setFieldValue(field("watermark", "position"), QStringLiteral("middle-left")));
        QVERIFY(page()->engineProblem().contains(QStringLiteral("watermark position")));
        QVERIFY(page()->setFieldValue(field("watermark", "position"), QStringLiteral("top-left")));
        QVERIFY(page()->engineProblem().isEmpty());
    }

    void validatorIssuesUnderTheirField()
    {
        QVERIFY(page()->addOperation(QStringLiteral("blur")));
        QCOMPARE(parsedPreset(*m_panel).blurSigma, 2.0);
        // A value the validator refuses still lands in the text (a form must
        // not swallow a typed value), and shows under its field.
        QVERIFY(page()->setFieldValue(field("blur", "sigma"), QStringLiteral("-3")));
        QCOMPARE(parsedPreset(*m_panel).blurSigma, -3.0);
        QVERIFY(validatedAgain());
        QVERIFY2(page()->issueText(field("blur", "sigma")).contains(QStringLiteral("must not be negative, got -3")),
                 qPrintable(m_panel->shownIssues().join(u'\n')));
        // Marked in the list too.
        auto *list = page()->findChild<QListWidget *>(QStringLiteral("presetOperations"));
        const int row = page()->shownOperations().indexOf(QStringLiteral("blur"));
        QCOMPARE(list->item(row)->foreground().color(), QColor(0xb0, 0x00, 0x20));
        QVERIFY(!m_panel->findChild<QPushButton *>(QStringLiteral("configApply"))->isEnabled());
        QVERIFY(
            m_panel->grab().save(QStringLiteral(MORT_BINARY_DIR "/screenshots/studio-config-preset-operations.png")));
        QVERIFY(page()->setFieldValue(field("blur", "sigma"), QStringLiteral("1.5")));
        QVERIFY(validatedAgain());
        QVERIFY(page()->issueText(field("blur", "sigma")).isEmpty());
    }

    void cleanupTestCase()
    {
        m_panel.reset();
        m_client.reset();
    }
};

QTEST_MAIN(TestConfigPresetOperations)
#include "tst_configpresetoperations.moc"
