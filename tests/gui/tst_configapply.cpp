// Issue 21 (slice 1): EngineClient::validateConfig() and applyConfig() for the
// embedded engine (in process) and for a real mort-server over the admin API.
// A preset's new width is served at once (hot reload, no restart); a broken
// value is refused with its key path; cache and lock changes need a restart;
// a masked secret ("***") sent back keeps the server's running secret.
#include "previewtestsupport.h"
#include "integration/serverprocess.h"

#include "client/configcheck.h"
#include "client/localengineclient.h"
#include "client/remoteengineclient.h"

#include <QDir>
#include <QImage>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mort;
using namespace mort::test;

namespace {

const QString kToken = QStringLiteral("config-apply-token-0123456789");

// %1: the originals' folder; %2: the `small` preset's width; %3: cache size.
const QString kConfig = QStringLiteral(R"(# the operator's comment
server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
  adminToken: "config-apply-token-0123456789"
  cache:
    type: memory
    cacheSize: %3
buckets:
  demo:
    transform:
      kind: "presets"
      path: "\\/(?P<presetName>[a-z0-9_]+)\\/(?P<parent>[a-zA-Z0-9_\\-\\.]+)$"
      parentBucket: "demo"
      presets:
        small:
          quality: 75
          filters:
            thumbnail: {width: %2}
    storages:
      basic: {kind: local-meta, rootPath: "%1"}
      transform: {kind: noop}
)");

QString configText(const QString &root, int width, int cacheSize = 1000000)
{
    return kConfig.arg(root).arg(width).arg(cacheSize);
}

// One call's answer, waited for.
Expected<ConfigCheck> wait(EngineClient &client, bool apply, const QString &yaml)
{
    QObject context;
    std::optional<Expected<ConfigCheck>> answer;
    auto done = [&answer](const Expected<ConfigCheck> &result) { answer = result; };
    if (apply)
        client.applyConfig(yaml, &context, done);
    else
        client.validateConfig(yaml, &context, done);
    for (int waited = 0; !answer && waited < 20000; waited += 20)
        QTest::qWait(20);
    if (!answer)
        return Error::internal("test.timeout", QStringLiteral("no answer"));
    return *answer;
}

QString issueKeys(const ConfigCheck &check)
{
    QStringList keys;
    for (const ConfigIssue &i : check.issues)
        keys << i.keyPath;
    return keys.join(u',');
}

} // namespace

