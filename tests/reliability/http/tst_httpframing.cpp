// Issue 26, replayed on the wire against the real engine: every row of the
// attack table and its notes, as raw bytes on one connection, with exactly
// one expected outcome (the statuses in order, and whether the server closed
// the connection). After the battery the process must be back where it began:
// no live task, no extra open file descriptor.
#include "integration/testserver.h"
#include "monitoring/processstats.h"
#include "reliability/http/rawwire.h"
#include "sanitizers.h"

#include <QTest>

using namespace mort;
using namespace mort::test;

namespace {

constexpr qint64 kPhotoBytes = 75759; // photos/photo_800x600.jpg
constexpr qint64 kSmallBytes = 13371; // photos/photo_300x200.jpg
const QByteArray kGet = "GET /media/photo.jpg HTTP/1.1\r\nHost: mort.test\r\n\r\n";

QByteArray post(const QByteArray &headers, const QByteArray &body)
{
    return "POST /media/photo.jpg HTTP/1.1\r\nHost: mort.test\r\n" + headers + "\r\n" + body;
}

QByteArray describe(const WireResult &r)
{
    QByteArray out = "statuses";
    for (const int s : r.statuses())
        out += ' ' + QByteArray::number(s);
    out += r.closed ? ", closed" : ", open";
    if (!r.unparsed.isEmpty())
        out += ", unparsed: " + r.unparsed.left(80);
    return out;
}

} // namespace

class TestHttpFraming : public QObject
{
    Q_OBJECT

