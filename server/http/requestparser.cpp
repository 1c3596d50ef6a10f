#include "http/requestparser.h"

#include "core/hexdigit.h"
#include "http/httptoken.h"

#include <algorithm>
#include <utility>

namespace mort {

namespace {

// RFC 9112 §2.2: a server SHOULD ignore at least one empty line before a
// request. A few are tolerated; a stream of them is not a request.
constexpr int kMaxEmptyLinesBeforeRequest = 4;
// chunk-size line with its extensions (which we accept and ignore).
constexpr qsizetype kMaxChunkSizeLine = 1024;

bool isFieldValueChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u == '\t' || (u >= 0x20 && u != 0x7f); // VCHAR, SP, HTAB, obs-text
}

bool isOws(char c)
{
    return c == ' ' || c == '\t';
}

QByteArrayView trimOws(QByteArrayView text)
{
    while (!text.isEmpty() && isOws(text.front()))
        text = text.sliced(1);
    while (!text.isEmpty() && isOws(text.back()))
        text.chop(1);
    return text;
}

bool equalsIgnoringCase(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

// The comma-separated pieces of a field value, each without surrounding
// whitespace, empty pieces included.
QList<QByteArrayView> commaSeparated(QByteArrayView value)
{
    QList<QByteArrayView> out;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= value.size(); ++i) {
        if (i == value.size() || value[i] == ',') {
            out.append(trimOws(value.sliced(start, i - start)));
            start = i + 1;
        }
    }
    return out;
}

// List elements of a field value (RFC 9110 §5.6.1: empty elements are ignored).
QList<QByteArrayView> listElements(QByteArrayView value)
{
    QList<QByteArrayView> out;
    for (const QByteArrayView element : commaSeparated(value)) {
        if (!element.isEmpty())
            out.append(element);
    }
    return out;
}

// chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] ),
// names are tokens, values tokens or quoted strings (RFC 9112 §7.1.1).
bool isValidChunkExtension(QByteArrayView text)
{
    qsizetype i = 0;
    const auto skipWhitespace = [&] {
        while (i < text.size() && isOws(text[i]))
            ++i;
    };
    const auto token = [&] {
        const qsizetype start = i;
        while (i < text.size() && isHttpTokenChar(text[i]))
            ++i;
        return i > start;
    };
    for (;;) {
        const qsizetype before = i;
        skipWhitespace();
        if (i == text.size())
            return i == before; // whitespace only before a ';', never at the end
        if (text[i++] != ';')
            return false;
        skipWhitespace();
        if (!token())
            return false;
        const qsizetype afterName = i;
        skipWhitespace();
        if (i == text.size() || text[i] != '=') {
            i = afterName; // whitespace counts only before '=' or ';'
            continue;
        }
        ++i;
        skipWhitespace();
        if (i < text.size() && text[i] == '"') {
            for (++i;; ++i) {
                if (i >= text.size())
                    return false;
                const auto u = static_cast<unsigned char>(text[i]);
                if (u == '"')
                    break;
                if (u == '\\' && ++i >= text.size())
                    return false;
                if (!isFieldValueChar(text[i]))
                    return false;
            }
            ++i;
        } else if (!token()) {
            return false;
        }
    }
}

} // namespace

void RequestParser::append(QByteArrayView bytes)
{
    if (m_state == State::Failed)
        return;
    // Drop what is parsed before the buffer grows again (bounded memmove).
    if (m_pos > 0 && (m_pos == m_buffer.size() || m_pos >= 64 * 1024))
        compact();
    m_buffer.append(bytes);
}

void RequestParser::compact()
{
    m_buffer.remove(0, m_pos);
    m_scan -= m_pos;
    m_lineStart -= m_pos;
    m_pos = 0;
}

QByteArray RequestParser::takeBody()
{
    return std::exchange(m_body, QByteArray());
}

qint64 RequestParser::takeNewBodyBytes()
{
    return std::exchange(m_newBodyBytes, 0);
}