class TestConfigApply : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    // The checks every engine must pass; `address` is its public listener.
    void exercise(EngineClient &client, const QString &address)
    {
        const QString root = m_dir.path();
        QCOMPARE(servedWidth(address, QStringLiteral("/demo/small/photo.jpg")), 150);

        // Valid: no issues, nothing applied.
        Expected<ConfigCheck> valid = wait(client, false, configText(root, 220));
        QVERIFY2(valid, valid ? "" : qPrintable(valid.error().detail));
        QVERIFY(valid->ok());
        QVERIFY(!valid->applied);
        QCOMPARE(servedWidth(address, QStringLiteral("/demo/small/photo.jpg")), 150);

        // A broken value names its key path; the running config stays.
        Expected<ConfigCheck> broken =
            wait(client, true,
                 configText(root, 220).replace(QStringLiteral("(?P<presetName>"), QStringLiteral("(?P<presetName")));
        QVERIFY(broken);
        QVERIFY(!broken->applied);
        QVERIFY2(issueKeys(*broken).contains(QStringLiteral("buckets.demo.transform.path")),
                 qPrintable(issueKeys(*broken)));
        // (A negative width loads, as in Mort: the request answers 400. A
        // width that is no number does not.)
        Expected<ConfigCheck> notNumber =
            wait(client, true,
                 configText(root, 150).replace(QStringLiteral("{width: 150}"), QStringLiteral("{width: wide}")));
        QVERIFY(notNumber);
        QVERIFY(!notNumber->applied);
        QCOMPARE(issueKeys(*notNumber), QStringLiteral("buckets.demo.transform.presets.small.filters.thumbnail.width"));
        QCOMPARE(servedWidth(address, QStringLiteral("/demo/small/photo.jpg")), 150);

        // Cache size: a restart, not a hot reload; nothing changes.
        Expected<ConfigCheck> restart = wait(client, true, configText(root, 220, 2000000));
        QVERIFY(restart);
        QVERIFY(restart->restartRequired);
        QVERIFY(!restart->applied);
        QCOMPARE(restart->restartKeys, QStringList{QStringLiteral("server.cache.cacheSize")});

        // The new width is served at once.
        Expected<ConfigCheck> applied = wait(client, true, configText(root, 220));
        QVERIFY(applied);
        QVERIFY2(applied->applied, qPrintable(issueKeys(*applied) + applied->refusal));
        QCOMPARE(servedWidth(address, QStringLiteral("/demo/small/photo.jpg")), 220);

        // The running text is what was applied, comments and all.
        QObject context;
        std::optional<Expected<ConfigSnapshot>> snapshot;
        client.readConfig(&context, [&snapshot](const Expected<ConfigSnapshot> &s) { snapshot = s; });
        QTRY_VERIFY_WITH_TIMEOUT(snapshot.has_value(), 10000);
        QVERIFY(*snapshot);
        QVERIFY((*snapshot)->text.startsWith(QStringLiteral("# the operator's comment")));
        QVERIFY((*snapshot)->text.contains(QStringLiteral("thumbnail: {width: 220}")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("demo/photo.jpg")),
                          readPhoto(QStringLiteral("photo_800x600.jpg"))));
    }

    void restartKeys()
    {
        Config a;
        Config b;
        QVERIFY(restartKeysBetween(a, b).isEmpty());
        b.server.lock.type = QStringLiteral("redis");
        b.server.cache.type = QStringLiteral("redis");
        QCOMPARE(restartKeysBetween(a, b), (QStringList{"server.cache.type", "server.lock.type"}));
    }

    void embedded()
    {
        Expected<ConfigPtr> config = ConfigLoader::fromText(configText(m_dir.path(), 150));
        QVERIFY2(config, config ? "" : qPrintable(config.error().detail));
        LocalEngineClient client(*config, QString());
        QVERIFY(client.start());
        exercise(client, client.engine()->stats().publicAddresses.value(0));
    }

    void attached()
    {
        const QString path = m_dir.filePath(QStringLiteral("mort.yml"));
        QVERIFY(writeFile(path, configText(m_dir.path(), 150).toUtf8()));
        ServerProcess server;
        const QString why = server.start(QStringLiteral(MORT_SERVER_BINARY), path);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        RemoteEngineClient client(RemoteEngineClient::normalizedUrl(server.internalAddress()), kToken);
        exercise(client, server.publicAddress());

        // GET config masks the token; sending that text back applies it and
        // the server keeps its running token for the masked key (issue 21):
        // the real token still works, "***" does not.
        QObject context;
        std::optional<Expected<ConfigSnapshot>> snapshot;
        client.readConfig(&context, [&snapshot](const Expected<ConfigSnapshot> &s) { snapshot = s; });
        QTRY_VERIFY_WITH_TIMEOUT(snapshot.has_value(), 10000);
        QVERIFY(*snapshot);
        QVERIFY((*snapshot)->text.contains(QStringLiteral("adminToken: \"***\"")));
        Expected<ConfigCheck> masked = wait(client, true, (*snapshot)->text);
        QVERIFY(masked);
        QVERIFY2(masked->applied, qPrintable(issueKeys(*masked) + masked->refusal));
        Expected<ConfigCheck> still = wait(client, false, configText(m_dir.path(), 300));
        QVERIFY2(still && still->ok(), "the token still works");
        RemoteEngineClient maskAsToken(RemoteEngineClient::normalizedUrl(server.internalAddress()),
                                       QStringLiteral("***"));
        Expected<ConfigCheck> refused = wait(maskAsToken, false, configText(m_dir.path(), 300));
        QVERIFY2(!refused, "the mask is no token");
    }
};

QTEST_MAIN(TestConfigApply)
#include "tst_configapply.moc"
