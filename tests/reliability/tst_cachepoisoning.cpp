// Battery item 7 of issue 23: cache poisoning. Headers that some servers and
// frameworks honour -- X-Forwarded-*, X-Original-URL, method overrides, a
// foreign Host or an absolute-form request line -- must never reach a cache
// key or a body: the request that fills the response cache with them is
// answered exactly like a clean one, the clean request that follows is a hit
// on that same entry, and the hostile value appears nowhere. Every response
// whose body depends on a request header says so in Vary.
#include "integration/testserver.h"

using namespace mort;
using namespace mort::test;

namespace {

const QString kConfig = QStringLiteral(R"yaml(server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
  cache:
    type: "memory"
    cacheSize: 67108864
  plugins:
    webp: ~
    compress:
      gzip: {types: ["text/plain", "application/json", "application/xml"], level: 5}
headers:
  - statusCodes: [200]
    values: {"cache-control": "max-age=600, public"}
buckets:
  media:
    transform: {kind: "query"}
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
      transform: {kind: "local-meta", rootPath: "@ROOT@/results"}
)yaml");

const QByteArray kEvil = "evil.example";

bool mentionsEvil(const Reply &reply)
{
    for (const auto &h : reply.headers) {
        if (h.second.contains(kEvil) || h.second.contains("/evil"))
            return true;
    }
    return reply.body.contains(kEvil);
}

} // namespace

class TestCachePoisoning : public QObject
{
    Q_OBJECT

