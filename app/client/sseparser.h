#pragma once
// Incremental parser of a text/event-stream body (the admin API's
// /api/v1/stream): bytes arrive in arbitrary chunks, events come out whole.
// Follows the WHATWG EventSource rules the server relies on: "field: value"
// lines, "data" lines joined by '\n', a blank line dispatches, lines starting
// with ':' are comments, CRLF / LF / CR all end a line.
#include <QByteArray>
#include <QList>
#include <QString>

namespace mort {

struct SseEvent
{
    QString type = QStringLiteral("message"); // the "event:" field
    QByteArray data;
    QByteArray id;
};

class SseParser
{
public:
    // A line longer than this (or an event's data beyond it) means the peer is
    // not an event stream: the parser reports overflow instead of growing.
    static constexpr qsizetype kMaxBufferedBytes = 4 * 1024 * 1024;

    // Appends `bytes`; returns the events they completed, in order.
    QList<SseEvent> feed(const QByteArray &bytes);
    // The "retry:" value last seen, in ms (-1: none).
    int retryMs() const { return m_retryMs; }
    QByteArray lastEventId() const { return m_lastEventId; }
    bool overflowed() const { return m_overflow; }
    void reset();

private:
    void processLine(const QByteArray &line, QList<SseEvent> &out);

    QByteArray m_buffer; // bytes after the last complete line
    SseEvent m_current;
    bool m_hasData = false;
    bool m_skipLf = false; // the previous chunk ended in CR: a leading LF belongs to it
    int m_retryMs = -1;
    QByteArray m_lastEventId;
    bool m_overflow = false;
};

} // namespace mort
