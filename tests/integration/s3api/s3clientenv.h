#pragma once
// The S3 clients people already use, run against a mort-server the test
// started: Debian's awscli (/usr/bin/aws, not a pyenv shim), s3cmd, rclone and
// python3-boto3, each configured with the bucket's keys and nothing from the
// user's own configuration. packaging/install-deps.sh installs them.
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

namespace mort::test {

struct ClientRun
{
    int exitCode = -1;
    QByteArray out, err;
    bool ok() const { return exitCode == 0; }
    QString describe() const
    {
        return QString::fromUtf8("exit %1\n%2\n%3")
            .arg(exitCode)
            .arg(QString::fromUtf8(out.right(2000)), QString::fromUtf8(err.right(2000)));
    }
};

class S3ClientEnv
{
public:
    S3ClientEnv(const QString &dir, const QString &endpoint, const QString &accessKey, const QString &secret)
        : m_dir(dir), m_endpoint(endpoint)
    {
        m_env = QProcessEnvironment::systemEnvironment();
        // A CA bundle meant for other tools breaks rclone's and botocore's plain-HTTP clients.
        for (const char *name :
             {"AWS_CA_BUNDLE", "AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "REQUESTS_CA_BUNDLE"})
            m_env.remove(QString::fromLatin1(name));
        m_env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), accessKey);
        m_env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), secret);
        m_env.insert(QStringLiteral("AWS_DEFAULT_REGION"), QStringLiteral("us-east-1"));
        m_env.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), dir + QStringLiteral("/aws-credentials"));
        // The clients' defaults: files over 8 MiB (awscli), 15 MiB (s3cmd), 200 MiB
        // (rclone) go up as multipart uploads.
        const QString awsConfig = dir + QStringLiteral("/aws-config");
        writeFile(awsConfig, "[default]\n");
        m_env.insert(QStringLiteral("AWS_CONFIG_FILE"), awsConfig);
        m_env.insert(QStringLiteral("HOME"), dir); // nothing of the user's ~/.aws, ~/.s3cfg, rclone.conf
        const QString hostPort = QString(endpoint).remove(QStringLiteral("http://"));
        m_s3cfg = dir + QStringLiteral("/s3cfg");
        writeFile(m_s3cfg,
                  QStringLiteral("[default]\naccess_key = %1\nsecret_key = %2\nhost_base = %3\nhost_bucket = %3\n"
                                 "use_https = False\nbucket_location = us-east-1\n")
                      .arg(accessKey, secret, hostPort)
                      .toUtf8());
        const QString prefix = QStringLiteral("RCLONE_CONFIG_MORT_");
        m_env.insert(prefix + QStringLiteral("TYPE"), QStringLiteral("s3"));
        m_env.insert(prefix + QStringLiteral("PROVIDER"), QStringLiteral("Other"));
        m_env.insert(prefix + QStringLiteral("ACCESS_KEY_ID"), accessKey);
        m_env.insert(prefix + QStringLiteral("SECRET_ACCESS_KEY"), secret);
        m_env.insert(prefix + QStringLiteral("ENDPOINT"), endpoint);
        m_env.insert(prefix + QStringLiteral("REGION"), QStringLiteral("us-east-1"));
        // Below rclone's 200 MiB default, so the 200 MiB file goes up in parts too.
        m_env.insert(prefix + QStringLiteral("UPLOAD_CUTOFF"), QStringLiteral("64M"));
    }

    // Empty when every client is installed, else what is missing and how to get it.
    static QString missingClients()
    {
        QStringList missing;
        for (const char *path : {"/usr/bin/aws", "/usr/bin/s3cmd", "/usr/bin/rclone", "/usr/bin/python3"}) {
            if (!QFile::exists(QString::fromLatin1(path)))
                missing.append(QString::fromLatin1(path));
        }
        QProcess boto;
        boto.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral("import boto3")});
        if (!boto.waitForFinished(30000) || boto.exitCode() != 0)
            missing.append(QStringLiteral("python3-boto3"));
        if (missing.isEmpty())
            return {};
        return QStringLiteral("missing S3 clients: %1 (Debian packages awscli s3cmd rclone python3-boto3: "
                              "bash packaging/install-deps.sh)")
            .arg(missing.join(QStringLiteral(", ")));
    }

    ClientRun run(const QString &program, const QStringList &args, int timeoutMs = 300000) const
    {
        QProcess p;
        p.setProcessEnvironment(m_env);
        p.setWorkingDirectory(m_dir);
        p.start(program, args);
        ClientRun r;
        if (!p.waitForStarted(10000)) {
            r.err = p.errorString().toUtf8();
            return r;
        }
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished(5000);
            r.err = "timed out";
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }
    ClientRun aws(const QStringList &args) const
    {
        return run(QStringLiteral("/usr/bin/aws"), args + QStringList{QStringLiteral("--endpoint-url"), m_endpoint});
    }
    ClientRun awsApi(const QStringList &args) const
    {
        return run(QStringLiteral("/usr/bin/aws"), args + QStringList{QStringLiteral("--endpoint-url"), m_endpoint});
    }
    ClientRun s3cmd(const QStringList &args) const
    {
        return run(QStringLiteral("/usr/bin/s3cmd"), QStringList{QStringLiteral("-c"), m_s3cfg} + args);
    }
    ClientRun rclone(const QStringList &args) const
    {
        return run(QStringLiteral("/usr/bin/rclone"),
                   QStringList{QStringLiteral("--config"), QStringLiteral("/dev/null")} + args);
    }
    ClientRun python(const QStringList &args) const { return run(QStringLiteral("/usr/bin/python3"), args); }

    QString endpoint() const { return m_endpoint; }

    static void writeFile(const QString &path, const QByteArray &bytes)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(bytes);
    }

    // `bytes` of seeded random data written in 1 MiB pieces; returns its SHA-256 (hex).
    static QByteArray writeRandomFile(const QString &path, qint64 bytes, quint32 seed)
    {
        QRandomGenerator random(seed);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        QCryptographicHash sha(QCryptographicHash::Sha256);
        QByteArray piece(1 << 20, Qt::Uninitialized);
        for (qint64 left = bytes; left > 0;) {
            const qint64 n = std::min<qint64>(left, piece.size());
            random.fillRange(reinterpret_cast<quint32 *>(piece.data()), piece.size() / 4);
            f.write(piece.constData(), n);
            sha.addData(QByteArrayView(piece.constData(), n));
            left -= n;
        }
        return sha.result().toHex();
    }

    static QByteArray sha256File(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        QCryptographicHash sha(QCryptographicHash::Sha256);
        sha.addData(&f);
        return sha.result().toHex();
    }

    // Relative path -> SHA-256 of every file below `dir`.
    static QMap<QString, QByteArray> tree(const QString &dir)
    {
        QMap<QString, QByteArray> out;
        QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            out.insert(QDir(dir).relativeFilePath(path), sha256File(path));
        }
        return out;
    }

private:
    QString m_dir;
    QString m_endpoint;
    QString m_s3cfg;
    QProcessEnvironment m_env;
};

} // namespace mort::test
