// Issue 20 item 4: the studio shows Redis. Against a real redis-server started
// here on a free loopback port (stopped by its PID): the status and the
// dashboard name the cache and lock backends, Redis as reachable with a round
// trip, and as unreachable once redis-server is gone; the cache browser lists
// an entry stored in Redis (embedded engine and, through the admin API, a
// remote one) and evicting it removes the key from Redis.
#include "client/localengineclient.h"
#include "client/remoteengineclient.h"
#include "integration/testserver.h"
#include "previewtestsupport.h"
#include "redis/redistestserver.h"
#include "ui/cache/cachebrowserpanel.h"
#include "ui/cache/cacheentrymodel.h"
#include "ui/dashboard/dashboardpanel.h"
#include "ui/status/serverstatuspanel.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QItemSelectionModel>
#include <QLabel>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace mort;
using namespace mort::test;

namespace {

const QByteArray kToken = "redis-gui-test-token-0123456789";

ConfigPtr redisConfig(const QString &redisAddress, const QString &originals)
{
    auto config = ConfigLoader::fromText(QStringLiteral(R"yaml(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
  adminToken: "%3"
  cache:
    type: redis
    address: ["%1"]
    clientConfig: {commandTimeoutMs: "300", connectTimeoutMs: "300"}
  lock:
    type: redis
    address: ["%1"]
    clientConfig: {commandTimeoutMs: "300", connectTimeoutMs: "300"}
headers:
  - statusCodes: [200]
    values: {"cache-control": "max-age=600, public"}
buckets:
  b:
    storages:
      basic: {kind: "local-meta", rootPath: "%2"}
)yaml")
                                             .arg(redisAddress, originals, QString::fromLatin1(kToken)));
    return config ? config.value() : nullptr;
}

QString textOf(const QWidget &panel, const QString &objectName)
{
    const auto *label = panel.findChild<QLabel *>(objectName);
    return label ? label->text() : QStringLiteral("(no label %1)").arg(objectName);
}

// The proxy row of the first entry held in Redis; -1 when none is listed.
int redisRow(const CacheBrowserPanel &panel)
{
    for (int row = 0; row < panel.proxy()->rowCount(); ++row) {
        const QModelIndex source = panel.proxy()->mapToSource(panel.proxy()->index(row, 0));
        if (CacheEntryModel::inRedis(panel.model()->entry(source.row())))
            return row;
    }
    return -1;
}

} // namespace

class TestStudioRedis : public QObject
{
    Q_OBJECT

    std::unique_ptr<RedisTestServer> m_redis;
    QTemporaryDir m_originals;
    std::unique_ptr<LocalEngineClient> m_client;

