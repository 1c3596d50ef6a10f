#pragma once
// mort-server in a child process, as `mort-studio --attach` meets it: an
// engine in the test's own process would initialise libvips for the studio
// code and hide what attach mode lacks. Needs MORT_SERVER_BINARY.
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QString>

namespace mort::test {

// mort-server in a child process; its banner names the ports it bound.
class ServerProcess
{
public:
    ~ServerProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
        }
    }

    // Empty on success, else why not.
    QString start(const QString &configPath)
    {
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(QStringLiteral(MORT_SERVER_BINARY), {QStringLiteral("-config"), configPath});
        if (!m_process.waitForStarted(5000))
            return QStringLiteral("cannot start mort-server: ") + m_process.errorString();
        QByteArray banner;
        const QRegularExpression publicLine(QStringLiteral("^listening on (\\S+)$"),
                                            QRegularExpression::MultilineOption);
        const QRegularExpression internalLine(QStringLiteral("^internal \\(metrics, health\\) on (\\S+)$"),
                                              QRegularExpression::MultilineOption);
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 10000) {
            const QString text = QString::fromUtf8(banner);
            const auto p = publicLine.match(text), i = internalLine.match(text);
            if (p.hasMatch() && i.hasMatch()) {
                m_public = p.captured(1);
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

    QString publicAddress() const { return m_public; }
    QString internalAddress() const { return m_internal; }

private:
    QProcess m_process;
    QString m_public;
    QString m_internal;
};

} // namespace mort::test
