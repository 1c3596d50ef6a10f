// "Open from bucket": the engine lists a bucket's basic storage (images only,
// hidden files skipped, pathPrefix honoured), the dialog filters and reads
// one, and the preview renders it; limits and missing buckets are refused.
#include "config/config.h"
#include "previewtestsupport.h"
#include "service/engine.h"
#include "client/localengineclient.h"
#include "ui/preview/bucketimagedialog.h"
#include "ui/preview/previewpanel.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mort;
using namespace mort::test;

namespace {

bool put(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class TestBucketImages : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    std::unique_ptr<Engine> engine(qint64 maxParentBytes = 64 << 20)
    {
        auto config = ConfigLoader::fromText(QStringLiteral(R"yaml(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
buckets:
  demo:
    limits: {maxParentBytes: %2}
    transform:
      kind: "presets-query"
      path: "\\/(?P<presetName>[a-z0-9_]+)\\/(?P<parent>.*)"
      parentBucket: "demo"
      presets:
        small: {quality: 75, filters: {thumbnail: {width: 150}}}
    storages:
      basic: {kind: "local-meta", rootPath: "%1", pathPrefix: "photos"}
)yaml")
                                                 .arg(m_dir.path())
                                                 .arg(maxParentBytes));
        if (!config) {
            qWarning("%s", qPrintable(config.error().toString()));
            return nullptr;
        }
        return std::make_unique<Engine>(*config);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<mort::PreviewInfo>();
        const QByteArray photo = readPhoto(QStringLiteral("photo_1920x1280.jpg"));
        QVERIFY(!photo.isEmpty());
        QVERIFY(put(m_dir.filePath(QStringLiteral("demo/photos/summer/beach.jpg")), photo));
        QVERIFY(put(m_dir.filePath(QStringLiteral("demo/photos/logo.PNG")),
                    readPhoto(QStringLiteral("alpha_1024x768.png"))));
        QVERIFY(put(m_dir.filePath(QStringLiteral("demo/photos/notes.txt")), "not an image"));
        QVERIFY(put(m_dir.filePath(QStringLiteral("demo/photos/.hidden.jpg")), photo));
        QVERIFY(put(m_dir.filePath(QStringLiteral("demo/photos/.cache/x.jpg")), photo));
        QVERIFY(put(m_dir.filePath(QStringLiteral("demo/elsewhere.jpg")), photo)); // outside pathPrefix
    }

    void engineListsAndReads()
    {
        std::unique_ptr<Engine> e = engine();
        QVERIFY(e);
        const Expected<QStringList> keys = e->listObjects(QStringLiteral("demo"), 100);
        QVERIFY2(keys, qPrintable(keys ? QString() : keys.error().toString()));
        QCOMPARE(*keys, (QStringList{"/logo.PNG", "/notes.txt", "/summer/beach.jpg"}));
        QCOMPARE(e->listObjects(QStringLiteral("demo"), 1)->size(), 1);
        const Expected<QByteArray> bytes = e->readObject(QStringLiteral("demo"), QStringLiteral("/summer/beach.jpg"));
        QVERIFY(bytes);
        QCOMPARE(*bytes, readPhoto(QStringLiteral("photo_1920x1280.jpg")));
        QCOMPARE(e->listObjects(QStringLiteral("nope"), 10).error().code, QByteArray("bucket.unknown"));
        QCOMPARE(e->readObject(QStringLiteral("demo"), QStringLiteral("/missing.jpg")).error().httpStatus, 404);

        std::unique_ptr<Engine> strict = engine(1000); // limits.maxParentBytes: 1000
        QVERIFY(strict);
        const Expected<QByteArray> refused =
            strict->readObject(QStringLiteral("demo"), QStringLiteral("/summer/beach.jpg"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QByteArray("image.too_large"));
        QCOMPARE(refused.error().httpStatus, 422);
    }

    void aRootInsideAHiddenFolderStillLists()
    {
        // Regression: hidden parts were looked for in the whole path, so a
        // rootPath under ~/.cache listed nothing.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString root = dir.filePath(QStringLiteral(".cache/mort"));
        QVERIFY(put(root + QStringLiteral("/demo/a.jpg"), readPhoto(QStringLiteral("photo_1920x1280.jpg"))));
        QVERIFY(put(root + QStringLiteral("/demo/.hidden.jpg"), "x"));
        auto config = ConfigLoader::fromText(
            QStringLiteral("buckets:\n  demo:\n    storages:\n      basic: {kind: \"local-meta\", rootPath: \"%1\"}\n")
                .arg(root));
        QVERIFY2(config, qPrintable(config ? QString() : config.error().toString()));
        Engine e(*config);
        const Expected<QStringList> keys = e.listObjects(QStringLiteral("demo"), 10);
        QVERIFY(keys);
        QCOMPARE(*keys, QStringList{QStringLiteral("/a.jpg")});
    }

    void dialogFiltersAndThePreviewRendersTheChoice()
    {
        std::unique_ptr<Engine> e = engine();
        QVERIFY(e);
        LocalEngineClient client(e->config(), QStringLiteral("demo.yml")); // lists, reads and renders
        PreviewPanel panel;
        panel.setConfig(e->config());
        panel.setEngineClient(&client);
        QSignalSpy rendered(panel.controller(), &PreviewController::rendered);
        QVERIFY(panel.selectPreset(QStringLiteral("small")));
        BucketImageDialog *dialog = panel.openFromBucketDialog();
        QVERIFY(dialog);
        QSignalSpy listed(dialog, &BucketImageDialog::listed);
        QVERIFY(listed.wait(5000));
        QCOMPARE(dialog->shownKeys(), (QStringList{"/logo.PNG", "/summer/beach.jpg"})); // images only
        dialog->setFilterText(QStringLiteral("BEACH"));
        QCOMPARE(dialog->shownKeys(), (QStringList{"/summer/beach.jpg"}));
        QSignalSpy read(dialog, &BucketImageDialog::imageRead);
        dialog->openKey(QStringLiteral("/summer/beach.jpg"));
        QVERIFY(read.wait(5000));
        QTRY_VERIFY(!rendered.isEmpty());
        QTRY_VERIFY(!panel.controller()->isBusy());
        const PreviewInfo info = rendered.last().at(1).value<PreviewInfo>();
        QCOMPARE(info.presetName, QStringLiteral("small"));
        QCOMPARE(QSize(info.width, info.height), QSize(150, 100));
        QCOMPARE(panel.controller()->sourceName(), QStringLiteral("summer/beach.jpg"));
        QCOMPARE(panel.controller()->requestUrl(), QStringLiteral("/demo/small/summer/beach.jpg"));
    }

    void noSourceNoDialog()
    {
        PreviewPanel panel;
        panel.setConfig(previewConfig());
        QCOMPARE(panel.openFromBucketDialog(), nullptr);
    }
};

QTEST_MAIN(TestBucketImages)
#include "tst_bucketimages.moc"
