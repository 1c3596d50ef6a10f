#include "client/sseparser.h"

namespace mort {

QList<SseEvent> SseParser::feed(const QByteArray &bytes)
{
    QList<SseEvent> out;
    if (m_overflow)
        return out;
    qsizetype start = 0;
    if (m_skipLf && !bytes.isEmpty() && bytes.at(0) == '\n')
        start = 1;
    m_skipLf = false;
    for (qsizetype i = start; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (c != '\n' && c != '\r')
            continue;
        m_buffer.append(bytes.constData() + start, i - start);
        processLine(m_buffer, out);
        m_buffer.clear();
        if (c == '\r') {
            if (i + 1 < bytes.size() && bytes.at(i + 1) == '\n')
                ++i;
            else if (i + 1 == bytes.size())
                m_skipLf = true;
        }
        start = i + 1;
    }
    m_buffer.append(bytes.constData() + start, bytes.size() - start);
    if (m_buffer.size() + m_current.data.size() > kMaxBufferedBytes)
        m_overflow = true;
    return out;
}

void SseParser::processLine(const QByteArray &line, QList<SseEvent> &out)
{
    if (line.isEmpty()) {
        if (m_hasData) {
            if (m_current.data.endsWith('\n'))
                m_current.data.chop(1);
            m_current.id = m_lastEventId;
            out.append(m_current);
        }
        m_current = SseEvent{};
        m_hasData = false;
        return;
    }
    if (line.startsWith(':'))
        return; // comment (keep-alive)
    const qsizetype colon = line.indexOf(':');
    const QByteArray field = colon < 0 ? line : line.left(colon);
    QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
    if (value.startsWith(' '))
        value.remove(0, 1);
    if (field == "event") {
        m_current.type = QString::fromUtf8(value);
    } else if (field == "data") {
        m_current.data += value + '\n';
        m_hasData = true;
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastEventId = value;
    } else if (field == "retry") {
        bool ok = false;
        const int ms = value.toInt(&ok);
        if (ok && ms >= 0)
            m_retryMs = ms;
    }
}

void SseParser::reset()
{
    m_buffer.clear();
    m_current = SseEvent{};
    m_hasData = false;
    m_skipLf = false;
    m_overflow = false;
    // retry and the last event id survive a reconnect, as EventSource keeps them.
}

} // namespace mort