    TestServer m_server;
    int m_width = 100;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.addFile(QStringLiteral("photos/photo_800x600.jpg"), QStringLiteral("originals/media/a.jpg")));
        QVERIFY(m_server.addFile(QStringLiteral("photos/photo_300x200.jpg"), QStringLiteral("originals/media/b.jpg")));
        QFile notes(m_server.path(QStringLiteral("originals/media/notes.txt")));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write(QByteArray("A text original, long enough to be worth compressing. ").repeated(40));
        notes.close();
        MORT_START(m_server, kConfig);
    }

    void hostileHeadersNeverReachTheCache_data()
    {
        QTest::addColumn<HttpHeaders>("headers");
        QTest::newRow("X-Forwarded-Host") << HttpHeaders{{"X-Forwarded-Host", kEvil}};
        QTest::newRow("X-Forwarded-Proto and Port")
            << HttpHeaders{{"X-Forwarded-Proto", "gopher"}, {"X-Forwarded-Port", "6666"}};
        QTest::newRow("X-Forwarded-Prefix") << HttpHeaders{{"X-Forwarded-Prefix", "/evil"}};
        QTest::newRow("Forwarded host") << HttpHeaders{{"Forwarded", "host=" + kEvil + ";proto=http"}};
        QTest::newRow("X-Original-URL") << HttpHeaders{{"X-Original-URL", "/media/b.jpg?operation=resize&width=7"}};
        QTest::newRow("X-Rewrite-URL") << HttpHeaders{{"X-Rewrite-URL", "/media/b.jpg?operation=resize&width=7"}};
        QTest::newRow("X-HTTP-Method-Override") << HttpHeaders{{"X-HTTP-Method-Override", "DELETE"}};
        QTest::newRow("X-Method-Override") << HttpHeaders{{"X-Method-Override", "PUT"}};
        QTest::newRow("foreign Host") << HttpHeaders{{"Host", kEvil}};
        QTest::newRow("Host with a path") << HttpHeaders{{"Host", kEvil + "/evil"}};
    }

    void hostileHeadersNeverReachTheCache()
    {
        QFETCH(HttpHeaders, headers);
        const QByteArray target = "/media/a.jpg?operation=resize&width=" + QByteArray::number(m_width++);
        const qsizetype entriesBefore = m_server.engine().cacheEntries(1000)->size();

        const Reply poisoned = m_server.get(target, headers);
        QCOMPARE(poisoned.status, 200);
        QVERIFY2(!mentionsEvil(poisoned), "the hostile value came back in the answer");
        const Reply clean = m_server.get(target);
        QCOMPARE(clean.status, 200);
        QCOMPARE(clean.body, poisoned.body);
        QCOMPARE(decodeImage(clean.body).width, m_width - 1);

        // One new entry, filled by the hostile request and hit by the clean one.
        const QList<CacheEntryInfo> entries = *m_server.engine().cacheEntries(1000);
        QCOMPARE(entries.size(), entriesBefore + 1);
        const CacheEntryInfo &entry = entries.first(); // most recently used
        QCOMPARE(entry.hits, quint64(1));
        QVERIFY2(!entry.key.contains(kEvil) && !entry.key.contains(QLatin1String("evil")), qPrintable(entry.key));
        QCOMPARE(entry.url, QString::fromLatin1(target));

        // A method override deleted or replaced nothing.
        QCOMPARE(m_server.get("/media/a.jpg").status, 200);
    }

    // The absolute form names the host on the request line itself; a foreign
    // one is refused before any cache is looked at, this server's own is the
    // same request as the origin form.
    void absoluteFormRequestLine()
    {
        const QByteArray path = "/media/b.jpg?operation=resize&width=" + QByteArray::number(m_width++);
        RawHttpClient foreign(m_server.address());
        QVERIFY(foreign.send("GET http://" + kEvil + path + " HTTP/1.1\r\nHost: mort.test\r\n\r\n"));
        const Reply refused = foreign.read();
        QCOMPARE(refused.status, 400);
        QVERIFY(!mentionsEvil(refused));

        RawHttpClient own(m_server.address());
        QVERIFY(own.send("GET http://mort.test" + path + " HTTP/1.1\r\nHost: mort.test\r\n\r\n"));
        const Reply viaAbsolute = own.read();
        QCOMPARE(viaAbsolute.status, 200);
        const Reply viaOrigin = m_server.get(path);
        QCOMPARE(viaOrigin.body, viaAbsolute.body);
        QCOMPARE(m_server.engine().cacheEntries(1000)->first().hits, quint64(1));
    }

    // With the webp plugin every transformed answer varies on Accept, whether
    // or not this request was converted: a cache in front must keep the JPEG
    // and the WebP apart.
    void transformsVaryOnAccept_data()
    {
        QTest::addColumn<QByteArray>("accept");
        QTest::addColumn<QByteArray>("contentType");
        QTest::newRow("browser with webp") << QByteArray("image/avif,image/webp,*/*") << QByteArray("image/webp");
        QTest::newRow("no webp") << QByteArray("image/jpeg,*/*;q=0.5") << QByteArray("image/jpeg");
        QTest::newRow("no Accept") << QByteArray() << QByteArray("image/jpeg");
    }

    void transformsVaryOnAccept()
    {
        QFETCH(QByteArray, accept);
        QFETCH(QByteArray, contentType);
        HttpHeaders headers;
        if (!accept.isEmpty())
            headers.append({"Accept", accept});
        const Reply reply = m_server.get("/media/a.jpg?operation=resize&width=64", headers);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("Content-Type"), contentType);
        QVERIFY2(reply.header("Vary").contains("Accept"), reply.header("Vary").constData());
    }

    // Compressed and plain answers of the same text differ by Accept-Encoding;
    // both say so, as nginx's gzip_vary does, so no shared cache hands one to
    // a client that asked for the other.
    void compressedAnswersVaryOnAcceptEncoding()
    {
        const Reply compressed = m_server.get("/media/notes.txt", {{"Accept-Encoding", "gzip"}});
        QCOMPARE(compressed.status, 200);
        QCOMPARE(compressed.header("Content-Encoding"), QByteArray("gzip"));
        QVERIFY2(compressed.header("Vary").contains("Accept-Encoding"), compressed.header("Vary").constData());
        const Reply plain = m_server.get("/media/notes.txt");
        QCOMPARE(plain.status, 200);
        QVERIFY(!plain.has("Content-Encoding"));
        QVERIFY2(plain.header("Vary").contains("Accept-Encoding"), plain.header("Vary").constData());
    }
};

QTEST_GUILESS_MAIN(TestCachePoisoning)
#include "tst_cachepoisoning.moc"