    TestServer m_server;
    int m_socketsBefore = 0; // the listeners

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(
            m_server.addFile(QStringLiteral("photos/photo_800x600.jpg"), QStringLiteral("originals/media/photo.jpg")));
        QVERIFY(
            m_server.addFile(QStringLiteral("photos/photo_300x200.jpg"), QStringLiteral("originals/media/small.jpg")));
        QVERIFY(
            m_server.addFile(QStringLiteral("photos/photo_6000x4000.jpg"), QStringLiteral("originals/media/big.jpg")));
        MORT_START(m_server, mediaQueryConfig());
        m_socketsBefore = openSockets();
    }

    // One connection, exact bytes, one exact outcome.
    void attackTable_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QList<int>>("statuses");
        QTest::addColumn<bool>("closed");

        // Row 1: CL and TE together; the smuggled GET must never be answered.
        QTest::newRow("1 CL+TE smuggling")
            << post("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n" + kGet) << QList<int>{400}
            << true;
        // Row 2: codings other than a final chunked.
        QTest::newRow("2 TE gzip") << post("Transfer-Encoding: gzip\r\n", "0\r\n\r\n" + kGet) << QList<int>{400}
                                   << true;
        QTest::newRow("2 TE xchunked") << post("Transfer-Encoding: xchunked\r\n", "0\r\n\r\n" + kGet) << QList<int>{400}
                                       << true;
        QTest::newRow("2 TE chunked;x=1")
            << post("Transfer-Encoding: chunked;x=1\r\n", "0\r\n\r\n" + kGet) << QList<int>{400} << true;
        QTest::newRow("2 TE chunked then identity")
            << post("Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n", "0\r\n\r\n" + kGet)
            << QList<int>{400} << true;
        QTest::newRow("2 TE gzip, chunked")
            << post("Transfer-Encoding: gzip, chunked\r\n", "0\r\n\r\n" + kGet) << QList<int>{501} << true;
        // Row 3: chunk sizes and chunk framing.
        QTest::newRow("3 chunk size ffffffffffffffff")
            << post("Transfer-Encoding: chunked\r\n", "ffffffffffffffff\r\nx\r\n0\r\n\r\n" + kGet) << QList<int>{413}
            << true;
        QTest::newRow("3 chunk size -1") << post("Transfer-Encoding: chunked\r\n", "-1\r\n" + kGet) << QList<int>{400}
                                         << true;
        QTest::newRow("3 chunk size zz") << post("Transfer-Encoding: chunked\r\n", "zz\r\n" + kGet) << QList<int>{400}
                                         << true;
        QTest::newRow("3 chunk longer than announced")
            << post("Transfer-Encoding: chunked\r\n", "2\r\nABCD\r\n0\r\n\r\n" + kGet) << QList<int>{400} << true;
        QTest::newRow("3 trailers are read, then the next request")
            << "GET /media/photo.jpg HTTP/1.1\r\nHost: mort.test\r\nTransfer-Encoding: chunked\r\n\r\n"
               "0\r\nX-Trailer: 1\r\n\r\n"
                + kGet
            << QList<int>{200, 200} << false;
        // Row 4: header lines Qt used to drop silently.
        QTest::newRow("4 space before colon") << post("Content-Length : 47\r\n", kGet) << QList<int>{400} << true;
        QTest::newRow("4 tab before colon") << post("Content-Length\t: 47\r\n", kGet) << QList<int>{400} << true;
        QTest::newRow("4 X@Y") << post("X@Y: 1\r\nContent-Length: 47\r\n", kGet) << QList<int>{400} << true;
        // Row 8: Upgrade is ignored: one response, connection kept.
        QTest::newRow("8 Upgrade websocket")
            << "GET /media/photo.jpg HTTP/1.1\r\nHost: mort.test\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"
                + kGet
            << QList<int>{200, 200} << false;
        // Row 9: an empty suffix range is unsatisfiable.
        QTest::newRow("9 Range bytes=-0")
            << QByteArray("GET /media/photo.jpg HTTP/1.1\r\nHost: mort.test\r\nRange: bytes=-0\r\n\r\n")
            << QList<int>{416} << false;
        // Row 10: "//host/..." is a path (an empty bucket name: 400), never an authority.
        QTest::newRow("10 double-slash target")
            << QByteArray("GET //evil.example/media/photo.jpg HTTP/1.1\r\nHost: mort.test\r\n\r\n") << QList<int>{400}
            << false;
        // Notes.
        QTest::newRow("note Content-Length +47")
            << post("Content-Length: +47\r\n", QByteArray(47, 'a')) << QList<int>{400} << true;
        QTest::newRow("note absolute-form, other host")
            << QByteArray("GET http://evil.example/media/photo.jpg HTTP/1.1\r\nHost: mort.test\r\n\r\n")
            << QList<int>{400} << true;
        QTest::newRow("note absolute-form, this host")
            << QByteArray("GET http://mort.test/media/photo.jpg HTTP/1.1\r\nHost: mort.test\r\n\r\n") << QList<int>{200}
            << false;
        QTest::newRow("note HTTP/1.1 without Host")
            << QByteArray("GET /media/photo.jpg HTTP/1.1\r\n\r\n") << QList<int>{400} << true;
        QTest::newRow("note two Host headers")
            << QByteArray("GET /media/photo.jpg HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << QList<int>{400} << true;
        QTest::newRow("note HTTP/1.1x") << QByteArray("GET /media/photo.jpg HTTP/1.1x\r\nHost: mort.test\r\n\r\n")
                                        << QList<int>{400} << true;
        QTest::newRow("note CRLF flood") << QByteArray("\r\n").repeated(8192) << QList<int>{400} << true;
        QTest::newRow("note 15 KB path") << "GET /media/" + QByteArray(15000, 'a')
                + " HTTP/1.1\r\nHost: mort.test\r\n\r\n"
                                         << QList<int>{414} << true;
        QTest::newRow("note 250-byte file name")
            << "GET /media/" + QByteArray(250, 'a') + ".jpg HTTP/1.1\r\nHost: mort.test\r\n\r\n"
            << QList<int>{404} << false;
        QTest::newRow("note 300-byte file name")
            << "GET /media/" + QByteArray(300, 'a') + ".jpg HTTP/1.1\r\nHost: mort.test\r\n\r\n"
            << QList<int>{404} << false;
    }

    void attackTable()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QList<int>, statuses);
        QFETCH(bool, closed);
        RawWire wire(m_server.address());
        QVERIFY(wire.connected());
        wire.send(bytes);
        const WireResult r = wire.readAll(statuses.size(), closed ? 2000 : 300);
        QVERIFY2(r.statuses() == statuses && r.closed == closed && r.unparsed.isEmpty(), describe(r).constData());
    }

    // Row 5: k pipelined requests in one write are answered once each, in
    // order, and a later "Connection: close" (or HTTP/1.0) still closes.
    void pipelinedRequestsAnsweredInOrderAndCloseHonoured_data()
    {
        QTest::addColumn<QByteArray>("last");
        QTest::newRow("Connection: close")
            << QByteArray("GET /media/small.jpg HTTP/1.1\r\nHost: mort.test\r\nConnection: close\r\n\r\n");
        QTest::newRow("HTTP/1.0") << QByteArray("GET /media/small.jpg HTTP/1.0\r\n\r\n");
    }

    void pipelinedRequestsAnsweredInOrderAndCloseHonoured()
    {
        QFETCH(QByteArray, last);
        QByteArray bytes;
        for (int i = 0; i < 40; ++i)
            bytes += i % 2 ? "GET /media/small.jpg HTTP/1.1\r\nHost: mort.test\r\n\r\n" : kGet;
        bytes += last + kGet; // the request after the closing one is never answered
        RawWire wire(m_server.address());
        wire.send(bytes);
        const WireResult r = wire.readAll(41, 2000);
        QVERIFY2(r.closed && r.responses.size() == 41 && r.unparsed.isEmpty(), describe(r).constData());
        for (int i = 0; i < 41; ++i) {
            QCOMPARE(r.responses.at(i).status, 200);
            QCOMPARE(r.responses.at(i).body.size(), i % 2 || i == 40 ? kSmallBytes : kPhotoBytes);
        }
    }

    // Row 6: more than 16 KiB in one write is parsed, not refused: a 20,000
    // byte body followed by a GET, and 400 pipelined GETs.
    void largeWritesAreParsedNotRefused()
    {
        RawWire a(m_server.address());
        a.send("GET /media/photo.jpg HTTP/1.1\r\nHost: mort.test\r\nContent-Length: 20000\r\n\r\n"
               + QByteArray(20000, 'b') + kGet);
        const WireResult ra = a.readAll(2);
        QCOMPARE(ra.statuses(), (QList<int>{200, 200}));

        RawWire b(m_server.address());
        b.send(kGet.repeated(400));
        const WireResult rb = b.readAll(400);
        QCOMPARE(rb.responses.size(), 400);
        QCOMPARE(rb.statuses(), QList<int>(400, 200));
    }

    // Row 7: a rejection or a 100 Continue arriving while a large response is
    // being written waits for it: the 3 MB body arrives whole and unbroken.
    void nothingIsWrittenIntoTheMiddleOfAResponse_data()
    {
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<QList<int>>("statuses");
        QTest::addColumn<bool>("closed");
        QTest::newRow("bad request") << QByteArray("BROKEN\r\n\r\n") << QList<int>{200, 400} << true;
        QTest::newRow("expect 100-continue") << QByteArray(
            "GET /media/small.jpg HTTP/1.1\r\nHost: mort.test\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n")
                                             << QList<int>{200, 100} << false;
        QTest::newRow("unsupported expectation") << QByteArray(
            "GET /media/small.jpg HTTP/1.1\r\nHost: mort.test\r\nContent-Length: 3\r\nExpect: nothing\r\n\r\n")
                                                 << QList<int>{200, 417} << true;
        QTest::newRow("body too large") << QByteArray(
            "GET /media/small.jpg HTTP/1.1\r\nHost: mort.test\r\nContent-Length: 999999999999\r\n\r\n")
                                        << QList<int>{200, 413} << true;
    }

    void nothingIsWrittenIntoTheMiddleOfAResponse()
    {
        QFETCH(QByteArray, after);
        QFETCH(QList<int>, statuses);
        QFETCH(bool, closed);
        QFile big(m_server.path(QStringLiteral("originals/media/big.jpg")));
        QVERIFY(big.open(QIODevice::ReadOnly));
        const QByteArray bigBytes = big.readAll();
        RawWire wire(m_server.address());
        wire.send("GET /media/big.jpg HTTP/1.1\r\nHost: mort.test\r\n\r\n" + after);
        const WireResult r = wire.readAll(statuses.size(), closed ? 2000 : 500);
        QVERIFY2(r.statuses() == statuses && r.closed == closed, describe(r).constData());
        QVERIFY(r.responses.first().body == bigBytes);
    }

    // Row 11: HTTP/1.0 never gets an interim 100 Continue.
    void http10GetsNoContinue()
    {
        RawWire wire(m_server.address());
        wire.send("GET /media/small.jpg HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
        QTest::qWait(200); // a client waiting for a 100 Continue that must not come, then sending anyway
        wire.send("abc");
        const WireResult r = wire.readAll(1, 2000);
        QVERIFY2(r.statuses() == QList<int>{200} && r.closed, describe(r).constData());
    }

    // 10,000 pipelined requests on one connection: every answer, in order,
    // with RSS flat (< 5 MiB growth) -- reading pauses while 16 answers are owed.
    void tenThousandPipelinedRequestsKeepRssFlat()
    {
        const QByteArray small = "GET /media/small.jpg HTTP/1.1\r\nHost: mort.test\r\n\r\n";
        {
            RawWire warm(m_server.address()); // first use of every code path
            warm.send(small.repeated(200));
            QCOMPARE(warm.readAll(200).responses.size(), 200);
        }
        const qint64 rssBefore = readProcessStats().residentBytes;
        RawWire wire(m_server.address());
        wire.send(small.repeated(10000));
        const WireResult r = wire.readAll(10000, 1000, 120000, false);
        const qint64 rssAfter = readProcessStats().residentBytes;
        QCOMPARE(r.responses.size(), 10000);
        QCOMPARE(r.statuses(), QList<int>(10000, 200));
        QVERIFY(r.unparsed.isEmpty());
        qInfo("RSS %.1f -> %.1f MiB", rssBefore / 1048576.0, rssAfter / 1048576.0);
        if (kUnderSanitizer)
            QSKIP("every answer checked; RSS budgets need the real allocator (see tests/sanitizers.h)");
        QVERIFY2(rssAfter - rssBefore < 5 * 1024 * 1024, "RSS grew by 5 MiB or more over 10,000 pipelined requests");
    }

    // After everything: no task left, no socket left open. (Worker threads
    // hold eventfds until the pool retires them after 30 s idle: not counted.)
    void cleanupTestCase()
    {
        Engine &engine = m_server.engine();
        QTRY_COMPARE_WITH_TIMEOUT(engine.tasks().liveTotal(), qint64(0), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(openSockets(), m_socketsBefore, 10000);
    }
};

QTEST_GUILESS_MAIN(TestHttpFraming)
#include "tst_httpframing.moc"
