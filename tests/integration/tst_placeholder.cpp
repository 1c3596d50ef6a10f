// server.placeholder (spec http-behaviour.md §10, config.md §2): a transform
// request that fails on the server side is answered with the placeholder image
// and the error's status; the placeholder rendered with the request's
// transforms is cached and served for later errors with the same transforms.
// Client errors (404, 400), originals and debug requests keep their bodies. A
// placeholder that cannot be loaded stops the start (and a reload).
#include "testserver.h"

#include <QFile>

#include <algorithm>

using namespace mort;
using namespace mort::test;

namespace {

// `down` keeps its originals in an `azure` storage, which is not built and
// answers every read with 503 storage.unavailable: a server-side failure on
// every transform.
const QString kConfig = QStringLiteral(R"yaml(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
  placeholder: "@PLACEHOLDER@"
  cache: {type: memory, cacheSize: 10485760}
buckets:
  down:
    transform: {kind: "query"}
    storages:
      basic: {kind: "azure", azureAccount: "acc", azureKey: "key"}
      transform: {kind: "noop"}
  media:
    transform: {kind: "query"}
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
      transform: {kind: "noop"}
)yaml");

const QString kLogo = QStringLiteral("watermark/logo_200x80.png");

QString withPlaceholder(const QString &source)
{
    return QString(kConfig).replace(QLatin1String("@PLACEHOLDER@"), source);
}

QByteArray logoBytes()
{
    QFile f(testDataPath(kLogo));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Mort's cache key of a rendered placeholder: source + transform hash in hex.
bool waitForRender(Engine &engine, const QString &keyPrefix)
{
    return pollUntil(
        [&] {
            Expected<QList<CacheEntryInfo>> entries = engine.cacheEntries(100);
            return entries && std::any_of(entries->cbegin(), entries->cend(), [&](const CacheEntryInfo &e) {
                       return e.key.startsWith(keyPrefix);
                   });
        },
        20000);
}

} // namespace

class TestPlaceholder : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;

    void startWithLogo()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(
            m_server->addFile(QStringLiteral("photos/photo_800x600.jpg"), QStringLiteral("originals/media/photo.jpg")));
        MORT_START(*m_server, withPlaceholder(testDataPath(kLogo)));
    }

private Q_SLOTS:
    void cleanup() { m_server.reset(); }

    void serverErrorOfATransformServesThePlaceholderThenItsRender()
    {
        startWithLogo();
        const Reply first = m_server->get("/down/photo.jpg?width=100");
        QCOMPARE(first.status, 503);
        QCOMPARE(first.header("Content-Type"), QByteArray("image/png"));
        QCOMPARE(first.body, logoBytes()); // the placeholder as loaded
        QCOMPARE(first.header("X-Mort-Error"), QByteArray("storage.unavailable"));
        QCOMPARE(first.header("Retry-After"), QByteArray("1"));
        QCOMPARE(first.header("Content-Length"), QByteArray::number(first.body.size()));

        // Rendered in the background with width=100, kept in the response cache.
        QVERIFY(waitForRender(m_server->engine(), testDataPath(kLogo)));
        const Reply second = m_server->get("/down/photo.jpg?width=100");
        QCOMPARE(second.status, 503); // the status stays the error's
        QCOMPARE(second.header("Content-Type"), QByteArray("image/png"));
        const Decoded rendered = decodeImage(second.body);
        QVERIFY(rendered.ok);
        QCOMPARE(rendered.width, 100); // 200x80 at width 100
        QCOMPARE(rendered.height, 40);

        // Other transforms: the plain placeholder until their own render exists.
        const Reply other = m_server->get("/down/photo.jpg?width=50");
        QCOMPARE(other.status, 503);
        QCOMPARE(other.body, logoBytes());
    }

    void clientErrorsOriginalsAndDebugKeepTheirBodies_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<bool>("debug");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("code");
        QTest::newRow("missing parent stays 404") << QByteArray("/media/missing.jpg?width=100") << false << 404
                                                  << QByteArray("text/plain") << QByteArray("object.not_found");
        QTest::newRow("bad parameter stays 400") << QByteArray("/media/photo.jpg?width=abc") << false << 400
                                                 << QByteArray("application/json") << QByteArray("query.bad_width");
        QTest::newRow("original (no transform) keeps the JSON error")
            << QByteArray("/down/photo.jpg") << false << 503 << QByteArray("application/json")
            << QByteArray("storage.unavailable");
        QTest::newRow("X-Mort-Debug shows the real error")
            << QByteArray("/down/photo.jpg?width=100") << true << 503 << QByteArray("application/json")
            << QByteArray("storage.unavailable");
    }
    void clientErrorsOriginalsAndDebugKeepTheirBodies()
    {
        QFETCH(QByteArray, target);
        QFETCH(bool, debug);
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, code);
        startWithLogo();
        const Reply r = m_server->get(target, debug ? HttpHeaders{{"X-Mort-Debug", "1"}} : HttpHeaders{});
        QCOMPARE(r.status, status);
        QCOMPARE(r.header("Content-Type"), contentType);
        QCOMPARE(r.header("X-Mort-Error"), code);
        QVERIFY(r.body != logoBytes());
    }

    void placeholderFromAUrlIsFetchedAtStart()
    {
        TestServer origin; // serves the placeholder over HTTP on loopback
        QVERIFY(origin.addFile(kLogo, QStringLiteral("originals/media/logo.png")));
        MORT_START(origin, withPlaceholder(testDataPath(kLogo)));
        const QString url = QStringLiteral("http://%1/media/logo.png").arg(origin.address());

        TestServer server;
        MORT_START(server, withPlaceholder(url));
        const Reply r = server.get("/down/photo.jpg?width=100");
        QCOMPARE(r.status, 503);
        QCOMPARE(r.header("Content-Type"), QByteArray("image/png"));
        QCOMPARE(r.body, logoBytes());
    }

    void placeholderThatCannotBeLoadedStopsTheStart_data()
    {
        QTest::addColumn<QString>("source");
        QTest::newRow("missing file") << QStringLiteral("@ROOT@/nope.png");
        QTest::newRow("not an image") << testDataPath(QStringLiteral("README.md"));
        QTest::newRow("URL nobody listens on") << QStringLiteral("http://127.0.0.1:9/logo.png");
    }
    void placeholderThatCannotBeLoadedStopsTheStart()
    {
        QFETCH(QString, source);
        TestServer server;
        const QString why = server.start(withPlaceholder(source));
        QVERIFY2(why.contains(QLatin1String("config.placeholder_unavailable")), qPrintable(why));
    }

    void reloadWithAnUnloadablePlaceholderIsRefused()
    {
        startWithLogo();
        QString yaml = withPlaceholder(m_server->path(QStringLiteral("nope.png")));
        yaml.replace(QLatin1String("@ROOT@"), m_server->root());
        const Expected<void> applied = m_server->engine().applyConfig(yaml);
        QVERIFY(!applied);
        QCOMPARE(applied.error().httpStatus, 422);
        QCOMPARE(applied.error().code, QByteArray("config.placeholder_unavailable"));
        // Still the old placeholder.
        QCOMPARE(m_server->get("/down/photo.jpg?width=100").body, logoBytes());
    }
};

QTEST_GUILESS_MAIN(TestPlaceholder)
#include "tst_placeholder.moc"
