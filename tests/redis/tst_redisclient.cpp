// The Redis connection layer against a real redis-server: handshake options,
// bounded timeouts, fail-fast while down, reconnect, pending bound, pub/sub,
// and a 3-node cluster with a slot moved under the client (MOVED followed).
#include "redis/clusterslot.h"
#include "redis/redisclient.h"
#include "redistestserver.h"
#include "redissync.h"

#include <QMutex>
#include <QTest>

#include <atomic>

using namespace mort;
using namespace mort::test;

namespace {
RedisOptions optionsFor(const QStringList &addresses, const QMap<QString, QString> &clientConfig = {},
                        const QString &type = QStringLiteral("redis"))
{
    return RedisOptions::fromConfig(type, addresses, clientConfig);
}
QByteArray str(const TimedResult &r)
{
    return r.result.reply.str;
}
} // namespace

class TestRedisClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!redisToolsInstalled())
            QSKIP("redis-server/redis-cli not installed (packaging/install-deps.sh installs them)");
    }

    void clusterSlotsFollowTheSpec()
    {
        // Values from the Redis Cluster specification (CRC16/XMODEM, "123456789" -> 0x31C3).
        QCOMPARE(redisCrc16("123456789"), quint16(0x31C3));
        QCOMPARE(redisClusterSlot("foo"), 12182);
        QCOMPARE(redisClusterSlot("{user1000}.following"), redisClusterSlot("user1000"));
        QCOMPARE(redisClusterSlot("foo{}{bar}"), redisClusterSlot("foo{}{bar}")); // empty tag: whole key
        QCOMPARE(redisClusterSlot("foo{{bar}}zap"), redisClusterSlot("{bar"));
    }

    void optionsSplitClientAndServerConfig()
    {
        const RedisOptions o = optionsFor(
            {"127.0.0.1:7000", "[::1]:7001", "bad", "h:0"},
            {{"password", "s3cret"}, {"db", "2"}, {"commandTimeoutMs", "250"}, {"maxmemory-policy", "allkeys-lru"}});
        QCOMPARE(o.mode, RedisOptions::Mode::Ring);
        QCOMPARE(o.nodes.size(), 2);
        QCOMPARE(o.nodes[1].host, QByteArray("::1"));
        RedisNodeAddress local;
        QVERIFY(RedisOptions::parseAddress(":6379", &local));
        QCOMPARE(local.text(), QStringLiteral("127.0.0.1:6379"));
        QCOMPARE(o.password, QByteArray("s3cret"));
        QCOMPARE(o.db, 2);
        QCOMPARE(o.commandTimeoutMs, 250);
        QCOMPARE(o.serverConfig.size(), 1);
        QCOMPARE(o.serverConfig[0].first, QByteArray("maxmemory-policy"));
        const QStringList problems =
            RedisOptions::problems("redis", {"127.0.0.1:7000", "bad"}, {{"commandTimeoutMs", "0"}});
        QCOMPARE(problems,
                 QStringList({"address[1]: bad is not host:port (port 1..65535)",
                              "clientConfig.commandTimeoutMs: must be a whole number from 10 to 600000, got 0"}));
        QVERIFY(RedisOptions::problems("memory", {}, {}).isEmpty());
        QCOMPARE(optionsFor({"a:1"}, {}, "redis-cluster").mode, RedisOptions::Mode::Cluster);
    }

    void commandsRoundTripAndAreCounted()
    {
        RedisTestServer server;
        QVERIFY(server.start());
        RedisClient client(optionsFor({server.address()}), "test");
        QTRY_VERIFY_WITH_TIMEOUT(client.reachable(), 5000);
        QVERIFY(redisCall(client, {"SET", "k", QByteArray("v\0w", 3)}, "k").result.reply.isOk());
        const TimedResult get = redisCall(client, {"GET", "k"}, "k");
        QVERIFY(get.result.ok());
        QCOMPARE(str(get), QByteArray("v\0w", 3));
        QVERIFY(redisCall(client, {"GET", "missing"}, "missing").result.reply.isNil());
        const TimedResult bad = redisCall(client, {"NOSUCHCOMMAND"});
        QCOMPARE(bad.result.failure, RedisResult::Failure::None);
        QVERIFY(bad.result.reply.isError());
        const RedisClientStats s = client.stats();
        QCOMPARE(s.mode, QStringLiteral("single"));
        QVERIFY(s.reachable);
        QCOMPARE(s.errorReplies, quint64(1));
        QCOMPARE(s.failures, quint64(0));
        QCOMPARE(s.pending, qint64(0));
        QVERIFY(s.commands >= 4); // + handshake PING
        QVERIFY(s.rttAvgUs > 0);
    }

    void passwordDbAndServerConfigAreApplied()
    {
        RedisTestServer server({"--requirepass", "s3cret"});
        QVERIFY(server.start());
        RedisClient client(
            optionsFor(
                {server.address()},
                {{"password", "s3cret"}, {"db", "3"}, {"maxmemory-policy", "allkeys-lru"}, {"no-such-setting", "x"}}),
            "test");
        QTRY_VERIFY_WITH_TIMEOUT(client.reachable(), 5000);
        QVERIFY(redisCall(client, {"SET", "indb3", "yes"}).result.reply.isOk());
        QCOMPARE(server.cli({"-n", "3", "GET", "indb3"}, "s3cret"), QByteArray("yes"));
        QCOMPARE(server.cli({"-n", "0", "EXISTS", "indb3"}, "s3cret"), QByteArray("0"));
        // Mort's clientConfig: CONFIG SET on the server; an unknown key is ignored.
        QVERIFY(server.cli({"CONFIG", "GET", "maxmemory-policy"}, "s3cret").endsWith("allkeys-lru"));
    }

    void wrongPasswordIsNeverReachable()
    {
        RedisTestServer server({"--requirepass", "s3cret"});
        QVERIFY(server.start());
        QMap<QString, QString> cc{{"password", "wrong"}, {"connectTimeoutMs", "500"}};
        RedisClient client(optionsFor({server.address()}, cc), "test");
        QTRY_VERIFY_WITH_TIMEOUT(client.stats().reconnects >= 1, 5000);
        QVERIFY(!client.reachable());
        const TimedResult r = redisCall(client, {"GET", "x"});
        QVERIFY(r.elapsedMs >= 0);
        QVERIFY(!r.result.ok());
    }

    // A server that stops answering costs a command at most commandTimeoutMs.
    void commandTimeoutBoundsASlowServer()
    {
        RedisTestServer server;
        QVERIFY(server.start());
        RedisClient client(optionsFor({server.address()}, {{"commandTimeoutMs", "300"}}), "test");
        QTRY_VERIFY_WITH_TIMEOUT(client.reachable(), 5000);
        server.cliDetached({"DEBUG", "SLEEP", "2"});
        // Bounded poll until the server is asleep (our PINGs start timing out).
        TimedResult r;
        const QDeadlineTimer deadline(3000);
        do {
            r = redisCall(client, {"PING"}, {}, 3000);
        } while (r.result.ok() && !deadline.hasExpired());
        QCOMPARE(r.result.failure, RedisResult::Failure::Timeout);
        QVERIFY2(r.elapsedMs >= 250 && r.elapsedMs < 300 + 250, qPrintable(QString::number(r.elapsedMs)));
        QCOMPARE(client.stats().timeouts, quint64(1));
        // While the connection is being replaced, commands fail fast.
        const TimedResult fast = redisCall(client, {"PING"});
        QVERIFY(!fast.result.ok());
        QVERIFY2(fast.elapsedMs < 400, qPrintable(QString::number(fast.elapsedMs)));
        // The server wakes up: the client is back without help.
        QTRY_VERIFY_WITH_TIMEOUT(redisCall(client, {"PING"}).result.ok(), 10'000);
        QCOMPARE(client.stats().pending, qint64(0));
    }

    void pendingCommandsAreBounded()
    {
        RedisTestServer server;
        QVERIFY(server.start());
        RedisClient client(optionsFor({server.address()}, {{"commandTimeoutMs", "2000"}, {"maxPending", "8"}}), "test");
        QTRY_VERIFY_WITH_TIMEOUT(client.reachable(), 5000);
        // Every client's commands wait 1.5 s; CLIENT PAUSE itself answers at once.
        QCOMPARE(server.cli({"CLIENT", "PAUSE", "1500"}), QByteArray("OK"));
        std::atomic<int> overloaded{0};
        std::atomic<int> answered{0};
        for (int i = 0; i < 12; ++i)
            client.command({}, {"PING"}, [&](RedisResult r) {
                if (r.failure == RedisResult::Failure::Overloaded)
                    ++overloaded;
                else if (r.ok())
                    ++answered;
            });
        QTRY_COMPARE_WITH_TIMEOUT(overloaded.load() + answered.load(), 12, 5000);
        QCOMPARE(overloaded.load(), 4);
        QCOMPARE(client.stats().overloaded, quint64(4));
    }

    void downServerFailsFastAndRecovers()
    {
        RedisTestServer server;
        QVERIFY(server.start());
        RedisClient client(optionsFor({server.address()}, {{"connectTimeoutMs", "300"}}), "test");
        QTRY_VERIFY_WITH_TIMEOUT(client.reachable(), 5000);
        server.kill();
        QTRY_VERIFY_WITH_TIMEOUT(!client.reachable(), 5000);
        for (int i = 0; i < 50; ++i) {
            const TimedResult r = redisCall(client, {"GET", "x"});
            QVERIFY(!r.result.ok());
            QVERIFY2(r.elapsedMs < 350, qPrintable(QString::number(r.elapsedMs)));
        }
        QCOMPARE(client.stats().pending, qint64(0));
        // It keeps trying (refused connects, backing off) ...
        QTRY_VERIFY_WITH_TIMEOUT(client.stats().connectFailures >= 1, 5000);
        QVERIFY(client.stats().reconnects >= 1);
        QCOMPARE(client.stats().pending, qint64(0));
        // ... and is back once the server is.
        QVERIFY(server.start());
        QTRY_VERIFY_WITH_TIMEOUT(client.reachable(), 10'000);
        QVERIFY(redisCall(client, {"PING"}).result.ok());
    }

    void pubSubDeliversAndUnsubscribes()
    {
        RedisTestServer server;
        QVERIFY(server.start());
        RedisClient client(optionsFor({server.address()}), "test");
        QTRY_VERIFY_WITH_TIMEOUT(client.reachable(), 5000);
        std::atomic<int> confirmed{0};
        QList<QByteArray> got;
        QMutex mutex;
        const quint64 id = client.subscribe(
            "chan",
            [&](const QByteArray *payload) {
                QMutexLocker lock(&mutex);
                got << (payload ? *payload : QByteArray("<lost>"));
            },
            [&](RedisResult r) { confirmed = r.ok() ? 1 : -1; });
        QTRY_COMPARE_WITH_TIMEOUT(confirmed.load(), 1, 5000);
        QCOMPARE(client.stats().subscriptions, 1);
        QCOMPARE(redisCall(client, {"PUBLISH", "chan", "hello"}, "chan").result.reply.integer, 1LL);
        QTRY_COMPARE_WITH_TIMEOUT(
            [&] {
                QMutexLocker lock(&mutex);
                return got;
            }(),
            QList<QByteArray>{"hello"}, 5000);
        client.unsubscribe(id);
        QTRY_COMPARE_WITH_TIMEOUT(client.stats().subscriptions, 0, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(server.cli({"PUBSUB", "NUMSUB", "chan"}), QByteArray("chan\n0"), 5000);
        // A subscriber whose connection drops is told (nullptr), not left waiting.
        client.subscribe(
            "chan2",
            [&](const QByteArray *payload) {
                QMutexLocker lock(&mutex);
                got << (payload ? *payload : QByteArray("<lost>"));
            },
            [&](RedisResult r) { confirmed = r.ok() ? 2 : -1; });
        QTRY_COMPARE_WITH_TIMEOUT(confirmed.load(), 2, 5000);
        server.kill();
        QTRY_COMPARE_WITH_TIMEOUT(
            [&] {
                QMutexLocker lock(&mutex);
                return got.value(1);
            }(),
            QByteArray("<lost>"), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(client.stats().subscriptions, 0, 5000);
    }

    void ringSpreadsKeysAndSkipsADownNode()
    {
        RedisTestServer a, b;
        QVERIFY(a.start());
        QVERIFY(b.start());
        RedisClient client(optionsFor({a.address(), b.address()}, {{"connectTimeoutMs", "300"}}), "test");
        QTRY_COMPARE_WITH_TIMEOUT(client.stats().nodesReady, 2, 5000);
        for (int i = 0; i < 40; ++i) {
            const QByteArray key = "key" + QByteArray::number(i);
            QVERIFY(redisCall(client, {"SET", key, "1"}, key).result.reply.isOk());
        }
        const int onA = a.cli({"DBSIZE"}).toInt();
        const int onB = b.cli({"DBSIZE"}).toInt();
        QCOMPARE(onA + onB, 40);
        QVERIFY2(onA >= 8 && onB >= 8, qPrintable(QStringLiteral("%1/%2").arg(onA).arg(onB)));
        b.kill();
        QTRY_COMPARE_WITH_TIMEOUT(client.stats().nodesReady, 1, 5000);
        for (int i = 0; i < 40; ++i) {
            const QByteArray key = "key" + QByteArray::number(i);
            QVERIFY(redisCall(client, {"SET", key, "2"}, key).result.reply.isOk());
        }
        QCOMPARE(a.cli({"DBSIZE"}).toInt(), 40);
    }

    void clusterRoutesBySlotAndFollowsMoved()
    {
        RedisTestCluster cluster;
        QVERIFY(cluster.start());
        RedisClient client(optionsFor({cluster.addresses().first()}, {}, "redis-cluster"), "test");
        QTRY_VERIFY_WITH_TIMEOUT(client.reachable(), 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(client.stats().nodesKnown, 3, 5000);
        for (int i = 0; i < 30; ++i) {
            const QByteArray key = "ck" + QByteArray::number(i);
            QVERIFY2(redisCall(client, {"SET", key, key}, key).result.reply.isOk(), key.constData());
            QCOMPARE(str(redisCall(client, {"GET", key}, key)), key);
        }
        QCOMPARE(client.stats().redirects, quint64(0));
        // Move the (empty) slot of "moved-key" to another master behind the client's back.
        const int slot = redisClusterSlot("moved-key");
        int ownerIndex = -1;
        QByteArray targetId;
        // Owner = the node that accepts the key without MOVED.
        for (int i = 0; i < 3; ++i)
            if (!cluster.node(i).cli({"SET", "moved-key", "x"}).startsWith("MOVED"))
                ownerIndex = i;
        QVERIFY(ownerIndex >= 0);
        QCOMPARE(cluster.node(ownerIndex).cli({"DEL", "moved-key"}), QByteArray("1"));
        const int target = (ownerIndex + 1) % 3;
        targetId = cluster.node(target).cli({"CLUSTER", "MYID"});
        for (int i = 0; i < 3; ++i)
            QCOMPARE(cluster.node(i).cli(
                         {"CLUSTER", "SETSLOT", QString::number(slot), "NODE", QString::fromLatin1(targetId)}),
                     QByteArray("OK"));
        QVERIFY(redisCall(client, {"SET", "moved-key", "y"}, "moved-key").result.reply.isOk());
        QCOMPARE(cluster.node(target).cli({"GET", "moved-key"}), QByteArray("y"));
        QVERIFY(client.stats().redirects >= 1);
        // Cluster pub/sub: a message published through any node reaches the subscriber.
        std::atomic<int> confirmed{0};
        std::atomic<int> received{0};
        client.subscribe(
            "cchan",
            [&](const QByteArray *p) {
                if (p && *p == "hi")
                    ++received;
            },
            [&](RedisResult r) { confirmed = r.ok() ? 1 : -1; });
        QTRY_COMPARE_WITH_TIMEOUT(confirmed.load(), 1, 5000);
        cluster.node(2).cli({"PUBLISH", "cchan", "hi"});
        QTRY_COMPARE_WITH_TIMEOUT(received.load(), 1, 5000);
    }
};

QTEST_GUILESS_MAIN(TestRedisClient)
#include "tst_redisclient.moc"
