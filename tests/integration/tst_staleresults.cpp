// Stored results of a changed preset, end to end over the admin API of a real
// Engine (issue #21 item 4): after config/apply changes a preset, the old
// result is still served (Mort's behaviour: it is in the transform storage
// and the response cache); presets/stale lists it; a purge deletes it from
// both, leaving other presets' results and the originals; the next request
// is made with the new definition. The bound, the errors and the `purge`
// task count back at 0 are checked on the same server.
#include "testserver.h"

#include "core/taskregistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace mort;
using namespace mort::test;

namespace {

const QByteArray kToken = "stale-results-token-0123456789";

QString configWithWidth(int width)
{
    return QStringLiteral(R"yaml(server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
  adminToken: "stale-results-token-0123456789"
  cache: {type: memory, cacheSize: 50000000}
headers:
  - statusCodes: [200]
    values: {"cache-control": "max-age=600, public"}
buckets:
  r:
    transform:
      kind: presets
      path: "\\/(?P<presetName>[a-z0-9_]+)\\/(?P<parent>[a-z0-9_.]+)$"
      parentBucket: r
      presets:
        small:
          filters:
            thumbnail: {width: %1}
        big:
          filters:
            thumbnail: {width: 300}
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
      transform: {kind: "local-meta", rootPath: "@ROOT@/results"}
)yaml")
        .arg(width);
}

QJsonObject json(const Reply &reply)
{
    return QJsonDocument::fromJson(reply.body).object();
}

} // namespace

class TestStaleResults : public QObject
{
    Q_OBJECT

    Reply admin(TestServer &server, const QByteArray &method, const QByteArray &route, const QByteArray &body = {})
    {
        RawHttpClient client(server.internalAddress());
        HttpHeaders headers{{"Authorization", "Bearer " + kToken}};
        if (body.isEmpty())
            return client.request(method, "/api/v1/" + route, headers);
        headers.append({QByteArray("Content-Type"), body.startsWith('{') ? "application/json" : "application/yaml"});
        return client.requestWithBody(method, "/api/v1/" + route, headers, body);
    }

    QByteArray configBody(TestServer &server, int width)
    {
        return configWithWidth(width).replace(QLatin1String("@ROOT@"), server.root()).toUtf8();
    }

    // Polls presets/stale/<id> until its purge left "running".
    QJsonObject waitForPurge(TestServer &server, qint64 id)
    {
        QJsonObject entry;
        pollUntil(
            [&] {
                entry = json(admin(server, "GET", "presets/stale/" + QByteArray::number(id)));
                return entry.value("purge").toObject().value("state").toString() != QLatin1String("running");
            },
            20000);
        return entry;
    }

    // Originals a.jpg, b.jpg and c.jpg in bucket r, then the server with `small` at 100 px.
    static QString startWithThreeOriginals(TestServer &server)
    {
        for (const char *name : {"a.jpg", "b.jpg", "c.jpg"}) {
            if (!server.addFile(QStringLiteral("photos/photo_800x600.jpg"),
                                QStringLiteral("originals/r/") + QLatin1String(name)))
                return QStringLiteral("cannot copy ") + QLatin1String(name);
        }
        return server.start(configWithWidth(100));
    }

private Q_SLOTS:
    void purgeDeletesTheOldResultSoTheNewDefinitionIsServed()
    {
        TestServer server;
        const QString error = startWithThreeOriginals(server);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(decodeImage(server.get("/r/small/a.jpg").body).width, 100);
        QCOMPARE(decodeImage(server.get("/r/small/b.jpg").body).width, 100);
        QCOMPARE(decodeImage(server.get("/r/big/a.jpg").body).width, 300);
        // Results are stored after the answer went out (write-back): wait for
        // each, not only for one (CI once checked big/a.jpg before it landed).
        for (const char *result : {"results/r/small/a.jpg", "results/r/small/b.jpg", "results/r/big/a.jpg"})
            QVERIFY2(pollUntil([&] { return QFile::exists(server.path(QLatin1String(result))); }, 10000), result);
        QVERIFY(json(admin(server, "GET", "presets/stale")).value("presets").toArray().isEmpty());

        // The preset changes; what it stored is still what a request gets.
        const Reply applied = admin(server, "POST", "config/apply", configBody(server, 150));
        QCOMPARE(applied.status, 200);
        const QJsonArray stale = json(applied).value("stalePresets").toArray();
        QCOMPARE(stale.size(), 1);
        const QJsonObject entry = stale.first().toObject();
        QCOMPARE(entry.value("bucket").toString(), QStringLiteral("r"));
        QCOMPARE(entry.value("preset").toString(), QStringLiteral("small"));
        QCOMPARE(entry.value("removed").toBool(), false);
        QCOMPARE(entry.value("purge").toObject().value("state").toString(), QStringLiteral("idle"));
        QCOMPARE(decodeImage(server.get("/r/small/a.jpg").body).width, 100);
        const qint64 id = entry.value("id").toInteger();
        QCOMPARE(json(admin(server, "GET", "presets/stale")).value("presets").toArray().size(), 1);

        const Reply started = admin(server, "POST", "presets/stale/" + QByteArray::number(id) + "/purge");
        QCOMPARE(started.status, 202);
        QCOMPARE(json(started).value("purge").toObject().value("state").toString(), QStringLiteral("running"));
        const QJsonObject purge = waitForPurge(server, id).value("purge").toObject();
        QCOMPARE(purge.value("state").toString(), QStringLiteral("done"));
        QCOMPARE(purge.value("total").toInt(), 3);
        QCOMPARE(purge.value("done").toInt(), 3);
        QCOMPARE(purge.value("deleted").toInt(), 2);
        QCOMPARE(purge.value("failed").toInt(), 0);

        QVERIFY(!QFile::exists(server.path("results/r/small/a.jpg")));
        QVERIFY(!QFile::exists(server.path("results/r/small/b.jpg")));
        QVERIFY(QFile::exists(server.path("results/r/big/a.jpg")));
        QVERIFY(QFile::exists(server.path("originals/r/a.jpg")));
        // Neither storage nor response cache answers with the old result now.
        QCOMPARE(decodeImage(server.get("/r/small/a.jpg").body).width, 150);
        QCOMPARE(decodeImage(server.get("/r/big/a.jpg").body).width, 300);
        QVERIFY(pollUntil([&] { return server.engine().tasks().live(TaskKind::Purge) == 0; }, 5000));
        QCOMPARE(server.engine().tasks().started(TaskKind::Purge), quint64(1));
    }

