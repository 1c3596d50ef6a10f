// Every answered request leaves its one-line summary in the engine's recent-log
// ring (the studio's Activity tab, the admin stream), whatever answered it: the
// object pipeline (200, 404), the URL parser (400: unknown bucket, ".." in the
// path, a bad query operation), the unsigned write refusal (403 AccessDenied)
// and the HTTP transport itself (a malformed request, 400, before any handler
// saw it). Issue 25.6: the 400s took a path that skipped the summary.
#include "monitoring/logring.h"
#include "testserver.h"

#include <QRegularExpression>

using namespace mort;
using namespace mort::test;

namespace {

const QString kConfig = QStringLiteral(R"yaml(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
buckets:
  media:
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@"}
  q:
    transform:
      kind: "query"
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@"}
)yaml");

// "GET /media/x.jpg 400 0.3 ms 20 B": method, target and status exact, time and size measured.
QRegularExpression summaryOf(const QString &method, const QString &target, int status)
{
    return QRegularExpression(
        QStringLiteral("^%1 %2 %3 \\d+\\.\\d ms \\d+ B$").arg(method, QRegularExpression::escape(target)).arg(status));
}

} // namespace

class TestActivityLog : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    LogRing m_ring;

    // The access summaries (category mort.access) written after line `after`.
    QList<LogLine> summariesSince(quint64 after) const
    {
        QList<LogLine> out;
        for (const LogLine &line : m_ring.since(after, 1000)) {
            if (line.category == QLatin1String("mort.access"))
                out << line;
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        // local-meta keeps <rootPath>/<bucket>/<key>.
        QVERIFY(m_server->addFile(QStringLiteral("photos/photo_800x600.jpg"), QStringLiteral("media/photo.jpg")));
        QVERIFY(m_server->addFile(QStringLiteral("photos/photo_800x600.jpg"), QStringLiteral("q/photo.jpg")));
        MORT_START(*m_server, kConfig);
        m_server->engine().setLogRing(&m_ring);
    }

    void everyAnsweredRequestIsSummarised_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("level");
        QTest::newRow("200 original") << QByteArray("GET") << QByteArray("/media/photo.jpg") << 200 << "info";
        QTest::newRow("404 missing") << QByteArray("GET") << QByteArray("/media/none.jpg") << 404 << "warn";
        QTest::newRow("400 unknown bucket") << QByteArray("GET") << QByteArray("/nobucket/photo.jpg") << 400 << "warn";
        QTest::newRow("400 .. in the path")
            << QByteArray("GET") << QByteArray("/media/a/../photo.jpg") << 400 << "warn";
        QTest::newRow("400 bad operation")
            << QByteArray("GET") << QByteArray("/q/photo.jpg?operation=resize") << 400 << "warn";
        QTest::newRow("403 unsigned write") << QByteArray("PUT") << QByteArray("/media/new.jpg") << 403 << "warn";
    }
    void everyAnsweredRequestIsSummarised()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        QFETCH(QString, level);
        const quint64 before = m_ring.lastSeq();
        QCOMPARE(m_server->request(method, target).status, status);
        // Written before the answer is handed to the transport: there once the client has it.
        const QList<LogLine> lines = summariesSince(before);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(summaryOf(QString::fromLatin1(method), QString::fromLatin1(target), status)
                     .match(lines.first().message)
                     .hasMatch(),
                 qPrintable(lines.first().message));
        QCOMPARE(lines.first().level, level);
    }

    void transportRejectionIsSummarised()
    {
        const quint64 before = m_ring.lastSeq();
        RawHttpClient client(m_server->address());
        QVERIFY(client.isConnected());
        // Two framings at once: the parser refuses it before any handler sees it.
        QVERIFY(client.send("POST /media/x.jpg HTTP/1.1\r\nHost: mort.test\r\nContent-Length: 3\r\n"
                            "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"));
        QCOMPARE(client.read().status, 400);
        QVERIFY(pollUntil([&] { return !summariesSince(before).isEmpty(); }, 5000));
        const QList<LogLine> lines = summariesSince(before);
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.first().message,
                 QStringLiteral("400 Bad Request from 127.0.0.1, refused by the HTTP transport: "
                                "both Content-Length and Transfer-Encoding"));
        QCOMPARE(lines.first().level, QStringLiteral("warn"));
    }

    void adminCallsAreNotSummarised()
    {
        // The studio polls the admin API every second: its own calls are not activity.
        const quint64 before = m_ring.lastSeq();
        RawHttpClient client(m_server->internalAddress());
        QCOMPARE(client.request("GET", "/metrics").status, 200);
        QVERIFY(summariesSince(before).isEmpty());
    }

    void cleanupTestCase() { m_server.reset(); }
};

QTEST_GUILESS_MAIN(TestActivityLog)
#include "tst_activitylog.moc"
