// Issue 25 finding 1: the cache browser attached to a mort-server (as
// `mort-studio --attach URL` builds it) shows the selected image entry's
// headers and image. The server runs in its own process, as in attach mode:
// an engine started in this process would initialise libvips for the studio
// code and hide the crash this guards against (the detail view probing an
// image before anything in the studio had called VIPS_INIT).
#include "previewtestsupport.h"
#include "integration/serverprocess.h"

#include "ui/cache/cachebrowserpanel.h"
#include "ui/cache/cacheentrydetailview.h"
#include "ui/cache/cacheentrymodel.h"
#include "client/remoteengineclient.h"

#include <QDir>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace mort;
using namespace mort::test;

namespace {

const QString kToken = QStringLiteral("attach-test-token-0123456789");

const QString kConfig = QStringLiteral(R"(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
  adminToken: "attach-test-token-0123456789"
  cache: {type: memory, cacheSize: 10485760}
headers:
  - statusCodes: [200]
    values:
      "cache-control": "max-age=600"
buckets:
  b:
    storages:
      basic: {kind: local-meta, rootPath: "%1"}
)");

int get(const QString &url)
{
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(url)));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(10000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete reply;
    return status;
}

} // namespace

class TestCacheAttach : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void attachedDetailShowsHeadersAndImage()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("b"))));
        const QByteArray photo = readPhoto(QStringLiteral("photo_1920x1280.jpg"));
        QVERIFY(!photo.isEmpty());
        {
            QFile image(dir.filePath(QStringLiteral("b/photo.jpg")));
            QVERIFY(image.open(QIODevice::WriteOnly));
            QCOMPARE(image.write(photo), photo.size());
            QFile config(dir.filePath(QStringLiteral("mort.yml")));
            QVERIFY(config.open(QIODevice::WriteOnly));
            config.write(kConfig.arg(dir.path()).toUtf8());
        }
        ServerProcess server;
        const QString why = server.start(QStringLiteral(MORT_SERVER_BINARY), dir.filePath(QStringLiteral("mort.yml")));
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QCOMPARE(get(QStringLiteral("http://%1/b/photo.jpg").arg(server.publicAddress())), 200);

        // As runAttached() wires it: a RemoteEngineClient on the internal listener.
        RemoteEngineClient client(RemoteEngineClient::normalizedUrl(server.internalAddress()), kToken);
        CacheBrowserPanel panel(&client);
        panel.resize(1000, 500);
        panel.show();
        QSignalSpy listed(&panel, &CacheBrowserPanel::listed);
        panel.refresh();
        QVERIFY(listed.wait(10000));
        QCOMPARE(panel.model()->rowCount(), 1);

        QSignalSpy fetched(&client, &EngineClient::cacheEntryFetched);
        QSignalSpy errors(&client, &EngineClient::errorOccurred);
        panel.view()->selectRow(0); // the click that crashed inside libvips
        QVERIFY(fetched.wait(10000));
        QCOMPARE(errors.count(), 0);
        CacheEntryDetailView *detail = panel.detailView();
        QVERIFY(!detail->isLoading());
        QVERIFY(detail->shownKey().endsWith(QLatin1String("photo.jpg")));
        QTRY_VERIFY2_WITH_TIMEOUT(detail->hasThumbnail(), "the image was not decoded", 10000);
        QCOMPARE(detail->thumbnailSize(), QSize(240, 160)); // 1920x1280 fitted into 240x240
        QVERIFY2(detail->headerLines().contains(QStringLiteral("Content-Type: image/jpeg")),
                 qPrintable(detail->headerLines().join(u'|')));
        QVERIFY(detail->headerLines().contains(QStringLiteral("Cache-Control: max-age=600")));
        QDir().mkpath(QStringLiteral(MORT_BINARY_DIR "/screenshots"));
        QVERIFY(panel.grab().save(QStringLiteral(MORT_BINARY_DIR "/screenshots/studio-cache-attached-offscreen.png")));
    }
};

QTEST_MAIN(TestCacheAttach)
#include "tst_cacheattach.moc"
