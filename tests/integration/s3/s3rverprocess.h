#pragma once
// A real, independent S3 server for the s3 storage tests: s3rver (npm, pinned
// by s3rver/package-lock.json, installed by packaging/install-deps.sh with
// `npm ci`), started on a free loopback port in a temporary directory and
// stopped by its own PID when the fixture goes. s3rver verifies SigV4
// signatures with its fixed credentials S3RVER / S3RVER, so a request our
// signer gets wrong is refused. awscli (Debian) seeds and inspects buckets
// as a second, independent client.
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

namespace mort::testutil {

inline QString s3rverScript()
{
    return QStringLiteral(MORT_SOURCE_DIR "/tests/integration/s3/s3rver/node_modules/s3rver/bin/s3rver.js");
}

inline quint16 freeLoopbackPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

class S3rverProcess
{
public:
    static constexpr char kAccessKey[] = "S3RVER";
    static constexpr char kSecretKey[] = "S3RVER";

    ~S3rverProcess() { stop(); }

    // Starts with `buckets` created; false (and why in error()) when it
    // could not, e.g. node or the pinned package missing.
    bool start(const QStringList &buckets)
    {
        if (!QFileInfo::exists(s3rverScript())) {
            m_error = QStringLiteral(
                "s3rver is not installed: run packaging/install-deps.sh (npm ci in tests/integration/s3/s3rver)");
            return false;
        }
        m_port = freeLoopbackPort();
        // s3rver's continuation tokens use DES, which OpenSSL 3 (Node >= 17)
        // only offers through its legacy provider: without it a truncated
        // ListObjectsV2 answers 500.
        QStringList args{QStringLiteral("--openssl-legacy-provider"),
                         s3rverScript(),
                         QStringLiteral("-d"),
                         m_data.path(),
                         QStringLiteral("-a"),
                         QStringLiteral("127.0.0.1"),
                         QStringLiteral("-p"),
                         QString::number(m_port),
                         QStringLiteral("-s")};
        for (const QString &bucket : buckets)
            args << QStringLiteral("--configure-bucket") << bucket;
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(QStringLiteral("node"), args);
        if (!m_process.waitForStarted(10'000)) {
            m_error = QStringLiteral("cannot start node: ") + m_process.errorString();
            return false;
        }
        // Bounded poll until it accepts connections.
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 20'000 && m_process.state() == QProcess::Running) {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, m_port);
            if (probe.waitForConnected(200))
                return true;
            QTest::qWait(50); // the bounded poll's period (a connect probe each turn), not a synchronisation
        }
        m_error = QStringLiteral("s3rver did not listen on port %1").arg(m_port);
        return false;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate(); // SIGTERM to this PID only
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    QString endpoint() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    quint16 port() const { return m_port; }
    QString error() const { return m_error; }

    // Runs `aws <args> --endpoint-url <endpoint>` with s3rver's credentials;
    // returns stdout, or a null QByteArray when aws failed (stderr in error()).
    QByteArray aws(const QStringList &args, int timeoutMs = 60'000)
    {
        QProcess aws;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QLatin1String(kAccessKey));
        env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QLatin1String(kSecretKey));
        env.insert(QStringLiteral("AWS_DEFAULT_REGION"), QStringLiteral("us-east-1"));
        env.insert(QStringLiteral("AWS_CONFIG_FILE"), QStringLiteral("/dev/null"));
        env.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), QStringLiteral("/dev/null"));
        aws.setProcessEnvironment(env);
        aws.start(QStringLiteral("aws"), args + QStringList{QStringLiteral("--endpoint-url"), endpoint()});
        if (!aws.waitForFinished(timeoutMs) || aws.exitStatus() != QProcess::NormalExit || aws.exitCode() != 0) {
            m_error = QString::fromUtf8(aws.readAllStandardError());
            return QByteArray();
        }
        QByteArray out = aws.readAllStandardOutput();
        return out.isNull() ? QByteArray("") : out;
    }

private:
    QTemporaryDir m_data;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace mort::testutil
