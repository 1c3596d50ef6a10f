// Issue 20 acceptance with every real part: two mort-server processes behind
// nginx (the balancer) sharing one redis-server as cache and lock. 50
// identical cold requests spread over both run one transform; the second
// instance serves the first one's result; redis-server killed -9 during 1,000
// requests at c=50 leaves no answer other than 200, tasks back to idle and RSS
// flat; once Redis is back the instances share again.
#include "integration/serverprocess.h"
#include "integration/testserver.h"
#include "redistestserver.h"
#include "sanitizers.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSet>

#include <memory>
#include <vector>

using namespace mort;
using namespace mort::test;

namespace {

QString instanceConfig(const QString &redis, const QString &originals, const QString &results)
{
    return QStringLiteral(R"yaml(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
  concurrentImageProcessing: 50
  lockTimeout: 10
  cache:
    type: redis
    address: ["@REDIS@"]
    clientConfig: {commandTimeoutMs: "300", connectTimeoutMs: "300"}
  lock:
    type: redis
    address: ["@REDIS@"]
    clientConfig: {commandTimeoutMs: "300", connectTimeoutMs: "300"}
headers:
  - statusCodes: [200]
    values: {"cache-control": "max-age=600, public"}
buckets:
  c:
    transform:
      kind: query
    storages:
      basic: {kind: "local-meta", rootPath: "@ORIGINALS@"}
      transform: {kind: "local-meta", rootPath: "@RESULTS@"}
)yaml")
        .replace(QLatin1String("@REDIS@"), redis)
        .replace(QLatin1String("@ORIGINALS@"), originals)
        .replace(QLatin1String("@RESULTS@"), results);
}

// nginx in the foreground on its own prefix folder, stopped by its PID.
class NginxBalancer
{
public:
    ~NginxBalancer()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    QString start(const QStringList &upstreams)
    {
        m_port = freeLoopbackPort();
        QString servers;
        for (const QString &u : upstreams)
            servers += QStringLiteral("        server %1;\n").arg(u);
        const QString d = m_dir.path();
        const QString conf = QStringLiteral(R"(worker_processes 1;
user root;
pid %1/nginx.pid;
error_log %1/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path %1/tmp-body;
    proxy_temp_path %1/tmp-proxy;
    fastcgi_temp_path %1/tmp-fastcgi;
    uwsgi_temp_path %1/tmp-uwsgi;
    scgi_temp_path %1/tmp-scgi;
    upstream mort {
%2        keepalive 64;
    }
    server {
        listen 127.0.0.1:%3;
        location / {
            proxy_pass http://mort;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_read_timeout 60s;
        }
    }
}
)")
                                 .arg(d, servers)
                                 .arg(m_port);
        QFile file(d + QStringLiteral("/nginx.conf"));
        if (!file.open(QIODevice::WriteOnly) || file.write(conf.toUtf8()) < 0)
            return QStringLiteral("cannot write nginx.conf");
        file.close();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral("nginx"),
                        {"-p", d, "-c", d + "/nginx.conf", "-e", d + "/error.log", "-g", "daemon off;"});
        if (!m_process.waitForStarted(5000))
            return QStringLiteral("cannot start nginx");
        const QDeadlineTimer deadline(10'000);
        while (!deadline.hasExpired()) {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, m_port);
            if (probe.waitForConnected(200))
                return {};
            if (m_process.state() == QProcess::NotRunning)
                break;
            QTest::qWait(20); // the bounded poll's period (a connect probe each turn), not a synchronisation
        }
        return QStringLiteral("nginx did not listen: ") + QString::fromUtf8(m_process.readAll());
    }
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

// One sample of a Prometheus text exposition: `name` with `labels` ("" = none).
double metric(const QByteArray &text, const QByteArray &name, const QByteArray &labels = {})
{
    const QByteArray prefix = labels.isEmpty() ? name + ' ' : name + '{' + labels + "} ";
    for (const QByteArray &line : text.split('\n'))
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).toDouble();
    return -1;
}

} // namespace

