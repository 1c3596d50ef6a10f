// RemoteEngineClient against a real Engine on ephemeral ports with an admin
// token: stats over the event stream, counters that move with traffic, the
// 401 and connection-refused messages, the polling fallback (against a fake
// server without the stream), the cache round trip, and a window attached to it.
// Also the incremental SSE parser.
#include "integration/testserver.h"
#include "service/adminjson.h"
#include "ui/dashboard/dashboardpanel.h"
#include "ui/mainwindow.h"
#include "client/remoteengineclient.h"
#include "ui/status/serverstatuspanel.h"
#include "client/sseparser.h"
#include "ui/dashboard/statshistory.h"

#include <QApplication>
#include <QJsonDocument>
#include <QLabel>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>

using namespace mort;
using mort::test::TestServer;

namespace {

const QString kToken = QStringLiteral("gui-test-token-0123456789");

const QString kConfig = QStringLiteral(R"(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
  adminToken: "gui-test-token-0123456789"
  cache: {type: memory, cacheSize: 10485760}
headers:
  - statusCodes: [200]
    values:
      "cache-control": "max-age=600"
buckets:
  b:
    storages:
      basic: {kind: local-meta, rootPath: "@ROOT@"}
)");

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QUrl adminUrl(TestServer &server)
{
    return QUrl(QStringLiteral("http://") + server.engine().stats().internalAddresses.value(0));
}

EngineStats lastStats(const QSignalSpy &spy)
{
    return spy.last().at(0).value<EngineStats>();
}

// An old or proxied admin API: /api/v1/stats answers, /api/v1/stream does not
// exist. One request per connection.
class StreamlessServer : public QTcpServer
{
public:
    int streamRequests = 0;
    int statsRequests = 0;
    EngineStats stats;

    StreamlessServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    const QByteArray request = socket->peek(8192);
                    if (!request.contains("\r\n\r\n"))
                        return;
                    socket->readAll();
                    QByteArray status = "404 Not Found", body = R"({"code":"admin.not_found","message":"no"})";
                    if (request.startsWith("GET /api/v1/stream")) {
                        ++streamRequests;
                    } else if (request.startsWith("GET /api/v1/stats")) {
                        ++statsRequests;
                        status = "200 OK";
                        body = QJsonDocument(statsToJson(stats)).toJson(QJsonDocument::Compact);
                    }
                    socket->write("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: "
                                  + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
};

} // namespace

class TestRemoteEngineClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sseParserHandlesChunksLineEndingsAndComments()
    {
        SseParser parser;
        QList<SseEvent> events = parser.feed("retry: 2000\n\n: keep-alive\nid: 1\nevent: st");
        QVERIFY(events.isEmpty());
        QCOMPARE(parser.retryMs(), 2000);
        events = parser.feed("ats\ndata: {\"a\":\r");
        QVERIFY(events.isEmpty());
        events = parser.feed("\ndata: 1}\r\n\r\nevent: log\ndata:x\n\ndata: plain\n\n");
        QCOMPARE(events.size(), 3);
        QCOMPARE(events.at(0).type, QStringLiteral("stats"));
        QCOMPARE(events.at(0).data, QByteArray("{\"a\":\n1}"));
        QCOMPARE(events.at(0).id, QByteArray("1"));
        QCOMPARE(events.at(1).type, QStringLiteral("log"));
        QCOMPARE(events.at(1).data, QByteArray("x"));
        QCOMPARE(events.at(2).type, QStringLiteral("message"));
        // An event without data is not dispatched.
        QVERIFY(parser.feed("event: empty\n\n").isEmpty());
        // A body that is no event stream does not grow without bound.
        parser.feed(QByteArray(SseParser::kMaxBufferedBytes + 1, 'x'));
        QVERIFY(parser.overflowed());
    }

