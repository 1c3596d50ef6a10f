// Streamed responses (HttpExchange::respondStream) against raw sockets:
// chunked framing, keep-alive after the stream, the producer's thread and
// lifetime (client leaves, server stops), HEAD, HTTP/1.0 and a slow reader.
#include "core/taskregistry.h"
#include "http/httpserver.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QUrlQuery>

#include <atomic>
#include <memory>

using namespace mort;

namespace {

// /stream?n=N&ms=M&size=S: N chunks ("chunk <i>\n", or S bytes of chunk i's
// digit when S > 0) every M ms, then the end; n=0 streams until stopped.
// /echo answers normally.
class StreamHandler : public HttpHandler
{
public:
    std::atomic<int> calls{0};
    std::atomic<QThread *> handleThread{nullptr};
    std::atomic<bool> producerOnOtherThread{false};
    // Producers alive: the transport destroying a producer takes it back to 0.
    // An atomic, not a weak_ptr: the test thread polls it while the HTTP thread writes.
    std::atomic<int> producersAlive{0};
    bool producerGone() const { return producersAlive.load() == 0; }

    void handle(const HttpExchangePtr &exchange) override
    {
        handleThread = QThread::currentThread();
        const HttpRequest &r = exchange->request();
        if (r.path != QLatin1String("/stream")) {
            exchange->respond(HttpResponse(200, "echo", "text/plain"));
            return;
        }
        const QUrlQuery q(QString::fromLatin1(r.rawQuery));
        const int n = q.queryItemValue(QStringLiteral("n")).toInt();
        const int ms = q.queryItemValue(QStringLiteral("ms")).toInt();
        const int size = q.queryItemValue(QStringLiteral("size")).toInt();
        ++producersAlive;
        auto sentinel = std::shared_ptr<void>(nullptr, [this](void *) { --producersAlive; });
        HttpResponse head(200, "ignored head body", "text/event-stream");
        exchange->respondStream(std::move(head), ms,
                                [this, n, size, sentinel, i = 0]() mutable -> std::optional<QByteArray> {
                                    calls++;
                                    if (QThread::currentThread() != handleThread.load())
                                        producerOnOtherThread = true;
                                    if (n > 0 && i >= n)
                                        return std::nullopt;
                                    ++i;
                                    if (size > 0)
                                        return QByteArray(size, char('0' + i % 10));
                                    return "chunk " + QByteArray::number(i) + '\n';
                                });
    }
};

struct Head
{
    int status = 0;
    HttpHeaders headers;
};

class Client
{
public:
    explicit Client(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_socket.waitForConnected(2000);
    }
    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.waitForBytesWritten(2000);
    }
    Head readHead(int timeoutMs = 5000)
    {
        Head h;
        qsizetype end = -1;
        QElapsedTimer t;
        t.start();
        while ((end = m_buffer.indexOf("\r\n\r\n")) < 0 && t.elapsed() < timeoutMs)
            pump(100);
        if (end < 0)
            return h;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        h.status = lines.value(0).split(' ').value(1).toInt();
        for (int i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype c = line.indexOf(':');
            h.headers.append({line.left(c), line.mid(c + 1).trimmed()});
        }
        m_buffer.remove(0, end + 4);
        return h;
    }
    // One chunk's payload; empty for the terminal chunk; std::nullopt when none arrived.
    std::optional<QByteArray> readChunk(int timeoutMs = 5000)
    {
        QElapsedTimer t;
        t.start();
        qsizetype eol = -1;
        while ((eol = m_buffer.indexOf("\r\n")) < 0 && t.elapsed() < timeoutMs)
            pump(100);
        if (eol < 0)
            return std::nullopt;
        bool ok = false;
        const qsizetype size = m_buffer.left(eol).toLongLong(&ok, 16);
        if (!ok)
            return std::nullopt;
        while (m_buffer.size() < eol + 2 + size + 2 && t.elapsed() < timeoutMs)
            pump(100);
        if (m_buffer.size() < eol + 2 + size + 2 || m_buffer.mid(eol + 2 + size, 2) != "\r\n")
            return std::nullopt;
        const QByteArray payload = m_buffer.mid(eol + 2, size);
        m_buffer.remove(0, eol + 2 + size + 2);
        return payload;
    }
    QByteArray readUntilClosed(int timeoutMs = 5000)
    {
        QElapsedTimer t;
        t.start();
        while (m_socket.state() != QAbstractSocket::UnconnectedState && t.elapsed() < timeoutMs)
            pump(100);
        m_buffer += m_socket.readAll();
        return std::exchange(m_buffer, {});
    }
    QByteArray buffered(int waitMs)
    {
        pump(waitMs);
        return m_buffer;
    }
    QTcpSocket &socket() { return m_socket; }

private:
    void pump(int ms)
    {
        if (m_socket.bytesAvailable() == 0)
            m_socket.waitForReadyRead(ms);
        m_buffer += m_socket.readAll();
    }
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

} // namespace

