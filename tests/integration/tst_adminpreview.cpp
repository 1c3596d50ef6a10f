// The admin API routes an attached studio's screens use, over real HTTP on a
// real Engine: bucket listing and object reads, renders through the server's
// own pipeline (byte-equal to what the public listener serves for the same
// image and preset or query), display copies, saving a preset into the running
// config -- and the admin API's limits and browser rules on each of them.
#include "service/adminapi.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

using namespace mort;
using namespace mort::test;

namespace {

const QString kConfig = QStringLiteral(R"yaml(server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
buckets:
  pq:
    transform:
      kind: "presets-query"
      path: "\\/(?P<presetName>[a-z0-9_]+)\\/(?P<parent>[a-zA-Z0-9_\\-\\.]+)"
      parentBucket: "pq"
      presets:
        small:
          quality: 80
          filters:
            thumbnail: {width: 150}
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
      transform: {kind: "local-meta", rootPath: "@ROOT@/results"}
  tiny:
    limits: {maxParentBytes: 2000}
    transform:
      kind: "query"
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
      transform: {kind: "local-meta", rootPath: "@ROOT@/results"}
)yaml");

QJsonObject json(const Reply &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const HttpHeaders kImageBody{{"Content-Type", "application/octet-stream"}};

} // namespace

class TestAdminPreview : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;
    QString m_internal, m_public;
    QString m_configPath;

