// Header rules from the config (spec config.md §3, http-behaviour.md §3.4):
// the first rule whose statusCodes contain the status applies (only that one),
// on 200 and 404 alike, for originals and generated images; parse errors
// (400 before the object pipeline) get none. Mort's "absent" quirk: a
// lower-case name is always set, a canonical-case name only fills a gap.
#include "testserver.h"

using namespace mort;
using namespace mort::test;

namespace {

const QString kServer = QStringLiteral(R"yaml(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "localhost:0"
)yaml");

const QString kBuckets = QStringLiteral(R"yaml(
buckets:
  media:
    transform:
      kind: "query"
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
      transform: {kind: "local-meta", rootPath: "@ROOT@/results"}
)yaml");

const QString kLowerCaseRules = QStringLiteral(R"yaml(
headers:
  - statusCodes: [200]
    values:
      "cache-control": "max-age=84000, public"
  - statusCodes: [404, 400]
    values:
      "cache-control": "max-age=60, public"
  - statusCodes: [404]
    values:
      "x-second-rule": "never applied"
)yaml");

const QString kCanonicalRule = QStringLiteral(R"yaml(
headers:
  - statusCodes: [200]
    values:
      "Cache-Control": "max-age=100"
  - statusCodes: [200]
    override: true
    values:
      "Cache-Control": "never applied"
)yaml");

// Mort's local-meta header with one metadata entry (short strings only).
QByteArray localMetaHeader(const QByteArray &key, const QByteArray &value)
{
    QByteArray pack;
    pack += char(0x81);
    pack += char(0xa0 | key.size()) + key;
    pack += char(0xa0 | value.size()) + value;
    QByteArray out("\x12\x34\x01", 3);
    out += char(pack.size());
    out += QByteArray(3, '\0');
    return out + pack;
}

} // namespace

class TestHeaderRules : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;

    void startWith(const QString &rules)
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(
            m_server->addFile(QStringLiteral("photos/photo_800x600.jpg"), QStringLiteral("originals/media/photo.jpg")));
        // An original that carries its own cache-control in local-meta metadata.
        QFile photo(testDataPath(QStringLiteral("photos/photo_800x600.jpg")));
        QVERIFY(photo.open(QIODevice::ReadOnly));
        QFile withMeta(m_server->path(QStringLiteral("originals/media/cached.jpg")));
        QVERIFY(withMeta.open(QIODevice::WriteOnly));
        withMeta.write(localMetaHeader("cache-control", "no-store"));
        withMeta.write(photo.readAll());
        withMeta.close();
        MORT_START(*m_server, kServer + rules + kBuckets);
    }

private Q_SLOTS:
    void cleanup() { m_server.reset(); }

    void firstMatchingRuleApplies_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("cacheControl"); // empty = header absent
        QTest::newRow("200 original") << QByteArray("/media/photo.jpg") << 200 << QByteArray("max-age=84000, public");
        QTest::newRow("200 generated image")
            << QByteArray("/media/photo.jpg?width=100") << 200 << QByteArray("max-age=84000, public");
        QTest::newRow("200 lower-case rule overrides stored cache-control")
            << QByteArray("/media/cached.jpg") << 200 << QByteArray("max-age=84000, public");
        QTest::newRow("404 missing original")
            << QByteArray("/media/missing.jpg") << 404 << QByteArray("max-age=60, public");
        QTest::newRow("404 missing parent")
            << QByteArray("/media/missing.jpg?width=100") << 404 << QByteArray("max-age=60, public");
        QTest::newRow("400 parse error gets no rules") << QByteArray("/media/photo.jpg?width=0") << 400 << QByteArray();
        QTest::newRow("400 unknown bucket gets no rules") << QByteArray("/nobucket/photo.jpg") << 400 << QByteArray();
        QTest::newRow("405 has no rule") << QByteArray() << 405 << QByteArray();
    }
    void firstMatchingRuleApplies()
    {
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        QFETCH(QByteArray, cacheControl);
        startWith(kLowerCaseRules);
        const Reply r = target.isEmpty() ? m_server->request("OPTIONS", "/media/photo.jpg") : m_server->get(target);
        QCOMPARE(r.status, status);
        QCOMPARE(r.header("Cache-Control"), cacheControl);
        QCOMPARE(r.headerCount("Cache-Control"), cacheControl.isEmpty() ? 0 : 1);
        QVERIFY(!r.has("x-second-rule")); // only the first matching rule
    }

    void canonicalCaseRuleOnlyFillsAbsentHeader_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("cacheControl");
        QTest::newRow("absent -> rule value") << QByteArray("/media/photo.jpg") << QByteArray("max-age=100");
        QTest::newRow("stored cache-control kept") << QByteArray("/media/cached.jpg") << QByteArray("no-store");
    }
    void canonicalCaseRuleOnlyFillsAbsentHeader()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, cacheControl);
        startWith(kCanonicalRule);
        const Reply r = m_server->get(target);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Cache-Control"), cacheControl);
        QCOMPARE(r.headerCount("Cache-Control"), 1);
    }

    void noRulesNoCacheControlOnGeneratedImages()
    {
        startWith(QString());
        const Reply r = m_server->get("/media/photo.jpg?width=100");
        QCOMPARE(r.status, 200);
        QVERIFY(!r.has("Cache-Control"));
    }
};

QTEST_GUILESS_MAIN(TestHeaderRules)
#include "tst_headerrules.moc"
