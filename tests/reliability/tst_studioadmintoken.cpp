// Finding 7 of issue 23, the studio's side: its embedded engine is driven
// in-process (LocalEngineClient calls the Engine), so its admin API gets a
// random token nobody is told. Another program on the machine then gets 401
// admin.unauthorized, also after a config is applied from the Preview, while a
// token the user names (MORT_ADMIN_TOKEN, what --attach sends) still works.
#include "integration/testserver.h"
#include "client/localengineclient.h"

using namespace mort;
using namespace mort::test;

namespace {

const QString kConfig = QStringLiteral(R"yaml(server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
buckets:
  media:
    storages:
      basic: {kind: "local-meta", rootPath: "%1/originals"}
)yaml");

std::unique_ptr<LocalEngineClient> startStudioEngine(const QString &root)
{
    Expected<ConfigPtr> config = ConfigLoader::fromText(kConfig.arg(root));
    if (!config)
        return nullptr;
    auto client = std::make_unique<LocalEngineClient>(*config, QStringLiteral("studio.yml"));
    if (!client->start())
        return nullptr;
    return client;
}

Reply adminGet(LocalEngineClient &client, const HttpHeaders &headers = {})
{
    RawHttpClient http(client.engine()->stats().internalAddresses.value(0));
    return http.request("GET", "/api/v1/stats", headers);
}

} // namespace

class TestStudioAdminToken : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { qunsetenv("MORT_ADMIN_TOKEN"); }
    void cleanup() { qunsetenv("MORT_ADMIN_TOKEN"); }

    void embeddedEngineRefusesOtherPrograms()
    {
        QTemporaryDir dir;
        std::unique_ptr<LocalEngineClient> client = startStudioEngine(dir.path());
        QVERIFY(client);
        const Reply r = adminGet(*client);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.header("X-Mort-Error"), QByteArray("admin.unauthorized"));
    }

    // Saving a preset applies the edited YAML, which names no token.
    void tokenSurvivesAppliedConfig()
    {
        QTemporaryDir dir;
        std::unique_ptr<LocalEngineClient> client = startStudioEngine(dir.path());
        QVERIFY(client);
        QVERIFY(client->engine()->applyConfig(kConfig.arg(dir.path())));
        const Reply r = adminGet(*client);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.header("X-Mort-Error"), QByteArray("admin.unauthorized"));
    }

    void userTokenStillAttaches()
    {
        qputenv("MORT_ADMIN_TOKEN", "users-own-token");
        QTemporaryDir dir;
        std::unique_ptr<LocalEngineClient> client = startStudioEngine(dir.path());
        QVERIFY(client);
        QCOMPARE(adminGet(*client, {{"Authorization", "Bearer users-own-token"}}).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestStudioAdminToken)
#include "tst_studioadmintoken.moc"