RequestParser::Event RequestParser::fail(int status, const char *reason)
{
    m_state = State::Failed;
    m_errorStatus = status;
    m_errorReason = reason;
    m_buffer.clear();
    m_body.clear();
    m_route = BodyRoute();
    m_pos = m_scan = m_lineStart = 0;
    return Event::Failed;
}

RequestParser::Event RequestParser::next()
{
    for (;;) {
        switch (m_state) {
        case State::Failed: return Event::Failed;
        case State::Head: return parseHead();
        case State::NoBody: return completeMessage();
        case State::FixedBody:
        case State::ChunkData: {
            const qint64 n = std::min<qint64>(m_remaining, bufferedBytes());
            if (n == 0 && m_remaining > 0)
                return Event::NeedMore;
            if (m_route.sink) {
                if (n > 0 && !m_route.sink(QByteArrayView(m_buffer.constData() + m_pos, n)))
                    return fail(500, "request body could not be stored");
            } else {
                if (m_body.capacity() == 0 && m_state == State::FixedBody)
                    m_body.reserve(m_head.contentLength); // the caller has reserved these bytes by now
                m_body.append(m_buffer.constData() + m_pos, n);
            }
            m_bodyBytes += n;
            m_pos += n;
            m_scan = m_pos;
            m_remaining -= n;
            m_newBodyBytes += n;
            if (m_remaining > 0)
                return Event::NeedMore;
            if (m_state == State::FixedBody)
                return completeMessage();
            m_state = State::ChunkDataEnd;
            break;
        }
        case State::ChunkDataEnd:
            if (bufferedBytes() < 2)
                return Event::NeedMore;
            if (m_buffer[m_pos] != '\r' || m_buffer[m_pos + 1] != '\n')
                return fail(400, "chunk data not followed by CRLF");
            m_pos += 2;
            m_scan = m_pos;
            m_state = State::ChunkSize;
            break;
        case State::ChunkSize:
            if (const std::optional<Event> e = parseChunkSize())
                return *e;
            break;
        case State::Trailers:
            if (const std::optional<Event> e = parseTrailers())
                return *e;
            break;
        }
    }
}

qsizetype RequestParser::findLineEnd(qsizetype from)
{
    const char *d = m_buffer.constData();
    const qsizetype end = m_buffer.size();
    for (qsizetype i = std::max(m_scan, from); i < end; ++i) {
        if (d[i] == '\r') {
            if (i + 1 == end) {
                m_scan = i; // look at this CR again once its LF may have come
                return -1;
            }
            if (d[i + 1] != '\n')
                return -2;
            return i;
        }
        if (d[i] == '\n')
            return -2; // LF without CR
    }
    m_scan = end;
    return -1;
}

RequestParser::Event RequestParser::parseHead()
{
    // Empty lines before the request line.
    while (m_lineStart == m_pos && m_scan == m_pos && bufferedBytes() >= 2 && m_buffer[m_pos] == '\r'
           && m_buffer[m_pos + 1] == '\n') {
        if (++m_emptyLinesSkipped > kMaxEmptyLinesBeforeRequest)
            return fail(400, "empty lines instead of a request");
        m_pos += 2;
        m_scan = m_lineStart = m_pos;
    }
    // Line by line up to the empty line that ends the head.
    for (;;) {
        const bool inRequestLine = m_lineStart == m_pos;
        const qsizetype cr = findLineEnd(m_lineStart);
        const qsizetype received = m_buffer.size() - m_pos;
        if (cr == -2)
            return fail(400, "bare CR or LF in the request head");
        if (cr == -1) {
            // A request line past either limit is a too-long target, not a too-large head.
            if (inRequestLine && (received > m_limits.maxTargetBytes + 32 || received > m_limits.maxHeaderBytes))
                return fail(414, "request-target too long");
            if (received > m_limits.maxHeaderBytes)
                return fail(431, "request header too large");
            return Event::NeedMore;
        }
        const qsizetype lineEnd = cr + 2;
        if (lineEnd - m_pos > m_limits.maxHeaderBytes)
            return fail(inRequestLine ? 414 : 431,
                        inRequestLine ? "request-target too long" : "request header too large");
        if (cr == m_lineStart && !inRequestLine) {
            // The empty line: the head is complete.
            const QByteArrayView head(m_buffer.constData() + m_pos, cr - m_pos);
            const Event e = finishHead(head);
            if (e == Event::Failed)
                return e;
            m_pos = lineEnd;
            m_scan = m_lineStart = m_pos;
            m_emptyLinesSkipped = 0;
            return e;
        }
        m_scan = m_lineStart = lineEnd;
    }
}

