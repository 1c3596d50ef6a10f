// RequestParser: the one HTTP/1.1 framing decision of the server. Every case
// is fed whole and again one byte at a time; both must give the same requests
// and the same error, so the incremental parse never depends on how TCP cut
// the bytes.
#include "http/requestparser.h"

#include <QTest>

using namespace mort;

namespace {

struct Outcome
{
    QList<QByteArray> requests; // "METHOD path?query body" per complete request
    int errorStatus = 0;        // 0: no error
    bool operator==(const Outcome &o) const { return requests == o.requests && errorStatus == o.errorStatus; }
};

QByteArray describe(const Outcome &o)
{
    return o.requests.join(" | ") + " / error " + QByteArray::number(o.errorStatus);
}

Outcome parse(const QByteArray &bytes, qsizetype step, RequestParser::Limits limits = {})
{
    RequestParser parser(limits);
    Outcome out;
    qsizetype fed = 0;
    for (;;) {
        const RequestParser::Event e = parser.next();
        if (e == RequestParser::Event::NeedMore) {
            if (fed >= bytes.size())
                return out;
            const qsizetype n = std::min(step, bytes.size() - fed);
            parser.append(QByteArrayView(bytes).sliced(fed, n));
            fed += n;
        } else if (e == RequestParser::Event::MessageComplete) {
            const RequestHead &h = parser.head();
            QByteArray text = h.method + ' ' + h.path;
            if (!h.rawQuery.isEmpty())
                text += '?' + h.rawQuery;
            const QByteArray body = parser.takeBody();
            if (!body.isEmpty())
                text += ' ' + body;
            out.requests.append(text);
        } else if (e == RequestParser::Event::Failed) {
            out.errorStatus = parser.errorStatus();
            return out;
        }
    }
}

Outcome ok(QList<QByteArray> requests)
{
    return Outcome{std::move(requests), 0};
}
Outcome okThenError(QList<QByteArray> requests, int status)
{
    return Outcome{std::move(requests), status};
}
Outcome error(int status)
{
    return Outcome{{}, status};
}

const QByteArray kGet = "GET /a HTTP/1.1\r\nHost: x\r\n\r\n";

} // namespace

Q_DECLARE_METATYPE(Outcome)

class TestRequestParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void framing_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<Outcome>("expected");

        // Ordinary requests.
        QTest::newRow("get") << kGet << ok({"GET /a"});
        QTest::newRow("query kept raw") << QByteArray("GET /a%20b?x=%2F&y HTTP/1.1\r\nHost: x\r\n\r\n")
                                        << ok({"GET /a%20b?x=%2F&y"});
        QTest::newRow("content-length body")
            << QByteArray("PUT /k HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello") << ok({"PUT /k hello"});
        QTest::newRow("chunked body with extension and trailer")
            << QByteArray("POST /k HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                          "3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nX-Trailer: t\r\n\r\n")
            << ok({"POST /k abcde"});
        QTest::newRow("TE list case-insensitive")
            << QByteArray("POST /k HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: CHUNKED\r\n\r\n1\r\na\r\n0\r\n\r\n")
            << ok({"POST /k a"});
        QTest::newRow("pipelined three") << kGet + "GET /b HTTP/1.1\r\nHost: x\r\n\r\n" + kGet
                                         << ok({"GET /a", "GET /b", "GET /a"});
        QTest::newRow("http/1.0 without host") << QByteArray("GET /a HTTP/1.0\r\n\r\n") << ok({"GET /a"});
        QTest::newRow("two empty lines before a request are ignored") << "\r\n\r\n" + kGet << ok({"GET /a"});
        QTest::newRow("same Content-Length twice")
            << QByteArray("PUT /k HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nhi")
            << ok({"PUT /k hi"});
        QTest::newRow("absolute-form of this host")
            << QByteArray("GET http://x/a?q HTTP/1.1\r\nHost: x\r\n\r\n") << ok({"GET /a?q"});
        QTest::newRow("double slash is a path")
            << QByteArray("GET //evil.example/media/x.jpg HTTP/1.1\r\nHost: x\r\n\r\n")
            << ok({"GET //evil.example/media/x.jpg"});
        QTest::newRow("upgrade is only a header")
            << QByteArray("GET /a HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n") + kGet
            << ok({"GET /a", "GET /a"});

        // Request smuggling (issue 26 rows 1-4): one answer, never two readings.
        QTest::newRow("CL and TE together")
            << QByteArray("POST /k HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: "
                          "chunked\r\n\r\n0\r\n\r\nGET /q HTTP/1.1\r\nHost: x\r\n\r\n")
            << error(400);
        QTest::newRow("TE gzip only") << QByteArray(
            "POST /k HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\nxxxx")
                                      << error(400);
        QTest::newRow("TE gzip, chunked")
            << QByteArray("POST /k HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n")
            << error(501);
        QTest::newRow("TE xchunked") << QByteArray("POST /k HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: xchunked\r\n\r\n")
                                     << error(400);
        QTest::newRow("TE chunked;x=1") << QByteArray(
            "POST /k HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked;x=1\r\n\r\n")
                                        << error(400);
        QTest::newRow("TE chunked then identity") << QByteArray(
            "POST /k HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n")
                                                  << error(400);
        QTest::newRow("TE chunked twice")
            << QByteArray("POST /k HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, chunked\r\n\r\n") << error(400);
        QTest::newRow("TE in HTTP/1.0") << QByteArray("POST /k HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                                        << error(400);
        QTest::newRow("chunk size ffff...")
            << QByteArray("POST /k HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\n")
            << error(413);
        QTest::newRow("chunk size -1") << QByteArray(
            "POST /k HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\n")
                                       << error(400);
        QTest::newRow("chunk size zz") << QByteArray(
            "POST /k HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                                       << error(400);
        QTest::newRow("chunk longer than its size")
            << QByteArray("POST /k HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nABCD\r\n0\r\n\r\n")
            << error(400);
        QTest::newRow("chunk size with space inside")
            << QByteArray("POST /k HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1 2\r\n") << error(400);
        QTest::newRow("space before colon")
            << QByteArray("POST /k HTTP/1.1\r\nHost: x\r\nContent-Length : 5\r\n\r\nhello") << error(400);
        QTest::newRow("tab before colon") << QByteArray("GET /a HTTP/1.1\r\nHost: x\r\nX-A\t: 1\r\n\r\n") << error(400);
        QTest::newRow("@ in field name") << QByteArray("GET /a HTTP/1.1\r\nHost: x\r\nX@Y: 1\r\n\r\n") << error(400);
        QTest::newRow("obs-fold") << QByteArray("GET /a HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n 2\r\n\r\n") << error(400);
        QTest::newRow("control character in a value")
            << QByteArray("GET /a HTTP/1.1\r\nHost: x\r\nX-A: 1\x01\r\n\r\n") << error(400);
        QTest::newRow("bare LF") << QByteArray("GET /a HTTP/1.1\nHost: x\n\n") << error(400);
        QTest::newRow("bare CR") << QByteArray("GET /a HTTP/1.1\rHost: x\r\n\r\n") << error(400);
        QTest::newRow("conflicting Content-Length")
            << QByteArray("PUT /k HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc")
            << error(400);
        QTest::newRow("Content-Length list that disagrees")
            << QByteArray("PUT /k HTTP/1.1\r\nHost: x\r\nContent-Length: 2, 3\r\n\r\nabc") << error(400);
        QTest::newRow("Content-Length +47")
            << QByteArray("PUT /k HTTP/1.1\r\nHost: x\r\nContent-Length: +4\r\n\r\nabcd") << error(400);
        QTest::newRow("Content-Length -1")
            << QByteArray("PUT /k HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n") << error(400);
        QTest::newRow("Content-Length 0x10")
            << QByteArray("PUT /k HTTP/1.1\r\nHost: x\r\nContent-Length: 0x10\r\n\r\n") << error(400);
        QTest::newRow("Content-Length huge")
            << QByteArray("PUT /k HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n") << error(413);

        // Found by the differential check against Beast (tests/fuzz): refused by both now.
        QTest::newRow("chunk extension without value")
            << QByteArray("POST /k HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1;a=\r\na\r\n0\r\n\r\n")
            << error(400);
        QTest::newRow("chunk extension quoted") << QByteArray(
            "POST /k HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1 ; a = \"b c\"\r\na\r\n0\r\n\r\n")
                                                << ok({"POST /k a"});
        QTest::newRow("whitespace after a chunk extension name")
            << QByteArray("POST /k HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0;a\t\r\n\r\n")
            << error(400);
        QTest::newRow("space after chunk size")
            << QByteArray("POST /k HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1 \r\na\r\n0\r\n\r\n")
            << error(400);
        QTest::newRow("Connection not a token list")
            << QByteArray("GET /a HTTP/1.1\r\nHost: x\r\nConnection: /a b\r\n\r\n") << error(400);
        QTest::newRow("empty Transfer-Encoding") << QByteArray(
            "POST /k HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: \r\n\r\n0\r\n\r\n")
                                                 << error(400);
        QTest::newRow("Content-Length 3,")
            << QByteArray("PUT /k HTTP/1.1\r\nHost: x\r\nContent-Length: 3,\r\n\r\nabc") << error(400);
        QTest::newRow("Content-Length in the trailers") << QByteArray(
            "POST /k HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nContent-Length: 5\r\n\r\n")
                                                        << error(400);
        QTest::newRow("Connection in the trailers") << QByteArray(
            "POST /k HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nConnection: close\r\n\r\n")
                                                    << error(400);

        // Host and target (notes of issue 26).
        QTest::newRow("HTTP/1.1 without Host") << QByteArray("GET /a HTTP/1.1\r\n\r\n") << error(400);
        QTest::newRow("two Host headers") << QByteArray("GET /a HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n") << error(400);
        QTest::newRow("absolute-form of another host")
            << QByteArray("GET http://evil.example/a HTTP/1.1\r\nHost: x\r\n\r\n") << error(400);
        QTest::newRow("absolute-form with userinfo")
            << QByteArray("GET http://u@x/a HTTP/1.1\r\nHost: u@x\r\n\r\n") << error(400);
        QTest::newRow("asterisk-form") << QByteArray("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n") << error(400);
        QTest::newRow("HTTP/1.1x") << QByteArray("GET /a HTTP/1.1x\r\nHost: x\r\n\r\n") << error(400);
        QTest::newRow("HTTP/2.0") << QByteArray("GET /a HTTP/2.0\r\nHost: x\r\n\r\n") << error(505);
        QTest::newRow("two spaces in the request line")
            << QByteArray("GET  /a HTTP/1.1\r\nHost: x\r\n\r\n") << error(400);
        QTest::newRow("fragment in the target") << QByteArray("GET /a#b HTTP/1.1\r\nHost: x\r\n\r\n") << error(400);
        QTest::newRow("many empty lines") << QByteArray("\r\n").repeated(16) + kGet << error(400);
        QTest::newRow("unsupported expectation")
            << QByteArray("PUT /k HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\nContent-Length: 1\r\n\r\na") << error(417);

        // Complete requests before a bad one keep their answers.
        QTest::newRow("good then smuggling attempt")
            << kGet + "POST /k HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n"
            << okThenError({"GET /a"}, 400);
    }

    void framing()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(Outcome, expected);
        const Outcome whole = parse(bytes, bytes.size() + 1);
        QVERIFY2(whole == expected, describe(whole).constData());
        const Outcome byteByByte = parse(bytes, 1);
        QVERIFY2(byteByByte == expected, describe(byteByByte).constData());
    }

    void limits_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        QTest::newRow("target over 8 KiB -> 414") << "GET /" + QByteArray(9000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n"
                                                  << 414;
        QTest::newRow("header over 16 KiB -> 431") << "GET /a HTTP/1.1\r\nHost: x\r\nX: " + QByteArray(17000, 'a')
                + "\r\n\r\n" << 431;
        QByteArray many = "GET /a HTTP/1.1\r\nHost: x\r\n";
        for (int i = 0; i < 101; ++i)
            many += "X-" + QByteArray::number(i) + ": 1\r\n";
        QTest::newRow("101 fields -> 431") << many + "\r\n" << 431;
        QTest::newRow("body over the limit -> 413")
            << QByteArray("PUT /k HTTP/1.1\r\nHost: x\r\nContent-Length: 67108865\r\n\r\n") << 413;
        QByteArray chunks = "POST /k HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
        chunks += "3ffffff\r\n"; // 64 MiB - 1 announced: fine so far
        QTest::newRow("chunked over the limit -> 413") << chunks + QByteArray(0x3ffffff, 'a') + "\r\n2\r\n" << 413;
        QTest::newRow("trailers over 16 KiB -> 431")
            << "POST /k HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX: " + QByteArray(17000, 'a')
                + "\r\n\r\n"
            << 431;
    }

    void limits()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        QCOMPARE(parse(bytes, 4096).errorStatus, status);
    }

    void expectContinueOnlyForHttp11WithBody()
    {
        RequestParser p({});
        p.append("PUT /k HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
        QCOMPARE(p.next(), RequestParser::Event::HeadReady);
        QVERIFY(p.head().expectContinue);
        QVERIFY(p.receivingBody());

        RequestParser old({});
        old.append("PUT /k HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
        QCOMPARE(old.next(), RequestParser::Event::HeadReady);
        QVERIFY(!old.head().expectContinue); // issue 26 row 11: no 100 for HTTP/1.0
    }

    void connectionAndVersionDecideKeepAlive_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<bool>("keepAlive");
        QTest::newRow("1.1 default") << QByteArray("GET /a HTTP/1.1\r\nHost: x\r\n\r\n") << true;
        QTest::newRow("1.1 close") << QByteArray("GET /a HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, Close\r\n\r\n")
                                   << false;
        QTest::newRow("1.0 default") << QByteArray("GET /a HTTP/1.0\r\n\r\n") << false;
        QTest::newRow("1.0 keep-alive") << QByteArray("GET /a HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n") << true;
    }

    void connectionAndVersionDecideKeepAlive()
    {
        QFETCH(QByteArray, head);
        QFETCH(bool, keepAlive);
        RequestParser p({});
        p.append(head);
        QCOMPARE(p.next(), RequestParser::Event::HeadReady);
        QCOMPARE(p.head().keepAlive, keepAlive);
    }

    void chunkedBodyBytesAreReportedAsTheyArrive()
    {
        RequestParser p({});
        p.append("POST /k HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab");
        QCOMPARE(p.next(), RequestParser::Event::HeadReady);
        QCOMPARE(p.next(), RequestParser::Event::NeedMore);
        QCOMPARE(p.takeNewBodyBytes(), qint64(2));
        p.append("cde\r\n0\r\n\r\n");
        QCOMPARE(p.next(), RequestParser::Event::MessageComplete);
        QCOMPARE(p.takeNewBodyBytes(), qint64(3));
        QCOMPARE(p.takeBody(), QByteArray("abcde"));
        QVERIFY(p.idle());
    }

    // A body router (S3 uploads): its limit lowers maxBodyBytes for that
    // request only, its sink gets every body byte and takeBody() none.
    void bodyRouterSetsTheLimitAndTheSinkPerRequest()
    {
        RequestParser::Limits limits;
        limits.maxBodyBytes = 10;
        RequestParser p(limits);
        QByteArray sunk;
        int routed = 0;
        p.setBodyRouter([&](const RequestHead &head) {
            ++routed;
            BodyRoute route;
            if (head.method == "PUT") {
                route.maxBodyBytes = 5;
                route.sink = [&](QByteArrayView bytes) {
                    sunk += bytes;
                    return true;
                };
            }
            return route;
        });
        for (const qsizetype step : {qsizetype(1), qsizetype(4096)}) {
            sunk.clear();
            const QByteArray bytes =
                "PUT /k HTTP/1.1\r\nHost: x\r\nContent-Length: 9\r\n\r\n123456789"
                "PUT /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"
                "POST /m HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nwxyz";
            RequestParser q(limits);
            q.setBodyRouter([&](const RequestHead &head) {
                BodyRoute route;
                if (head.method == "PUT") {
                    route.maxBodyBytes = 10;
                    route.sink = [&](QByteArrayView b) {
                        sunk += b;
                        return true;
                    };
                }
                return route;
            });
            QList<QByteArray> bodies;
            qsizetype fed = 0;
            for (;;) {
                const RequestParser::Event e = q.next();
                if (e == RequestParser::Event::NeedMore) {
                    if (fed >= bytes.size())
                        break;
                    const qsizetype n = std::min(step, bytes.size() - fed);
                    q.append(QByteArrayView(bytes).sliced(fed, n));
                    fed += n;
                } else if (e == RequestParser::Event::MessageComplete) {
                    bodies.append(q.takeBody());
                } else {
                    QVERIFY(e != RequestParser::Event::Failed);
                }
            }
            QCOMPARE(bodies, QList<QByteArray>({{}, {}, "wxyz"}));
            QCOMPARE(sunk, QByteArray("123456789abcde"));
        }
        // Over the route's own (lower) limit: 413, announced or as chunks add up.
        p.append("PUT /k HTTP/1.1\r\nHost: x\r\nContent-Length: 6\r\n\r\n");
        QCOMPARE(p.next(), RequestParser::Event::Failed);
        QCOMPARE(p.errorStatus(), 413);
        QCOMPARE(routed, 1);
        RequestParser c(limits);
        c.setBodyRouter([](const RequestHead &) {
            BodyRoute route;
            route.maxBodyBytes = 5;
            route.sink = [](QByteArrayView) { return true; };
            return route;
        });
        c.append("PUT /k HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n3\r\n");
        QCOMPARE(c.next(), RequestParser::Event::HeadReady);
        QCOMPARE(c.next(), RequestParser::Event::Failed);
        QCOMPARE(c.errorStatus(), 413);
        // A sink that cannot store fails the request with 500.
        RequestParser f(limits);
        f.setBodyRouter([](const RequestHead &) {
            BodyRoute route;
            route.sink = [](QByteArrayView) { return false; };
            return route;
        });
        f.append("PUT /k HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nab");
        QCOMPARE(f.next(), RequestParser::Event::HeadReady);
        QCOMPARE(f.next(), RequestParser::Event::Failed);
        QCOMPARE(f.errorStatus(), 500);
    }

    // The transport's maxBodyBytes holds for every route: a Content-Length
    // over it is 413 before the router (the handler) is asked, and a route's
    // larger limit does not raise it for a chunked body either.
    void transportBodyLimitComesBeforeAndAboveTheRouter()
    {
        RequestParser::Limits limits;
        limits.maxBodyBytes = 4;
        int routed = 0;
        const auto router = [&](const RequestHead &) {
            ++routed;
            BodyRoute route;
            route.maxBodyBytes = 100; // a handler asking for more than the transport allows
            route.sink = [](QByteArrayView) { return true; };
            return route;
        };
        RequestParser announced(limits);
        announced.setBodyRouter(router);
        announced.append("PUT /k HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n");
        QCOMPARE(announced.next(), RequestParser::Event::Failed);
        QCOMPARE(announced.errorStatus(), 413);
        QCOMPARE(routed, 0);

        RequestParser chunked(limits);
        chunked.setBodyRouter(router);
        chunked.append("PUT /k HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\n");
        QCOMPARE(chunked.next(), RequestParser::Event::HeadReady);
        QCOMPARE(routed, 1);
        QCOMPARE(chunked.next(), RequestParser::Event::Failed);
        QCOMPARE(chunked.errorStatus(), 413);

        // Within the transport's limit the route is asked and the body passes.
        RequestParser within(limits);
        within.setBodyRouter(router);
        within.append("PUT /k HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nabcd");
        QCOMPARE(within.next(), RequestParser::Event::HeadReady);
        QCOMPARE(routed, 2);
        QCOMPARE(within.next(), RequestParser::Event::MessageComplete);
    }

    void thousandsOfPipelinedRequestsKeepTheBufferSmall()
    {
        RequestParser p({});
        int complete = 0;
        qsizetype largest = 0;
        for (int i = 0; i < 10000; ++i) {
            p.append(kGet);
            while (p.next() != RequestParser::Event::NeedMore)
                ++complete; // HeadReady, then MessageComplete
            largest = std::max(largest, p.bufferedBytes());
        }
        QCOMPARE(complete, 20000); // one HeadReady and one MessageComplete each
        QVERIFY(largest <= kGet.size());
    }
};

QTEST_APPLESS_MAIN(TestRequestParser)
#include "tst_requestparser.moc"
