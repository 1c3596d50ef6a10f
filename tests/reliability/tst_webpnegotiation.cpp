// Finding 5 of issue 23: the webp plugin looked for the substring
// "image/webp" in Accept, so `image/webp;q=0` (not acceptable) still got
// WebP and `IMAGE/WEBP` (media types are case-insensitive) did not. Accept is
// now parsed: an explicit image/webp range with q > 0 converts, wildcards
// still do not (as Mort).
#include "integration/testserver.h"

using namespace mort;
using namespace mort::test;

namespace {

const QString kConfig = QStringLiteral(R"yaml(server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
  plugins:
    webp: ~
buckets:
  media:
    transform: {kind: "query"}
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
      transform: {kind: "noop"}
)yaml");

} // namespace

class TestWebpNegotiation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.addFile(QStringLiteral("photos/photo_300x200.jpg"), QStringLiteral("originals/media/a.jpg")));
        MORT_START(m_server, kConfig);
    }

    void outputFollowsAccept_data()
    {
        QTest::addColumn<QByteArray>("accept");
        QTest::addColumn<QByteArray>("contentType");
        const QByteArray webp = "image/webp";
        const QByteArray jpeg = "image/jpeg";
        QTest::newRow("browser") << QByteArray("image/avif,image/webp,*/*") << webp;
        QTest::newRow("upper case") << QByteArray("IMAGE/WEBP") << webp;
        QTest::newRow("mixed case, Q=0.8") << QByteArray("Image/WebP;Q=0.8") << webp;
        QTest::newRow("q=0") << QByteArray("image/webp;q=0") << jpeg;
        QTest::newRow("q=0.000, spaces, wildcard") << QByteArray("image/webp ; q=0.000, */*") << jpeg;
        QTest::newRow("refused, listed again") << QByteArray("image/webp, image/webp;q=0") << jpeg;
        QTest::newRow("another type") << QByteArray("image/webpx") << jpeg;
        QTest::newRow("wildcards only") << QByteArray("image/*, */*;q=0.8") << jpeg;
    }
    void outputFollowsAccept()
    {
        QFETCH(QByteArray, accept);
        QFETCH(QByteArray, contentType);
        const Reply r = m_server.get("/media/a.jpg?operation=resize&width=100", {{"Accept", accept}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Type"), contentType);
    }

private:
    TestServer m_server;
};

QTEST_GUILESS_MAIN(TestWebpNegotiation)
#include "tst_webpnegotiation.moc"