RequestParser::Event RequestParser::finishHead(QByteArrayView headBytes)
{
    m_head = RequestHead();
    m_body = QByteArray();
    m_route = BodyRoute();
    m_bodyBytes = 0;
    m_bodyLimit = m_limits.maxBodyBytes;
    // headBytes ends with the last field line's CRLF.
    const qsizetype firstEnd = headBytes.indexOf("\r\n");
    const QByteArrayView requestLine = headBytes.first(firstEnd);

    // request-line = method SP request-target SP HTTP-version
    const qsizetype sp1 = requestLine.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : requestLine.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0)
        return fail(400, "malformed request line");
    const QByteArrayView method = requestLine.first(sp1);
    const QByteArrayView target = requestLine.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = requestLine.sliced(sp2 + 1);
    if (!isHttpToken(method))
        return fail(400, "malformed method");
    if (target.size() > m_limits.maxTargetBytes)
        return fail(414, "request-target too long");
    if (target.isEmpty())
        return fail(400, "empty request-target");
    for (const char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f || c == '#')
            return fail(400, "invalid character in the request-target");
    }
    if (version == "HTTP/1.1") {
        m_head.http10 = false;
    } else if (version == "HTTP/1.0") {
        m_head.http10 = true;
    } else if (version.size() == 8 && version.startsWith("HTTP/") && version[5] >= '0' && version[5] <= '9'
               && version[6] == '.' && version[7] >= '0' && version[7] <= '9') {
        return fail(505, "HTTP version not supported");
    } else {
        return fail(400, "malformed HTTP version");
    }
    m_head.method = method.toByteArray();

    // Field lines.
    int hostCount = 0;
    QByteArrayView host;
    QByteArrayView contentLength;
    bool haveContentLength = false;
    QList<QByteArrayView> codings;
    bool haveTransferEncoding = false;
    bool connectionClose = false, connectionKeepAlive = false;
    QByteArrayView expect;
    bool haveExpect = false;
    qsizetype at = firstEnd + 2;
    while (at < headBytes.size()) {
        qsizetype lineEnd = headBytes.indexOf("\r\n", at);
        if (lineEnd < 0)
            lineEnd = headBytes.size();
        const QByteArrayView line = headBytes.sliced(at, lineEnd - at);
        at = lineEnd + 2;
        if (m_head.headers.size() >= m_limits.maxHeaderCount)
            return fail(431, "too many header fields");
        if (isOws(line.front()))
            return fail(400, "obsolete line folding in a header field");
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isHttpToken(line.first(colon)))
            return fail(400, "malformed header field");
        const QByteArrayView name = line.first(colon);
        const QByteArrayView value = trimOws(line.sliced(colon + 1));
        for (const char c : value) {
            if (!isFieldValueChar(c))
                return fail(400, "control character in a header field");
        }
        m_head.headers.append({name.toByteArray(), value.toByteArray()});

        if (equalsIgnoringCase(name, "host")) {
            ++hostCount;
            host = value;
        } else if (equalsIgnoringCase(name, "content-length")) {
            // Several values (fields or list elements) must all be the same number.
            for (const QByteArrayView v : commaSeparated(value)) {
                if (v.isEmpty()) // "", "3," or ",3": not a length
                    return fail(400, "invalid Content-Length");
                for (const char c : v) {
                    if (c < '0' || c > '9')
                        return fail(400, "invalid Content-Length");
                }
                if (haveContentLength && v != contentLength)
                    return fail(400, "conflicting Content-Length values");
                contentLength = v;
                haveContentLength = true;
            }
        } else if (equalsIgnoringCase(name, "transfer-encoding")) {
            haveTransferEncoding = true;
            const QList<QByteArrayView> listed = listElements(value);
            if (listed.isEmpty())
                return fail(400, "empty Transfer-Encoding");
            codings += listed;
        } else if (equalsIgnoringCase(name, "connection")) {
            for (const QByteArrayView option : listElements(value)) {
                if (!isHttpToken(option))
                    return fail(400, "malformed Connection header");
                connectionClose |= equalsIgnoringCase(option, "close");
                connectionKeepAlive |= equalsIgnoringCase(option, "keep-alive");
            }
        } else if (equalsIgnoringCase(name, "expect")) {
            expect = value;
            haveExpect = true;
        }
    }

    // Host (RFC 9112 §3.2): exactly one on HTTP/1.1, never several.
    if (hostCount > 1 || (hostCount == 0 && !m_head.http10))
        return fail(400, hostCount > 1 ? "more than one Host header" : "missing Host header");

    // Request target: origin-form, or absolute-form naming this very Host.
    QByteArrayView originForm = target;
    if (target.front() != '/') {
        const qsizetype scheme = target.indexOf("://");
        const QByteArrayView schemeName = scheme > 0 ? target.first(scheme) : QByteArrayView();
        if (!equalsIgnoringCase(schemeName, "http") && !equalsIgnoringCase(schemeName, "https"))
            return fail(400, "request-target is not a path");
        const QByteArrayView rest = target.sliced(scheme + 3);
        qsizetype authorityEnd = 0;
        while (authorityEnd < rest.size() && rest[authorityEnd] != '/' && rest[authorityEnd] != '?')
            ++authorityEnd;
        if (!equalsIgnoringCase(rest.first(authorityEnd), host) || rest.first(authorityEnd).contains('@'))
            return fail(400, "request-target names another host");
        originForm = rest.sliced(authorityEnd);
        if (originForm.isEmpty())
            originForm = "/";
        else if (originForm.front() == '?')
            return fail(400, "request-target is not a path");
    }
    const qsizetype question = originForm.indexOf('?');
    m_head.path = (question < 0 ? originForm : originForm.first(question)).toByteArray();
    if (question >= 0)
        m_head.rawQuery = originForm.sliced(question + 1).toByteArray();

    // Framing (RFC 9112 §6): exactly one way to find the end of the body.
    if (haveTransferEncoding) {
        if (m_head.http10)
            return fail(400, "Transfer-Encoding in an HTTP/1.0 request");
        if (haveContentLength)
            return fail(400, "both Content-Length and Transfer-Encoding");
        if (codings.isEmpty() || !equalsIgnoringCase(codings.back(), "chunked"))
            return fail(400, "Transfer-Encoding does not end in chunked");
        for (qsizetype i = 0; i + 1 < codings.size(); ++i) {
            if (equalsIgnoringCase(codings.at(i), "chunked"))
                return fail(400, "chunked applied more than once");
        }
        if (codings.size() > 1) // gzip, deflate, ... before chunked: understood, not decoded here
            return fail(501, "transfer coding not implemented");
        m_head.chunked = true;
    } else if (haveContentLength) {
        // More digits than a 64 MiB limit can ever need: too large, not an overflow.
        if (contentLength.size() > 15)
            return fail(413, "request body too large");
        m_head.contentLength = contentLength.toLongLong();
    }
    const bool hasBody = m_head.chunked || m_head.contentLength > 0;

    // Expect (RFC 9110 §10.1.1): only 100-continue, and not from HTTP/1.0 clients.
    if (haveExpect && !m_head.http10) {
        if (!equalsIgnoringCase(expect, "100-continue"))
            return fail(417, "unsupported expectation");
        m_head.expectContinue = hasBody;
    }
    m_head.keepAlive = m_head.http10 ? (connectionKeepAlive && !connectionClose) : !connectionClose;

    // The transport's limit holds for every route and is applied first: a
    // body announced over it is refused before any router (handler) sees the
    // head -- no reason to authenticate a request refused anyway. A route may
    // only lower it.
    if (m_head.contentLength > m_limits.maxBodyBytes)
        return fail(413, "request body too large");
    if (m_router) {
        m_route = m_router(m_head);
        if (m_route.maxBodyBytes >= 0)
            m_bodyLimit = std::min(m_route.maxBodyBytes, m_limits.maxBodyBytes);
    }
    if (m_head.contentLength > m_bodyLimit)
        return fail(413, "request body too large");

    if (m_head.chunked) {
        m_state = State::ChunkSize;
    } else if (m_head.contentLength > 0) {
        m_state = State::FixedBody;
        m_remaining = m_head.contentLength;
    } else {
        m_state = State::NoBody;
    }
    m_trailerBytes = 0;
    return Event::HeadReady;
}

// chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF; last-chunk has size 0.
std::optional<RequestParser::Event> RequestParser::parseChunkSize()
{
    const qsizetype cr = findLineEnd(m_pos);
    if (cr == -2)
        return fail(400, "bare CR or LF in a chunk size line");
    if (cr == -1)
        return bufferedBytes() > kMaxChunkSizeLine ? fail(400, "chunk size line too long") : Event::NeedMore;
    const QByteArrayView line(m_buffer.constData() + m_pos, cr - m_pos);
    qsizetype digits = 0;
    qint64 size = 0;
    while (digits < line.size() && hexDigitValue(line[digits]) >= 0) {
        if (digits == 15) // beyond any body limit; also keeps `size` from overflowing
            return fail(413, "request body too large");
        size = size * 16 + hexDigitValue(line[digits]);
        ++digits;
    }
    if (digits == 0)
        return fail(400, "invalid chunk size");
    if (!isValidChunkExtension(line.sliced(digits)))
        return fail(400, "invalid chunk size or extension");
    if (m_bodyBytes + size > m_bodyLimit)
        return fail(413, "request body too large");
    m_pos = cr + 2;
    m_scan = m_pos;
    if (size == 0) {
        m_state = State::Trailers;
    } else {
        m_remaining = size;
        m_state = State::ChunkData;
    }
    return std::nullopt;
}

