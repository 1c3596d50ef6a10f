// Issue 23 battery, item 4, on the wire: slow and oversized requests meet the
// configured limits (408/413/414/431, then close) while a normal client keeps
// being served, and every socket is closed afterwards.
#include "integration/s3api/s3signer.h"
#include "integration/testserver.h"
#include "reliability/http/rawwire.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace mort;
using namespace mort::test;

namespace {

// Tight limits so that the attacks end within seconds.
const QString kConfig = QStringLiteral(R"yaml(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "localhost:0"
  limits:
    headerTimeoutMs: 1000
    idleTimeoutMs: 1500
    maxHeaderBytes: 4096
    maxBodyBytes: 65536
buckets:
  media:
    keys:
      - accessKey: "AKIDMORT"
        secretAccessKey: "secret-of-mort"
    transform:
      kind: "query"
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
      transform: {kind: "local-meta", rootPath: "@ROOT@/results"}
)yaml");

const QByteArray kGet = "GET /media/small.jpg HTTP/1.1\r\nHost: mort.test\r\n\r\n";

// The head of a PUT /media/k signed with the bucket's key (SigV4,
// UNSIGNED-PAYLOAD; S3Credentials' defaults are the config's key), which the
// S3 API admits: its body then meets the transport's limits, not a 403.
// `framing`: the Content-Length or Transfer-Encoding field line.
QByteArray signedPutHead(const QByteArray &framing)
{
    const SignedHttp s = signV4("PUT", "/media/k", {}, {}, aws::kUnsignedPayload, S3Credentials());
    QByteArray out = "PUT " + s.target + " HTTP/1.1\r\n";
    for (const auto &h : s.headers)
        out += h.first + ": " + h.second + "\r\n";
    return out + framing + "\r\n\r\n";
}

} // namespace

class TestHttpLimits : public QObject
{
    Q_OBJECT

    TestServer m_server;
    int m_socketsBefore = 0;

    // A normal request on a fresh connection; its time in ms, or -1 unless 200.
    qint64 timedGet()
    {
        QElapsedTimer timer;
        timer.start();
        RawWire wire(m_server.address());
        wire.send(kGet);
        const WireResult r = wire.readAll(1, 100, 5000);
        return r.statuses() == QList<int>{200} ? timer.elapsed() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(
            m_server.addFile(QStringLiteral("photos/photo_300x200.jpg"), QStringLiteral("originals/media/small.jpg")));
        MORT_START(m_server, kConfig);
        m_socketsBefore = openSockets();
    }

