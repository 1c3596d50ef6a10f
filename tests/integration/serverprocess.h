#pragma once
// mort-server in a child process, for tests that need the real daemon:
// signals, exit codes, restarts on the same folders, a studio attached to it.
// The banner on stdout names the addresses it bound.
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>

#include <csignal>

namespace mort::test {

class ServerProcess
{
public:
    ServerProcess() = default;
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;
    ~ServerProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // Empty on success, else why not. `binary`: the mort-server to run.
    QString start(const QString &binary, const QString &configPath)
    {
        m_public.clear();
        m_publicAll.clear();
        m_internal.clear();
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(binary, {QStringLiteral("-config"), configPath});
        if (!m_process.waitForStarted(5000))
            return QStringLiteral("cannot start mort-server: ") + m_process.errorString();
        QByteArray banner;
        static const QRegularExpression publicLine(QStringLiteral("^listening on (\\S+)$"),
                                                   QRegularExpression::MultilineOption);
        static const QRegularExpression internalLine(QStringLiteral("^internal \\(metrics, health\\) on (\\S+)$"),
                                                     QRegularExpression::MultilineOption);
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 10000) {
            const QString text = QString::fromUtf8(banner);
            const QRegularExpressionMatch i = internalLine.match(text);
            if (publicLine.match(text).hasMatch() && i.hasMatch()) {
                for (auto it = publicLine.globalMatch(text); it.hasNext();)
                    m_publicAll.append(it.next().captured(1));
                m_public = m_publicAll.first();
                m_internal = i.captured(1);
                return {};
            }
            if (m_process.state() == QProcess::NotRunning)
                break;
            m_process.waitForReadyRead(200);
            banner += m_process.readAllStandardOutput();
        }
        return QStringLiteral("no banner from mort-server: ") + QString::fromUtf8(banner)
            + QString::fromUtf8(m_process.readAllStandardError());
    }

    // The first public listener ("127.0.0.1:port"), every public listener
    // ("unix:/path" included), the internal listener.
    QString publicAddress() const { return m_public; }
    QStringList publicAddresses() const { return m_publicAll; }
    QString internalAddress() const { return m_internal; }

    qint64 pid() const { return m_process.processId(); }
    void signal(int sig) const { ::kill(pid_t(m_process.processId()), sig); }
    // True when the process ended within `timeoutMs`.
    bool waitForExit(int timeoutMs) { return m_process.waitForFinished(timeoutMs); }
    int exitCode() const { return m_process.exitCode(); }
    QProcess::ExitStatus exitStatus() const { return m_process.exitStatus(); }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QString m_public;
    QStringList m_publicAll;
    QString m_internal;
};

} // namespace mort::test
