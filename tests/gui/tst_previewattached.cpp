// Issue 17.2: the Preview attached to a mort-server in another process, wired
// as `mort-studio --attach URL` wires it. The server renders (its own
// pipeline, through the admin API) a preset on an image from its bucket and on
// a local image, and the bytes equal what GET /<bucket>/<preset>/<key> answers
// from that server; the contact sheet renders there too. A screenshot of the
// attached preview is saved for people to look at.
#include "previewtestsupport.h"
#include "integration/serverprocess.h"

#include "client/remoteengineclient.h"
#include "ui/preview/bucketimagedialog.h"
#include "ui/preview/contactsheetdialog.h"
#include "ui/mainwindow.h"
#include "ui/preview/previewpanel.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mort;
using namespace mort::test;

namespace {

const QString kToken = QStringLiteral("preview-attach-token-0123456789");

const QString kConfig = QStringLiteral(R"(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
  adminToken: "preview-attach-token-0123456789"
buckets:
  demo:
    transform:
      kind: "presets-query"
      path: "\\/(?P<presetName>[a-z0-9_]+)\\/(?P<parent>[a-zA-Z0-9_\\-\\.]+)$"
      parentBucket: "demo"
      presets:
        small: {quality: 75, filters: {thumbnail: {width: 150}, strip: true}}
        square: {quality: 85, filters: {crop: {width: 300, height: 300, gravity: smart}}}
        square_webp: {quality: 80, format: webp, filters: {crop: {width: 300, height: 300, gravity: smart}}}
    storages:
      basic: {kind: local-meta, rootPath: "%1"}
      transform: {kind: local-meta, rootPath: "%1/results"}
)");

// GET from the server's public listener, as any client would.
QByteArray publicGet(const QString &url, int *status)
{
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(url)));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(20000);
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    delete reply;
    return body;
}

} // namespace

