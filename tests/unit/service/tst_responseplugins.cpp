// Mort's post-processing plugins (spec http-behaviour.md §7, §8).
#include "http/compression.h"
#include "service/responseplugins.h"

#include <QTest>

using namespace mort;

namespace {

PluginsConfig compressPlugins()
{
    PluginsConfig p;
    p.gzip = CompressAlgorithmConfig{{QStringLiteral("text/html"), QStringLiteral("application/json")}, 5};
    p.brotli = CompressAlgorithmConfig{{QStringLiteral("text/html")}, 4};
    return p;
}

HttpRequest get(HttpHeaders headers = {})
{
    HttpRequest r;
    r.method = "GET";
    r.path = QStringLiteral("/b/x");
    r.headers = std::move(headers);
    return r;
}

HttpResponse html(qsizetype size = 5000)
{
    return HttpResponse(200, QByteArray(size, 'a'), "text/html; charset=utf-8");
}

} // namespace

class TestResponsePlugins : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void compression_data()
    {
        QTest::addColumn<HttpHeaders>("requestHeaders");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("size");
        QTest::addColumn<QByteArray>("expectedEncoding");
        // Vary: Accept-Encoding on every answer that could have been compressed
        // (type configured, large enough), compressed or not: a shared cache
        // must not hand the plain copy to a gzip client or the reverse.
        QTest::addColumn<bool>("varies");
        const QByteArray h = "text/html; charset=utf-8";
        QTest::newRow("brotliPreferredWhenOffered")
            << HttpHeaders{{"Accept-Encoding", "gzip, deflate, br"}} << h << 5000 << QByteArray("br") << true;
        QTest::newRow("gzipWhenNoBrotli")
            << HttpHeaders{{"Accept-Encoding", "gzip"}} << h << 5000 << QByteArray("gzip") << true;
        QTest::newRow("qValuesIgnoredAsMort")
            << HttpHeaders{{"Accept-Encoding", "br;q=0, gzip"}} << h << 5000 << QByteArray("br") << true;
        QTest::newRow("typeOnlyConfiguredForGzip")
            << HttpHeaders{{"Accept-Encoding", "br, gzip"}} << QByteArray("application/json") << 5000
            << QByteArray("gzip") << true;
        QTest::newRow("imagesAreNotCompressed") << HttpHeaders{{"Accept-Encoding", "br, gzip"}}
                                                << QByteArray("image/jpeg") << 5000 << QByteArray() << false;
        QTest::newRow("underThousandBytesNotCompressed")
            << HttpHeaders{{"Accept-Encoding", "gzip"}} << h << 999 << QByteArray() << false;
        QTest::newRow("exactlyThousandBytesCompressed")
            << HttpHeaders{{"Accept-Encoding", "gzip"}} << h << 1000 << QByteArray("gzip") << true;
        QTest::newRow("noAcceptEncoding") << HttpHeaders{} << h << 5000 << QByteArray() << true;
        QTest::newRow("rangeRequestNeverCompressed")
            << HttpHeaders{{"Accept-Encoding", "gzip"}, {"Range", "bytes=0-9"}} << h << 5000 << QByteArray() << true;
        QTest::newRow("conditionalNeverCompressed")
            << HttpHeaders{{"Accept-Encoding", "gzip"}, {"If-None-Match", "\"x\""}} << h << 5000 << QByteArray()
            << true;
        QTest::newRow("zstdOnlyClientGetsIdentity")
            << HttpHeaders{{"Accept-Encoding", "zstd"}} << h << 5000 << QByteArray() << true;
    }
    void compression()
    {
        QFETCH(HttpHeaders, requestHeaders);
        QFETCH(QByteArray, contentType);
        QFETCH(int, size);
        QFETCH(QByteArray, expectedEncoding);
        QFETCH(bool, varies);
        HttpResponse r(200, QByteArray(size, 'a'), contentType);
        const QByteArray original = r.body;
        applyResponsePlugins(compressPlugins(), get(requestHeaders), false, r);
        QCOMPARE(r.header("Content-Encoding"), expectedEncoding);
        if (expectedEncoding.isEmpty()) {
            QCOMPARE(r.body, original);
        } else {
            const Compression a = expectedEncoding == "br" ? Compression::Brotli : Compression::Gzip;
            QCOMPARE(*decompressBody(r.body, a), original);
        }
        QCOMPARE(r.header("Vary"), varies ? QByteArray("Accept-Encoding") : QByteArray());
    }

    void headIsNeverCompressed()
    {
        HttpRequest head = get({{"Accept-Encoding", "gzip"}});
        head.method = "HEAD";
        HttpResponse r = html();
        applyResponsePlugins(compressPlugins(), head, false, r);
        QVERIFY(r.header("Content-Encoding").isEmpty());
    }

    void webpAddsVaryAcceptOnTransformedImagesOnly_data()
    {
        QTest::addColumn<bool>("transformed");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("vary");
        QTest::newRow("transformedImage") << true << QByteArray("image/webp") << QByteArray("Accept");
        QTest::newRow("transformedJpegAlsoVaries") << true << QByteArray("image/jpeg") << QByteArray("Accept");
        QTest::newRow("originalNeverVaries") << false << QByteArray("image/jpeg") << QByteArray();
        QTest::newRow("transformedErrorBodyIsNoImage") << true << QByteArray("application/json") << QByteArray();
    }
    void webpAddsVaryAcceptOnTransformedImagesOnly()
    {
        QFETCH(bool, transformed);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, vary);
        PluginsConfig p;
        p.webp = true;
        HttpResponse r(200, "img", contentType);
        applyResponsePlugins(p, get(), transformed, r);
        QCOMPARE(r.header("Vary"), vary);
    }

    void varyTokensAreAppendedOnce()
    {
        HttpResponse r(200);
        r.setHeader("Vary", "Origin");
        appendHeaderToken(r, "Vary", "Accept");
        appendHeaderToken(r, "Vary", "accept");
        appendHeaderToken(r, "Vary", "Accept-Encoding");
        QCOMPARE(r.header("Vary"), QByteArray("Origin, Accept, Accept-Encoding"));
    }
};

QTEST_GUILESS_MAIN(TestResponsePlugins)
#include "tst_responseplugins.moc"