    // Slowloris: 100 connections trickle header lines, one every 200 ms. The
    // header deadline runs from a request's first byte, so trickling does not
    // extend it: each gets 408 and is closed after ~1 s, while a normal client
    // is served at once throughout.
    void slowHeadersAreCutWhileOthersAreServed()
    {
        // Plain non-blocking sockets, read at every tick as a client would.
        const QStringList parts = m_server.address().split(QLatin1Char(':'));
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(parts.at(1).toUShort());
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        std::vector<int> slow;
        for (int i = 0; i < 100; ++i) {
            const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
            QVERIFY(fd >= 0);
            QVERIFY(::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0);
            const QByteArray start = "GET /media/small.jpg HTTP/1.1\r\nHost: mort.test\r\n";
            QVERIFY(::send(fd, start.constData(), size_t(start.size()), MSG_NOSIGNAL) == start.size());
            ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
            slow.push_back(fd);
        }
        std::vector<QByteArray> answers(slow.size());
        std::vector<bool> closed(slow.size(), false);
        const auto readAnswers = [&] {
            char buffer[4096];
            for (size_t i = 0; i < slow.size(); ++i) {
                while (!closed[i]) {
                    const ssize_t n = ::recv(slow[i], buffer, sizeof(buffer), 0);
                    if (n > 0) {
                        answers[i].append(buffer, n);
                        continue;
                    }
                    // 0: the server closed; an error other than "nothing yet": gone too.
                    closed[i] = n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK);
                    break;
                }
            }
        };
        qint64 slowestNormal = 0;
        for (int tick = 0; tick < 12; ++tick) { // 2.4 s of trickling
            readAnswers();
            const QByteArray line = "X-Trickle-" + QByteArray::number(tick) + ": 1\r\n";
            for (size_t i = 0; i < slow.size(); ++i) {
                if (!closed[i])
                    ::send(slow[i], line.constData(), size_t(line.size()), MSG_NOSIGNAL);
            }
            const qint64 t = timedGet();
            QVERIFY2(t >= 0, "a normal request was not answered 200 during the attack");
            slowestNormal = std::max(slowestNormal, t);
            QTest::qWait(200); // pacing: the slow clients trickle a header line every 200 ms
        }
        QTRY_VERIFY_WITH_TIMEOUT((readAnswers(), std::all_of(closed.begin(), closed.end(), [](bool c) { return c; })),
                                 5000);
        int cut = 0;
        for (const QByteArray &answer : answers)
            cut += answer.startsWith("HTTP/1.1 408 ") ? 1 : 0;
        for (const int fd : slow)
            ::close(fd);
        QCOMPARE(cut, 100);
        qInfo("normal requests during the attack: slowest %lld ms", slowestNormal);
        QVERIFY2(slowestNormal < 1000, "normal requests waited behind the slow ones");
    }

    // Oversized and slow requests, each answered by its limit, then closed.
    void limitsAnswerAndClose_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        QTest::newRow("request line over 8 KiB -> 414") << "GET /media/" + QByteArray(9000, 'a')
                + " HTTP/1.1\r\nHost: mort.test\r\n\r\n" << 414;
        QTest::newRow("header over maxHeaderBytes -> 431")
            << "GET /media/small.jpg HTTP/1.1\r\nHost: mort.test\r\nX-Big: " + QByteArray(5000, 'a') + "\r\n\r\n"
            << 431;
        QByteArray many = "GET /media/small.jpg HTTP/1.1\r\nHost: mort.test\r\n";
        for (int i = 0; i < 101; ++i)
            many += "X-" + QByteArray::number(i) + ": 1\r\n";
        QTest::newRow("101 header fields -> 431") << many + "\r\n" << 431;
        // The transport's limit comes before any handler: unsigned or signed,
        // an announced body over it is 413 (not the S3 API's 403 or EntityTooLarge).
        QTest::newRow("body over maxBodyBytes -> 413 before it is sent")
            << QByteArray("PUT /media/k HTTP/1.1\r\nHost: mort.test\r\nContent-Length: 65537\r\n\r\n") << 413;
        QTest::newRow("signed S3 PUT over maxBodyBytes -> 413 before it is sent")
            << signedPutHead("Content-Length: 65537") << 413;
        // Bodies the S3 API admits (signed), so that they reach the limit.
        QTest::newRow("chunked body over maxBodyBytes -> 413")
            << signedPutHead("Transfer-Encoding: chunked") + "10001\r\n" + QByteArray(0x10001, 'a') + "\r\n0\r\n\r\n"
            << 413;
        QTest::newRow("body that stops coming -> 408")
            << signedPutHead("Content-Length: 100") + "only part of it" << 408;
        QTest::newRow("unsigned body that stops coming -> 408")
            << QByteArray("POST /media/k HTTP/1.1\r\nHost: mort.test\r\nContent-Length: 100\r\n\r\nonly part of it")
            << 408;
        QTest::newRow("head that never ends -> 408")
            << QByteArray("GET /media/small.jpg HTTP/1.1\r\nHost: mort.test\r\n") << 408;
    }

    void limitsAnswerAndClose()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        QElapsedTimer timer;
        timer.start();
        RawWire wire(m_server.address());
        wire.send(bytes);
        const WireResult r = wire.readAll(1, 3000, 10000);
        QCOMPARE(r.statuses(), QList<int>{status});
        QVERIFY(r.closed);
        // Timeouts fire at their limit (+ scheduling), refusals at once.
        QVERIFY2(timer.elapsed() < (status == 408 ? 4000 : 1500), qPrintable(QString::number(timer.elapsed())));
    }

    void cleanupTestCase()
    {
        QTRY_COMPARE_WITH_TIMEOUT(m_server.engine().tasks().liveTotal(), qint64(0), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(openSockets(), m_socketsBefore, 10000);
    }
};

QTEST_GUILESS_MAIN(TestHttpLimits)
#include "tst_httplimits.moc"