    void undoingTheChangeForgetsIt()
    {
        TestServer server;
        const QString error = server.start(configWithWidth(100));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(admin(server, "POST", "config/apply", configBody(server, 150)).status, 200);
        QCOMPARE(json(admin(server, "GET", "presets/stale")).value("presets").toArray().size(), 1);
        // Back to 100: results stored under 100 are current; 150 served nothing yet but is listed.
        const QJsonArray back =
            json(admin(server, "POST", "config/apply", configBody(server, 100))).value("stalePresets").toArray();
        QCOMPARE(back.size(), 1);
        QCOMPARE(back.first().toObject().value("id").toInteger(), 2);
    }

    void errorsAndTheBound()
    {
        TestServer server;
        const QString error = startWithThreeOriginals(server);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(decodeImage(server.get("/r/small/a.jpg").body).width, 100);
        QVERIFY(pollUntil([&] { return QFile::exists(server.path("results/r/small/a.jpg")); }, 10000)); // write-back
        QCOMPARE(admin(server, "POST", "config/apply", configBody(server, 150)).status, 200);

        const Reply unknown = admin(server, "POST", "presets/stale/99/purge");
        QCOMPARE(unknown.status, 404);
        QCOMPARE(json(unknown).value("code").toString(), QStringLiteral("admin.not_found"));
        const Reply badBound = admin(server, "POST", "presets/stale/1/purge", R"({"maxOriginals":0})");
        QCOMPARE(badBound.status, 400);
        QCOMPARE(admin(server, "PUT", "presets/stale/1/purge").status, 405);
        const Reply idle = admin(server, "DELETE", "presets/stale/1/purge");
        QCOMPARE(idle.status, 200);
        QCOMPARE(json(idle).value("cancelled").toBool(), false);
        QCOMPARE(admin(server, "GET", "presets/stale/1", {}).status, 200);
        QCOMPARE(admin(server, "GET", "presets/stale").status, 200);
        // Without the token: refused like every admin call.
        RawHttpClient anonymous(server.internalAddress());
        QCOMPARE(anonymous.request("GET", "/api/v1/presets/stale").status, 401);

        // Three originals, at most two allowed: nothing is deleted.
        const Reply started = admin(server, "POST", "presets/stale/1/purge", R"({"maxOriginals":2})");
        QCOMPARE(started.status, 202);
        const QJsonObject purge = waitForPurge(server, 1).value("purge").toObject();
        QCOMPARE(purge.value("state").toString(), QStringLiteral("failed"));
        QCOMPARE(purge.value("errorCode").toString(), QStringLiteral("purge.too_many_originals"));
        QCOMPARE(purge.value("deleted").toInt(), 0);
        QVERIFY(QFile::exists(server.path("results/r/small/a.jpg")));
        QVERIFY(pollUntil([&] { return server.engine().tasks().live(TaskKind::Purge) == 0; }, 5000));
    }
};

QTEST_GUILESS_MAIN(TestStaleResults)
#include "tst_staleresults.moc"
