#pragma once
// The one HTTP/1.1 request parser of the server (RFC 9112), used on every
// listener. Strict on purpose: every framing question has exactly one answer
// here, and anything ambiguous (Content-Length with Transfer-Encoding, a
// coding other than a final "chunked", malformed field lines, bad chunk
// sizes, missing or repeated Host) is an error that ends the connection, so
// no other component can read the same bytes differently (request smuggling).
// See server/http/README.md for why there is no second parser.
//
// Incremental: append() bytes as they arrive, then call next() until it says
// NeedMore. Each byte is examined once; the parser holds at most one request
// head (bounded by maxHeaderBytes) plus the body of the current request
// (bounded by maxBodyBytes). No sockets, no Qt event loop: it is unit-tested
// and fuzzed on its own.
#include "http/httpmessage.h"

#include <QByteArray>

#include <functional>
#include <optional>

namespace mort {

struct RequestHead
{
    QByteArray method;   // case-sensitive token as sent ("GET")
    QByteArray path;     // undecoded path of the origin-form target ("/a%20b")
    QByteArray rawQuery; // undecoded query, without '?'
    HttpHeaders headers; // names as sent, values without surrounding whitespace
    bool http10 = false;
    bool keepAlive = true;       // after this request (Connection, version)
    bool expectContinue = false; // the client waits for "100 Continue" before the body
    bool chunked = false;
    qint64 contentLength = 0; // 0 when chunked or absent
};

// Where one request's body goes, decided once its head is parsed (see
// RequestParser::setBodyRouter): uploads are written to a sink as they
// arrive instead of being held in memory.
struct BodyRoute
{
    qint64 maxBodyBytes = -1; // -1: Limits::maxBodyBytes; never above it (a route may only lower it)
    // Set: every body byte goes here (takeBody() stays empty); false from it
    // fails the request with 500.
    std::function<bool(QByteArrayView)> sink;
};

class RequestParser
{
public:
    struct Limits
    {
        qint64 maxHeaderBytes = 16 * 1024; // request line + fields (+ trailer fields)
        qint64 maxBodyBytes = 64LL << 20;
        qint64 maxTargetBytes = 8 * 1024; // longer request-target -> 414
        int maxHeaderCount = 100;         // more field lines -> 431
    };

    enum class Event {
        NeedMore,        // append more bytes
        HeadReady,       // head() is valid; the body (if any) follows
        MessageComplete, // takeBody() holds the whole body; the next request may follow
        Failed,          // errorStatus()/errorReason(); close the connection after answering
    };

    explicit RequestParser(Limits limits) : m_limits(limits) {}

    void append(QByteArrayView bytes);
    Event next();

    // Called for every head whose framing is known and whose announced
    // Content-Length is within Limits::maxBodyBytes (a larger one fails with
    // 413 first, unrouted): the route's limit (at most Limits::maxBodyBytes)
    // and sink hold for that body only.
    using BodyRouter = std::function<BodyRoute(const RequestHead &)>;
    void setBodyRouter(BodyRouter router) { m_router = std::move(router); }

    const RequestHead &head() const { return m_head; }
    QByteArray takeBody();
    // Body bytes received since the last call (chunked bodies announce no
    // length; the caller reserves memory for them as they come).
    qint64 takeNewBodyBytes();

    int errorStatus() const { return m_errorStatus; }
    const QByteArray &errorReason() const { return m_errorReason; }

    // Between requests with nothing buffered: no request is being received.
    bool idle() const { return m_state == State::Head && m_buffer.size() == m_pos; }
    bool receivingBody() const
    {
        return m_state != State::Head && m_state != State::NoBody && m_state != State::Failed;
    }
    // Unparsed bytes held (bounded: the caller stops reading while they wait).
    qsizetype bufferedBytes() const { return m_buffer.size() - m_pos; }

private:
    enum class State { Head, NoBody, FixedBody, ChunkSize, ChunkData, ChunkDataEnd, Trailers, Failed };

    Event fail(int status, const char *reason);
    Event parseHead();
    Event finishHead(QByteArrayView headBytes);
    // Consume one line; std::nullopt: go on parsing.
    std::optional<Event> parseChunkSize();
    std::optional<Event> parseTrailers();
    Event completeMessage();
    // Finds the end of the line starting at m_pos (index of its CR), checking
    // that every LF follows a CR; -1 when more bytes are needed, -2 on a bare
    // CR or LF.
    qsizetype findLineEnd(qsizetype from);
    void compact();

    Limits m_limits;
    State m_state = State::Head;
    QByteArray m_buffer;
    qsizetype m_pos = 0;       // first unparsed byte
    qsizetype m_scan = 0;      // how far the line being received was checked
    qsizetype m_lineStart = 0; // start of the head line being received
    int m_emptyLinesSkipped = 0;
    RequestHead m_head;
    QByteArray m_body;
    BodyRouter m_router;
    BodyRoute m_route;      // of the request being received
    qint64 m_bodyLimit = 0; // of the request being received
    qint64 m_bodyBytes = 0; // received so far
    qint64 m_remaining = 0; // of the fixed body or the current chunk
    qint64 m_newBodyBytes = 0;
    qint64 m_trailerBytes = 0;
    int m_errorStatus = 0;
    QByteArray m_errorReason;
};

} // namespace mort