// trailer-section = *( field-line CRLF ) CRLF. Fields are checked and dropped.
std::optional<RequestParser::Event> RequestParser::parseTrailers()
{
    const qsizetype cr = findLineEnd(m_pos);
    if (cr == -2)
        return fail(400, "bare CR or LF in a trailer field");
    if (cr == -1)
        return m_trailerBytes + bufferedBytes() > m_limits.maxHeaderBytes ? fail(431, "trailer fields too large")
                                                                          : Event::NeedMore;
    const QByteArrayView line(m_buffer.constData() + m_pos, cr - m_pos);
    m_trailerBytes += line.size() + 2;
    if (m_trailerBytes > m_limits.maxHeaderBytes)
        return fail(431, "trailer fields too large");
    m_pos = cr + 2;
    m_scan = m_pos;
    if (line.isEmpty())
        return completeMessage();
    const qsizetype colon = line.indexOf(':');
    if (isOws(line.front()) || colon <= 0 || !isHttpToken(line.first(colon)))
        return fail(400, "malformed trailer field");
    // Framing, routing and control fields are never allowed after the body
    // (RFC 9110 §6.5.1): a reader that merged them could frame differently.
    static const char *const kControlFields[] = {"content-length", "transfer-encoding", "host", "connection",
                                                 "expect",         "upgrade",           "te",   "trailer",
                                                 "keep-alive"};
    const QByteArrayView name = line.first(colon);
    for (const char *field : kControlFields) {
        if (equalsIgnoringCase(name, field))
            return fail(400, "control field in the trailer section");
    }
    for (const char c : line.sliced(colon + 1)) {
        if (!isFieldValueChar(c))
            return fail(400, "control character in a trailer field");
    }
    return std::nullopt;
}

RequestParser::Event RequestParser::completeMessage()
{
    m_state = State::Head;
    m_remaining = 0;
    m_scan = m_lineStart = m_pos;
    m_route = BodyRoute(); // the sink's owner has what it wrote
    return Event::MessageComplete;
}

} // namespace mort
