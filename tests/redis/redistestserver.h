#pragma once
// A real redis-server for tests: its own process on a free loopback port with
// a temporary directory, stopped by its PID (never a system Redis). Also a
// 3-master Redis Cluster built with redis-cli --cluster create.
#include <QDeadlineTimer>
#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

namespace mort::test {

inline quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

inline bool redisToolsInstalled()
{
    return !QStandardPaths::findExecutable(QStringLiteral("redis-server")).isEmpty()
        && !QStandardPaths::findExecutable(QStringLiteral("redis-cli")).isEmpty();
}

class RedisTestServer
{
public:
    explicit RedisTestServer(QStringList extraArgs = {}) : m_extraArgs(std::move(extraArgs)) {}
    ~RedisTestServer()
    {
        kill();
        for (auto &p : m_background)
            p->waitForFinished(5000);
    }

    // Starts (again, on the same port after kill()) and waits ≤ 10 s for PING.
    bool start()
    {
        if (!m_dir.isValid())
            return false;
        if (m_port == 0)
            m_port = freeLoopbackPort();
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        QStringList args{QStringLiteral("--port"),
                         QString::number(m_port),
                         QStringLiteral("--bind"),
                         QStringLiteral("127.0.0.1"),
                         QStringLiteral("--save"),
                         QString(),
                         QStringLiteral("--appendonly"),
                         QStringLiteral("no"),
                         QStringLiteral("--dir"),
                         m_dir.path(),
                         QStringLiteral("--daemonize"),
                         QStringLiteral("no"),
                         QStringLiteral("--protected-mode"),
                         QStringLiteral("no"),
                         QStringLiteral("--enable-debug-command"),
                         QStringLiteral("local")};
        args << m_extraArgs;
        m_process->start(QStringLiteral("redis-server"), args);
        if (!m_process->waitForStarted(5000))
            return false;
        // Bounded poll: the server is up when it answers PING.
        const QDeadlineTimer deadline(10'000);
        while (!deadline.hasExpired()) {
            const QByteArray pong = cli({QStringLiteral("PING")});
            if (pong.startsWith("PONG") || pong.startsWith("NOAUTH"))
                return true;
            if (m_process->state() != QProcess::Running)
                return false;
            QTest::qWait(20); // the bounded poll's period (redis-cli PING each turn), not a synchronisation
        }
        return false;
    }

    // SIGKILL, as a crash or an OOM kill would.
    void kill()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    qint64 pid() const { return m_process ? m_process->processId() : 0; }

    // redis-cli against this server; its stdout, trimmed. ≤ 10 s.
    QByteArray cli(const QStringList &args, const QByteArray &password = {}) const
    {
        QProcess p;
        QStringList all{QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-h"),
                        QStringLiteral("127.0.0.1")};
        if (!password.isEmpty())
            all << QStringLiteral("-a") << QString::fromUtf8(password) << QStringLiteral("--no-auth-warning");
        p.start(QStringLiteral("redis-cli"), all + args);
        if (!p.waitForFinished(10'000)) {
            p.kill();
            p.waitForFinished();
            return {};
        }
        return p.readAllStandardOutput().trimmed();
    }

    // Starts redis-cli in the background (e.g. DEBUG SLEEP): not waited for.
    void cliDetached(const QStringList &args)
    {
        auto p = std::make_unique<QProcess>();
        p->start(QStringLiteral("redis-cli"),
                 QStringList{QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-h"),
                             QStringLiteral("127.0.0.1")}
                     + args);
        p->waitForStarted(5000);
        m_background.push_back(std::move(p));
    }

    quint16 port() const { return m_port; }
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }
    QString dir() const { return m_dir.path(); }

private:
    QStringList m_extraArgs;
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    std::unique_ptr<QProcess> m_process;
    std::vector<std::unique_ptr<QProcess>> m_background;
};

// Three masters, no replicas, cluster_state:ok before start() returns true.
class RedisTestCluster
{
public:
    bool start()
    {
        for (int i = 0; i < 3; ++i) {
            auto node = std::make_unique<RedisTestServer>(QStringList{
                QStringLiteral("--cluster-enabled"), QStringLiteral("yes"), QStringLiteral("--cluster-config-file"),
                QStringLiteral("nodes.conf"), QStringLiteral("--cluster-node-timeout"), QStringLiteral("5000")});
            if (!node->start())
                return false;
            m_nodes.push_back(std::move(node));
        }
        QStringList args{QStringLiteral("--cluster"), QStringLiteral("create")};
        for (const auto &n : m_nodes)
            args << n->address();
        args << QStringLiteral("--cluster-replicas") << QStringLiteral("0") << QStringLiteral("--cluster-yes");
        QProcess p;
        p.start(QStringLiteral("redis-cli"), args);
        if (!p.waitForFinished(30'000))
            return false;
        const QDeadlineTimer deadline(20'000);
        while (!deadline.hasExpired()) {
            bool ok = true;
            for (const auto &n : m_nodes)
                ok = ok && n->cli({QStringLiteral("CLUSTER"), QStringLiteral("INFO")}).contains("cluster_state:ok");
            if (ok)
                return true;
            QTest::qWait(50); // the bounded poll's period (CLUSTER INFO on every node each turn)
        }
        return false;
    }
    QStringList addresses() const
    {
        QStringList out;
        for (const auto &n : m_nodes)
            out << n->address();
        return out;
    }
    RedisTestServer &node(int i) { return *m_nodes[size_t(i)]; }

private:
    std::vector<std::unique_ptr<RedisTestServer>> m_nodes;
};

} // namespace mort::test