    Reply admin(const QByteArray &method, const QByteArray &target, const HttpHeaders &headers = {},
                const QByteArray &body = {})
    {
        RawHttpClient client(m_internal);
        if (method == "GET")
            return client.request(method, target, headers, 30000);
        return client.requestWithBody(method, target, headers, body);
    }
    Reply get(const QByteArray &target)
    {
        RawHttpClient client(m_public);
        return client.request("GET", target, {}, 30000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qunsetenv("MORT_ADMIN_TOKEN");
        QVERIFY(m_dir.isValid());
        for (const char *key : {"photo.jpg", "b.jpg", "a.jpg"}) {
            const QString to = m_dir.filePath(QStringLiteral("originals/pq/") + QLatin1String(key));
            QDir().mkpath(QFileInfo(to).absolutePath());
            QVERIFY(QFile::copy(testDataPath(QStringLiteral("photos/photo_300x200.jpg")), to));
        }
        QString yaml = kConfig;
        yaml.replace(QLatin1String("@ROOT@"), m_dir.path());
        m_configPath = m_dir.filePath(QStringLiteral("mort.yml"));
        QFile file(m_configPath);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(yaml.toUtf8()) > 0);
        file.close();
        auto config = ConfigLoader::fromFile(m_configPath);
        QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().toString()));
        m_engine = std::make_unique<Engine>(std::move(config).value());
        QVERIFY(m_engine->start().ok());
        m_internal = m_engine->stats().internalAddresses.value(0);
        m_public = m_engine->stats().publicAddresses.value(0);
    }
    void cleanupTestCase()
    {
        if (m_engine)
            m_engine->stop(2000);
    }

    void listsBucketKeysSorted()
    {
        const Reply r = admin("GET", "/api/v1/buckets/pq/objects");
        QCOMPARE(r.status, 200);
        QCOMPARE(json(r).value("bucket").toString(), QStringLiteral("pq"));
        // Keys as the storage lists them (a leading slash, as Mort keeps them).
        QCOMPARE(json(r).value("keys").toArray(), QJsonArray({"/a.jpg", "/b.jpg", "/photo.jpg"}));
        const Reply limited = admin("GET", "/api/v1/buckets/pq/objects?limit=2");
        // At most `limit` keys (which ones is the storage's listing order).
        QCOMPARE(json(limited).value("keys").toArray().size(), 2);
        const Reply unknown = admin("GET", "/api/v1/buckets/nope/objects");
        QCOMPARE(unknown.status, 404);
        QCOMPARE(unknown.header("X-Mort-Error"), QByteArray("bucket.unknown"));
        QCOMPARE(admin("POST", "/api/v1/buckets/pq/objects").status, 405);
        QCOMPARE(admin("GET", "/api/v1/buckets/pq/other").status, 404);
    }

    void readsStoredObjectBytes()
    {
        const Reply r = admin("GET", "/api/v1/buckets/pq/object?key=photo.jpg");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, readFile(testDataPath(QStringLiteral("photos/photo_300x200.jpg"))));
        QCOMPARE(admin("GET", "/api/v1/buckets/pq/object?key=missing.jpg").status, 404);
        QCOMPARE(admin("GET", "/api/v1/buckets/pq/object").status, 400);
    }

    // The point of the route: the same bytes the public listener serves.
    void renderEqualsWhatTheServerServes_data()
    {
        QTest::addColumn<QByteArray>("renderTarget");
        QTest::addColumn<bool>("upload");
        QTest::addColumn<QByteArray>("publicTarget");
        QTest::newRow("preset, uploaded")
            << QByteArray("/api/v1/render?bucket=pq&preset=small") << true << QByteArray("/pq/small/photo.jpg");
        QTest::newRow("preset, stored") << QByteArray("/api/v1/render?bucket=pq&preset=small&key=photo.jpg") << false
                                        << QByteArray("/pq/small/photo.jpg");
        QTest::newRow("query, uploaded") << QByteArray("/api/v1/render?bucket=pq&query=")
                + QUrl::toPercentEncoding("width=120&operation=resize")
                                         << true << QByteArray("/pq/photo.jpg?width=120&operation=resize");
    }
    void renderEqualsWhatTheServerServes()
    {
        QFETCH(QByteArray, renderTarget);
        QFETCH(bool, upload);
        QFETCH(QByteArray, publicTarget);
        const QByteArray source = readFile(testDataPath(QStringLiteral("photos/photo_300x200.jpg")));
        const Reply rendered =
            admin("POST", renderTarget, upload ? kImageBody : HttpHeaders{}, upload ? source : QByteArray());
        QCOMPARE(rendered.status, 200);
        const Reply served = get(publicTarget);
        QCOMPARE(served.status, 200);
        QVERIFY(!rendered.body.isEmpty());
        QVERIFY(rendered.body == served.body);
        QCOMPARE(rendered.header("Content-Type"), served.header("Content-Type"));
        const Decoded d = decodeImage(rendered.body);
        QCOMPARE(rendered.header("X-Mort-Image-Width").toInt(), d.width);
        QCOMPARE(rendered.header("X-Mort-Image-Height").toInt(), d.height);
        QCOMPARE(rendered.header("X-Mort-Source-Bytes").toLongLong(), qint64(source.size()));
        QVERIFY(rendered.header("X-Mort-Render-Ms").toDouble() > 0);
    }

    void renderErrorsAreTheServersOwn()
    {
        const QByteArray source = readFile(testDataPath(QStringLiteral("photos/photo_300x200.jpg")));
        const Reply unknown = admin("POST", "/api/v1/render?bucket=pq&preset=nope", kImageBody, source);
        QCOMPARE(unknown.status, 400);
        QCOMPARE(unknown.header("X-Mort-Error"), QByteArray("preset.unknown"));
        const Reply notImage =
            admin("POST", "/api/v1/render?bucket=pq&preset=small", kImageBody, "not an image at all");
        QCOMPARE(notImage.status, 415);
        QCOMPARE(notImage.header("X-Mort-Error"), QByteArray("image.unsupported_type"));
        const Reply nothing = admin("POST", "/api/v1/render?bucket=pq&preset=small");
        QCOMPARE(nothing.status, 400);
        QCOMPARE(nothing.header("X-Mort-Error"), QByteArray("admin.bad_request"));
        const Reply both = admin("POST", "/api/v1/render?bucket=pq&preset=small&query=width%3D10", kImageBody, source);
        QCOMPARE(both.status, 400);
        QCOMPARE(admin("GET", "/api/v1/render").status, 405);
    }

    // Uploads are bounded by the bucket's limits.maxParentBytes, before any decode.
    void uploadLargerThanTheBucketTakesIs413()
    {
        const QByteArray source = readFile(testDataPath(QStringLiteral("photos/photo_300x200.jpg")));
        QVERIFY(source.size() > 2000);
        const Reply r = admin("POST", "/api/v1/render?bucket=tiny&query=width%3D10", kImageBody, source);
        QCOMPARE(r.status, 413);
        QCOMPARE(r.header("X-Mort-Error"), QByteArray("admin.body_too_large"));
        const Reply atLimit =
            admin("POST", "/api/v1/render?bucket=tiny&query=width%3D10", kImageBody, source.left(2000));
        QVERIFY(atLimit.status != 413); // judged as an image (a truncated one)
    }

    void displayIsAPngOfTheImage()
    {
        const QByteArray source = readFile(testDataPath(QStringLiteral("photos/photo_300x200.jpg")));
        const Reply full = admin("POST", "/api/v1/display", kImageBody, source);
        QCOMPARE(full.status, 200);
        QCOMPARE(full.header("Content-Type"), QByteArray("image/png"));
        Decoded d = decodeImage(full.body);
        QCOMPARE(d.loader, QByteArray("pngload_buffer"));
        QCOMPARE(d.width, 300);
        QCOMPARE(d.height, 200);
        const Reply small = admin("POST", "/api/v1/display?maxSide=60", kImageBody, source);
        d = decodeImage(small.body);
        QCOMPARE(d.width, 60);
        QCOMPARE(d.height, 40);
        QCOMPARE(admin("POST", "/api/v1/display", kImageBody, "garbage").status, 415);
    }

    // The API keeps its browser rules on the new routes.
    void browserRulesHold()
    {
        const QByteArray source = readFile(testDataPath(QStringLiteral("photos/photo_300x200.jpg")));
        const Reply forged =
            admin("POST", "/api/v1/render?bucket=pq&preset=small",
                  {{"Content-Type", "application/octet-stream"}, {"Origin", "http://evil.example"}}, source);
        QCOMPARE(forged.status, 403);
        QCOMPARE(forged.header("X-Mort-Error"), QByteArray("admin.cross_origin"));
        const Reply form =
            admin("POST", "/api/v1/render?bucket=pq&preset=small", {{"Content-Type", "text/plain"}}, source);
        QCOMPARE(form.status, 415);
        QCOMPARE(form.header("X-Mort-Error"), QByteArray("admin.unsupported_media_type"));
    }

    void savedPresetIsServedAndWritten()
    {
        const QJsonObject body{{"bucket", "pq"},
                               {"yaml", "presets:\n  wide:\n    filters:\n      thumbnail: {width: 90}\n"}};
        const Reply r = admin("POST", "/api/v1/config/preset", {{"Content-Type", "application/json"}},
                              QJsonDocument(body).toJson());
        QCOMPARE(r.status, 200);
        QCOMPARE(json(r).value("applied").toBool(), true);
        QCOMPARE(json(r).value("replaced").toBool(), false);
        QCOMPARE(json(r).value("writtenTo").toString(), m_configPath);
        QVERIFY(readFile(m_configPath).contains("wide:"));
        QVERIFY(QFile::exists(m_configPath + QStringLiteral(".bak")));
        const Reply served = get("/pq/wide/photo.jpg");
        QCOMPARE(served.status, 200);
        QCOMPARE(decodeImage(served.body).width, 90);

        const QJsonObject bad{{"bucket", "nope"}, {"yaml", "presets:\n  x:\n    filters: {}\n"}};
        const Reply refused =
            admin("POST", "/api/v1/config/preset", {{"Content-Type", "application/json"}}, QJsonDocument(bad).toJson());
        QCOMPARE(refused.status, 422);
        QCOMPARE(admin("POST", "/api/v1/config/preset", {{"Content-Type", "application/json"}}, "{}").status, 400);
    }
};

QTEST_GUILESS_MAIN(TestAdminPreview)
#include "tst_adminpreview.moc"