    // GET of the photo on the engine's public listener: the response goes into Redis.
    QByteArray storeEntry(const QString &path)
    {
        const EngineStats s = m_client->engine()->stats();
        RawHttpClient http(s.publicAddresses.value(0));
        const Reply reply = http.request("GET", path.toUtf8());
        if (reply.status != 200)
            return {};
        // Stored in the background (a cache-fill task): a bounded poll.
        QByteArray keys;
        const QDeadlineTimer deadline(5000);
        while (keys.isEmpty() && !deadline.hasExpired()) {
            keys = m_redis->cli({QStringLiteral("--scan"), QStringLiteral("--pattern"), QStringLiteral("mort-v1:*")});
            if (keys.isEmpty())
                QTest::qWait(20); // the poll's period, not a synchronisation
        }
        return keys;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!redisToolsInstalled())
            QSKIP("redis-server/redis-cli not installed (packaging/install-deps.sh installs them)");
        m_redis = std::make_unique<RedisTestServer>();
        QVERIFY(m_redis->start());
        QVERIFY(QDir().mkpath(m_originals.filePath(QStringLiteral("b"))));
        QVERIFY(QFile::copy(photoPath(QStringLiteral("photo_300x200.jpg")), m_originals.filePath("b/photo.jpg")));
        m_client = std::make_unique<LocalEngineClient>(redisConfig(m_redis->address(), m_originals.path()),
                                                       QStringLiteral("redis.yml"));
        QVERIFY(m_client->start());
    }

    void cacheBrowserListsAndEvictsRedisEntries()
    {
        const QByteArray stored = storeEntry(QStringLiteral("/b/photo.jpg"));
        QCOMPARE(stored, QByteArray("mort-v1:b/photo.jpg"));
        CacheBrowserPanel panel(m_client.get());
        panel.setConfirm([](const QString &, const QString &) { return true; });
        panel.resize(1100, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_VERIFY_WITH_TIMEOUT(redisRow(panel) >= 0, 5000);
        const int row = redisRow(panel);
        const CacheEntryInfo entry =
            panel.model()->entry(panel.proxy()->mapToSource(panel.proxy()->index(row, 0)).row());
        QCOMPARE(entry.key, QStringLiteral("b/photo.jpg"));
        QCOMPARE(entry.status, 200);
        QCOMPARE(entry.contentType, QByteArray("image/jpeg"));
        QVERIFY(entry.size > 1000);
        QVERIFY(entry.ttlMs > 500'000 && entry.ttlMs <= 600'000);
        QCOMPARE(panel.proxy()->index(row, CacheEntryModel::BackendColumn).data().toString(), QStringLiteral("Redis"));
        QVERIFY2(panel.totalsLabel()->text().contains(QStringLiteral("1 in Redis")),
                 qPrintable(panel.totalsLabel()->text()));

        // Evict it (and the in-process copy of the same key, if any): gone from Redis.
        panel.view()->selectionModel()->select(panel.proxy()->index(row, 0),
                                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QSignalSpy evicted(m_client.get(), &EngineClient::cacheEvicted);
        panel.evictSelected();
        QTRY_VERIFY_WITH_TIMEOUT(!evicted.isEmpty(), 5000);
        QCOMPARE(evicted.at(0).at(1).toBool(), true);
        QCOMPARE(m_redis->cli({QStringLiteral("EXISTS"), QString::fromLatin1(stored)}), QByteArray("0"));
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isBusy() && redisRow(panel) < 0, 5000);
    }

    // The same through the admin API: RemoteEngineClient lists the Redis
    // entry with its backend and evicts it there.
    void remoteClientListsAndEvictsRedisEntries()
    {
        const QByteArray stored = storeEntry(QStringLiteral("/b/photo.jpg"));
        QVERIFY(!stored.isEmpty());
        const EngineStats s = m_client->engine()->stats();
        RemoteEngineClient remote(RemoteEngineClient::normalizedUrl(s.internalAddresses.value(0)),
                                  QString::fromLatin1(kToken));
        QSignalSpy stats(&remote, &EngineClient::statsUpdated);
        remote.connectToServer();
        QVERIFY(stats.wait(5000));
        const EngineStats remoteStats = stats.last().at(0).value<EngineStats>();
        QCOMPARE(remoteStats.shared.cacheBackend, QStringLiteral("redis"));
        QVERIFY(remoteStats.shared.redisReachable);
        QSignalSpy listed(&remote, &EngineClient::cacheListed);
        remote.listCache(100);
        QVERIFY(listed.wait(5000));
        bool found = false;
        for (const CacheEntryInfo &e : listed.at(0).at(0).value<QList<CacheEntryInfo>>())
            found = found || (e.backend == QLatin1String("redis") && e.key == QLatin1String("b/photo.jpg"));
        QVERIFY(found);
        QSignalSpy evicted(&remote, &EngineClient::cacheEvicted);
        remote.evict(QStringLiteral("b/photo.jpg"));
        QVERIFY(evicted.wait(5000));
        QCOMPARE(m_redis->cli({QStringLiteral("EXISTS"), QString::fromLatin1(stored)}), QByteArray("0"));
    }

    // Last: it stops redis-server.
    void statusShowsBackendsReachabilityAndRoundTrip()
    {
        ServerStatusPanel status;
        DashboardPanel dashboard;
        connect(m_client.get(), &EngineClient::statsUpdated, &status, &ServerStatusPanel::showStats);
        connect(m_client.get(), &EngineClient::statsUpdated, &dashboard, &DashboardPanel::showStats);
        QTimer poll; // as the window does for the embedded engine
        connect(&poll, &QTimer::timeout, m_client.get(), &EngineClient::refresh);
        poll.start(100);
        storeEntry(QStringLiteral("/b/photo.jpg")); // a few Redis commands: a round trip to show
        static const QRegularExpression rtt(QStringLiteral("reachable · round trip \\d+\\.\\d\\d ms"));
        QTRY_VERIFY_WITH_TIMEOUT(rtt.match(textOf(status, QStringLiteral("redis"))).hasMatch(), 5000);
        QCOMPARE(textOf(status, QStringLiteral("backends")), QStringLiteral("cache: redis · lock: redis"));
        QVERIFY2(textOf(status, QStringLiteral("redis")).startsWith(m_redis->address()),
                 qPrintable(textOf(status, QStringLiteral("redis"))));
        QVERIFY(status.findChild<QLabel *>(QStringLiteral("redis"))->isVisibleTo(&status));
        QVERIFY2(textOf(dashboard, QStringLiteral("backends"))
                     .startsWith(QStringLiteral("cache: redis · lock: redis · Redis reachable, ")),
                 qPrintable(textOf(dashboard, QStringLiteral("backends"))));

        const qint64 pid = m_redis->pid();
        QVERIFY(pid > 0);
        m_redis->kill(); // SIGKILL to that PID, as a crash would
        QTRY_VERIFY_WITH_TIMEOUT(textOf(status, QStringLiteral("redis")).contains(QStringLiteral("unreachable")),
                                 10000);
        QVERIFY2(textOf(status, QStringLiteral("redis")).contains(QStringLiteral("Check that redis-server runs")),
                 qPrintable(textOf(status, QStringLiteral("redis"))));
        QTRY_VERIFY_WITH_TIMEOUT(
            textOf(dashboard, QStringLiteral("backends")).endsWith(QStringLiteral("Redis unreachable")), 5000);

        // The cache browser still lists (the in-process entries), without Redis.
        CacheBrowserPanel browser(m_client.get());
        browser.show();
        QVERIFY(QTest::qWaitForWindowExposed(&browser));
        QTRY_VERIFY_WITH_TIMEOUT(
            !browser.isBusy() && !browser.totalsLabel()->text().contains(QStringLiteral("Listing")), 5000);
        QCOMPARE(redisRow(browser), -1);
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_redis.reset();
    }
};

QTEST_MAIN(TestStudioRedis)
#include "tst_studioredis.moc"
