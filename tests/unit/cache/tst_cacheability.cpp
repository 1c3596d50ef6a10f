// Mort's cacheability rule (http-behaviour.md §7) as a table.
#include "cache/cacheability.h"

#include <QTest>

using namespace mort;

class TestCacheability : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rule_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("cacheControl"); // "" = header absent
        QTest::addColumn<int>("bodyBytes");
        QTest::addColumn<QByteArray>("contentLength"); // "" = header absent
        QTest::addColumn<bool>("cacheable");
        QTest::addColumn<int>("ttl");

        // maxItemBytes is 1000 in every row.
        QTest::newRow("ok200WithMaxAge") << 200 << QByteArray("max-age=60") << 10 << QByteArray() << true << 60;
        QTest::newRow("partial206IsCacheable") << 206 << QByteArray("max-age=5") << 10 << QByteArray() << true << 5;
        QTest::newRow("noContent204EmptyBody") << 204 << QByteArray("max-age=5") << 0 << QByteArray() << true << 5;
        QTest::newRow("status299Is2xx") << 299 << QByteArray("max-age=5") << 10 << QByteArray() << true << 5;
        QTest::newRow("status199NotCached") << 199 << QByteArray("max-age=60") << 10 << QByteArray() << false << 0;
        QTest::newRow("redirect300NotCached") << 300 << QByteArray("max-age=60") << 10 << QByteArray() << false << 0;
        QTest::newRow("notFound404NotCached") << 404 << QByteArray("max-age=60") << 10 << QByteArray() << false << 0;
        QTest::newRow("error500NotCached") << 500 << QByteArray("max-age=60") << 10 << QByteArray() << false << 0;
        QTest::newRow("noCacheControl") << 200 << QByteArray() << 10 << QByteArray() << false << 0;
        QTest::newRow("maxAgeZero") << 200 << QByteArray("max-age=0") << 10 << QByteArray() << false << 0;
        QTest::newRow("maxAgeNegativeIsMalformed")
            << 200 << QByteArray("max-age=-5") << 10 << QByteArray() << false << 0;
        QTest::newRow("maxAgeGarbage") << 200 << QByteArray("max-age=abc") << 10 << QByteArray() << false << 0;
        QTest::newRow("maxAgeWithoutValue") << 200 << QByteArray("public, max-age") << 10 << QByteArray() << false << 0;
        QTest::newRow("maxAgeAmongDirectives")
            << 200 << QByteArray("public, max-age=3600, must-revalidate") << 10 << QByteArray() << true << 3600;
        QTest::newRow("directiveCaseInsensitive") << 200 << QByteArray("MAX-AGE=7") << 10 << QByteArray() << true << 7;
        QTest::newRow("spacesAroundEquals") << 200 << QByteArray(" max-age = 8 ") << 10 << QByteArray() << true << 8;
        QTest::newRow("quotedValueAccepted") << 200 << QByteArray("max-age=\"9\"") << 10 << QByteArray() << true << 9;
        QTest::newRow("firstMaxAgeWins") << 200 << QByteArray("max-age=10, max-age=20") << 10 << QByteArray() << true
                                         << 10;
        QTest::newRow("sMaxageAloneIsNotMaxAge")
            << 200 << QByteArray("s-maxage=60") << 10 << QByteArray() << false << 0;
        QTest::newRow("noStoreIgnoredAsMort")
            << 200 << QByteArray("no-store, max-age=60") << 10 << QByteArray() << true << 60;
        QTest::newRow("hugeMaxAgeClampedToIntMax")
            << 200 << QByteArray("max-age=99999999999999") << 10 << QByteArray() << true << 2147483647;
        QTest::newRow("bodyJustBelowLimit") << 200 << QByteArray("max-age=60") << 999 << QByteArray() << true << 60;
        QTest::newRow("bodyAtLimitNotCached") << 200 << QByteArray("max-age=60") << 1000 << QByteArray() << false << 0;
        QTest::newRow("bodyAboveLimitNotCached")
            << 200 << QByteArray("max-age=60") << 5000 << QByteArray() << false << 0;
        QTest::newRow("contentLengthMatchesBody")
            << 200 << QByteArray("max-age=60") << 10 << QByteArray("10") << true << 60;
        QTest::newRow("contentLengthOfHeadResponse")
            << 200 << QByteArray("max-age=60") << 0 << QByteArray("10") << false << 0;
        QTest::newRow("contentLengthGarbage")
            << 200 << QByteArray("max-age=60") << 10 << QByteArray("ten") << false << 0;
    }

    void rule()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, cacheControl);
        QFETCH(int, bodyBytes);
        QFETCH(QByteArray, contentLength);
        QFETCH(bool, cacheable);
        QFETCH(int, ttl);

        HttpResponse response(status, QByteArray(bodyBytes, 'b'), "image/png");
        if (!cacheControl.isEmpty())
            response.setHeader("Cache-Control", cacheControl);
        if (!contentLength.isEmpty())
            response.setHeader("Content-Length", contentLength);

        int ttlSeconds = -1;
        QCOMPARE(isCacheable(response, 1000, &ttlSeconds), cacheable);
        if (cacheable)
            QCOMPARE(ttlSeconds, ttl);
        else
            QCOMPARE(ttlSeconds, -1); // untouched when not cacheable
    }

    void maxAgeParser()
    {
        QCOMPARE(cacheControlMaxAge(""), -1);
        QCOMPARE(cacheControlMaxAge("public"), -1);
        QCOMPARE(cacheControlMaxAge("max-age=0"), 0);
        QCOMPARE(cacheControlMaxAge("max-age=31536000"), 31536000);
        QCOMPARE(cacheControlMaxAge("max-age=12x"), -1);
        QCOMPARE(cacheControlMaxAge("max-age="), -1);
        QCOMPARE(cacheControlMaxAge("max-age=5, max-age=oops"), -1); // whole header rejected, as Mort's parser
        QCOMPARE(cacheControlMaxAge(",,max-age=3,"), 3);
    }
};

QTEST_GUILESS_MAIN(TestCacheability)
#include "tst_cacheability.moc"
