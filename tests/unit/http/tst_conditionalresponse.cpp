// Range and conditional evaluation of a buffered 200 (spec http-behaviour.md
// §5: Go http.ServeContent semantics).
#include "http/conditionalresponse.h"

#include <QTest>

#include <cstdlib>
#include <ctime>

using namespace mort;

namespace {

using Ranges = QList<QPair<qint64, qint64>>; // (start, length)

const QByteArray kBody = "0123456789"; // size 10
const QByteArray kLastModified = "Sun, 06 Nov 1994 08:49:37 GMT";

// A stored original as the pipeline hands it over.
HttpResponse original(const QByteArray &etag = "\"v1\"", const QByteArray &lastModified = kLastModified)
{
    HttpResponse r(200, kBody, "text/plain");
    r.setHeader("Content-Length", "10");
    r.setHeader("Content-Encoding", "identity");
    if (!etag.isEmpty())
        r.setHeader("ETag", etag);
    if (!lastModified.isEmpty())
        r.setHeader("Last-Modified", lastModified);
    r.setHeader("X-Amz-Meta-Public-Width", "10");
    return r;
}

HttpRequest request(const QByteArray &method, const HttpHeaders &headers)
{
    HttpRequest q;
    q.method = method;
    q.headers = headers;
    return q;
}

// Header names of a response, in order, for "which headers survived" checks.
QByteArrayList headerNames(const HttpResponse &r)
{
    QByteArrayList names;
    for (const auto &h : r.headers)
        names.append(h.first);
    return names;
}

struct Part
{
    HttpHeaders headers;
    QByteArray body;
};

// Parses a multipart/byteranges body (RFC 2046 §5.1.1). Fails the test on
// anything malformed.
bool parseMultipart(const QByteArray &body, const QByteArray &boundary, QList<Part> *parts)
{
    const QByteArray delimiter = "--" + boundary;
    qsizetype pos = 0;
    if (!body.startsWith(delimiter + "\r\n"))
        return false;
    pos = delimiter.size() + 2;
    for (;;) {
        Part part;
        for (;;) { // headers up to the empty line
            const qsizetype eol = body.indexOf("\r\n", pos);
            if (eol < 0)
                return false;
            const QByteArray line = body.mid(pos, eol - pos);
            pos = eol + 2;
            if (line.isEmpty())
                break;
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                return false;
            part.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
        }
        const qsizetype next = body.indexOf("\r\n" + delimiter, pos);
        if (next < 0)
            return false;
        part.body = body.mid(pos, next - pos);
        parts->append(part);
        pos = next + 2 + delimiter.size();
        if (body.mid(pos) == "--\r\n")
            return true;
        if (body.mid(pos, 2) != "\r\n")
            return false;
        pos += 2;
    }
}

} // namespace

