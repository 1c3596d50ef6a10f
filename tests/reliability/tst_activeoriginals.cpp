// Finding 3 of issue 23: an SVG original with a <script> was served raw as
// image/svg+xml without X-Content-Type-Options and without a CSP -- a stored
// script on the image domain. SVG originals, and originals whose bytes sniff
// as another type than the one they are served with, now carry
// `X-Content-Type-Options: nosniff` and
// `Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; sandbox`
// (as imgproxy and weserv do), whether buffered, streamed, a cache hit or HEAD.
#include "integration/testserver.h"

using namespace mort;
using namespace mort::test;

namespace {

const QString kConfig = QStringLiteral(R"yaml(server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
  cache: {type: "memory", cacheSize: 67108864, maxCacheItemSizeMB: 1}
headers:
  - statusCodes: [200]
    values: {"cache-control": "max-age=600, public"}
buckets:
  media:
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@"}
)yaml");

const QByteArray kNosniff = "nosniff";
const QByteArray kCsp = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

// Above maxCacheItemSizeMB (1, doubled as Mort does: 2 MiB): streamed.
constexpr qsizetype kStreamedBytes = 3 << 20;

QByteArray padded(QByteArray head, QByteArray tail)
{
    return head + QByteArray(kStreamedBytes, ' ') + tail;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class TestActiveOriginals : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        TestServer &s = m_server;
        QVERIFY(s.addFile(QStringLiteral("hostile/script_and_file_href.svg"), QStringLiteral("media/script.svg")));
        QVERIFY(s.addFile(QStringLiteral("hostile/text_not_image.jpg"), QStringLiteral("media/text.jpg")));
        QVERIFY(s.addFile(QStringLiteral("photos/photo_800x600.jpg"), QStringLiteral("media/photo.jpg")));
        QVERIFY(s.addFile(QStringLiteral("photos/photo_1200x800.webp"), QStringLiteral("media/photo.webp")));
        QVERIFY(writeFile(s.path(QStringLiteral("media/page.png")),
                          "<!DOCTYPE html><html><body><script>alert(document.domain)</script></body></html>\n"));
        QVERIFY(writeFile(s.path(QStringLiteral("media/big.svg")),
                          padded("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script>", "</svg>\n")));
        QVERIFY(writeFile(s.path(QStringLiteral("media/bigpage.jpg")),
                          padded("<html><script>alert(1)</script>", "</html>\n")));
        MORT_START(m_server, kConfig);
    }

    void guarded_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("cache"); // x-mort-cache
        QTest::newRow("svg") << QByteArray("GET") << QByteArray("/media/script.svg") << QByteArray();
        QTest::newRow("svg, cache hit") << QByteArray("GET") << QByteArray("/media/script.svg") << QByteArray("hit");
        QTest::newRow("svg, HEAD") << QByteArray("HEAD") << QByteArray("/media/script.svg") << QByteArray();
        QTest::newRow("svg, streamed") << QByteArray("GET") << QByteArray("/media/big.svg") << QByteArray();
        QTest::newRow("text named .jpg") << QByteArray("GET") << QByteArray("/media/text.jpg") << QByteArray();
        QTest::newRow("html named .png") << QByteArray("GET") << QByteArray("/media/page.png") << QByteArray();
        QTest::newRow("html named .jpg, streamed")
            << QByteArray("GET") << QByteArray("/media/bigpage.jpg") << QByteArray();
    }
    void guarded()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, cache);
        const Reply r = m_server.request(method, target);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("x-mort-cache"), cache);
        QCOMPARE(r.header("X-Content-Type-Options"), kNosniff);
        QCOMPARE(r.header("Content-Security-Policy"), kCsp);
    }

    // Images that are what they say keep Mort's headers, nothing added.
    void plainImagesUnchanged_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("jpeg") << QByteArray("/media/photo.jpg");
        QTest::newRow("webp") << QByteArray("/media/photo.webp");
    }
    void plainImagesUnchanged()
    {
        QFETCH(QByteArray, target);
        const Reply r = m_server.get(target);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.has("X-Content-Type-Options"));
        QVERIFY(!r.has("Content-Security-Policy"));
    }

private:
    TestServer m_server;
};

QTEST_GUILESS_MAIN(TestActiveOriginals)
#include "tst_activeoriginals.moc"