    void statsJsonRoundTrips()
    {
        EngineStats s;
        s.running = true;
        s.startedAt = QDateTime(QDate(2024, 5, 1), QTime(10, 0, 0, 250), Qt::UTC);
        s.publicAddresses = {QStringLiteral("127.0.0.1:8080")};
        s.http.requestsReceived = 7;
        s.http.exchangesInFlight = 2;
        s.http.threads = 3;
        s.requests = {9, 2, 6, 1};
        s.tasks = {TaskCounts{TaskKind::Request, 2, 9, 7}, TaskCounts{TaskKind::CacheFill, 1, 3, 2},
                   TaskCounts{TaskKind::Admin, 1, 5, 4}};
        s.transformsInFlight = 3;
        s.throttled = 4;
        s.residentBytes = 5'000'000'000LL;
        s.responseCacheHits = 11;
        s.responseCacheMisses = 12;
        s.cacheBytes = 13;
        s.cacheCapacityBytes = 14;
        const EngineStats r = engineStatsFromJson(statsToJson(s));
        QCOMPARE(r.running, true);
        QCOMPARE(r.startedAt, s.startedAt);
        QCOMPARE(r.publicAddresses, s.publicAddresses);
        QCOMPARE(r.http.requestsReceived, 7u);
        QCOMPARE(r.http.exchangesInFlight, 2);
        QCOMPARE(r.http.threads, 3);
        QCOMPARE(r.requests.received, 9u);
        QCOMPARE(r.requests.inFlight, 2);
        QCOMPARE(r.requests.served, 6u);
        QCOMPARE(r.requests.dropped, 1u);
        QCOMPARE(r.tasks.size(), 3);
        QCOMPARE(r.tasks.at(1).kind, TaskKind::CacheFill);
        QCOMPARE(r.tasks.at(2).kind, TaskKind::Admin);
        QCOMPARE(r.tasks.at(1).started, 3u);
        QCOMPARE(r.transformsInFlight, 3);
        QCOMPARE(r.throttled, 4u);
        QCOMPARE(r.residentBytes, 5'000'000'000LL);
        QCOMPARE(r.responseCacheHits, 11u);
        QCOMPARE(r.responseCacheMisses, 12u);
        QCOMPARE(r.cacheBytes, 13);
        QCOMPARE(r.cacheCapacityBytes, 14);
    }

    void normalizesUrls()
    {
        QCOMPARE(RemoteEngineClient::normalizedUrl(QStringLiteral("127.0.0.1:8081")).toString(),
                 QStringLiteral("http://127.0.0.1:8081"));
        QCOMPARE(RemoteEngineClient::normalizedUrl(QStringLiteral(" https://mort.example/admin/ ")).toString(),
                 QStringLiteral("https://mort.example/admin"));
        QVERIFY(RemoteEngineClient::normalizedUrl(QStringLiteral("http://")).isEmpty());
    }

    void streamDeliversStatsAndCountersMove()
    {
        TestServer server;
        MORT_START(server, kConfig);
        QVERIFY(writeFile(server.path(QStringLiteral("b/hello.txt")), "hello"));
        const QUrl url = adminUrl(server);
        RemoteEngineClient client(url, kToken);
        client.setStreamIntervalMs(200); // the API's minimum: a quick test
        QSignalSpy stats(&client, &EngineClient::statsUpdated);
        QSignalSpy state(&client, &EngineClient::stateChanged);
        QSignalSpy errors(&client, &EngineClient::errorOccurred);
        client.connectToServer();
        QVERIFY(stats.wait(5000));
        QCOMPARE(client.mode(), RemoteEngineClient::Mode::Streaming);
        QVERIFY(client.isRunning());
        QCOMPARE(state.count(), 1);
        QCOMPARE(state.at(0).at(0).toBool(), true);
        const EngineStats first = lastStats(stats);
        QVERIFY(first.running);
        QCOMPARE(first.publicAddresses.value(0), server.address());
        QVERIFY(first.residentBytes > 0);
        QCOMPARE(first.tasks.size(), int(TaskKind::Count));
        // Our own stream is an admin call on the server, not one of its requests.
        QVERIFY(first.tasks.at(int(TaskKind::Admin)).live >= 1);
        QCOMPARE(first.tasks.at(int(TaskKind::Request)).live, 0);
        QCOMPARE(first.requests.inFlight, 0);

        for (int i = 0; i < 3; ++i)
            QCOMPARE(server.get("/b/hello.txt").status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(lastStats(stats).requests.served, first.requests.served + 3, 5000);
        QCOMPARE(lastStats(stats).requests.received, first.requests.received + 3);
        QTRY_VERIFY_WITH_TIMEOUT(lastStats(stats).http.responsesWritten >= first.http.responsesWritten + 3, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(lastStats(stats).responseCacheHits >= 2, 5000); // 1 miss, then hits
        QVERIFY(lastStats(stats).cacheBytes > 0);
        QTRY_VERIFY_WITH_TIMEOUT(stats.count() >= 4, 5000);           // the stream keeps delivering
        QCOMPARE(client.mode(), RemoteEngineClient::Mode::Streaming); // no fallback needed
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).value(0).toString()));

        // The server goes away: reported as unreachable once, not connected any more.
        server.stop(0);
        QTRY_VERIFY_WITH_TIMEOUT(!client.isConnected(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), 10000);
        QVERIFY2(errors.last().at(0).toString().startsWith(QStringLiteral("Cannot reach %1: ").arg(url.toString())),
                 qPrintable(errors.last().at(0).toString()));
        QCOMPARE(state.last().at(0).toBool(), false);
    }