class TestHttpStream : public QObject
{
    Q_OBJECT

    std::unique_ptr<TaskRegistry> m_tasks;
    std::unique_ptr<StreamHandler> m_handler;
    std::unique_ptr<HttpServer> m_server;
    quint16 m_port = 0;

    void start()
    {
        m_tasks = std::make_unique<TaskRegistry>();
        m_handler = std::make_unique<StreamHandler>();
        m_server = std::make_unique<HttpServer>(HttpLimits{}, m_handler.get(), m_tasks.get());
        auto addr = ListenAddress::parse(QStringLiteral("127.0.0.1:0"));
        QVERIFY(m_server->listen({*addr}).ok());
        m_port = m_server->boundAddresses().first().section(QLatin1Char(':'), -1).toUShort();
        QVERIFY(m_port != 0);
    }

private Q_SLOTS:
    void cleanup()
    {
        if (m_server)
            m_server->stop(1000);
        m_server.reset();
        m_handler.reset();
    }

    void chunksArriveInOrderThenConnectionIsReused()
    {
        start();
        Client c(m_port);
        c.send("GET /stream?n=3&ms=20 HTTP/1.1\r\nHost: x\r\n\r\n");
        const Head h = c.readHead();
        QCOMPARE(h.status, 200);
        QCOMPARE(headerValue(h.headers, "Transfer-Encoding"), QByteArray("chunked"));
        QVERIFY(!hasHeader(h.headers, "Content-Length"));
        QCOMPARE(headerValue(h.headers, "Content-Type"), QByteArray("text/event-stream"));
        QCOMPARE(c.readChunk(), std::optional<QByteArray>("chunk 1\n"));
        QCOMPARE(c.readChunk(), std::optional<QByteArray>("chunk 2\n"));
        QCOMPARE(c.readChunk(), std::optional<QByteArray>("chunk 3\n"));
        QCOMPARE(c.readChunk(), std::optional<QByteArray>(QByteArray(""))); // terminal chunk
        QVERIFY(!c.buffered(0).contains("ignored head body"));
        QVERIFY(m_handler->calls.load() >= 4);
        QVERIFY(!m_handler->producerOnOtherThread.load()); // runs on the HTTP thread, like handle()
        QTRY_VERIFY(m_handler->producerGone());

        // Keep-alive: the next request on the same connection is answered normally.
        c.send("GET /echo HTTP/1.1\r\nHost: x\r\n\r\n");
        const Head next = c.readHead();
        QCOMPARE(next.status, 200);
        QCOMPARE(headerValue(next.headers, "Content-Length"), QByteArray("4"));
        QTRY_COMPARE(m_tasks->live(TaskKind::Request), qint64(0));
        QCOMPARE(m_server->stats().responsesWritten, quint64(2));
    }

