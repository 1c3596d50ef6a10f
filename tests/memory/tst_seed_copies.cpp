// Seed findings about body copies: 4 (ReadAll in Close), 6 (CopyBody),
// 7 (double copy in the memory cache), 9 (several copies of large files),
// 10 (small io.Copy buffers), 23 (four body fields in Response).
// Zero-copy is checked by QByteArray::constData() identity on what the
// ObjectHandler hands to HttpExchange::respond() (HandlerRig: exchanges
// without a socket) and by heap/RSS budgets.
// Coverage: all six. Findings 9, 10 and 23 also check DESIGN's streaming rule
// for objects over maxCacheItemSize (HttpResponse::stream, BodyStream).
#include "sanitizers.h"
#include "seedsupport.h"

#include "cache/cachedresponse.h"
#include "http/httpconnection.h"

#include <vector>

using namespace mort;
using namespace mort::test;

namespace {

const QString kCachedConfig = QStringLiteral(R"yaml(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "localhost:0"
  concurrentImageProcessing: 50
  cache:
    type: memory
    cacheSize: 67108864
headers:
  - statusCodes: [200]
    values: {"cache-control": "max-age=600, public"}
buckets:
  c:
    transform:
      kind: query
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
      transform: {kind: "local-meta", rootPath: "@ROOT@/results"}
)yaml");

const QString kPlainConfig = QStringLiteral(R"yaml(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "localhost:0"
buckets:
  c:
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
)yaml");

constexpr qint64 kLargeBody = 32LL << 20;

// GET of `target`; reads the response (headers + Content-Length bytes) and
// throws the bytes away as they come. Returns the body length received.
qint64 getDiscarding(const QString &address, const QByteArray &target, QTcpSocket *socket = nullptr)
{
    QTcpSocket own;
    QTcpSocket &s = socket ? *socket : own;
    if (!socket) {
        const int colon = address.lastIndexOf(QLatin1Char(':'));
        s.setReadBufferSize(256 * 1024);
        s.connectToHost(address.left(colon), address.mid(colon + 1).toUShort());
        if (!s.waitForConnected(5000))
            return -1;
        s.write(RawHttpClient::requestBytes("GET", target));
    }
    QByteArray head;
    qint64 length = -1, received = 0;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 30000) {
        if (s.bytesAvailable() == 0 && !s.waitForReadyRead(1000))
            continue;
        QByteArray chunk = s.read(256 * 1024);
        if (length < 0) {
            head += chunk;
            const qsizetype end = head.indexOf("\r\n\r\n");
            if (end < 0)
                continue;
            for (const QByteArray &line : head.left(end).split('\n'))
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            received = head.size() - (end + 4);
            head.clear();
        } else {
            received += chunk.size();
        }
        if (length >= 0 && received >= length)
            break;
    }
    return received;
}

} // namespace

