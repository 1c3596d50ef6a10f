#pragma once
// A raw TCP client for the framing battery: sends exact bytes, reads back
// everything the server says until it closes or falls silent, and splits it
// into responses (status line, headers, Content-Length body) so a test can
// assert the exact sequence: which statuses, in which order, and whether the
// connection was closed. Blocking: the engine runs on its own threads.
#include "http/httpmessage.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTcpSocket>

namespace mort::test {

struct WireResponse
{
    int status = 0;
    HttpHeaders headers;
    QByteArray body;
    QByteArray header(QByteArrayView name) const { return headerValue(headers, name); }
};

struct WireResult
{
    QList<WireResponse> responses;
    bool closed = false; // the server closed the connection
    QByteArray unparsed; // bytes that are not a whole response (must stay empty)
    QList<int> statuses() const
    {
        QList<int> out;
        for (const WireResponse &r : responses)
            out.append(r.status);
        return out;
    }
};

// Takes the complete responses off the front of `buffer`.
inline QList<WireResponse> takeResponses(QByteArray &buffer, bool keepBodies = true)
{
    QList<WireResponse> out;
    qsizetype at = 0;
    for (;;) {
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n", at);
        if (headEnd < 0 || !QByteArrayView(buffer).sliced(at).startsWith("HTTP/1.1 "))
            break;
        WireResponse r;
        const QList<QByteArray> lines = buffer.mid(at, headEnd - at).split('\n');
        r.status = lines.first().mid(9, 3).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                r.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
        }
        // 1xx and 204/304 have no body; our other responses all carry Content-Length.
        const qint64 length =
            (r.status < 200 || r.status == 204 || r.status == 304) ? 0 : r.header("Content-Length").toLongLong();
        if (buffer.size() < headEnd + 4 + length)
            break;
        if (keepBodies)
            r.body = buffer.mid(headEnd + 4, length);
        at = headEnd + 4 + length;
        out.append(std::move(r));
    }
    buffer.remove(0, at);
    return out;
}

// Sockets this process has open (listeners and connections, server side
// included: the engine runs in-process).
inline int openSockets()
{
    int n = 0;
    for (const QFileInfo &fd : QDir(QStringLiteral("/proc/self/fd")).entryInfoList(QDir::Files | QDir::System))
        n += fd.symLinkTarget().contains(QLatin1String("socket:")) ? 1 : 0;
    return n;
}

class RawWire
{
public:
    explicit RawWire(const QString &address)
    {
        const qsizetype colon = address.lastIndexOf(QLatin1Char(':'));
        m_socket.connectToHost(address.left(colon), address.mid(colon + 1).toUShort());
        m_socket.waitForConnected(5000);
    }

    bool connected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.waitForBytesWritten(5000);
    }

    // Everything the server said on this connection so far: reads until it
    // closes, `expected` responses are complete and it stays silent for
    // `quietMs`, or `timeoutMs` passes. With keepBodies false only the heads
    // are kept (10,000 bodies would weigh on the RSS being measured).
    WireResult readAll(int expected = -1, int quietMs = 300, int timeoutMs = 20000, bool keepBodies = true)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            if (m_socket.bytesToWrite() > 0)
                m_socket.waitForBytesWritten(10);
            const bool more = m_socket.waitForReadyRead(quietMs);
            m_buffer += m_socket.readAll();
            m_result.responses += takeResponses(m_buffer, keepBodies);
            if (m_socket.state() != QAbstractSocket::ConnectedState) {
                m_result.closed = true;
                break;
            }
            if (!more && (expected < 0 || m_result.responses.size() >= expected))
                break;
        }
        m_result.unparsed = m_buffer;
        return m_result;
    }

    QTcpSocket &socket() { return m_socket; }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer; // received, not yet a whole response
    WireResult m_result;
};

} // namespace mort::test
