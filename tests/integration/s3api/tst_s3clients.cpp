// Issue #19's acceptance with the S3 tools people already use, against the
// real daemon (`mort-server -config`), keys from the config: awscli, s3cmd and
// rclone each make the bucket, list it, upload a 200 MiB file (as multipart
// uploads, their defaults; awscli also in one PUT) and a folder (sync),
// download both back byte-equal (SHA-256), delete and list again;
// boto3 (an SDK) runs Mort's own S3 scenarios (SigV2 and SigV4 in region
// "mort": listings with prefixes, uploads with metadata, wrong keys, a
// read-only bucket, upload then transform) and the newer SDKs' checksums.
// Hostile XML bodies are refused with flat memory.
// `ctest -L s3-clients`.
#include "../serverprocess.h"
#include "../testserver.h"
#include "s3clientenv.h"
#include "s3signer.h"

#include <QTest>

using namespace mort;
using namespace mort::test;

namespace {

const QString kConfig = QStringLiteral(R"yaml(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
  limits: {maxBodyBytes: 1073741824}
buckets:
  files:
    keys:
      - accessKey: "AKIDFILES"
        secretAccessKey: "files-secret"
    transform: {kind: "query"}
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/files"}
      transform: {kind: "local-meta", rootPath: "@ROOT@/results"}
  local:
    keys: [{accessKey: "acc", secretAccessKey: "sec"}]
    transform: {kind: "query"}
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/local"}
      transform: {kind: "local-meta", rootPath: "@ROOT@/local-results"}
  remote-query:
    keys: [{accessKey: "acc", secretAccessKey: "sec"}]
    transform: {kind: "query"}
    storages:
      basic: {kind: "http", url: "@ORIGIN@"}
)yaml");

// The buckets "local" (two folders, one file) and the read-only "remote-query" are
// Mort's tests-int ones.
constexpr qint64 kBigBytes = 200LL << 20;

} // namespace

