// The HTTP transport against raw sockets: guard limits, keep-alive, HEAD,
// pipelining order, client disconnects, unix sockets and graceful stop.
#include "core/taskregistry.h"
#include "http/httpserver.h"

#include <QElapsedTimer>
#include <QLocalSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QUrlQuery>

#include <algorithm>
#include <atomic>
#include <vector>

using namespace mort;

namespace {

// Answers: /echo -> body = method + path + query; /slow?ms=N -> after N ms on a
// pool thread; /big?n=N -> N bytes; /body -> size of the request body;
// /thread -> the name of the HTTP thread that called handle().
class TestHandler : public HttpHandler
{
public:
    std::atomic<int> cancelledSeen{0};
    QThreadPool pool;

    void handle(const HttpExchangePtr &exchange) override
    {
        const HttpRequest &r = exchange->request();
        const QUrlQuery q(QString::fromLatin1(r.rawQuery));
        if (r.path == QLatin1String("/slow")) {
            const int ms = q.queryItemValue(QStringLiteral("ms")).toInt();
            pool.start([this, exchange, ms] {
                QElapsedTimer t;
                t.start();
                while (t.elapsed() < ms) {
                    if (exchange->cancelToken().isCancelled()) {
                        cancelledSeen++;
                        break;
                    }
                    QThread::msleep(5); // the handler's slow work, checking for cancellation every 5 ms
                }
                exchange->respond(HttpResponse(200, "slow done", "text/plain"));
            });
            return;
        }
        if (r.path == QLatin1String("/big")) {
            const int n = q.queryItemValue(QStringLiteral("n")).toInt();
            exchange->respond(HttpResponse(200, QByteArray(n, 'x'), "application/octet-stream"));
            return;
        }
        if (r.path == QLatin1String("/thread")) {
            exchange->respond(HttpResponse(200, QThread::currentThread()->objectName().toUtf8(), "text/plain"));
            return;
        }
        if (r.path == QLatin1String("/body")) {
            exchange->respond(HttpResponse(200, QByteArray::number(r.body.size()), "text/plain"));
            return;
        }
        exchange->respond(HttpResponse(200, r.method + ' ' + r.path.toUtf8() + '?' + r.rawQuery, "text/plain"));
    }
};

struct ParsedResponse
{
    int status = 0;
    HttpHeaders headers;
    QByteArray body;
    bool complete = false;
};

// Blocking client for one connection; reads responses off the raw stream.
class RawClient
{
public:
    explicit RawClient(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_socket.waitForConnected(2000);
    }
    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.waitForBytesWritten(2000);
    }
    ParsedResponse read(bool headRequest = false, int timeoutMs = 5000)
    {
        ParsedResponse r;
        QElapsedTimer t;
        t.start();
        qsizetype end = -1;
        while ((end = m_buffer.indexOf("\r\n\r\n")) < 0 && t.elapsed() < timeoutMs)
            pump(timeoutMs - t.elapsed());
        if (end < 0)
            return r;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        r.status = lines.value(0).split(' ').value(1).toInt();
        for (int i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype c = line.indexOf(':');
            r.headers.append({line.left(c), line.mid(c + 1).trimmed()});
        }
        m_buffer.remove(0, end + 4);
        const qint64 length = headRequest ? 0 : headerValue(r.headers, "Content-Length").toLongLong();
        while (m_buffer.size() < length && t.elapsed() < timeoutMs)
            pump(timeoutMs - t.elapsed());
        r.body = m_buffer.left(length);
        m_buffer.remove(0, r.body.size());
        r.complete = r.body.size() == length;
        return r;
    }
    bool waitClosed(int timeoutMs = 3000)
    {
        QElapsedTimer t;
        t.start();
        while (m_socket.state() != QAbstractSocket::UnconnectedState && t.elapsed() < timeoutMs)
            pump(timeoutMs - t.elapsed());
        return m_socket.state() == QAbstractSocket::UnconnectedState;
    }
    QByteArray leftover()
    {
        pump(200);
        return m_buffer;
    }
    QTcpSocket &socket() { return m_socket; }

private:
    void pump(qint64 ms)
    {
        if (m_socket.bytesAvailable() == 0)
            m_socket.waitForReadyRead(int(std::max<qint64>(1, std::min<qint64>(ms, 100))));
        m_buffer += m_socket.readAll();
    }
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT

    std::unique_ptr<TaskRegistry> m_tasks;
    std::unique_ptr<TestHandler> m_handler;
    std::unique_ptr<HttpServer> m_server;
    quint16 m_port = 0;

    void start(HttpLimits limits = {})
    {
        m_tasks = std::make_unique<TaskRegistry>();
        m_handler = std::make_unique<TestHandler>();
        m_server = std::make_unique<HttpServer>(limits, m_handler.get(), m_tasks.get());
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
        if (m_handler)
            m_handler->pool.waitForDone();
        m_handler.reset();
    }

    void getReturnsHandlerResponseWithLengthAndDate()
    {
        start();
        RawClient c(m_port);
        c.send("GET /echo?a=1&b=%2F HTTP/1.1\r\nHost: x\r\n\r\n");
        const ParsedResponse r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("GET /echo?a=1&b=%2F"));
        QCOMPARE(headerValue(r.headers, "Content-Length"), QByteArray("19"));
        QVERIFY(!headerValue(r.headers, "Date").isEmpty());
        QVERIFY(headerValue(r.headers, "Connection").isEmpty()); // keep-alive by default on 1.1
    }

    void percentEncodedPathIsDecodedAsMortDoes()
    {
        start();
        RawClient c(m_port);
        c.send("GET /bucket/a%2Fb%20c.jpg HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(c.read().body, QByteArray("GET /bucket/a/b c.jpg?"));
    }

    void headSendsHeadersButNoBody()
    {
        start();
        RawClient c(m_port);
        c.send("HEAD /big?n=1000 HTTP/1.1\r\nHost: x\r\n\r\nGET /echo HTTP/1.1\r\nHost: x\r\n\r\n");
        const ParsedResponse head = c.read(true);
        QCOMPARE(head.status, 200);
        QCOMPARE(headerValue(head.headers, "Content-Length"), QByteArray("1000"));
        // The next bytes on the wire must be the second response, not a body.
        const ParsedResponse next = c.read();
        QCOMPARE(next.status, 200);
        QCOMPARE(next.body, QByteArray("GET /echo?"));
    }

    void http10WithoutKeepAliveIsClosedAfterResponse()
    {
        start();
        RawClient c(m_port);
        c.send("GET /echo HTTP/1.0\r\n\r\n");
        const ParsedResponse r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(headerValue(r.headers, "Connection"), QByteArray("close"));
        QVERIFY(c.waitClosed());
    }

    void connectionCloseIsHonoured()
    {
        start();
        RawClient c(m_port);
        c.send("GET /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QCOMPARE(c.read().status, 200);
        QVERIFY(c.waitClosed());
    }

    void keepAliveServesSequentialRequests()
    {
        start();
        RawClient c(m_port);
        for (int i = 0; i < 3; ++i) {
            c.send("GET /echo?i=" + QByteArray::number(i) + " HTTP/1.1\r\nHost: x\r\n\r\n");
            QCOMPARE(c.read().body, "GET /echo?i=" + QByteArray::number(i));
        }
        QCOMPARE(m_server->stats().connectionsAccepted, 1u);
    }

    void pipelinedResponsesKeepRequestOrder()
    {
        start();
        RawClient c(m_port);
        c.send("GET /slow?ms=150 HTTP/1.1\r\nHost: x\r\n\r\n");
        c.send("GET /echo?second HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(c.read().body, QByteArray("slow done"));
        QCOMPARE(c.read().body, QByteArray("GET /echo?second"));
    }

    void headerSplitAcrossSegmentsIsParsed()
    {
        start();
        RawClient c(m_port);
        c.send("GET /echo?split HTTP/1.1\r\n");
        QTest::qWait(100); // TCP segmentation: the server reads the head in three parts
        c.send("Host: x\r\n");
        QTest::qWait(100); // TCP segmentation
        c.send("\r\n");
        QCOMPARE(c.read().body, QByteArray("GET /echo?split"));
    }

    void oversizedHeaderIsAnswered431()
    {
        HttpLimits limits;
        limits.maxHeaderBytes = 4096;
        start(limits);
        RawClient c(m_port);
        c.send("GET /echo HTTP/1.1\r\nX-Big: " + QByteArray(8000, 'a') + "\r\n\r\n");
        QCOMPARE(c.read().status, 431);
        QVERIFY(c.waitClosed());
        QCOMPARE(m_server->stats().rejectedByGuard, 1u);
        QCOMPARE(m_server->stats().requestsReceived, 0u);
    }

    void oversizedHeaderInManySegmentsIsAnswered431()
    {
        HttpLimits limits;
        limits.maxHeaderBytes = 4096;
        start(limits);
        RawClient c(m_port);
        c.send("GET /echo HTTP/1.1\r\n");
        for (int i = 0; i < 10; ++i) {
            c.send("X-Part-" + QByteArray::number(i) + ": " + QByteArray(600, 'a') + "\r\n");
            QTest::qWait(10); // TCP segmentation: one header per segment
        }
        QCOMPARE(c.read().status, 431);
        QCOMPARE(m_server->stats().requestsReceived, 0u);
    }

    void bodyFollowedByPipelinedRequestIsTrackedAcrossSegments()
    {
        start();
        RawClient c(m_port);
        c.send("PUT /body HTTP/1.0\r\nConnection: keep-alive\r\nContent-Length: 10\r\n\r\nhello");
        QTest::qWait(50); // TCP segmentation: the body arrives in two parts
        c.send("worldGET /echo HTTP/1.0\r\n\r\n");
        const ParsedResponse first = c.read();
        QCOMPARE(first.body, QByteArray("10"));
        QCOMPARE(headerValue(first.headers, "Connection"), QByteArray("keep-alive"));
        const ParsedResponse second = c.read();
        QCOMPARE(second.body, QByteArray("GET /echo?"));
        QCOMPARE(headerValue(second.headers, "Connection"), QByteArray("close")); // the guard saw it was HTTP/1.0
    }

    void oversizedBodyIsAnswered413BeforeItIsSent()
    {
        HttpLimits limits;
        limits.maxBodyBytes = 1024;
        start(limits);
        RawClient c(m_port);
        c.send("PUT /b/k HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\n");
        QCOMPARE(c.read().status, 413);
        QVERIFY(c.waitClosed());
    }

    // limits.maxBufferedBodyBytes: bodies held at once by all connections.
    void bodiesBeyondTheServerWideBudgetAre503()
    {
        HttpLimits limits;
        limits.maxBodyBytes = 1000;
        limits.maxBufferedBodyBytes = 1500;
        start(limits);
        // A holds 1000 of 1500: "100 Continue" comes after the reservation.
        RawClient a(m_port);
        a.send("PUT /body HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\nExpect: 100-continue\r\n\r\n");
        QCOMPARE(a.read().status, 100);

        RawClient b(m_port);
        b.send("PUT /body HTTP/1.1\r\nHost: x\r\nContent-Length: 600\r\n\r\n");
        const ParsedResponse busy = b.read();
        QCOMPARE(busy.status, 503);
        QCOMPARE(headerValue(busy.headers, "Retry-After"), QByteArray("1"));
        QVERIFY(b.waitClosed());

        RawClient c(m_port); // 1000 + 500 fits exactly
        c.send("PUT /body HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n" + QByteArray(500, 'c'));
        QCOMPARE(c.read().body, QByteArray("500"));

        a.send(QByteArray(1000, 'a'));
        QCOMPARE(a.read().body, QByteArray("1000"));
        // A's bytes are given back once its exchange is gone (just after the
        // response is written): a 600-byte body is then accepted.
        QElapsedTimer t;
        t.start();
        QByteArray answered;
        while (answered != "600" && t.elapsed() < 5000) {
            RawClient d(m_port);
            d.send("PUT /body HTTP/1.1\r\nHost: x\r\nContent-Length: 600\r\n\r\n" + QByteArray(600, 'd'));
            answered = d.read().body;
        }
        QCOMPARE(answered, QByteArray("600"));
    }

    void chunkedBodiesCountAgainstTheBudgetToo()
    {
        HttpLimits limits;
        limits.maxBodyBytes = 10000;
        limits.maxBufferedBodyBytes = 1000;
        start(limits);
        RawClient c(m_port);
        c.send("PUT /body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        c.send("400\r\n" + QByteArray(0x400, 'x') + "\r\n"); // 1024 bytes > 1000
        QCOMPARE(c.read().status, 503);
        QVERIFY(c.waitClosed());
    }

    void invalidContentLengthIsAnswered400()
    {
        start();
        RawClient c(m_port);
        c.send("PUT /b/k HTTP/1.1\r\nHost: x\r\nContent-Length: 12abc\r\n\r\n");
        QCOMPARE(c.read().status, 400);
    }

    void expectContinueGetsInterimResponseThenFinal()
    {
        start();
        RawClient c(m_port);
        c.send("PUT /body HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
        const ParsedResponse interim = c.read(true);
        QCOMPARE(interim.status, 100);
        c.send("hello");
        const ParsedResponse final = c.read();
        QCOMPARE(final.status, 200);
        QCOMPARE(final.body, QByteArray("5"));
    }

    void slowHeaderIsAnswered408()
    {
        HttpLimits limits;
        limits.headerTimeoutMs = 200;
        start(limits);
        RawClient c(m_port);
        c.send("GET /echo HTTP/1.1\r\nHost: x\r\n");
        QCOMPARE(c.read(false, 3000).status, 408);
        QVERIFY(c.waitClosed());
    }

    void idleKeepAliveConnectionIsClosed()
    {
        HttpLimits limits;
        limits.idleTimeoutMs = 200;
        start(limits);
        RawClient c(m_port);
        c.send("GET /echo HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(c.read().status, 200);
        QVERIFY(c.waitClosed(3000));
    }

    void clientDisconnectCancelsWorkAndDropsResponse()
    {
        start();
        {
            RawClient c(m_port);
            c.send("GET /slow?ms=2000 HTTP/1.1\r\nHost: x\r\n\r\n");
            QTRY_COMPARE(m_tasks->live(TaskKind::Request), 1);
            c.socket().abort();
        }
        QTRY_COMPARE(m_handler->cancelledSeen.load(), 1);
        QTRY_COMPARE(m_tasks->live(TaskKind::Request), 0);
        QTRY_COMPARE(m_server->stats().responsesDropped, 1u);
        // The server keeps serving.
        RawClient c(m_port);
        c.send("GET /echo HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(c.read().status, 200);
    }

    void largeBodyIsStreamedCompletely()
    {
        start();
        RawClient c(m_port);
        c.send("GET /big?n=5000000 HTTP/1.1\r\nHost: x\r\n\r\n");
        const ParsedResponse r = c.read(false, 10000);
        QVERIFY(r.complete);
        QCOMPARE(r.body.size(), 5000000);
        QCOMPARE(r.body.count('x'), 5000000);
    }

    void unixSocketServesAndIsRemovedOnStop()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mort.sock"));
        m_tasks = std::make_unique<TaskRegistry>();
        m_handler = std::make_unique<TestHandler>();
        m_server = std::make_unique<HttpServer>(HttpLimits{}, m_handler.get(), m_tasks.get());
        QVERIFY(m_server->listen({*ListenAddress::parse(QStringLiteral("unix:") + path)}).ok());
        QCOMPARE(m_server->boundAddresses(), QStringList{QStringLiteral("unix:") + path});
        QLocalSocket s;
        s.connectToServer(path);
        QVERIFY(s.waitForConnected(2000));
        s.write("GET /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QByteArray got;
        while (s.waitForReadyRead(2000))
            got += s.readAll();
        got += s.readAll();
        QVERIFY2(got.startsWith("HTTP/1.1 200 OK\r\n"), got.constData());
        QVERIFY(got.endsWith("GET /echo?"));
        m_server->stop(1000);
        QVERIFY(!QFile::exists(path));
    }

    void gracefulStopLetsInFlightRequestFinish()
    {
        start();
        RawClient c(m_port);
        c.send("GET /slow?ms=300 HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE(m_tasks->live(TaskKind::Request), 1);
        m_server->stop(5000);
        const ParsedResponse r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("slow done"));
        QCOMPARE(m_tasks->live(TaskKind::Request), 0);
    }

    // The drain ends when the last exchange does (it is woken, not polling
    // out a grace period): a 300 ms request under a 20 s grace.
    void gracefulStopReturnsWhenTheLastExchangeEnds()
    {
        start();
        RawClient c(m_port);
        c.send("GET /slow?ms=300 HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE(m_tasks->live(TaskKind::Request), 1);
        QElapsedTimer timer;
        timer.start();
        m_server->stop(20000);
        const qint64 stopMs = timer.elapsed();
        QCOMPARE(c.read().status, 200);
        QVERIFY2(stopMs < 10000, qPrintable(QStringLiteral("stop() took %1 ms").arg(stopMs)));
    }

    // shutdownGraceMs is a deadline: a request still running when it passes is
    // cut (its connection closed, its work cancelled) and stop() returns.
    void gracefulStopEndsAtTheGraceDeadline()
    {
        start();
        RawClient c(m_port);
        c.send("GET /slow?ms=60000 HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE(m_tasks->live(TaskKind::Request), 1);
        QElapsedTimer timer;
        timer.start();
        m_server->stop(300);
        const qint64 stopMs = timer.elapsed();
        QVERIFY2(stopMs >= 300, qPrintable(QStringLiteral("stop() returned after %1 ms").arg(stopMs)));
        QVERIFY2(stopMs < 30000, qPrintable(QStringLiteral("stop() took %1 ms").arg(stopMs)));
        QVERIFY(c.waitClosed());
        QCOMPARE(c.leftover(), QByteArray()); // cut: no answer was written
        QTRY_COMPARE(m_handler->cancelledSeen.load(), 1);
    }

    // One HTTP thread per core by default (cache hits are answered on them).
    void defaultThreadCountFollowsTheCores()
    {
        start();
        QCOMPARE(m_server->threadCount(), std::clamp(QThread::idealThreadCount(), 1, HttpLimits::kMaxAutoThreads));
    }

    // Accepted sockets go to the HTTP threads in turn, and a keep-alive
    // connection stays on the thread that adopted it.
    void connectionsAreServedOnEveryHttpThreadInTurn()
    {
        HttpLimits limits;
        limits.threads = 3;
        start(limits);
        QCOMPARE(m_server->threadCount(), 3);
        QStringList names;
        std::vector<std::unique_ptr<RawClient>> clients;
        for (int i = 0; i < 3; ++i) {
            clients.push_back(std::make_unique<RawClient>(m_port));
            clients.back()->send("GET /thread HTTP/1.1\r\nHost: x\r\n\r\n");
            const ParsedResponse r = clients.back()->read();
            QCOMPARE(r.status, 200);
            names.append(QString::fromUtf8(r.body));
        }
        QCOMPARE(
            names,
            (QStringList{QStringLiteral("mort-http"), QStringLiteral("mort-http-2"), QStringLiteral("mort-http-3")}));
        for (int i = 0; i < 3; ++i) {
            clients.at(i)->send("GET /thread HTTP/1.1\r\nHost: x\r\n\r\n");
            QCOMPARE(QString::fromUtf8(clients.at(i)->read().body), names.at(i));
        }
        QCOMPARE(m_server->stats().connectionsAccepted, 3u);
    }

    // stop() reaches the connections of every HTTP thread: both slow requests
    // are cut at the grace deadline, their work cancelled, nothing left open.
    void gracefulStopCutsConnectionsOnEveryThread()
    {
        HttpLimits limits;
        limits.threads = 2;
        start(limits);
        RawClient first(m_port), second(m_port);
        first.send("GET /slow?ms=60000 HTTP/1.1\r\nHost: x\r\n\r\n");
        second.send("GET /slow?ms=60000 HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE(m_tasks->live(TaskKind::Request), 2);
        m_server->stop(300);
        QVERIFY(first.waitClosed());
        QVERIFY(second.waitClosed());
        QTRY_COMPARE(m_handler->cancelledSeen.load(), 2);
        const HttpServerStats stats = m_server->stats();
        QCOMPARE(stats.connectionsOpen, 0);
        QCOMPARE(stats.responsesDropped, 2u);
        QCOMPARE(stats.exchangesInFlight, 0);
    }

    void bindFailureReportsAddress()
    {
        start();
        HttpServer second(HttpLimits{}, m_handler.get(), m_tasks.get());
        Expected<void> r =
            second.listen({*ListenAddress::parse(QStringLiteral("127.0.0.1:") + QString::number(m_port))});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QByteArray("http.listen_failed"));
        QVERIFY(r.error().detail.contains(QString::number(m_port)));
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