class TestSeedCopies : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Fixed malloc thresholds: large bodies are always mmapped and returned to
        // the kernel when freed, so one test's freed body cannot hide the next
        // test's copy inside RSS (glibc raises the threshold dynamically otherwise).
        if (mort::test::kUnderSanitizer)
            QSKIP("heap and RSS budgets need glibc malloc; sanitizers replace it (tests/sanitizers.h)");
        QVERIFY(mallopt(M_MMAP_THRESHOLD, 256 * 1024) == 1);
        QVERIFY(mallopt(M_TRIM_THRESHOLD, 1024 * 1024) == 1);
    }

    // Finding 4: Mort's Response.Close() io.ReadAll'ed the rest of the body
    // just to discard it. Rule: a body is a shared buffer released by refcount;
    // dropping a response reads and copies nothing. Proves: (a) a 16 MiB body
    // handed to an exchange whose client left is held as the same buffer
    // (heap +< 64 KiB) and released with the exchange; (b) 12 clients that
    // leave after the first bytes of a 24 MiB original leave no task and no
    // more than 8 MiB of live heap behind.
    void finding04_droppedResponseIsReleasedNotRead()
    {
        TaskRegistry tasks;
        QByteArray body(16 << 20, 'x');
        {
            auto link = std::make_shared<ConnectionLink>(); // the client has left
            auto exchange =
                std::make_shared<HttpExchange>(HttpRequest{}, link, TaskScope(&tasks, TaskKind::Request), true);
            const qint64 heapBefore = heapLiveBytes();
            exchange->respond(HttpResponse(200, body, "image/jpeg"));
            QVERIFY2(heapLiveBytes() - heapBefore < 64 * 1024, "respond() copied or read the body");
            QVERIFY(!body.isDetached()); // the exchange holds the very same buffer
        }
        QVERIFY(body.isDetached()); // released with the exchange, nobody kept it
        QCOMPARE(tasks.liveTotal(), qint64(0));

        TestServer server;
        QVERIFY(writeFiller(server.path("originals/c/large.bin"), 24LL << 20));
        MORT_START(server, kPlainConfig);
        QCOMPARE(getDiscarding(server.address(), "/c/large.bin"), 24LL << 20); // warm-up
        const qint64 heapBefore = heapLiveBytes();
        for (int i = 0; i < 12; ++i) {
            RawHttpClient client(server.address());
            QVERIFY(client.send(RawHttpClient::requestBytes("GET", "/c/large.bin")));
            QVERIFY(client.device().waitForReadyRead(10000)); // the response has started
            client.abort();
        }
        QTRY_COMPARE_WITH_TIMEOUT(server.engine().tasks().liveTotal(), qint64(0), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(server.engine().stats().http.connectionsOpen, qint64(0), 5000);
        const qint64 growth = heapLiveBytes() - heapBefore;
        qInfo("live heap after 12 abandoned 24 MiB responses: %+.1f MiB", growth / 1048576.0);
        QVERIFY2(growth < (8LL << 20), "abandoned response bodies are still held");
    }

    // Finding 6: Mort's CopyBody() allocated and copied the whole body on every
    // Copy(). Rule: bodies are implicitly shared QByteArrays; handing one on is a
    // refcount bump. Proves: a CachedResponse made from a 1 MiB response and 64
    // HttpResponses made from it all point at the same bytes, and holding all
    // of them costs < 256 KiB of heap (one copy would be 1 MiB).
    void finding06_responseBodyIsSharedNotCopied()
    {
        HttpResponse original(200, QByteArray(1 << 20, 'b'), "image/webp");
        const qint64 heapBefore = heapLiveBytes();
        const SharedResponse cached = CachedResponse::fromResponse(original);
        std::vector<HttpResponse> handedOut;
        for (int i = 0; i < 64; ++i)
            handedOut.push_back(cached->toHttpResponse());
        const qint64 growth = heapLiveBytes() - heapBefore;
        QCOMPARE_SAME_BUFFER(cached->body(), original.body);
        for (const HttpResponse &r : handedOut)
            QCOMPARE_SAME_BUFFER(r.body, original.body);
        QVERIFY2(growth < 256 * 1024, qPrintable(QStringLiteral("holding 65 responses cost %1 bytes").arg(growth)));
    }

    // Finding 7: Mort's memory cache copied the response on Set and again on
    // every Get. Rule: the cache stores an immutable shared response; a hit
    // hands out the stored object itself. Proves: 100 gets return the inserted
    // object; through the real ObjectHandler, the body delivered for the miss,
    // the body stored in the cache and the body delivered for the hit are one
    // buffer.
    void finding07_cacheHitIsZeroCopy()
    {
        ResponseCache cache(8 << 20, 4 << 20);
        const SharedResponse stored =
            CachedResponse::create(200, {{"Content-Type", "image/png"}}, QByteArray(1 << 20, 'c'));
        QVERIFY(cache.insert(QStringLiteral("k"), stored, 60));
        for (int i = 0; i < 100; ++i) {
            const SharedResponse hit = cache.get(QStringLiteral("k"));
            QCOMPARE(hit.get(), stored.get());
            QCOMPARE_SAME_BUFFER(hit->body(), stored->body());
        }

        HandlerRig rig;
        QVERIFY(rig.addFile(QStringLiteral("photos/photo_800x600.jpg"), QStringLiteral("originals/c/small.jpg")));
        const QString error = rig.start(kCachedConfig);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const std::optional<HttpResponse> miss = rig.run(rig.exchange("GET", QStringLiteral("/c/small.jpg")));
        QVERIFY(miss.has_value());
        QCOMPARE(miss->status, 200);
        QVERIFY(!hasHeader(miss->headers, "x-mort-cache"));
        const QList<CacheEntryInfo> entries = rig.cache->entries(-1);
        QCOMPARE(entries.size(), 1);
        const SharedResponse entry = rig.cache->get(entries.first().key);
        QVERIFY(entry);
        const std::optional<HttpResponse> hit = rig.run(rig.exchange("GET", QStringLiteral("/c/small.jpg")));
        QVERIFY(hit.has_value());
        QCOMPARE(hit->header("x-mort-cache"), QByteArray("hit"));
        QCOMPARE_SAME_BUFFER(entry->body(), miss->body);
        QCOMPARE_SAME_BUFFER(hit->body, entry->body());
        QCOMPARE(hit->body.size(), 75759);
    }

    // Finding 9: Mort copied a response to cache it (and buffered it again), so
    // a large result lived in memory 2-3 times. Rule: one immutable buffer is
    // shared by the client, the collapsed waiters and the cache. Proves:
    // (a) for a transform with a collapsed waiter, the leader's response, the
    // waiter's response and the cache entry are one buffer; (b) a 32 MiB
    // original (over maxCacheItemSize) is streamed: peak RSS grows < 16 MiB,
    // i.e. not even one whole copy is held.
    void finding09_largeResultExistsOnce()
    {
        {
            HandlerRig rig;
            QVERIFY(rig.addFile(QStringLiteral("photos/photo_6000x4000.jpg"), QStringLiteral("originals/c/big.jpg")));
            const QString error = rig.start(kCachedConfig);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            const QByteArray query = "operation=blur&sigma=8&width=2000";
            const HttpExchangePtr leader = rig.exchange("GET", QStringLiteral("/c/big.jpg"), query);
            rig.handler->handle(leader);
            QVERIFY(pollUntil([&] { return rig.tasks.live(TaskKind::Transform) == 1; }, 10000));
            const HttpExchangePtr waiter = rig.exchange("GET", QStringLiteral("/c/big.jpg"), query);
            rig.handler->handle(waiter);
            const std::optional<HttpResponse> led = HandlerRig::await(leader, 60000);
            const std::optional<HttpResponse> waited = HandlerRig::await(waiter, 60000);
            QVERIFY(led && waited);
            QCOMPARE(led->status, 200);
            QCOMPARE(waited->status, 200);
            QCOMPARE(rig.collapser->stats().collapsed, quint64(1)); // it really waited on the leader
            QCOMPARE(rig.collapser->stats().completed, quint64(1));
            QCOMPARE_SAME_BUFFER(waited->body, led->body);
            const QList<CacheEntryInfo> entries = rig.cache->entries(-1);
            QCOMPARE(entries.size(), 1);
            QCOMPARE_SAME_BUFFER(rig.cache->get(entries.first().key)->body(), led->body);
            QVERIFY(led->body.size() > 100 * 1024);
        }

        TestServer server;
        QVERIFY(writeFiller(server.path("originals/c/large.bin"), kLargeBody));
        MORT_START(server, kPlainConfig);
        QVERIFY(writeFiller(server.path("originals/c/warm.bin"), 64 * 1024));
        QCOMPARE(getDiscarding(server.address(), "/c/warm.bin"), qint64(64 * 1024)); // pools, storage client
        const qint64 rssBefore = readProcessStats().residentBytes;
        QVERIFY(resetPeakRss());
        QCOMPARE(getDiscarding(server.address(), "/c/large.bin"), kLargeBody);
        const qint64 peakGrowth = readProcessStats().peakResidentBytes - rssBefore;
        qInfo("peak RSS growth serving a %lld MiB original: %.1f MiB", kLargeBody >> 20, peakGrowth / 1048576.0);
        QVERIFY2(peakGrowth < (16LL << 20), "a large original was buffered (or copied) whole instead of streamed");
    }

    // Finding 10: Mort streamed with io.Copy's default 32 KB buffers (hundreds
    // of allocations per image). Rule: the transport writes a body in bounded
    // 256 KiB pieces driven by bytesWritten, never the whole body into the
    // socket buffer. Proves: with a client that stops reading, a streamed
    // 32 MiB response raises peak RSS by < 8 MiB (reading the device whole or
    // queueing it all in the socket would add 32 MiB), and the body still
    // arrives whole once the client reads again.
    void finding10_transportBuffersAreBoundedPieces()
    {
        QCOMPARE(HttpConnection::kWriteChunk, qint64(256 * 1024));
        TestServer server;
        QVERIFY(writeFiller(server.path("originals/c/large.bin"), kLargeBody));
        QVERIFY(writeFiller(server.path("originals/c/warm.bin"), 64 * 1024));
        MORT_START(server, kPlainConfig);
        QCOMPARE(getDiscarding(server.address(), "/c/warm.bin"), qint64(64 * 1024)); // pools, storage client
        const qint64 rssBefore = readProcessStats().residentBytes;
        QVERIFY(resetPeakRss());

        QTcpSocket stalled;
        stalled.setReadBufferSize(64 * 1024); // stops reading from the kernel when full
        const int colon = server.address().lastIndexOf(QLatin1Char(':'));
        stalled.connectToHost(server.address().left(colon), server.address().mid(colon + 1).toUShort());
        QVERIFY(stalled.waitForConnected(5000));
        stalled.write(RawHttpClient::requestBytes("GET", "/c/large.bin"));
        QVERIFY(stalled.waitForBytesWritten(5000));
        // Wait until the client's buffer is full: from now on the server can only queue.
        QVERIFY(pollUntil(
            [&] {
                stalled.waitForReadyRead(10);
                return stalled.bytesAvailable() >= 64 * 1024;
            },
            10000));
        QVERIFY(pollUntil([&] { return server.engine().stats().downloads >= 2; }, 10000));
        QTRY_COMPARE_WITH_TIMEOUT(server.engine().tasks().live(TaskKind::Fetch), qint64(0), 10000);
        const qint64 stalledGrowth = readProcessStats().peakResidentBytes - rssBefore;
        qInfo("peak RSS growth with a stalled reader: %.1f MiB (body %lld MiB)", stalledGrowth / 1048576.0,
              kLargeBody >> 20);
        QVERIFY2(stalledGrowth < (8LL << 20), "the transport buffered the body instead of streaming it in pieces");

        stalled.setReadBufferSize(256 * 1024);
        QCOMPARE(getDiscarding(server.address(), "/c/large.bin", &stalled), kLargeBody);
    }

    // Finding 23: Mort's Response had four body fields (body, reader,
    // bodyReader, stream) and Close() had to drain each. Rule: a body is one
    // thing -- one shared buffer, or (respondStream) a stream, never both.
    // Proves: HttpResponse has exactly one buffer and one stream member and
    // CachedResponse one buffer (another body field changes their size); the
    // ObjectHandler answers a small original with a buffer only and an
    // original over maxCacheItemSize with a stream only; an exchange keeps
    // only the first of respond()/respondStream().
    void finding23_responseHasOneBodyForm()
    {
        struct OneBodyResponse
        {
            int status;
            HttpHeaders headers;
            QByteArray body;
            std::shared_ptr<BodyStream> stream;
        };
        struct OneBodyCached
        {
            int status;
            HttpHeaders headers;
            QByteArray body;
            qint64 headerBytes;
            qint64 cost;
        };
        QCOMPARE(sizeof(HttpResponse), sizeof(OneBodyResponse));
        QCOMPARE(sizeof(CachedResponse), sizeof(OneBodyCached));

        {
            HandlerRig rig;
            QVERIFY(rig.addFile(QStringLiteral("photos/photo_800x600.jpg"), QStringLiteral("originals/c/small.jpg")));
            QVERIFY(writeFiller(rig.root() + QStringLiteral("/originals/c/large.bin"), 12LL << 20));
            const QString error = rig.start(kCachedConfig);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            const std::optional<HttpResponse> small = rig.run(rig.exchange("GET", QStringLiteral("/c/small.jpg")));
            QVERIFY(small.has_value());
            QCOMPARE(small->body.size(), 75759);
            QVERIFY(!small->stream);
            const std::optional<HttpResponse> large = rig.run(rig.exchange("GET", QStringLiteral("/c/large.bin")));
            QVERIFY(large.has_value());
            QCOMPARE(large->status, 200);
            QVERIFY(large->stream);
            QVERIFY(large->body.isEmpty());
            QCOMPARE(large->stream->length, 12LL << 20);
            QCOMPARE(rig.cache->stats().items, qint64(1)); // only the buffered one is cached
        }

        TaskRegistry tasks;
        auto link = std::make_shared<ConnectionLink>();
        auto buffered = std::make_shared<HttpExchange>(HttpRequest{}, link, TaskScope(&tasks, TaskKind::Request), true);
        buffered->respond(HttpResponse(200, QByteArray(1024, 'a')));
        buffered->respondStream(HttpResponse(200), 10, [] { return std::optional<QByteArray>(); });
        QVERIFY(buffered->takeResponse().has_value());
        QVERIFY(!buffered->takeStream().has_value());

        auto streamed = std::make_shared<HttpExchange>(HttpRequest{}, link, TaskScope(&tasks, TaskKind::Request), true);
        streamed->respondStream(HttpResponse(200), 10, [] { return std::optional<QByteArray>(); });
        streamed->respond(HttpResponse(200, QByteArray(1024, 'b')));
        const std::optional<HttpResponse> head = streamed->takeResponse();
        QVERIFY(head.has_value());
        QVERIFY(head->body.isEmpty()); // the later buffered body was not kept next to the stream
        QVERIFY(streamed->takeStream().has_value());
    }
};

QTEST_GUILESS_MAIN(TestSeedCopies)
#include "tst_seed_copies.moc"