class TestS3Clients : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    ServerProcess m_server;
    std::unique_ptr<S3ClientEnv> m_env;
    QString m_big;
    QByteArray m_bigSha;
    QString m_tree; // nested folders

    QString path(const QString &relative) const { return m_dir.filePath(relative); }
    qint64 vmHwmKb() const
    {
        QFile f(QStringLiteral("/proc/%1/status").arg(m_server.pid()));
        if (!f.open(QIODevice::ReadOnly))
            return -1;
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (line.startsWith("VmHWM:"))
                return line.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
        return -1;
    }

    void makeTree(const QString &root)
    {
        S3ClientEnv::writeRandomFile(root + QStringLiteral("/a.bin"), 300000, 1);
        S3ClientEnv::writeFile(root + QStringLiteral("/b.txt"), "hello from a sync\n");
        S3ClientEnv::writeRandomFile(root + QStringLiteral("/c d.bin"), 70000, 2);
        S3ClientEnv::writeRandomFile(root + QStringLiteral("/sub/e.bin"), 123456, 3);
        S3ClientEnv::writeRandomFile(root + QStringLiteral("/sub/deeper/f.bin"), 5000, 4);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString missing = S3ClientEnv::missingClients();
        if (!missing.isEmpty())
            QFAIL(qPrintable(missing));
        QVERIFY(m_dir.isValid());
        // local-meta keeps a bucket's objects in <rootPath>/<bucket>.
        S3ClientEnv::writeFile(path(QStringLiteral("local/local/dir/a.txt")), "a");
        S3ClientEnv::writeFile(path(QStringLiteral("local/local/dir2/b.txt")), "b");
        S3ClientEnv::writeFile(path(QStringLiteral("local/local/top.txt")), "top");
        const QString configPath = path(QStringLiteral("mort.yml"));
        // Nothing listens on port 9: a read-only origin (a URL inside the raw string would confuse moc).
        S3ClientEnv::writeFile(
            configPath,
            QString(kConfig)
                .replace(QLatin1String("@ROOT@"), m_dir.path())
                .replace(QLatin1String("@ORIGIN@"), QStringLiteral("http:/") + QStringLiteral("/127.0.0.1:9/<item>"))
                .toUtf8());
        const QString why = m_server.start(QStringLiteral(MORT_SERVER_BINARY), configPath);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        const QString endpoint = QStringLiteral("http://") + m_server.publicAddress();
        QDir(m_dir.path()).mkpath(QStringLiteral("work"));
        m_env = std::make_unique<S3ClientEnv>(path(QStringLiteral("work")), endpoint, QStringLiteral("AKIDFILES"),
                                              QStringLiteral("files-secret"));
        m_big = path(QStringLiteral("work/big.bin"));
        m_bigSha = S3ClientEnv::writeRandomFile(m_big, kBigBytes, 19);
        QVERIFY(!m_bigSha.isEmpty());
        m_tree = path(QStringLiteral("work/tree"));
        makeTree(m_tree);
    }

    void awscli()
    {
        ClientRun r = m_env->aws({QStringLiteral("s3"), QStringLiteral("mb"), QStringLiteral("s3://files")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        r = m_env->aws({QStringLiteral("s3"), QStringLiteral("cp"), m_big, QStringLiteral("s3://files/aws/big.bin")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        r = m_env->aws({QStringLiteral("s3"), QStringLiteral("ls"), QStringLiteral("s3://files/aws/")});
        QVERIFY2(r.ok() && r.out.contains(QByteArray::number(kBigBytes) + " big.bin"), qPrintable(r.describe()));
        const QString back = path(QStringLiteral("work/aws-big.bin"));
        r = m_env->aws({QStringLiteral("s3"), QStringLiteral("cp"), QStringLiteral("s3://files/aws/big.bin"), back});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(S3ClientEnv::sha256File(back), m_bigSha);
        r = m_env->aws({QStringLiteral("s3"), QStringLiteral("sync"), m_tree, QStringLiteral("s3://files/aws/tree/")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const QString treeBack = path(QStringLiteral("work/aws-tree"));
        r = m_env->aws(
            {QStringLiteral("s3"), QStringLiteral("sync"), QStringLiteral("s3://files/aws/tree/"), treeBack});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(S3ClientEnv::tree(treeBack), S3ClientEnv::tree(m_tree));
        r = m_env->aws({QStringLiteral("s3"), QStringLiteral("rm"), QStringLiteral("--recursive"),
                        QStringLiteral("s3://files/aws/")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        r = m_env->aws({QStringLiteral("s3"), QStringLiteral("ls"), QStringLiteral("--recursive"),
                        QStringLiteral("s3://files/aws/")});
        QVERIFY2(r.out.trimmed().isEmpty(), qPrintable(r.describe()));
        // The exact S3 error code reaches the CLI.
        r = m_env->awsApi({QStringLiteral("s3api"), QStringLiteral("get-object-acl"), QStringLiteral("--bucket"),
                           QStringLiteral("files"), QStringLiteral("--key"), QStringLiteral("x")});
        QVERIFY2(!r.ok() && r.err.contains("(NotImplemented)"), qPrintable(r.describe()));
        // One PUT when told so (no multipart): the same bytes.
        const QString single = path(QStringLiteral("work/aws-single.cfg"));
        S3ClientEnv::writeFile(single, "[default]\ns3 =\n  multipart_threshold = 5GB\n");
        r = m_env->run(QStringLiteral("/usr/bin/env"),
                       {QStringLiteral("AWS_CONFIG_FILE=") + single, QStringLiteral("/usr/bin/aws"),
                        QStringLiteral("s3"), QStringLiteral("cp"), m_big, QStringLiteral("s3://files/aws/single.bin"),
                        QStringLiteral("--endpoint-url"), m_env->endpoint()});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const QString singleBack = path(QStringLiteral("work/aws-single.bin"));
        r = m_env->aws(
            {QStringLiteral("s3"), QStringLiteral("cp"), QStringLiteral("s3://files/aws/single.bin"), singleBack});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(S3ClientEnv::sha256File(singleBack), m_bigSha);
        r = m_env->aws({QStringLiteral("s3"), QStringLiteral("rm"), QStringLiteral("s3://files/aws/single.bin")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
    }

    void s3cmd()
    {
        ClientRun r = m_env->s3cmd({QStringLiteral("mb"), QStringLiteral("s3://files")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        r = m_env->s3cmd({QStringLiteral("put"), m_big, QStringLiteral("s3://files/s3cmd/big.bin")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        r = m_env->s3cmd({QStringLiteral("ls"), QStringLiteral("s3://files/s3cmd/")});
        QVERIFY2(r.ok() && r.out.contains(QByteArray::number(kBigBytes) + "  s3://files/s3cmd/big.bin"),
                 qPrintable(r.describe()));
        const QString back = path(QStringLiteral("work/s3cmd-big.bin"));
        r = m_env->s3cmd(
            {QStringLiteral("get"), QStringLiteral("--force"), QStringLiteral("s3://files/s3cmd/big.bin"), back});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(S3ClientEnv::sha256File(back), m_bigSha);
        r = m_env->s3cmd({QStringLiteral("sync"), m_tree + QLatin1Char('/'), QStringLiteral("s3://files/s3cmd/tree/")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const QString treeBack = path(QStringLiteral("work/s3cmd-tree"));
        r = m_env->s3cmd(
            {QStringLiteral("sync"), QStringLiteral("s3://files/s3cmd/tree/"), treeBack + QLatin1Char('/')});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(S3ClientEnv::tree(treeBack), S3ClientEnv::tree(m_tree));
        // SigV2 too.
        r = m_env->s3cmd({QStringLiteral("--signature-v2"), QStringLiteral("del"), QStringLiteral("--recursive"),
                          QStringLiteral("--force"), QStringLiteral("s3://files/s3cmd/")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        r = m_env->s3cmd({QStringLiteral("ls"), QStringLiteral("--recursive"), QStringLiteral("s3://files/s3cmd/")});
        QVERIFY2(r.ok() && r.out.trimmed().isEmpty(), qPrintable(r.describe()));
    }

    void rclone()
    {
        ClientRun r = m_env->rclone({QStringLiteral("mkdir"), QStringLiteral("mort:files")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        r = m_env->rclone({QStringLiteral("copyto"), m_big, QStringLiteral("mort:files/rclone/big.bin")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        r = m_env->rclone({QStringLiteral("ls"), QStringLiteral("mort:files/rclone")});
        QVERIFY2(r.ok() && r.out.contains(QByteArray::number(kBigBytes) + " big.bin"), qPrintable(r.describe()));
        const QString back = path(QStringLiteral("work/rclone-big.bin"));
        r = m_env->rclone({QStringLiteral("copyto"), QStringLiteral("mort:files/rclone/big.bin"), back});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(S3ClientEnv::sha256File(back), m_bigSha);
        r = m_env->rclone({QStringLiteral("sync"), m_tree, QStringLiteral("mort:files/rclone/tree")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const QString treeBack = path(QStringLiteral("work/rclone-tree"));
        r = m_env->rclone({QStringLiteral("sync"), QStringLiteral("mort:files/rclone/tree"), treeBack});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QCOMPARE(S3ClientEnv::tree(treeBack), S3ClientEnv::tree(m_tree));
        r = m_env->rclone({QStringLiteral("check"), m_tree, QStringLiteral("mort:files/rclone/tree")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        r = m_env->rclone({QStringLiteral("delete"), QStringLiteral("mort:files/rclone")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        r = m_env->rclone({QStringLiteral("ls"), QStringLiteral("mort:files/rclone")});
        QVERIFY2(r.out.trimmed().isEmpty(), qPrintable(r.describe()));
    }

    // Hostile XML bodies against the daemon: each answered 400 MalformedXML,
    // and its peak RSS grows by no more than the bodies it had to hold.
    void hostileXmlKeepsMemoryFlat()
    {
        const QByteArray laughs = [] {
            QByteArray dtd = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY l0 \"lol\">";
            for (int i = 1; i < 10; ++i) {
                dtd += "<!ENTITY l" + QByteArray::number(i) + " \"";
                for (int j = 0; j < 10; ++j)
                    dtd += "&l" + QByteArray::number(i - 1) + ';';
                dtd += "\">";
            }
            return dtd + "]><Delete><Object><Key>&l9;</Key></Object></Delete>";
        }();
        const QList<QByteArray> bodies = {
            laughs,
            "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            "<Delete><Object><Key>&x;</Key></Object></Delete>",
            QByteArray("<Delete>") + QByteArray("<Object>").repeated(1 << 20)
                + QByteArray("</Object>").repeated(1 << 20) + "</Delete>",
        };
        S3Credentials creds;
        creds.accessKey = "acc";
        creds.secretKey = "sec";
        const qint64 before = vmHwmKb();
        for (int round = 0; round < 5; ++round) {
            for (const QByteArray &xml : bodies) {
                const SignedHttp signedPost =
                    signV4("POST", "/local", {{"delete", ""}}, {{"Host", m_server.publicAddress().toUtf8()}},
                           sha256Hex(xml), creds);
                RawHttpClient client(m_server.publicAddress());
                const Reply r = client.requestWithBody("POST", signedPost.target, signedPost.headers, xml);
                QCOMPARE(r.status, 400);
                QVERIFY2(r.body.contains("<Code>MalformedXML</Code>"), r.body.constData());
            }
        }
        const qint64 growthMiB = (vmHwmKb() - before) / 1024;
        qInfo("hostile XML x15: mort-server VmHWM +%lld MiB (largest body %lld MiB)", growthMiB,
              qint64(bodies.last().size() >> 20));
        QVERIFY2(growthMiB < 48, qPrintable(QStringLiteral("peak RSS grew by %1 MiB").arg(growthMiB)));
    }

    void boto3()
    {
        const ClientRun r =
            m_env->python({QStringLiteral(MORT_SOURCE_DIR "/tests/integration/s3api/boto3_scenarios.py"),
                           QStringLiteral("http://") + m_server.publicAddress(),
                           testDataPath(QStringLiteral("photos/photo_300x200.jpg"))});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QVERIFY(r.out.contains("0 failure(s)"));
    }
};

QTEST_GUILESS_MAIN(TestS3Clients)
#include "tst_s3clients.moc"