class TestConditionalResponse : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // A zone with DST: HTTP dates must not go through local time (a date in
        // the spring-forward gap, 2024-03-31 02:30 in Warsaw, must still parse).
        qputenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3");
        tzset();
    }

    // ---- parseRangeHeader: Go's parseRange ------------------------------

    void parseRange_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<int>("result");
        QTest::addColumn<Ranges>("ranges");
        const int ok = int(RangeParse::Ok), invalid = int(RangeParse::Invalid), noOverlap = int(RangeParse::NoOverlap);

        QTest::newRow("bytes=0-9 is the whole of 10") << QByteArray("bytes=0-9") << qint64(10) << ok << Ranges{{0, 10}};
        QTest::newRow("bytes=2-4 is three bytes") << QByteArray("bytes=2-4") << qint64(10) << ok << Ranges{{2, 3}};
        QTest::newRow("bytes=-5 is the last five") << QByteArray("bytes=-5") << qint64(10) << ok << Ranges{{5, 5}};
        QTest::newRow("bytes=5- runs to the end") << QByteArray("bytes=5-") << qint64(10) << ok << Ranges{{5, 5}};
        QTest::newRow("bytes=9-9 is the last byte") << QByteArray("bytes=9-9") << qint64(10) << ok << Ranges{{9, 1}};
        QTest::newRow("end beyond size clamped to size-1")
            << QByteArray("bytes=5-100") << qint64(10) << ok << Ranges{{5, 5}};
        QTest::newRow("suffix larger than size clamped to the whole")
            << QByteArray("bytes=-50") << qint64(10) << ok << Ranges{{0, 10}};
        // RFC 9110 §14.1.3 (Go answered an inverted 206 "bytes 10-9/10"): nothing selected -> 416.
        QTest::newRow("bytes=-0 selects nothing") << QByteArray("bytes=-0") << qint64(10) << noOverlap << Ranges{};
        QTest::newRow("bytes=-0,0-1 keeps the satisfiable range")
            << QByteArray("bytes=-0,0-1") << qint64(10) << ok << Ranges{{0, 2}};
        QTest::newRow("several ranges kept in order")
            << QByteArray("bytes=0-1,4-5,-2") << qint64(10) << ok << Ranges{{0, 2}, {4, 2}, {8, 2}};
        QTest::newRow("spaces around parts and numbers")
            << QByteArray("bytes= 0 - 1 , 4-5") << qint64(10) << ok << Ranges{{0, 2}, {4, 2}};
        QTest::newRow("empty parts skipped") << QByteArray("bytes=,0-1,,") << qint64(10) << ok << Ranges{{0, 2}};
        QTest::newRow("bytes= alone is no range") << QByteArray("bytes=") << qint64(10) << ok << Ranges{};
        QTest::newRow("start beyond size skipped when another overlaps")
            << QByteArray("bytes=20-30,0-1") << qint64(10) << ok << Ranges{{0, 2}};
        QTest::newRow("start == size skipped when another overlaps")
            << QByteArray("bytes=10-,2-3") << qint64(10) << ok << Ranges{{2, 2}};

        QTest::newRow("start beyond size only: no overlap")
            << QByteArray("bytes=20-30") << qint64(10) << noOverlap << Ranges{};
        QTest::newRow("start == size only: no overlap")
            << QByteArray("bytes=10-") << qint64(10) << noOverlap << Ranges{};
        QTest::newRow("empty body: no overlap") << QByteArray("bytes=0-") << qint64(0) << noOverlap << Ranges{};

        QTest::newRow("bytes=9-5 end before start") << QByteArray("bytes=9-5") << qint64(10) << invalid << Ranges{};
        QTest::newRow("bytes=a-b not numbers") << QByteArray("bytes=a-b") << qint64(10) << invalid << Ranges{};
        QTest::newRow("bytes=0-b end not a number") << QByteArray("bytes=0-b") << qint64(10) << invalid << Ranges{};
        QTest::newRow("unit other than bytes") << QByteArray("items=0-1") << qint64(10) << invalid << Ranges{};
        QTest::newRow("unit is case-sensitive") << QByteArray("Bytes=0-1") << qint64(10) << invalid << Ranges{};
        QTest::newRow("no dash") << QByteArray("bytes=5") << qint64(10) << invalid << Ranges{};
        QTest::newRow("bytes=- has no suffix length") << QByteArray("bytes=-") << qint64(10) << invalid << Ranges{};
        QTest::newRow("bytes=--5 negative suffix") << QByteArray("bytes=--5") << qint64(10) << invalid << Ranges{};
        QTest::newRow("overflowing number")
            << QByteArray("bytes=0-99999999999999999999") << qint64(10) << invalid << Ranges{};
        QTest::newRow("one invalid part spoils all")
            << QByteArray("bytes=0-1,x-2") << qint64(10) << invalid << Ranges{};
        QTest::newRow("invalid part after a no-overlap one")
            << QByteArray("bytes=20-,5-1") << qint64(10) << invalid << Ranges{};
    }

    void parseRange()
    {
        QFETCH(QByteArray, header);
        QFETCH(qint64, size);
        QFETCH(int, result);
        QFETCH(Ranges, ranges);
        QList<ByteRange> out{{1, 1}}; // cleared by the call
        QCOMPARE(int(parseRangeHeader(header, size, &out)), result);
        Ranges got;
        for (const ByteRange &r : out)
            got.append({r.start, r.length});
        QCOMPARE(got, ranges);
    }

    // ---- preconditions ---------------------------------------------------

    void preconditions_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("etag");         // response ETag ("" = none)
        QTest::addColumn<QByteArray>("lastModified"); // response Last-Modified ("" = none)
        QTest::addColumn<HttpHeaders>("headers");
        QTest::addColumn<int>("status");

        const QByteArray strong = "\"v1\"", weak = "W/\"v1\"", unquoted = "v1";
        const QByteArray before = "Sun, 06 Nov 1994 08:49:36 GMT", after = "Sun, 06 Nov 1994 08:49:38 GMT";

        // If-Match: strong comparison of quoted tags; `*` always matches.
        QTest::newRow("If-Match same strong tag -> 200")
            << QByteArray("GET") << strong << kLastModified << HttpHeaders{{"If-Match", "\"v1\""}} << 200;
        QTest::newRow("If-Match other tag -> 412")
            << QByteArray("GET") << strong << kLastModified << HttpHeaders{{"If-Match", "\"v2\""}} << 412;
        QTest::newRow("If-Match list containing the tag -> 200")
            << QByteArray("GET") << strong << kLastModified << HttpHeaders{{"If-Match", "\"v0\", \"v1\""}} << 200;
        QTest::newRow("If-Match * -> 200")
            << QByteArray("GET") << strong << kLastModified << HttpHeaders{{"If-Match", "*"}} << 200;
        QTest::newRow("If-Match * without any ETag -> 200")
            << QByteArray("GET") << QByteArray() << kLastModified << HttpHeaders{{"If-Match", "*"}} << 200;
        QTest::newRow("If-Match weak tag never matches strongly -> 412")
            << QByteArray("GET") << weak << kLastModified << HttpHeaders{{"If-Match", "W/\"v1\""}} << 412;
        QTest::newRow("If-Match unquoted ETag never matches -> 412")
            << QByteArray("GET") << unquoted << kLastModified << HttpHeaders{{"If-Match", "v1"}} << 412;
        QTest::newRow("If-Match tag with a comma inside the quotes -> 200")
            << QByteArray("GET") << QByteArray("\"a,b\"") << kLastModified << HttpHeaders{{"If-Match", "\"a,b\""}}
            << 200;
        QTest::newRow("If-Match list stops at a malformed tag -> 412")
            << QByteArray("GET") << strong << kLastModified << HttpHeaders{{"If-Match", "junk, \"v1\""}} << 412;
        QTest::newRow("If-Match header name is case-insensitive")
            << QByteArray("GET") << strong << kLastModified << HttpHeaders{{"if-match", "\"v2\""}} << 412;

        // If-Unmodified-Since (only without If-Match).
        QTest::newRow("If-Unmodified-Since same second -> 200")
            << QByteArray("GET") << strong << kLastModified << HttpHeaders{{"If-Unmodified-Since", kLastModified}}
            << 200;
        QTest::newRow("If-Unmodified-Since later -> 200")
            << QByteArray("GET") << strong << kLastModified << HttpHeaders{{"If-Unmodified-Since", after}} << 200;
        QTest::newRow("If-Unmodified-Since earlier -> 412")
            << QByteArray("GET") << strong << kLastModified << HttpHeaders{{"If-Unmodified-Since", before}} << 412;
        QTest::newRow("If-Unmodified-Since unparsable -> ignored")
            << QByteArray("GET") << strong << kLastModified << HttpHeaders{{"If-Unmodified-Since", "yesterday"}} << 200;
        QTest::newRow("If-Unmodified-Since ignored when If-Match matched")
            << QByteArray("GET") << strong << kLastModified
            << HttpHeaders{{"If-Match", "\"v1\""}, {"If-Unmodified-Since", before}} << 200;
        QTest::newRow("If-Unmodified-Since without Last-Modified uses now -> 412")
            << QByteArray("GET") << strong << QByteArray() << HttpHeaders{{"If-Unmodified-Since", before}} << 412;

        // If-None-Match: weak comparison; 304 for GET/HEAD, 412 otherwise.
        QTest::newRow("If-None-Match same strong tag GET -> 304")
            << QByteArray("GET") << strong << kLastModified << HttpHeaders{{"If-None-Match", "\"v1\""}} << 304;
        QTest::newRow("If-None-Match HEAD -> 304")
            << QByteArray("HEAD") << strong << kLastModified << HttpHeaders{{"If-None-Match", "\"v1\""}} << 304;
        QTest::newRow("If-None-Match weak request vs strong ETag -> 304")
            << QByteArray("GET") << strong << kLastModified << HttpHeaders{{"If-None-Match", "W/\"v1\""}} << 304;
        QTest::newRow("If-None-Match strong request vs weak ETag (local-meta) -> 304")
            << QByteArray("GET") << weak << kLastModified << HttpHeaders{{"If-None-Match", "\"v1\""}} << 304;
        QTest::newRow("If-None-Match other tag -> 200")
            << QByteArray("GET") << strong << kLastModified << HttpHeaders{{"If-None-Match", "\"v2\""}} << 200;
        QTest::newRow("If-None-Match list with the tag -> 304")
            << QByteArray("GET") << strong << kLastModified << HttpHeaders{{"If-None-Match", "\"v0\",W/\"v1\""}} << 304;
        QTest::newRow("If-None-Match * -> 304")
            << QByteArray("GET") << strong << kLastModified << HttpHeaders{{"If-None-Match", "*"}} << 304;
        QTest::newRow("If-None-Match unquoted ETag (generated image) never matches -> 200")
            << QByteArray("GET") << unquoted << kLastModified << HttpHeaders{{"If-None-Match", "v1"}} << 200;
        QTest::newRow("If-None-Match quoted vs unquoted ETag -> 200")
            << QByteArray("GET") << unquoted << kLastModified << HttpHeaders{{"If-None-Match", "\"v1\""}} << 200;
        QTest::newRow("If-None-Match on PUT -> 412")
            << QByteArray("PUT") << strong << kLastModified << HttpHeaders{{"If-None-Match", "\"v1\""}} << 412;
        QTest::newRow("If-None-Match present disables If-Modified-Since")
            << QByteArray("GET") << strong << kLastModified
            << HttpHeaders{{"If-None-Match", "\"v2\""}, {"If-Modified-Since", after}} << 200;
        QTest::newRow("If-Match failure wins over If-None-Match")
            << QByteArray("GET") << strong << kLastModified
            << HttpHeaders{{"If-Match", "\"v2\""}, {"If-None-Match", "\"v1\""}} << 412;

        // If-Modified-Since: second precision, Last-Modified <= date -> 304.
        QTest::newRow("If-Modified-Since same second -> 304")
            << QByteArray("GET") << unquoted << kLastModified << HttpHeaders{{"If-Modified-Since", kLastModified}}
            << 304;
        QTest::newRow("If-Modified-Since later -> 304")
            << QByteArray("GET") << unquoted << kLastModified << HttpHeaders{{"If-Modified-Since", after}} << 304;
        QTest::newRow("If-Modified-Since earlier -> 200")
            << QByteArray("GET") << unquoted << kLastModified << HttpHeaders{{"If-Modified-Since", before}} << 200;
        QTest::newRow("If-Modified-Since RFC 850 form -> 304")
            << QByteArray("GET") << unquoted << kLastModified
            << HttpHeaders{{"If-Modified-Since", "Sunday, 06-Nov-94 08:49:37 GMT"}} << 304;
        QTest::newRow("If-Modified-Since asctime form (space-padded day) -> 304")
            << QByteArray("GET") << unquoted << kLastModified
            << HttpHeaders{{"If-Modified-Since", "Sun Nov  6 08:49:37 1994"}} << 304;
        QTest::newRow("If-Modified-Since in a local DST gap -> 304")
            << QByteArray("GET") << unquoted << QByteArray("Sun, 31 Mar 2024 02:30:00 GMT")
            << HttpHeaders{{"If-Modified-Since", "Sun, 31 Mar 2024 02:30:00 GMT"}} << 304;
        QTest::newRow("If-Modified-Since DST gap, one second early -> 200")
            << QByteArray("GET") << unquoted << QByteArray("Sun, 31 Mar 2024 02:30:00 GMT")
            << HttpHeaders{{"If-Modified-Since", "Sun, 31 Mar 2024 02:29:59 GMT"}} << 200;
        QTest::newRow("If-Modified-Since unparsable -> 200") << QByteArray("GET") << unquoted << kLastModified
                                                             << HttpHeaders{{"If-Modified-Since", "06/11/1994"}} << 200;
        QTest::newRow("If-Modified-Since on PUT ignored -> 200")
            << QByteArray("PUT") << unquoted << kLastModified << HttpHeaders{{"If-Modified-Since", after}} << 200;
        QTest::newRow("If-Modified-Since with Last-Modified at the epoch ignored -> 200")
            << QByteArray("GET") << unquoted << QByteArray("Thu, 01 Jan 1970 00:00:00 GMT")
            << HttpHeaders{{"If-Modified-Since", after}} << 200;
        QTest::newRow("If-Modified-Since far future, no Last-Modified (now) -> 304")
            << QByteArray("GET") << unquoted << QByteArray()
            << HttpHeaders{{"If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT"}} << 304;
    }

    void preconditions()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, etag);
        QFETCH(QByteArray, lastModified);
        QFETCH(HttpHeaders, headers);
        QFETCH(int, status);
        const HttpResponse in = original(etag, lastModified);
        const HttpRequest req = request(method, headers);
        QVERIFY(mort::isConditionalOrRange(req));
        const HttpResponse out = applyConditionalAndRange(req, in);
        QCOMPARE(out.status, status);
        if (status == 200) {
            QCOMPARE(out.headers, in.headers);
            QCOMPARE(out.body, kBody);
        } else {
            QCOMPARE(out.body, QByteArray());
        }
    }

    void notModifiedDropsEntityHeaders()
    {
        // With an ETag: Content-Type, Content-Length, Content-Encoding and
        // Last-Modified go; everything else stays, in order.
        HttpResponse out = applyConditionalAndRange(request("GET", {{"If-None-Match", "\"v1\""}}), original());
        QCOMPARE(out.status, 304);
        QCOMPARE(headerNames(out), (QByteArrayList{"ETag", "X-Amz-Meta-Public-Width"}));
        QCOMPARE(out.header("ETag"), QByteArray("\"v1\""));

        // Without an ETag Last-Modified is kept.
        out = applyConditionalAndRange(request("GET", {{"If-Modified-Since", kLastModified}}), original({}));
        QCOMPARE(out.status, 304);
        QCOMPARE(headerNames(out), (QByteArrayList{"Last-Modified", "X-Amz-Meta-Public-Width"}));
        QCOMPARE(out.header("Last-Modified"), kLastModified);
    }

    void preconditionFailedHasEmptyBodyAndNoEntityHeaders()
    {
        const HttpResponse out = applyConditionalAndRange(request("GET", {{"If-Match", "\"nope\""}}), original());
        QCOMPARE(out.status, 412);
        QCOMPARE(out.body, QByteArray());
        QCOMPARE(headerNames(out), (QByteArrayList{"ETag", "Last-Modified", "X-Amz-Meta-Public-Width"}));
    }

    void nonOkResponsesPassThrough()
    {
        HttpResponse notFound(404, "{\"error\":\"item not found\"}", "text/plain");
        const HttpResponse out =
            applyConditionalAndRange(request("GET", {{"Range", "bytes=0-1"}, {"If-Match", "\"x\""}}), notFound);
        QCOMPARE(out.status, 404);
        QCOMPARE(out.body, notFound.body);
        QCOMPARE(out.headers, notFound.headers);
    }

    void isConditionalOrRange_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<bool>("conditional");
        for (const char *n : {"Range", "If-Range", "If-Match", "If-None-Match", "If-Modified-Since",
                              "If-Unmodified-Since", "range", "IF-NONE-MATCH"})
            QTest::newRow(n) << QByteArray(n) << true;
        for (const char *n : {"Accept-Encoding", "Cache-Control", "X-Mort-Debug"})
            QTest::newRow(n) << QByteArray(n) << false;
    }

    void isConditionalOrRange()
    {
        QFETCH(QByteArray, name);
        QFETCH(bool, conditional);
        QCOMPARE(mort::isConditionalOrRange(request("GET", {{name, "x"}})), conditional);
    }

    // ---- ranges ----------------------------------------------------------

    void singleRange_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("range");
        QTest::addColumn<QByteArray>("contentRange");
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("bytes=0-3") << QByteArray("GET") << QByteArray("bytes=0-3") << QByteArray("bytes 0-3/10")
                                   << QByteArray("0123");
        QTest::newRow("bytes=-3") << QByteArray("GET") << QByteArray("bytes=-3") << QByteArray("bytes 7-9/10")
                                  << QByteArray("789");
        QTest::newRow("bytes=8-") << QByteArray("GET") << QByteArray("bytes=8-") << QByteArray("bytes 8-9/10")
                                  << QByteArray("89");
        QTest::newRow("end clamped") << QByteArray("GET") << QByteArray("bytes=6-999") << QByteArray("bytes 6-9/10")
                                     << QByteArray("6789");
        QTest::newRow("whole body as a range")
            << QByteArray("GET") << QByteArray("bytes=0-") << QByteArray("bytes 0-9/10") << QByteArray("0123456789");
        QTest::newRow("one overlapping of two")
            << QByteArray("GET") << QByteArray("bytes=50-60,2-2") << QByteArray("bytes 2-2/10") << QByteArray("2");
        QTest::newRow("HEAD") << QByteArray("HEAD") << QByteArray("bytes=1-2") << QByteArray("bytes 1-2/10")
                              << QByteArray("12");
    }

    void singleRange()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, range);
        QFETCH(QByteArray, contentRange);
        QFETCH(QByteArray, bytes);
        const HttpResponse out = applyConditionalAndRange(request(method, {{"Range", range}}), original());
        QCOMPARE(out.status, 206);
        QCOMPARE(out.header("Content-Range"), contentRange);
        QCOMPARE(out.body, bytes);
        QCOMPARE(out.header("Content-Type"), QByteArray("text/plain"));
        QCOMPARE(out.header("ETag"), QByteArray("\"v1\""));
        QCOMPARE(out.header("Last-Modified"), kLastModified);
        // The full size must not survive: the transport counts the part.
        QVERIFY(!hasHeader(out.headers, "Content-Length"));
    }

    void multipleRanges()
    {
        const HttpResponse out = applyConditionalAndRange(request("GET", {{"Range", "bytes=0-1,4-6,-2"}}), original());
        QCOMPARE(out.status, 206);
        QVERIFY(!hasHeader(out.headers, "Content-Range"));
        QVERIFY(!hasHeader(out.headers, "Content-Length"));
        const QByteArray type = out.header("Content-Type");
        const QByteArray prefix = "multipart/byteranges; boundary=";
        QVERIFY2(type.startsWith(prefix), type.constData());
        const QByteArray boundary = type.mid(prefix.size());
        QVERIFY(!boundary.isEmpty());

        QList<Part> parts;
        QVERIFY2(parseMultipart(out.body, boundary, &parts), out.body.constData());
        QCOMPARE(parts.size(), 3);
        const QByteArrayList ranges{"bytes 0-1/10", "bytes 4-6/10", "bytes 8-9/10"};
        const QByteArrayList bytes{"01", "456", "89"};
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(headerValue(parts[i].headers, "Content-Range"), ranges[i]);
            QCOMPARE(headerValue(parts[i].headers, "Content-Type"), QByteArray("text/plain"));
            QCOMPARE(parts[i].headers.size(), 2);
            QCOMPARE(parts[i].body, bytes[i]);
        }
    }

    void rangesLargerThanTheBodyAreIgnored_data()
    {
        QTest::addColumn<QByteArray>("range");
        QTest::newRow("overlapping ranges sum to 12 of 10") << QByteArray("bytes=0-5,3-8");
        QTest::newRow("whole body twice") << QByteArray("bytes=0-,-10");
        QTest::newRow("bytes= with no range") << QByteArray("bytes=");
    }

    void rangesLargerThanTheBodyAreIgnored()
    {
        QFETCH(QByteArray, range);
        const HttpResponse in = original();
        const HttpResponse out = applyConditionalAndRange(request("GET", {{"Range", range}}), in);
        QCOMPARE(out.status, 200);
        QCOMPARE(out.body, kBody);
        QCOMPARE(out.headers, in.headers);
    }

    void unsatisfiableRanges_data()
    {
        QTest::addColumn<QByteArray>("range");
        QTest::addColumn<QByteArray>("contentRange"); // "" = must be absent
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("unit other than bytes")
            << QByteArray("items=0-1") << QByteArray() << QByteArray("invalid range\n");
        QTest::newRow("bytes=9-5") << QByteArray("bytes=9-5") << QByteArray() << QByteArray("invalid range\n");
        QTest::newRow("bytes=a-b") << QByteArray("bytes=a-b") << QByteArray() << QByteArray("invalid range\n");
        QTest::newRow("start beyond the end") << QByteArray("bytes=10-20") << QByteArray("bytes */10")
                                              << QByteArray("invalid range: failed to overlap\n");
        QTest::newRow("every start beyond the end") << QByteArray("bytes=10-,99-100") << QByteArray("bytes */10")
                                                    << QByteArray("invalid range: failed to overlap\n");
    }

    void unsatisfiableRanges()
    {
        QFETCH(QByteArray, range);
        QFETCH(QByteArray, contentRange);
        QFETCH(QByteArray, body);
        const HttpResponse out = applyConditionalAndRange(request("GET", {{"Range", range}}), original());
        QCOMPARE(out.status, 416);
        QCOMPARE(out.body, body);
        QCOMPARE(out.header("Content-Type"), QByteArray("text/plain; charset=utf-8"));
        QCOMPARE(hasHeader(out.headers, "Content-Range"), !contentRange.isEmpty());
        QCOMPARE(out.header("Content-Range"), contentRange);
        // The object's entity headers do not describe this text.
        for (const char *gone : {"Content-Length", "Content-Encoding", "ETag", "Last-Modified"})
            QVERIFY2(!hasHeader(out.headers, gone), gone);
        QCOMPARE(out.header("X-Amz-Meta-Public-Width"), QByteArray("10"));
    }

    void emptyBodyIgnoresRange()
    {
        // Go: "If the file is empty, ignore the range header" -> 200, not 416.
        HttpResponse empty(200, QByteArray(), "text/plain");
        const HttpResponse out = applyConditionalAndRange(request("GET", {{"Range", "bytes=0-"}}), empty);
        QCOMPARE(out.status, 200);
        QCOMPARE(out.body, QByteArray());
        // A syntactically invalid range is still refused.
        QCOMPARE(applyConditionalAndRange(request("GET", {{"Range", "bytes=x"}}), empty).status, 416);
    }

    void rangeIgnoredForOtherMethods()
    {
        const HttpResponse out = applyConditionalAndRange(request("POST", {{"Range", "bytes=0-1"}}), original());
        QCOMPARE(out.status, 200);
        QCOMPARE(out.body, kBody);
    }

    void ifRange_data()
    {
        QTest::addColumn<QByteArray>("etag");
        QTest::addColumn<QByteArray>("ifRange");
        QTest::addColumn<int>("status");
        QTest::newRow("matching strong ETag -> 206") << QByteArray("\"v1\"") << QByteArray("\"v1\"") << 206;
        QTest::newRow("other ETag -> 200 full") << QByteArray("\"v1\"") << QByteArray("\"v2\"") << 200;
        QTest::newRow("weak ETag never current -> 200") << QByteArray("W/\"v1\"") << QByteArray("W/\"v1\"") << 200;
        QTest::newRow("unquoted ETag never current -> 200") << QByteArray("v1") << QByteArray("v1") << 200;
        QTest::newRow("same date -> 206") << QByteArray("\"v1\"") << kLastModified << 206;
        QTest::newRow("other date -> 200")
            << QByteArray("\"v1\"") << QByteArray("Sun, 06 Nov 1994 08:49:38 GMT") << 200;
        QTest::newRow("garbage -> 200") << QByteArray("\"v1\"") << QByteArray("tomorrow") << 200;
    }

    void ifRange()
    {
        QFETCH(QByteArray, etag);
        QFETCH(QByteArray, ifRange);
        QFETCH(int, status);
        const HttpResponse out =
            applyConditionalAndRange(request("GET", {{"Range", "bytes=2-3"}, {"If-Range", ifRange}}), original(etag));
        QCOMPARE(out.status, status);
        QCOMPARE(out.body, status == 206 ? QByteArray("23") : kBody);
        QCOMPARE(out.header("Content-Range"), status == 206 ? QByteArray("bytes 2-3/10") : QByteArray());
    }

    void conditionalBeforeRange()
    {
        // A satisfied If-None-Match answers 304 even with a Range.
        const HttpResponse out =
            applyConditionalAndRange(request("GET", {{"Range", "bytes=0-1"}, {"If-None-Match", "\"v1\""}}), original());
        QCOMPARE(out.status, 304);
        QVERIFY(!hasHeader(out.headers, "Content-Range"));
    }
};

QTEST_GUILESS_MAIN(TestConditionalResponse)
#include "tst_conditionalresponse.moc"