    void clientLeavingDestroysProducer()
    {
        start();
        {
            Client c(m_port);
            c.send("GET /stream?n=0&ms=10 HTTP/1.1\r\nHost: x\r\n\r\n");
            QCOMPARE(c.readHead().status, 200);
            QVERIFY(c.readChunk().has_value());
            QCOMPARE(m_tasks->live(TaskKind::Request), qint64(1)); // the stream is a live request task
            c.socket().abort();
        }
        QTRY_VERIFY_WITH_TIMEOUT(m_handler->producerGone(), 5000);
        QTRY_COMPARE(m_tasks->live(TaskKind::Request), qint64(0));
        const int callsAfter = m_handler->calls.load();
        QTest::qWait(100); // not a synchronisation: ten 10 ms ticks in which nothing may be produced
        QCOMPARE(m_handler->calls.load(), callsAfter); // no more ticks for a gone client
    }

    void stopEndsStreamsWithoutWaitingForGrace()
    {
        start();
        Client c(m_port);
        c.send("GET /stream?n=0&ms=50 HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(c.readHead().status, 200);
        QVERIFY(c.readChunk().has_value());
        QElapsedTimer t;
        t.start();
        m_server->stop(5000);
        QVERIFY2(t.elapsed() < 2500, "stop() waited for the grace period instead of ending the stream");
        QVERIFY(m_handler->producerGone());
        QCOMPARE(m_tasks->live(TaskKind::Request), qint64(0));
        // The terminal chunk was sent before the connection closed.
        const QByteArray rest = c.readUntilClosed();
        QVERIFY2(rest.endsWith("0\r\n\r\n"), rest.right(40).constData());
    }

    void headGetsHeadOnly()
    {
        start();
        Client c(m_port);
        c.send("HEAD /stream?n=0&ms=10 HTTP/1.1\r\nHost: x\r\n\r\nGET /echo HTTP/1.1\r\nHost: x\r\n\r\n");
        const Head h = c.readHead();
        QCOMPARE(h.status, 200);
        QVERIFY(!hasHeader(h.headers, "Transfer-Encoding"));
        const Head next = c.readHead(); // directly after: no chunks in between
        QCOMPARE(next.status, 200);
        QCOMPARE(headerValue(next.headers, "Content-Length"), QByteArray("4"));
        QCOMPARE(m_handler->calls.load(), 0);
        QTRY_VERIFY(m_handler->producerGone());
    }

    void http10GetsRawBytesAndClose()
    {
        start();
        Client c(m_port);
        c.send("GET /stream?n=2&ms=10 HTTP/1.0\r\n\r\n");
        const Head h = c.readHead();
        QCOMPARE(h.status, 200);
        QVERIFY(!hasHeader(h.headers, "Transfer-Encoding"));
        QVERIFY(!hasHeader(h.headers, "Content-Length"));
        QCOMPARE(headerValue(h.headers, "Connection"), QByteArray("close"));
        QCOMPARE(c.readUntilClosed(), QByteArray("chunk 1\nchunk 2\n"));
    }

    void slowReaderIsNotBufferedWithoutBound()
    {
        start();
        Client c(m_port);
        c.socket().setReadBufferSize(64 * 1024); // the client itself stops draining the kernel buffer
        constexpr int kSize = 256 * 1024;
        c.send("GET /stream?n=0&ms=5&size=" + QByteArray::number(kSize) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        QTest::qWait(1000); // ~200 ticks while the client reads nothing: the interval is the test
        const int calls = m_handler->calls.load();
        // Unbounded, every tick would have queued 256 KiB; bounded, only what
        // fits into the kernel's socket buffers plus kStreamBacklog.
        QVERIFY2(calls < 100, qPrintable(QString::number(calls)));
        QVERIFY(calls >= 1);
        // Nothing was lost: the chunks arrive complete and in order.
        c.socket().setReadBufferSize(0);
        QCOMPARE(c.readHead().status, 200);
        for (int i = 1; i <= std::min(calls, 20); ++i) {
            const std::optional<QByteArray> chunk = c.readChunk();
            QVERIFY(chunk.has_value());
            QCOMPARE(chunk->size(), kSize);
            QCOMPARE(chunk->at(0), char('0' + i % 10));
            QCOMPARE(chunk->at(kSize - 1), char('0' + i % 10));
        }
    }
};

QTEST_GUILESS_MAIN(TestHttpStream)
#include "tst_httpstream.moc"
