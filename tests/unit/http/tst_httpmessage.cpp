// Header list helpers, reason phrases and the HTTP date format.
#include "http/httpmessage.h"

#include <QDateTime>
#include <QLocale>
#include <QTest>
#include <QTimeZone>

using namespace mort;

class TestHttpMessage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void headerValueIsCaseInsensitive_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("as stored") << QByteArray("Content-Type") << QByteArray("image/png");
        QTest::newRow("lower case") << QByteArray("content-type") << QByteArray("image/png");
        QTest::newRow("upper case") << QByteArray("CONTENT-TYPE") << QByteArray("image/png");
        QTest::newRow("first of duplicates") << QByteArray("vary") << QByteArray("Accept");
        QTest::newRow("missing") << QByteArray("ETag") << QByteArray();
        QTest::newRow("prefix is not a match") << QByteArray("Content") << QByteArray();
    }

    void headerValueIsCaseInsensitive()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, value);
        const HttpHeaders h{{"Content-Type", "image/png"}, {"Vary", "Accept"}, {"VARY", "Accept-Encoding"}};
        QCOMPARE(headerValue(h, name), value);
        QCOMPARE(hasHeader(h, name), !value.isEmpty());
    }

    void hasHeaderWithEmptyValue()
    {
        const HttpHeaders h{{"X-Empty", ""}};
        QVERIFY(hasHeader(h, "x-empty"));
        QCOMPARE(headerValue(h, "x-empty"), QByteArray());
    }

    void setHeaderReplacesInPlace()
    {
        HttpHeaders h{{"A", "1"}, {"content-type", "text/plain"}, {"B", "2"}};
        setHeader(h, "Content-Type", "image/webp");
        // The existing entry keeps its position and spelling, takes the value.
        QCOMPARE(h, (HttpHeaders{{"A", "1"}, {"content-type", "image/webp"}, {"B", "2"}}));
    }

    void setHeaderAppendsWhenMissing()
    {
        HttpHeaders h{{"A", "1"}};
        setHeader(h, "Cache-Control", "no-cache");
        QCOMPARE(h, (HttpHeaders{{"A", "1"}, {"Cache-Control", "no-cache"}}));
    }

    void setHeaderLeavesOneValue()
    {
        // Like Go's Header.Set: later duplicates go, so the header has exactly
        // the value set.
        HttpHeaders h{{"Vary", "Accept"}, {"A", "1"}, {"vary", "Accept-Encoding"}};
        setHeader(h, "VARY", "Origin");
        QCOMPARE(h, (HttpHeaders{{"Vary", "Origin"}, {"A", "1"}}));
    }

    void responseSetHeader()
    {
        HttpResponse r(200, "x", "text/plain");
        r.setHeader("content-TYPE", "image/png");
        QCOMPARE(r.headers, (HttpHeaders{{"Content-Type", "image/png"}}));
        QCOMPARE(r.header("Content-Type"), QByteArray("image/png"));
    }

    void removeHeaderRemovesEveryCase()
    {
        HttpHeaders h{{"Vary", "Accept"}, {"A", "1"}, {"VARY", "Accept-Encoding"}, {"B", "2"}};
        removeHeader(h, "vary");
        QCOMPARE(h, (HttpHeaders{{"A", "1"}, {"B", "2"}}));
        removeHeader(h, "missing");
        QCOMPARE(h.size(), 2);
    }

    void httpDateIsLocaleIndependent_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::newRow("C") << QLocale::c();
        QTest::newRow("German") << QLocale(QLocale::German, QLocale::Germany);
        QTest::newRow("French") << QLocale(QLocale::French, QLocale::France);
        QTest::newRow("Japanese") << QLocale(QLocale::Japanese, QLocale::Japan);
        QTest::newRow("Arabic (Egypt), native digits") << QLocale(QLocale::Arabic, QLocale::Egypt);
    }

    void httpDateIsLocaleIndependent()
    {
        QFETCH(QLocale, locale);
        QLocale::setDefault(locale);
        const QDateTime utc(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC);
        QCOMPARE(httpDate(utc), QByteArray("Sun, 06 Nov 1994 08:49:37 GMT"));
        // A time given in another zone is converted to GMT.
        const QDateTime warsaw(QDate(1994, 11, 6), QTime(9, 49, 37), QTimeZone(3600));
        QCOMPARE(httpDate(warsaw), QByteArray("Sun, 06 Nov 1994 08:49:37 GMT"));
        const QDateTime newYear(QDate(2025, 1, 1), QTime(0, 0, 5), Qt::UTC);
        QCOMPARE(httpDate(newYear), QByteArray("Wed, 01 Jan 2025 00:00:05 GMT"));
    }

    void httpDateNowIsTheCurrentSecond()
    {
        // Formatted once per second: equal to formatting now, whichever second it reads.
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const QByteArray now = httpDateNow();
        const QDateTime after = QDateTime::currentDateTimeUtc();
        QVERIFY2(now == httpDate(before) || now == httpDate(after), now.constData());
        QCOMPARE(httpDateNow().size(), 29);                   // "Sun, 06 Nov 1994 08:49:37 GMT"
        QTRY_VERIFY_WITH_TIMEOUT(httpDateNow() != now, 2500); // and it moves on
    }

    void reasonPhrase_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("phrase");
        QTest::newRow("200") << 200 << QByteArray("OK");
        QTest::newRow("206") << 206 << QByteArray("Partial Content");
        QTest::newRow("304") << 304 << QByteArray("Not Modified");
        QTest::newRow("307") << 307 << QByteArray("Temporary Redirect");
        QTest::newRow("400") << 400 << QByteArray("Bad Request");
        QTest::newRow("404") << 404 << QByteArray("Not Found");
        QTest::newRow("405") << 405 << QByteArray("Method Not Allowed");
        QTest::newRow("412") << 412 << QByteArray("Precondition Failed");
        QTest::newRow("416") << 416 << QByteArray("Range Not Satisfiable");
        QTest::newRow("431") << 431 << QByteArray("Request Header Fields Too Large");
        QTest::newRow("499") << 499 << QByteArray("Client Closed Request");
        QTest::newRow("503") << 503 << QByteArray("Service Unavailable");
        QTest::newRow("504") << 504 << QByteArray("Gateway Timeout");
        QTest::newRow("unknown") << 599 << QByteArray("Status");
    }

    void reasonPhrase()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, phrase);
        QCOMPARE(mort::reasonPhrase(status), phrase);
    }
};

QTEST_GUILESS_MAIN(TestHttpMessage)
#include "tst_httpmessage.moc"
