#include "http/conditionalresponse.h"

#include "core/httpdate.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTimeZone>

namespace mort {

namespace {

QByteArrayView trimmedView(QByteArrayView s)
{
    while (!s.isEmpty() && (s.front() == ' ' || s.front() == '\t'))
        s = s.sliced(1);
    while (!s.isEmpty() && (s.back() == ' ' || s.back() == '\t'))
        s.chop(1);
    return s;
}

// Go's scanETag: the leading `"…"` or `W/"…"` of `s` (commas allowed inside
// the quotes), or empty when `s` does not start with a well-formed tag.
QByteArrayView scanETag(QByteArrayView s, QByteArrayView *remain)
{
    s = trimmedView(s);
    const qsizetype start = s.startsWith("W/") ? 2 : 0;
    if (s.size() - start < 2 || s[start] != '"')
        return {};
    for (qsizetype i = start + 1; i < s.size(); ++i) {
        const uchar c = uchar(s[i]);
        if (c == '"') {
            *remain = s.sliced(i + 1);
            return s.first(i + 1);
        }
        if (!(c == 0x21 || (c >= 0x23 && c <= 0x7E) || c >= 0x80))
            return {};
    }
    return {};
}

// Go's If-Match / If-None-Match list walk: true on `*` or on a tag that
// `match`es; the walk stops (no match) at the first malformed tag.
template<typename Match>
bool etagListMatches(QByteArrayView list, Match match)
{
    for (;;) {
        list = trimmedView(list);
        if (list.isEmpty())
            return false;
        if (list.front() == ',') {
            list = list.sliced(1);
            continue;
        }
        if (list.front() == '*')
            return true;
        QByteArrayView remain;
        const QByteArrayView tag = scanETag(list, &remain);
        if (tag.isEmpty())
            return false;
        if (match(tag))
            return true;
        list = remain;
    }
}

bool isQuoted(QByteArrayView tag)
{
    return tag.size() >= 2 && tag.front() == '"' && tag.back() == '"';
}
QByteArrayView opaque(QByteArrayView tag)
{
    return tag.startsWith("W/") ? tag.sliced(2) : tag;
}

// Unquoted ETags (Mort's generated images) never match, as in Go.
bool strongMatch(QByteArrayView a, QByteArrayView b)
{
    return isQuoted(a) && isQuoted(b) && !a.startsWith("W/") && !b.startsWith("W/") && a == b;
}

bool weakMatch(QByteArrayView a, QByteArrayView b)
{
    const QByteArrayView oa = opaque(a), ob = opaque(b);
    return isQuoted(oa) && isQuoted(ob) && oa == ob;
}

// The modtime ServeContent is given: Last-Modified, or now when it is missing
// (spec §5).
QDateTime lastModifiedOf(const HttpResponse &response)
{
    const QByteArray lm = response.header("Last-Modified");
    const QDateTime parsed = lm.isEmpty() ? QDateTime() : parseHttpDate(lm);
    return parsed.isValid() ? parsed : QDateTime::currentDateTimeUtc();
}

// Go's isZeroTime: the Unix epoch disables date preconditions.
bool isZeroTime(const QDateTime &t)
{
    return t.toSecsSinceEpoch() == 0;
}

HttpResponse bareStatus(const HttpResponse &from, int status)
{
    HttpResponse r;
    r.status = status;
    r.headers = from.headers;
    removeHeader(r.headers, "Content-Type");
    removeHeader(r.headers, "Content-Length");
    removeHeader(r.headers, "Content-Encoding");
    if (status == 304 && hasHeader(r.headers, "ETag"))
        removeHeader(r.headers, "Last-Modified");
    return r;
}

HttpResponse rangeError(const HttpResponse &from, qint64 size, bool noOverlap)
{
    HttpResponse r(416, noOverlap ? "invalid range: failed to overlap\n" : "invalid range\n",
                   "text/plain; charset=utf-8");
    for (const auto &h : from.headers) {
        if (h.first.compare("Content-Type", Qt::CaseInsensitive) != 0
            && h.first.compare("Content-Length", Qt::CaseInsensitive) != 0
            && h.first.compare("Content-Encoding", Qt::CaseInsensitive) != 0 // the body is our plain text
            && h.first.compare("ETag", Qt::CaseInsensitive) != 0
            && h.first.compare("Last-Modified", Qt::CaseInsensitive) != 0)
            r.headers.append(h);
    }
    if (noOverlap)
        r.setHeader("Content-Range", "bytes */" + QByteArray::number(size));
    return r;
}

QByteArray contentRange(const ByteRange &r, qint64 size)
{
    return "bytes " + QByteArray::number(r.start) + '-' + QByteArray::number(r.start + r.length - 1) + '/'
        + QByteArray::number(size);
}

} // namespace

bool isConditionalOrRange(const HttpRequest &request)
{
    static const char *names[] = {"Range",         "If-Range",          "If-Match",
                                  "If-None-Match", "If-Modified-Since", "If-Unmodified-Since"};
    for (const char *name : names) {
        if (hasHeader(request.headers, name))
            return true;
    }
    return false;
}

RangeParse parseRangeHeader(const QByteArray &header, qint64 size, QList<ByteRange> *out)
{
    out->clear();
    // As Go, an invalid header yields no ranges at all, not the ones before it.
    const auto invalid = [out] {
        out->clear();
        return RangeParse::Invalid;
    };
    const QByteArray prefix = "bytes=";
    if (!header.startsWith(prefix))
        return invalid();
    bool noOverlap = false;
    for (const QByteArray &raw : header.mid(prefix.size()).split(',')) {
        const QByteArray spec = raw.trimmed();
        if (spec.isEmpty())
            continue;
        const qsizetype dash = spec.indexOf('-');
        if (dash < 0)
            return invalid();
        const QByteArray startText = spec.left(dash).trimmed();
        const QByteArray endText = spec.mid(dash + 1).trimmed();
        ByteRange r;
        bool ok = false;
        if (startText.isEmpty()) {
            // Suffix range "-n": the last n bytes.
            if (endText.isEmpty() || endText.startsWith('-'))
                return invalid();
            qint64 n = endText.toLongLong(&ok);
            if (!ok || n < 0)
                return invalid();
            if (n == 0 || size == 0) {
                noOverlap = true; // RFC 9110 §14.1.3: a zero suffix selects nothing (416, not an empty 206)
                continue;
            }
            n = std::min(n, size);
            r.start = size - n;
            r.length = size - r.start;
        } else {
            const qint64 start = startText.toLongLong(&ok);
            if (!ok || start < 0)
                return invalid();
            if (start >= size) {
                noOverlap = true; // as Go: skipped, 416 only if nothing overlaps
                continue;
            }
            r.start = start;
            if (endText.isEmpty()) {
                r.length = size - start;
            } else {
                qint64 end = endText.toLongLong(&ok);
                if (!ok || start > end)
                    return invalid();
                end = std::min(end, size - 1);
                r.length = end - start + 1;
            }
        }
        out->append(r);
    }
    if (noOverlap && out->isEmpty())
        return RangeParse::NoOverlap;
    return RangeParse::Ok;
}

HttpResponse applyConditionalAndRange(const HttpRequest &request, HttpResponse response)
{
    if (response.status != 200)
        return response;
    const QByteArray etag = response.header("ETag");
    const QDateTime modified = lastModifiedOf(response);
    const bool getOrHead = request.method == "GET" || request.method == "HEAD";

    // 1. If-Match, else If-Unmodified-Since.
    const QByteArray ifMatch = request.header("If-Match");
    if (!ifMatch.isEmpty()) {
        if (!etagListMatches(ifMatch, [&](QByteArrayView tag) { return strongMatch(tag, etag); }))
            return bareStatus(response, 412);
    } else if (const QByteArray ius = request.header("If-Unmodified-Since"); !ius.isEmpty() && !isZeroTime(modified)) {
        const QDateTime since = parseHttpDate(ius);
        if (since.isValid() && modified.toSecsSinceEpoch() > since.toSecsSinceEpoch())
            return bareStatus(response, 412);
    }

    // 2. If-None-Match, else If-Modified-Since (GET/HEAD only).
    const QByteArray ifNoneMatch = request.header("If-None-Match");
    if (!ifNoneMatch.isEmpty()) {
        if (etagListMatches(ifNoneMatch, [&](QByteArrayView tag) { return weakMatch(tag, etag); }))
            return bareStatus(response, getOrHead ? 304 : 412);
    } else if (const QByteArray ims = request.header("If-Modified-Since");
               !ims.isEmpty() && getOrHead && !isZeroTime(modified)) {
        const QDateTime since = parseHttpDate(ims);
        if (since.isValid() && modified.toSecsSinceEpoch() <= since.toSecsSinceEpoch())
            return bareStatus(response, 304);
    }

    // 3. Range, unless If-Range says the representation changed.
    const QByteArray range = request.header("Range");
    if (range.isEmpty() || !getOrHead)
        return response;
    if (const QByteArray ifRange = request.header("If-Range"); !ifRange.isEmpty()) {
        QByteArrayView remain;
        bool current = false;
        if (const QByteArrayView tag = scanETag(ifRange, &remain); !tag.isEmpty())
            current = strongMatch(tag, etag);
        else if (const QDateTime d = parseHttpDate(ifRange); d.isValid())
            current = d.toSecsSinceEpoch() == modified.toSecsSinceEpoch();
        if (!current)
            return response;
    }
    const qint64 size = response.body.size();
    QList<ByteRange> ranges;
    switch (parseRangeHeader(range, size, &ranges)) {
    case RangeParse::Invalid: return rangeError(response, size, false);
    case RangeParse::NoOverlap:
        if (size == 0)
            return response; // Go: an empty body ignores the Range (200, not 416)
        return rangeError(response, size, true);
    case RangeParse::Ok: break;
    }
    qint64 total = 0;
    for (const ByteRange &r : ranges)
        total += r.length;
    if (ranges.isEmpty() || total > size)
        return response; // Go ignores ranges that ask for more than the whole

    HttpResponse partial;
    partial.status = 206;
    partial.headers = response.headers;
    removeHeader(partial.headers, "Content-Length"); // the full size; the transport counts the part
    if (ranges.size() == 1) {
        partial.body = response.body.mid(ranges.first().start, ranges.first().length);
        partial.setHeader("Content-Range", contentRange(ranges.first(), size));
        return partial;
    }
    const QByteArray boundary = QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    const QByteArray type = response.header("Content-Type");
    QByteArray body;
    for (const ByteRange &r : ranges) {
        body += "--" + boundary + "\r\n";
        if (!type.isEmpty())
            body += "Content-Type: " + type + "\r\n";
        body += "Content-Range: " + contentRange(r, size) + "\r\n\r\n";
        body += QByteArrayView(response.body).sliced(r.start, r.length);
        body += "\r\n";
    }
    body += "--" + boundary + "--\r\n";
    partial.body = body;
    partial.setHeader("Content-Type", "multipart/byteranges; boundary=" + boundary);
    return partial;
}

HttpResponse applyConditionalAndRangeToStream(const HttpRequest &request, HttpResponse head, qint64 size,
                                              ByteRange *range)
{
    *range = ByteRange{0, size};
    HttpRequest withoutRange = request;
    removeHeader(withoutRange.headers, "Range");
    removeHeader(withoutRange.headers, "If-Range");
    HttpResponse checked = applyConditionalAndRange(withoutRange, std::move(head)); // no body: preconditions only
    const QByteArray rangeHeader = request.header("Range");
    const bool getOrHead = request.method == "GET" || request.method == "HEAD";
    if (checked.status != 200 || rangeHeader.isEmpty() || !getOrHead || hasHeader(request.headers, "If-Range")
        || size == 0)
        return checked;
    QList<ByteRange> ranges;
    switch (parseRangeHeader(rangeHeader, size, &ranges)) {
    case RangeParse::Invalid: return rangeError(checked, size, false);
    case RangeParse::NoOverlap: return rangeError(checked, size, true);
    case RangeParse::Ok: break;
    }
    if (ranges.size() != 1)
        return checked;
    *range = ranges.first();
    checked.status = 206;
    checked.setHeader("Content-Range", contentRange(*range, size));
    return checked;
}

} // namespace mort
