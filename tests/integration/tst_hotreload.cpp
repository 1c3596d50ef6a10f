// Hot reload through the admin API (POST /api/v1/config/apply): behaviour
// changes without a restart, and requests in flight or arriving meanwhile all
// succeed (in-flight ones finish on their snapshot).
#include "testserver.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>
#include <thread>
#include <vector>

using namespace mort;
using namespace mort::test;

namespace {

QString configWithWidth(int width)
{
    return QStringLiteral(R"yaml(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
buckets:
  r:
    transform:
      kind: presets
      path: "\\/(?P<presetName>[a-z0-9_]+)\\/(?P<parent>[a-z0-9_.]+)$"
      parentBucket: r
      resultKey: hash
      presets:
        small:
          filters:
            thumbnail: {width: %1}
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
      transform: {kind: "local-meta", rootPath: "@ROOT@/results"}
)yaml")
        .arg(width);
}

} // namespace

class TestHotReload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appliedConfigChangesPresetsWithoutFailingRequests()
    {
        TestServer server;
        QVERIFY(server.addFile(QStringLiteral("photos/photo_800x600.jpg"), QStringLiteral("originals/r/a.jpg")));
        const QString error = server.start(configWithWidth(100));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(decodeImage(server.get("/r/small/a.jpg").body).width, 100);

        // 1000 requests from 4 threads, spread over the reload.
        std::atomic<int> ok{0}, failed{0};
        std::vector<std::thread> clients;
        const QString address = server.address();
        for (int t = 0; t < 4; ++t) {
            clients.emplace_back([&, t] {
                for (int i = 0; i < 250; ++i) {
                    RawHttpClient c(address);
                    const QByteArray target = (i + t) % 2 ? "/r/small/a.jpg" : "/r/a.jpg";
                    const Reply r = c.request("GET", target, {{"Host", "x"}});
                    (r.status == 200 ? ok : failed)++;
                }
            });
        }
        QTRY_VERIFY_WITH_TIMEOUT(ok.load() + failed.load() >= 200, 30000);

        QString yaml = configWithWidth(160);
        yaml.replace(QLatin1String("@ROOT@"), server.root());
        const QString internal = server.engine().stats().internalAddresses.value(0);
        RawHttpClient admin(internal);
        const Reply applied = admin.requestWithBody(
            "POST", "/api/v1/config/apply", {{"Host", "x"}, {"Content-Type", "application/yaml"}}, yaml.toUtf8());
        QVERIFY2(applied.status == 200, applied.body.constData());
        const int requestsBeforeApplyFinished = ok.load() + failed.load();

        for (auto &c : clients)
            c.join();
        QCOMPARE(failed.load(), 0);
        QCOMPARE(ok.load(), 1000);
        QVERIFY2(requestsBeforeApplyFinished < 1000, "the reload must happen while requests are running");
        QCOMPARE(decodeImage(server.get("/r/small/a.jpg").body).width, 160);
        QCOMPARE(server.engine()
                     .config()
                     ->bucket(QStringLiteral("r"))
                     ->transform->presets.value(QStringLiteral("small"))
                     .thumbnailWidth,
                 160);
    }

    void invalidConfigIsRefusedAndTheOldOneKeepsServing()
    {
        TestServer server;
        QVERIFY(server.addFile(QStringLiteral("photos/photo_800x600.jpg"), QStringLiteral("originals/r/a.jpg")));
        QVERIFY(server.start(configWithWidth(120)).isEmpty());
        const Expected<void> refused =
            server.engine().applyConfig(QStringLiteral("buckets:\n  r:\n    storages: {}\n"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().httpStatus, 422);
        QCOMPARE(decodeImage(server.get("/r/small/a.jpg").body).width, 120);
    }

    void listenersChangeWithoutDroppingOthers()
    {
        TestServer server;
        QVERIFY(server.start(configWithWidth(120)).isEmpty());
        QVERIFY(server.addFile(QStringLiteral("photos/photo_1920x1280.jpg"), QStringLiteral("originals/r/a.jpg")));
        const QString first = server.address();
        // A keep-alive connection on the first listener, opened before the change.
        RawHttpClient kept(first);
        QCOMPARE(kept.request("GET", "/r/a.jpg").status, 200);

        // Add a unix socket listener, keep the TCP one.
        const QString socketPath = server.path(QStringLiteral("mort.sock"));
        QString yaml = configWithWidth(120);
        yaml.replace(QLatin1String("@ROOT@"), server.root());
        QString added = yaml;
        added.replace(QLatin1String("listens: [\"127.0.0.1:0\"]"),
                      QStringLiteral("listens: [\"127.0.0.1:0\", \"unix:%1\"]").arg(socketPath));
        const Expected<void> applied = server.engine().applyConfig(added);
        QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().toString()));
        QCOMPARE(server.engine().stats().publicAddresses, (QStringList{first, QStringLiteral("unix:") + socketPath}));
        QCOMPARE(RawHttpClient(QStringLiteral("unix:") + socketPath).request("GET", "/r/a.jpg").status, 200);
        QCOMPARE(RawHttpClient(first).request("GET", "/r/a.jpg").status, 200);
        QCOMPARE(kept.request("GET", "/r/a.jpg").status, 200);

        // Drop the TCP listener: new connections are refused, the kept one is served.
        QString onlyUnix = yaml;
        onlyUnix.replace(QLatin1String("listens: [\"127.0.0.1:0\"]"),
                         QStringLiteral("listens: [\"unix:%1\"]").arg(socketPath));
        const Expected<void> dropped = server.engine().applyConfig(onlyUnix);
        QVERIFY2(dropped.ok(), qPrintable(dropped.ok() ? QString() : dropped.error().toString()));
        QCOMPARE(server.engine().stats().publicAddresses, (QStringList{QStringLiteral("unix:") + socketPath}));
        QCOMPARE(kept.request("GET", "/r/small/a.jpg").status, 200);
        QCOMPARE(RawHttpClient(first, 2000).request("GET", "/r/a.jpg").status, 0); // refused: no answer
        QCOMPARE(RawHttpClient(QStringLiteral("unix:") + socketPath).request("GET", "/r/small/a.jpg").status, 200);

        // A listener that cannot be opened refuses the whole config; nothing changes.
        QString bad = onlyUnix;
        bad.replace(QStringLiteral("listens: [\"unix:%1\"]").arg(socketPath),
                    QStringLiteral("listens: [\"unix:%1\", \"unix:/no/such/dir/mort.sock\"]").arg(socketPath));
        const Expected<void> refused = server.engine().applyConfig(bad);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QByteArray("config.listen_failed"));
        QCOMPARE(refused.error().httpStatus, 409);
        QCOMPARE(server.engine().stats().publicAddresses, (QStringList{QStringLiteral("unix:") + socketPath}));
        QCOMPARE(RawHttpClient(QStringLiteral("unix:") + socketPath).request("GET", "/r/a.jpg").status, 200);
    }

    void cacheAndLockChangesNeedARestart()
    {
        TestServer server;
        QVERIFY(server.start(configWithWidth(120)).isEmpty());
        QString yaml = configWithWidth(120);
        yaml.replace(QLatin1String("@ROOT@"), server.root());
        yaml.replace(QLatin1String("internalListen: \"127.0.0.1:0\""),
                     QLatin1String("internalListen: \"127.0.0.1:0\"\n  cache: {type: memory, cacheSize: 1048576}"));
        const Expected<void> refused = server.engine().applyConfig(yaml);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QByteArray("config.restart_required"));
    }
};

QTEST_GUILESS_MAIN(TestHotReload)
#include "tst_hotreload.moc"
