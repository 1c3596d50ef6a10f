// Issue 21 item 5's acceptance: a config with S3 keys saved from the Config
// tab holds no secret in plain text, and a server started on it reads the
// storage -- the studio's embedded engine (`mort-studio -config`, headless)
// with the secret from the keychain, mort-server with it in its environment.
// The S3 origin is mort-server's own S3 API, which checks SigV4 with the
// bucket key's secret: a request signed with any other secret is refused, so
// these reads succeed only with the right access key id and secret. Runs under
// a private unlocked gnome-keyring (with-keyring.sh).
#include "client/localengineclient.h"
#include "integration/serverprocess.h"
#include "integration/testserver.h"
#include "ui/config/configfilebar.h"
#include "ui/config/configpanel.h"
#include "ui/config/configsecretstore.h"

#include <QTest>

using namespace mort;
using namespace mort::test;

namespace {

// Its own internal listener on a free port: the default 8081 collides with other tests under ctest -j2.
const QString kOrigin = QStringLiteral(R"yaml(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
buckets:
  media:
    keys:
      - accessKey: "AKIDSTUDIO"
        secretAccessKey: "origin-secret-SECRET-9"
    storages:
      basic: {kind: "local", rootPath: "@ROOT@/originals"}
)yaml");

// As a person types it into the editor: the secret in plain text. (The
// endpoint is filled in later: moc takes a "//" in a raw string for a comment.)
const QString kStudio = QStringLiteral(R"yaml(# the shop originals live in S3
server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
buckets:
  shop:
    storages:
      basic:
        kind: "s3"
        endpoint: "@ORIGIN@"
        region: "us-east-1"
        bucket: "media"
        accessKey: "AKIDSTUDIO"
        secretAccessKey: "origin-secret-SECRET-9"
)yaml");

const char *const kName = "MORT_SECRET_BUCKETS_SHOP_STORAGES_BASIC_SECRETACCESSKEY";

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestConfigSecretsEngine : public QObject
{
    Q_OBJECT

    TestServer m_origin;
    QTemporaryDir m_dir;
    QString m_config;
    QByteArray m_original;

    // GET /shop/cat.jpg from `binary` started on the saved config with the
    // current environment; `log`: what it wrote to stderr until stopped.
    int fetch(const char *binary, QByteArray *body = nullptr, QByteArray *log = nullptr)
    {
        ServerProcess server;
        const QString why = server.start(QString::fromLatin1(binary), m_config);
        if (!why.isEmpty()) {
            qWarning("%s", qPrintable(why));
            return -1;
        }
        RawHttpClient client(server.publicAddress());
        const Reply reply = client.request("GET", "/shop/cat.jpg", {}, 20000);
        if (body)
            *body = reply.body;
        if (log) {
            server.signal(SIGTERM);
            server.waitForExit(5000);
            *log = server.process().readAllStandardError();
        }
        return reply.status;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("MORT_TEST_KEYRING"))
            QSKIP("needs the test keyring: run through ctest (tests/gui/with-keyring.sh)");
        QVERIFY(m_dir.isValid());
        QVERIFY(
            m_origin.addFile(QStringLiteral("photos/photo_800x600.jpg"), QStringLiteral("originals/media/cat.jpg")));
        m_original = readAll(m_origin.path(QStringLiteral("originals/media/cat.jpg")));
        QVERIFY(!m_original.isEmpty());
        const QString started = m_origin.start(kOrigin);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        QCOMPARE(m_origin.get("/media/cat.jpg").status, 200); // local keeps <rootPath>/<bucket>/<key>

        // Saved from the editor: the secret goes to the keychain.
        m_config = m_dir.filePath(QStringLiteral("shop.yml"));
        LocalEngineClient client(std::make_shared<const Config>(), QString());
        ConfigPanel panel(&client);
        panel.setEditedText(
            QString(kStudio).replace(QLatin1String("@ORIGIN@"), QStringLiteral("http://") + m_origin.address()));
        panel.fileBar()->setSecretsFallback([](const QString &) { return false; });
        QVERIFY(panel.fileBar()->saveTo(m_config));
        const QByteArray saved = readAll(m_config);
        QVERIFY(!saved.contains("SECRET-9"));
        QVERIFY(saved.contains(QByteArray("secretAccessKey: \"${") + kName + "}\""));
        QVERIFY(saved.contains("accessKey: \"AKIDSTUDIO\""));

        // The programs started below inherit this environment: no secret in it,
        // and the studio headless (no display).
        qunsetenv(kName);
        qunsetenv("QT_QPA_PLATFORM");
        qunsetenv("DISPLAY");
        qunsetenv("WAYLAND_DISPLAY");
    }

    void studioReadsTheStorageWithTheKeychain()
    {
        QByteArray body;
        QCOMPARE(fetch(MORT_STUDIO_BINARY, &body), 200);
        QCOMPARE(body, m_original);
    }

    void environmentWinsOverTheKeychain()
    {
        // A wrong secret in the environment is used, and the origin refuses it.
        qputenv(kName, "not-the-secret");
        QCOMPARE(fetch(MORT_STUDIO_BINARY), 500); // the storage refused: Mort's answer to a storage error
        qunsetenv(kName);
    }

    void mortServerReadsTheStorageWithTheEnvironment()
    {
        // mort-server knows no keychain: without the variable the secret is
        // empty, so it refuses the config and names the variable.
        {
            ServerProcess server;
            const QString why = server.start(QString::fromLatin1(MORT_SERVER_BINARY), m_config);
            QVERIFY2(why.contains(QLatin1String("buckets.shop.storages.basic.secretAccessKey: required for kind s3")),
                     qPrintable(why));
            QVERIFY2(why.contains(QStringLiteral("refers to ${%1}, which is not set").arg(QLatin1String(kName))),
                     qPrintable(why));
        }
        QString secret;
        QCOMPARE(ConfigSecretStore::read(QString::fromLatin1(kName), &secret), QString());
        QCOMPARE(secret, QStringLiteral("origin-secret-SECRET-9"));
        qputenv(kName, "not-the-secret"); // the origin checks the signature
        QCOMPARE(fetch(MORT_SERVER_BINARY), 500);
        qputenv(kName, secret.toUtf8());
        QByteArray body;
        QByteArray log;
        QCOMPARE(fetch(MORT_SERVER_BINARY, &body, &log), 200);
        QCOMPARE(body, m_original);
        QVERIFY2(!log.contains("which is not set"), log.constData());
        qunsetenv(kName);
    }

    void cleanupTestCase()
    {
        if (!qEnvironmentVariableIsEmpty("MORT_TEST_KEYRING"))
            ConfigSecretStore::remove(QString::fromLatin1(kName));
    }
};

QTEST_MAIN(TestConfigSecretsEngine)
#include "tst_configsecretsengine.moc"
