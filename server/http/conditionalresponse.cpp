#include "http/conditionalresponse.h"

#include <QDateTime>
#include <QLocale>
#include <QRandomGenerator>
#include <QTimeZone>

namespace mort {

namespace {

QDateTime parseHttpDate(const QByteArray &value)
{
    const QString s = QString::fromLatin1(value).trimmed();
    // RFC 7231 IMF-fixdate, plus the two obsolete forms clients still send.
    static const char *formats[] = {"ddd, dd MMM yyyy hh:mm:ss 'GMT'", "dddd, dd-MMM-yy hh:mm:ss 'GMT'",
                                    "ddd MMM d hh:mm:ss yyyy"};
    for (const char *format : formats) {
        QDateTime dt = QLocale::c().toDateTime(s, QString::fromLatin1(format));
        if (dt.isValid()) {
            dt.setTimeSpec(Qt::UTC);
            return dt;
        }
    }
    return {};
}

// Splits an entity-tag list ("a", W/"b", *) into tags as written.
QList<QByteArray> entityTags(const QByteArray &list)
{
    QList<QByteArray> tags;
    for (const QByteArray &part : list.split(',')) {
        const QByteArray t = part.trimmed();
        if (!t.isEmpty())
            tags.append(t);
    }
    return tags;
}

bool isQuoted(QByteArrayView tag) { return tag.size() >= 2 && tag.front() == '"' && tag.back() == '"'; }
QByteArrayView opaque(QByteArrayView tag) { return tag.startsWith("W/") ? tag.sliced(2) : tag; }

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

QDateTime lastModifiedOf(const HttpResponse &response)
{
    const QByteArray lm = response.header("Last-Modified");
    return lm.isEmpty() ? QDateTime() : parseHttpDate(lm);
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
    static const char *names[] = {"Range", "If-Range", "If-Match", "If-None-Match", "If-Modified-Since",
                                  "If-Unmodified-Since"};
    for (const char *name : names) {
        if (hasHeader(request.headers, name))
            return true;
    }
    return false;
}

RangeParse parseRangeHeader(const QByteArray &header, qint64 size, QList<ByteRange> *out)
{
    out->clear();
    const QByteArray prefix = "bytes=";
    if (!header.startsWith(prefix))
        return RangeParse::Invalid;
    bool noOverlap = false;
    for (const QByteArray &raw : header.mid(prefix.size()).split(',')) {
        const QByteArray spec = raw.trimmed();
        if (spec.isEmpty())
            continue;
        const qsizetype dash = spec.indexOf('-');
        if (dash < 0)
            return RangeParse::Invalid;
        const QByteArray startText = spec.left(dash).trimmed();
        const QByteArray endText = spec.mid(dash + 1).trimmed();
        ByteRange r;
        bool ok = false;
        if (startText.isEmpty()) {
            // Suffix range "-n": the last n bytes.
            if (endText.isEmpty() || endText.startsWith('-'))
                return RangeParse::Invalid;
            qint64 n = endText.toLongLong(&ok);
            if (!ok || n < 0)
                return RangeParse::Invalid;
            n = std::min(n, size);
            r.start = size - n;
            r.length = size - r.start;
        } else {
            const qint64 start = startText.toLongLong(&ok);
            if (!ok || start < 0)
                return RangeParse::Invalid;
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
                    return RangeParse::Invalid;
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
        bool matched = false;
        for (const QByteArray &tag : entityTags(ifMatch))
            matched = matched || tag == "*" || strongMatch(tag, etag);
        if (!matched)
            return bareStatus(response, 412);
    } else if (const QByteArray ius = request.header("If-Unmodified-Since"); !ius.isEmpty() && modified.isValid()) {
        const QDateTime since = parseHttpDate(ius);
        if (since.isValid() && modified.toSecsSinceEpoch() > since.toSecsSinceEpoch())
            return bareStatus(response, 412);
    }

    // 2. If-None-Match, else If-Modified-Since (GET/HEAD only).
    const QByteArray ifNoneMatch = request.header("If-None-Match");
    if (!ifNoneMatch.isEmpty()) {
        bool matched = false;
        for (const QByteArray &tag : entityTags(ifNoneMatch))
            matched = matched || tag == "*" || weakMatch(tag, etag);
        if (matched)
            return bareStatus(response, getOrHead ? 304 : 412);
    } else if (const QByteArray ims = request.header("If-Modified-Since"); !ims.isEmpty() && getOrHead) {
        const QDateTime since = parseHttpDate(ims);
        const QDateTime mod = modified.isValid() ? modified : QDateTime::currentDateTimeUtc();
        if (since.isValid() && mod.toSecsSinceEpoch() <= since.toSecsSinceEpoch())
            return bareStatus(response, 304);
    }

    // 3. Range, unless If-Range says the representation changed.
    const QByteArray range = request.header("Range");
    if (range.isEmpty() || !getOrHead)
        return response;
    if (const QByteArray ifRange = request.header("If-Range"); !ifRange.isEmpty()) {
        bool current = false;
        if (ifRange.startsWith('"') || ifRange.startsWith("W/"))
            current = strongMatch(ifRange, etag);
        else if (const QDateTime d = parseHttpDate(ifRange); d.isValid() && modified.isValid())
            current = d.toSecsSinceEpoch() == modified.toSecsSinceEpoch();
        if (!current)
            return response;
    }
    const qint64 size = response.body.size();
    QList<ByteRange> ranges;
    switch (parseRangeHeader(range, size, &ranges)) {
    case RangeParse::Invalid: return rangeError(response, size, false);
    case RangeParse::NoOverlap: return rangeError(response, size, true);
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

} // namespace mort