    void streamDeliversLogLinesOnce()
    {
        TestServer server;
        MORT_START(server, kConfig);
        LogRing ring;
        ring.append(QStringLiteral("info"), QStringLiteral("mort.http"), QStringLiteral("before the studio came"));
        server.engine().setLogRing(&ring);
        RemoteEngineClient client(adminUrl(server), kToken);
        client.setStreamIntervalMs(200);
        QSignalSpy logs(&client, &EngineClient::logLinesReceived);
        client.connectToServer();
        QTRY_VERIFY_WITH_TIMEOUT(!logs.isEmpty(), 5000);
        const QList<LogLine> first = logs.at(0).at(0).value<QList<LogLine>>();
        QCOMPARE(first.size(), 1);
        QCOMPARE(first.at(0).message, QStringLiteral("before the studio came"));
        QCOMPARE(first.at(0).level, QStringLiteral("info"));
        QCOMPARE(first.at(0).category, QStringLiteral("mort.http"));
        QCOMPARE(first.at(0).seq, 1u);
        QVERIFY(first.at(0).at.isValid());

        ring.append(QStringLiteral("warn"), QStringLiteral("mort.storage"), QStringLiteral("slow storage"));
        QTRY_VERIFY_WITH_TIMEOUT(logs.count() >= 2, 5000);
        const QList<LogLine> second = logs.at(1).at(0).value<QList<LogLine>>();
        QCOMPARE(second.size(), 1); // only the new line
        QCOMPARE(second.at(0).message, QStringLiteral("slow storage"));
        QCOMPARE(second.at(0).seq, 2u);
        client.disconnectFromServer();
        server.stop();
    }

    void wrongTokenIsReportedAndNotRetried()
    {
        TestServer server;
        MORT_START(server, kConfig);
        RemoteEngineClient client(adminUrl(server), QStringLiteral("not-the-token"));
        client.setReconnectDelays(50, 100);
        QSignalSpy errors(&client, &EngineClient::errorOccurred);
        QSignalSpy stats(&client, &EngineClient::statsUpdated);
        client.connectToServer();
        QVERIFY(errors.wait(5000));
        QCOMPARE(errors.at(0).at(0).toString(),
                 QStringLiteral("The server refused the token (401): check MORT_ADMIN_TOKEN or the saved token."));
        QVERIFY(!client.isConnected());
        QTest::qWait(400); // not a synchronisation: proves no retry in 400 ms, several 50-100 ms reconnect delays
        QCOMPARE(errors.count(), 1);
        QCOMPARE(stats.count(), 0);

        // No token at all against a server that wants one: the same answer.
        RemoteEngineClient anonymous(adminUrl(server), QString());
        QSignalSpy anonymousErrors(&anonymous, &EngineClient::errorOccurred);
        anonymous.listCache(10);
        QVERIFY(anonymousErrors.wait(5000));
        QVERIFY(anonymousErrors.at(0).at(0).toString().contains(QLatin1String("(401)")));
    }