class TestBalancer : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<RedisTestServer> m_redis;
    std::vector<std::unique_ptr<ServerProcess>> m_instances;
    std::unique_ptr<NginxBalancer> m_nginx;

    QByteArray metricsOf(int i)
    {
        RawHttpClient c(m_instances[size_t(i)]->internalAddress());
        return c.request("GET", "/metrics").body;
    }
    double transforms()
    {
        return metric(metricsOf(0), "mort_transforms_total") + metric(metricsOf(1), "mort_transforms_total");
    }
    Reply viaBalancer(const QByteArray &target)
    {
        RawHttpClient c(m_nginx->address());
        return c.request("GET", target);
    }
    Reply direct(int i, const QByteArray &target)
    {
        RawHttpClient c(m_instances[size_t(i)]->publicAddress());
        return c.request("GET", target);
    }
    // Transform responses in the shared cache (keys are hashed: counted, not named).
    int sharedTransformEntries()
    {
        const QByteArray keys = m_redis->cli({"KEYS", "mort-v1:transform:*"});
        return keys.isEmpty() ? 0 : int(keys.count('\n')) + 1;
    }
    void expectIdle(int i)
    {
        for (const char *kind : {"pubsub", "lock-refresh", "collapse-wait", "cache-fill", "request", "transform"})
            QTRY_COMPARE_WITH_TIMEOUT(metric(metricsOf(i), "mort_tasks_live", QByteArray("kind=\"") + kind + '"'), 0.0,
                                      10'000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!redisToolsInstalled())
            QSKIP("redis-server/redis-cli not installed (packaging/install-deps.sh installs them)");
        if (QStandardPaths::findExecutable(QStringLiteral("nginx")).isEmpty()
            && !QFile::exists(QStringLiteral("/usr/sbin/nginx")))
            QFAIL("nginx not installed: run packaging/install-deps.sh (or leave this suite out: ctest -LE nginx)");
        QDir().mkpath(m_dir.filePath("originals/c"));
        QVERIFY(QFile::copy(testDataPath("photos/photo_6000x4000.jpg"), m_dir.filePath("originals/c/big.jpg")));
        QVERIFY(QFile::copy(testDataPath("photos/photo_800x600.jpg"), m_dir.filePath("originals/c/small.jpg")));
        m_redis = std::make_unique<RedisTestServer>();
        QVERIFY(m_redis->start());
        QStringList upstreams;
        for (int i = 0; i < 2; ++i) {
            const QString configPath = m_dir.filePath(QStringLiteral("mort%1.yml").arg(i));
            QFile config(configPath);
            QVERIFY(config.open(QIODevice::WriteOnly));
            config.write(instanceConfig(m_redis->address(), m_dir.filePath("originals"),
                                        m_dir.filePath(QStringLiteral("results%1").arg(i)))
                             .toUtf8());
            config.close();
            m_instances.push_back(std::make_unique<ServerProcess>());
            const QString error = m_instances.back()->start(QStringLiteral(MORT_SERVER_BINARY), configPath);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            upstreams << m_instances.back()->publicAddress();
        }
        for (int i = 0; i < 2; ++i)
            QTRY_COMPARE_WITH_TIMEOUT(metric(metricsOf(i), "mort_redis_up"), 1.0, 10'000);
        m_nginx = std::make_unique<NginxBalancer>();
        const QString error = m_nginx->start(upstreams);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void fiftyIdenticalColdRequestsThroughNginxTransformOnce()
    {
        const double before = transforms();
        const double requestsA = metric(metricsOf(0), "mort_requests_total");
        const double requestsB = metric(metricsOf(1), "mort_requests_total");
        const QByteArray request =
            RawHttpClient::requestBytes("GET", "/c/big.jpg?operation=resize&width=500", {{"Host", "x"}});
        std::vector<std::unique_ptr<RawHttpClient>> clients;
        for (int i = 0; i < 50; ++i) {
            clients.push_back(std::make_unique<RawHttpClient>(m_nginx->address()));
            QVERIFY(clients.back()->isConnected());
        }
        for (auto &c : clients)
            QVERIFY(c->send(request));
        QSet<QByteArray> bodies;
        for (auto &c : clients) {
            const Reply r = c->read(false, 60'000);
            QCOMPARE(r.status, 200);
            bodies.insert(QCryptographicHash::hash(r.body, QCryptographicHash::Md5));
        }
        QCOMPARE(bodies.size(), 1);
        QCOMPARE(transforms() - before, 1.0);
        // nginx spread them: both instances answered some.
        QVERIFY(metric(metricsOf(0), "mort_requests_total") > requestsA);
        QVERIFY(metric(metricsOf(1), "mort_requests_total") > requestsB);
    }

    void secondInstanceServesTheFirstOnesCachedResult()
    {
        const double before = transforms();
        const int entries = sharedTransformEntries();
        const Reply first = direct(0, "/c/small.jpg?operation=resize&width=222");
        QCOMPARE(first.status, 200);
        QCOMPARE(transforms() - before, 1.0);
        // Stored in Redis in the background: wait for the entry, bounded.
        QTRY_COMPARE_WITH_TIMEOUT(sharedTransformEntries(), entries + 1, 5000);
        const Reply second = direct(1, "/c/small.jpg?operation=resize&width=222");
        QCOMPARE(second.status, 200);
        QCOMPARE(second.header("x-mort-cache"), QByteArray("hit"));
        QCOMPARE(second.body, first.body);
        QCOMPARE(transforms() - before, 1.0);
    }

    void redisKilledDuringThousandRequestsAtFiftyConcurrent()
    {
        const double rssBefore = metric(metricsOf(0), "process_resident_memory_bytes")
            + metric(metricsOf(1), "process_resident_memory_bytes");
        std::vector<std::unique_ptr<RawHttpClient>> clients;
        for (int i = 0; i < 50; ++i)
            clients.push_back(std::make_unique<RawHttpClient>(m_nginx->address()));
        int answered = 0;
        QMap<int, int> statuses;
        for (int round = 0; round < 20; ++round) {
            if (round == 5)
                m_redis->kill(); // kill -9 with 250 answered and the rest to come
            for (int i = 0; i < 50; ++i) {
                const int n = round * 50 + i;
                const QByteArray target = n % 4 == 0
                    ? QByteArray("/c/small.jpg")
                    : "/c/small.jpg?operation=resize&width=" + QByteArray::number(300 + n % 20);
                QVERIFY(clients[size_t(i)]->send(RawHttpClient::requestBytes("GET", target, {{"Host", "x"}})));
            }
            for (auto &c : clients) {
                const Reply r = c->read(false, 60'000);
                statuses[r.status]++;
                answered++;
            }
        }
        QCOMPARE(answered, 1000);
        QCOMPARE(statuses, (QMap<int, int>{{200, 1000}}));
        for (int i = 0; i < 2; ++i) {
            const QByteArray m = metricsOf(i);
            QCOMPARE(metric(m, "mort_redis_up"), 0.0);
            QVERIFY(metric(m, "mort_redis_degraded_total") > 0);
            expectIdle(i);
        }
        const double rssAfter = metric(metricsOf(0), "process_resident_memory_bytes")
            + metric(metricsOf(1), "process_resident_memory_bytes");
        // RSS budgets need the real allocator (tests/sanitizers.h).
        QVERIFY2(kUnderSanitizer || rssAfter - rssBefore < 96.0 * 1024 * 1024,
                 qPrintable(QStringLiteral("RSS %1 -> %2 MiB").arg(rssBefore / 1048576).arg(rssAfter / 1048576)));
        // Redis back: both instances share again.
        QVERIFY(m_redis->start());
        for (int i = 0; i < 2; ++i)
            QTRY_COMPARE_WITH_TIMEOUT(metric(metricsOf(i), "mort_redis_up"), 1.0, 15'000);
        const int entries = sharedTransformEntries(); // 0: the restarted Redis is empty
        const Reply made = direct(0, "/c/small.jpg?operation=resize&width=444");
        QCOMPARE(made.status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(sharedTransformEntries(), entries + 1, 5000);
        const double before = transforms();
        const Reply shared = direct(1, "/c/small.jpg?operation=resize&width=444");
        QCOMPARE(shared.status, 200);
        QCOMPARE(shared.header("x-mort-cache"), QByteArray("hit"));
        QCOMPARE(transforms(), before);
    }
};

QTEST_GUILESS_MAIN(TestBalancer)
#include "tst_balancer.moc"