class TestPreviewAttached : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;
    std::unique_ptr<RemoteEngineClient> m_client;
    std::unique_ptr<MainWindow> m_window;
    PreviewPanel *m_preview = nullptr;

    QByteArray served(const QString &path)
    {
        int status = 0;
        const QByteArray body = publicGet(QStringLiteral("http://%1%2").arg(m_server.publicAddress(), path), &status);
        return status == 200 ? body : QByteArray();
    }
    PreviewInfo lastRender(const QSignalSpy &rendered) { return rendered.last().at(1).value<PreviewInfo>(); }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<mort::PreviewInfo>();
        qRegisterMetaType<mort::ContactSheetTile>();
        QVERIFY(m_dir.isValid());
        // local-meta keeps <rootPath>/<bucket>/<key>.
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("demo/photo.jpg")),
                          readPhoto(QStringLiteral("photo_1920x1280.jpg"))));
        // The local image, also stored, so the server has a URL to compare with.
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("demo/local.jpg")),
                          readPhoto(QStringLiteral("photo_800x600.jpg"))));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("mort.yml")), kConfig.arg(m_dir.path()).toUtf8()));
        const QString why =
            m_server.start(QStringLiteral(MORT_SERVER_BINARY), m_dir.filePath(QStringLiteral("mort.yml")));
        QVERIFY2(why.isEmpty(), qPrintable(why));

        // As runAttached() wires it.
        m_client =
            std::make_unique<RemoteEngineClient>(RemoteEngineClient::normalizedUrl(m_server.internalAddress()), kToken);
        m_window = std::make_unique<MainWindow>(m_client.get());
        m_preview = m_window->enablePreview(nullptr);
        connect(m_client.get(), &EngineClient::connectionChanged, m_preview, [this](bool connected) {
            if (connected)
                m_preview->loadConfigFromEngine();
        });
        m_window->resize(1280, 860);
        m_window->setCurrentTab(MainWindow::PreviewTab);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QSignalSpy loaded(m_preview, &PreviewPanel::configLoaded);
        m_client->connectToServer();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(m_preview->controller()->presets(), (QStringList{"small", "square", "square_webp"}));
        m_preview->controller()->setDebounceMs(0);
    }

    void bucketImageRenderedByTheServer()
    {
        QSignalSpy rendered(m_preview->controller(), &PreviewController::rendered);
        QVERIFY(m_preview->selectPreset(QStringLiteral("small")));
        BucketImageDialog *dialog = m_preview->openFromBucketDialog();
        QVERIFY(dialog);
        QSignalSpy listed(dialog, &BucketImageDialog::listed);
        QVERIFY(listed.wait(10000));
        QCOMPARE(dialog->shownKeys(), (QStringList{"/local.jpg", "/photo.jpg"}));
        QSignalSpy read(dialog, &BucketImageDialog::imageRead);
        dialog->openKey(QStringLiteral("/photo.jpg"));
        QVERIFY(read.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(!rendered.isEmpty() && !m_preview->controller()->isBusy(), 20000);
        const PreviewInfo info = lastRender(rendered);
        QCOMPARE(info.presetName, QStringLiteral("small"));
        QCOMPARE(QSize(info.width, info.height), QSize(150, 100));
        QCOMPARE(m_preview->controller()->requestUrl(), QStringLiteral("/demo/small/photo.jpg"));
        const QByteArray reference = served(QStringLiteral("/demo/small/photo.jpg"));
        QVERIFY(!reference.isEmpty());
        QVERIFY(info.image.body == reference);
    }

    void localImageRenderedByTheServer()
    {
        QSignalSpy rendered(m_preview->controller(), &PreviewController::rendered);
        QSignalSpy decoded(m_preview->controller(), &PreviewController::sourceDecoded);
        const QString local = m_dir.filePath(QStringLiteral("local.jpg")); // the file on this machine
        QVERIFY(writeFile(local, readPhoto(QStringLiteral("photo_800x600.jpg"))));
        QVERIFY(m_preview->openFile(local));
        QVERIFY(m_preview->selectPreset(QStringLiteral("square_webp")));
        QTRY_VERIFY_WITH_TIMEOUT(!decoded.isEmpty(), 20000); // the "before", decoded by the server
        QCOMPARE(decoded.last().at(0).value<QImage>().size(), QSize(800, 600));
        QTRY_VERIFY_WITH_TIMEOUT(!rendered.isEmpty() && !m_preview->controller()->isBusy(), 20000);
        const PreviewInfo info = lastRender(rendered);
        QCOMPARE(info.presetName, QStringLiteral("square_webp"));
        QCOMPARE(info.format, QStringLiteral("webp"));
        QCOMPARE(rendered.last().at(0).value<QImage>().size(), QSize(300, 300)); // shown, though Qt reads no webp here
        const QByteArray reference = served(QStringLiteral("/demo/square_webp/local.jpg"));
        QVERIFY(!reference.isEmpty());
        QVERIFY(info.image.body == reference);

        QDir().mkpath(QStringLiteral(MORT_BINARY_DIR "/screenshots"));
        QVERIFY(m_window->grab().save(QStringLiteral(MORT_BINARY_DIR "/screenshots/studio-preview-attached.png")));
    }

    void contactSheetRenderedByTheServer()
    {
        m_preview->showContactSheet();
        auto *dialog = m_preview->findChild<ContactSheetDialog *>();
        QVERIFY(dialog);
        QSignalSpy finished(dialog->renderer(), &ContactSheetRenderer::finished);
        QVERIFY(finished.wait(30000));
        const QList<ContactSheetTile> tiles = dialog->renderer()->tiles();
        QCOMPARE(tiles.size(), 3);
        for (const ContactSheetTile &tile : tiles) {
            QVERIFY2(tile.error.isEmpty(), qPrintable(tile.preset + QStringLiteral(": ") + tile.error));
            QVERIFY(!tile.image.isNull());
            QCOMPARE(tile.bytes, qint64(served(QStringLiteral("/demo/%1/local.jpg").arg(tile.preset)).size()));
        }
        dialog->close();
    }

    // Save as preset, attached: the server puts it into its own config, serves
    // it at once and writes its config file; a name no URL reaches is refused.
    void savedPresetIsServedByTheServer()
    {
        QSignalSpy rendered(m_preview->controller(), &PreviewController::rendered);
        QVERIFY(m_preview->selectPreset(QStringLiteral("small")));
        QTRY_VERIFY_WITH_TIMEOUT(!rendered.isEmpty() && !m_preview->controller()->isBusy(), 20000);
        const QByteArray previewed = lastRender(rendered).image.body;
        QSignalSpy done(m_preview, &PreviewPanel::engineSaveFinished);
        m_preview->savePresetToEngine(QStringLiteral("small_copy"));
        QTRY_VERIFY2_WITH_TIMEOUT(!done.isEmpty(), qPrintable(m_preview->noteText()), 10000);
        QVERIFY2(done.last().at(0).toBool(), qPrintable(m_preview->noteText()));
        QVERIFY2(m_preview->noteText().contains(QLatin1String("/demo/small_copy/local.jpg")),
                 qPrintable(m_preview->noteText()));
        QVERIFY(m_preview->controller()->presets().contains(QStringLiteral("small_copy")));
        // The preview now shows the saved preset, rendered by the server: what its URL serves.
        QTRY_VERIFY_WITH_TIMEOUT(lastRender(rendered).presetName == QLatin1String("small_copy")
                                     && !m_preview->controller()->isBusy(),
                                 20000);
        QVERIFY(!previewed.isEmpty());
        QCOMPARE(served(QStringLiteral("/demo/small_copy/local.jpg")), lastRender(rendered).image.body);
        QFile config(m_dir.filePath(QStringLiteral("mort.yml")));
        QVERIFY(config.open(QIODevice::ReadOnly));
        QVERIFY(config.readAll().contains("small_copy:"));

        m_preview->savePresetToEngine(QStringLiteral("Hero-Banner"));
        QCOMPARE(done.last().at(0).toBool(), false); // refused before anything is sent
        QVERIFY2(m_preview->noteText().contains(QLatin1String("[a-z0-9_]+")), qPrintable(m_preview->noteText()));
    }

    // First impression: a Preview with nothing open shows the bucket's first image.
    void opensOnTheBucketsFirstImage()
    {
        PreviewPanel fresh;
        fresh.setEngineClient(m_client.get());
        fresh.setConfig(m_preview->controller()->config());
        QSignalSpy decoded(fresh.controller(), &PreviewController::sourceDecoded);
        fresh.openFirstBucketImage();
        QVERIFY(decoded.wait(20000));
        QCOMPARE(fresh.controller()->sourceName(), QStringLiteral("local.jpg")); // "/local.jpg" < "/photo.jpg"
        QCOMPARE(decoded.last().at(0).value<QImage>().size(), QSize(800, 600));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_client.reset();
    }
};

QTEST_MAIN(TestPreviewAttached)
#include "tst_previewattached.moc"