    void unreachableServerSaysWhatToCheck()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close(); // a port nobody listens on
        RemoteEngineClient client(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), kToken);
        client.setReconnectDelays(100, 200);
        QSignalSpy errors(&client, &EngineClient::errorOccurred);
        // Every failed attempt says connectionChanged(false): four of them are the
        // first attempt and three retries (after 100, 200 and 200 ms), as many as
        // the fixed 600 ms this used to wait covered.
        QSignalSpy attempts(&client, &EngineClient::connectionChanged);
        client.connectToServer();
        QVERIFY(errors.wait(5000));
        QCOMPARE(errors.at(0).at(0).toString(),
                 QStringLiteral("Cannot reach http://127.0.0.1:%1: connection refused. "
                                "Is mort-server running and is internalListen reachable?")
                     .arg(port));
        // Retries with backoff, but the same message is not repeated.
        QTRY_VERIFY_WITH_TIMEOUT(attempts.count() >= 4, 5000);
        for (const QList<QVariant> &attempt : std::as_const(attempts))
            QCOMPARE(attempt.at(0).toBool(), false);
        QCOMPARE(errors.count(), 1);
        QVERIFY(!client.isConnected());
    }

    void fallsBackToPollingWithoutTheStream()
    {
        StreamlessServer fake;
        QVERIFY(fake.listen(QHostAddress::LocalHost, 0));
        fake.stats.running = true;
        fake.stats.http.requestsReceived = 41;
        RemoteEngineClient client(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(fake.serverPort())), kToken);
        client.setStreamIntervalMs(200);
        client.setReconnectDelays(300, 300);
        QSignalSpy stats(&client, &EngineClient::statsUpdated);
        client.connectToServer();
        QVERIFY(stats.wait(5000));
        QCOMPARE(client.mode(), RemoteEngineClient::Mode::Polling);
        QCOMPARE(lastStats(stats).http.requestsReceived, 41u);
        fake.stats.http.requestsReceived = 42;
        QTRY_COMPARE_WITH_TIMEOUT(lastStats(stats).http.requestsReceived, 42u, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(fake.streamRequests >= 2, 5000); // keeps trying to get the stream back
        QVERIFY(fake.statsRequests >= 2);
        client.disconnectFromServer();
        QVERIFY(!client.isConnected());
    }

    void cacheListEvictClearRoundTrip()
    {
        TestServer server;
        MORT_START(server, kConfig);
        QVERIFY(writeFile(server.path(QStringLiteral("b/a.txt")), "aaa"));
        QVERIFY(writeFile(server.path(QStringLiteral("b/b.txt")), "bbbb"));
        QCOMPARE(server.get("/b/a.txt").status, 200);
        QCOMPARE(server.get("/b/b.txt").status, 200);
        QCOMPARE(server.engine().cacheEntries(-1)->size(), 2);

        RemoteEngineClient client(adminUrl(server), kToken);
        QSignalSpy listed(&client, &EngineClient::cacheListed);
        QSignalSpy evicted(&client, &EngineClient::cacheEvicted);
        QSignalSpy cleared(&client, &EngineClient::cacheCleared);
        QSignalSpy errors(&client, &EngineClient::errorOccurred);
        client.listCache(100);
        QVERIFY(listed.wait(5000));
        auto entries = listed.last().at(0).value<QList<CacheEntryInfo>>();
        QCOMPARE(entries.size(), 2);
        const QList<CacheEntryInfo> local = *server.engine().cacheEntries(-1);
        QCOMPARE(entries.at(0).key, local.at(0).key);
        QCOMPARE(entries.at(0).status, 200);
        QCOMPARE(entries.at(0).bodyBytes, 4);                    // most recently used first: b.txt
        QCOMPARE(entries.at(0).url, QStringLiteral("/b/b.txt")); // the request it answers
        QCOMPARE(entries.at(1).url, QStringLiteral("/b/a.txt"));
        QVERIFY(entries.at(0).ttlMs > 500'000);

        // One entry: headers always, the body only for images (a preview).
        QSignalSpy fetched(&client, &EngineClient::cacheEntryFetched);
        client.fetchCacheEntry(entries.at(0).key);
        QVERIFY(fetched.wait(5000));
        const CacheEntryView text = fetched.last().at(0).value<CacheEntryView>();
        QCOMPARE(text.info.key, entries.at(0).key);
        QCOMPARE(text.info.url, QStringLiteral("/b/b.txt"));
        QCOMPARE(headerValue(text.headers, "Cache-Control"), QByteArray("max-age=600"));
        QVERIFY(text.body.isEmpty());
        QVERIFY(QFile::copy(QStringLiteral(MORT_TESTDATA_DIR "/photos/gray_800x600.jpg"),
                            server.path(QStringLiteral("b/gray.jpg"))));
        const auto photo = server.get("/b/gray.jpg");
        QCOMPARE(photo.status, 200);
        QString photoKey;
        const Expected<QList<CacheEntryInfo>> cached = server.engine().cacheEntries(-1); // kept alive for the loop
        for (const CacheEntryInfo &e : *cached) {
            if (e.key.endsWith(QLatin1String("gray.jpg")))
                photoKey = e.key;
        }
        client.fetchCacheEntry(photoKey);
        QVERIFY(fetched.wait(5000));
        const CacheEntryView image = fetched.last().at(0).value<CacheEntryView>();
        QCOMPARE(image.info.contentType, QByteArray("image/jpeg"));
        QCOMPARE(image.body, photo.body);
        QVERIFY(*server.engine().evict(photoKey));
        client.fetchCacheEntry(photoKey); // gone: an error that names the entry
        QVERIFY(errors.wait(5000));
        QVERIFY2(errors.last().at(0).toString().contains(QLatin1String("no cache entry")),
                 qPrintable(errors.last().at(0).toString()));
        errors.clear();

        client.evict(entries.at(0).key);
        QVERIFY(evicted.wait(5000));
        QCOMPARE(evicted.at(0).at(0).toString(), entries.at(0).key);
        QCOMPARE(evicted.at(0).at(1).toBool(), true);
        QCOMPARE(server.engine().cacheEntries(-1)->size(), 1);
        client.evict(entries.at(0).key); // gone already: answered, nothing removed
        QVERIFY(evicted.wait(5000));
        QCOMPARE(evicted.at(1).at(1).toBool(), false);

        client.clearCache();
        QVERIFY(cleared.wait(5000));
        client.listCache(100);
        QVERIFY(listed.wait(5000));
        QCOMPARE(listed.last().at(0).value<QList<CacheEntryInfo>>().size(), 0);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).value(0).toString()));
    }

    void attachedWindowShowsStatsAndNoLeak()
    {
        TestServer server;
        MORT_START(server, kConfig);
        RemoteEngineClient client(adminUrl(server), kToken);
        client.setStreamIntervalMs(200);
        MainWindow window(&client);
        window.dashboardPanel()->setLeakIdleSeconds(1);
        window.show();
        client.connectToServer();
        QTRY_VERIFY_WITH_TIMEOUT(window.dashboardPanel()->history()->rowCount() >= 8, 10000);
        auto *addresses = window.findChild<QLabel *>(QStringLiteral("addresses"));
        QVERIFY(addresses->text().contains(server.address()));
        // Idle for more than a second with only our own stream in flight: no false alarm.
        QVERIFY(window.dashboardPanel()->leakDetector().idleLongEnough());
        QVERIFY(window.dashboardPanel()->leakDetector().flags().isEmpty());
        QVERIFY(window.dashboardPanel()->leakLabel()->isHidden());
    }
};

QTEST_MAIN(TestRemoteEngineClient)
#include "tst_remoteengineclient.moc"
