// MeteredStorage: every call on any backend is a `fetch`/`store` task while it
// runs and one mort_storage_* sample after; the client cache hands out one
// metered view per object type over a single backend.
#include "core/taskregistry.h"
#include "monitoring/metricsregistry.h"
#include "storage/meteredstorage.h"
#include "storage/storageclientcache.h"
#include "storagetestutil.h"

#include <QTemporaryDir>
#include <QUrl>
#include <QTest>

using namespace mort;
using namespace mort::testutil;

namespace {

// A real local storage that notes how many fetch/store tasks were live while
// each call ran (what the decorator promises to callers).
class TaskProbe : public Storage
{
public:
    TaskProbe(std::shared_ptr<Storage> inner, const TaskRegistry &tasks) : m_inner(std::move(inner)), m_tasks(tasks) {}

    qint64 fetchesSeen = 0;
    qint64 storesSeen = 0;

    Expected<ObjectMetadata> head(const QString &key) override
    {
        fetchesSeen += m_tasks.live(TaskKind::Fetch);
        return m_inner->head(key);
    }
    Expected<StoredObject> get(const QString &key) override
    {
        fetchesSeen += m_tasks.live(TaskKind::Fetch);
        return m_inner->get(key);
    }
    Expected<void> put(const QString &key, const QByteArray &body, const ObjectMetadata &meta) override
    {
        storesSeen += m_tasks.live(TaskKind::Store);
        return m_inner->put(key, body, meta);
    }
    Expected<void> remove(const QString &key) override
    {
        storesSeen += m_tasks.live(TaskKind::Store);
        return m_inner->remove(key);
    }
    Expected<std::unique_ptr<QIODevice>> openRead(const QString &key, ObjectMetadata *meta,
                                                  const EarlyBodyReader &early) override
    {
        fetchesSeen += m_tasks.live(TaskKind::Fetch);
        return m_inner->openRead(key, meta, early);
    }
    QString kind() const override { return m_inner->kind(); }

private:
    std::shared_ptr<Storage> m_inner;
    const TaskRegistry &m_tasks;
};

double sampleValue(const MetricsRegistry &registry, const QByteArray &family, const MetricLabels &labels)
{
    const MetricsSnapshot snapshot = registry.snapshot();
    const MetricFamilySnapshot *f = snapshot.family(family);
    if (!f)
        return -1;
    for (const MetricSample &s : f->samples)
        if (s.labels == labels)
            return f->type == MetricType::Histogram ? double(s.histogram.count()) : s.value;
    return 0;
}

MetricLabels requestLabels(const char *method, const char *objectType)
{
    return {{"method", method}, {"bucket", ""}, {"storage", "local"}, {"object_type", objectType}};
}

} // namespace

class TestMeteredStorage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;

private Q_SLOTS:
    void everyCallIsATaskAndASample()
    {
        TaskRegistry tasks;
        MetricsRegistry registry;
        MortMetrics metrics(registry, tasks);
        auto probe = std::make_shared<TaskProbe>(makeStorage(fileConfig(QStringLiteral("local"), m_tmp.path())), tasks);
        MeteredStorage results(probe, StorageObjectType::Transform, metrics, &tasks);
        QCOMPARE(results.kind(), QStringLiteral("local"));

        ObjectMetadata meta;
        meta.contentType = "image/png";
        QVERIFY(results.put(QStringLiteral("/r/a.png"), QByteArray(1000, 'p'), meta).ok());
        QVERIFY(results.head(QStringLiteral("/r/a.png")).ok());
        auto got = results.get(QStringLiteral("/r/a.png"));
        QVERIFY(got.ok());
        QCOMPARE(got->body.size(), 1000);
        auto device = results.openRead(QStringLiteral("/r/a.png")); // no meta wanted: still measured
        QVERIFY(device.ok());
        QVERIFY(results.get(QStringLiteral("/r/missing.png")).error().isNotFound());
        QVERIFY(results.remove(QStringLiteral("/r/a.png")).ok());

        // One task of the right kind was live during each call, none after.
        QCOMPARE(probe->fetchesSeen, qint64(4));
        QCOMPARE(probe->storesSeen, qint64(2));
        QCOMPARE(tasks.started(TaskKind::Fetch), quint64(4));
        QCOMPARE(tasks.started(TaskKind::Store), quint64(2));
        QCOMPARE(tasks.liveTotal(), qint64(0));

        QCOMPARE(sampleValue(registry, "mort_storage_request", requestLabels("set", "transform")), 1.0);
        QCOMPARE(sampleValue(registry, "mort_storage_request", requestLabels("head", "transform")), 1.0);
        QCOMPARE(sampleValue(registry, "mort_storage_request", requestLabels("get", "transform")), 3.0);
        QCOMPARE(sampleValue(registry, "mort_storage_request", requestLabels("delete", "transform")), 1.0);
        QCOMPARE(sampleValue(registry, "mort_storage_request", requestLabels("get", "parent")), 0.0);
        QCOMPARE(sampleValue(registry, "mort_storage_time", {{"method", "get"}, {"storage", "local"}}), 3.0);
        // Bytes: the put, the get and the opened device (the miss adds none).
        QCOMPARE(sampleValue(registry, "mort_storage_throughput", {{"method", "set"}, {"storage", "local"}}), 1000.0);
        QCOMPARE(sampleValue(registry, "mort_storage_throughput", {{"method", "get"}, {"storage", "local"}}), 2000.0);
    }

    void cacheHandsOutOneViewPerObjectType()
    {
        TaskRegistry tasks;
        MetricsRegistry registry;
        MortMetrics metrics(registry, tasks);
        StorageClientCache cache(4, StorageMetering{&metrics, &tasks});
        const StorageConfig config = fileConfig(QStringLiteral("local"), m_tmp.path());
        auto parent = cache.client(config, QStringLiteral("b"), StorageObjectType::Parent);
        auto result = cache.client(config, QStringLiteral("b"), StorageObjectType::Transform);
        QVERIFY(parent.ok() && result.ok());
        QCOMPARE(cache.client(config, QStringLiteral("b"))->get(), parent->get()); // Parent by default, same view
        QCOMPARE(cache.client(config, QStringLiteral("b"), StorageObjectType::Transform)->get(), result->get());
        auto *parentView = dynamic_cast<MeteredStorage *>(parent->get());
        auto *resultView = dynamic_cast<MeteredStorage *>(result->get());
        QVERIFY(parentView && resultView);
        QVERIFY(parentView != resultView);
        QCOMPARE(parentView->inner(), resultView->inner()); // one backend (one client) behind both
        QCOMPARE(cache.size(), 1);
        QCOMPARE(cache.createdCount(), quint64(1));

        QVERIFY((*parent)->get(QStringLiteral("/missing.jpg")).error().isNotFound());
        QCOMPARE(sampleValue(registry, "mort_storage_request", requestLabels("get", "parent")), 1.0);
        QCOMPARE(tasks.started(TaskKind::Fetch), quint64(1));
    }

    // The storage-specific calls reach the backend through the view: an s3
    // storage presigns (no network: signing is local), counted as Mort's
    // `presign`; a local storage still says it cannot.
    void presignAndRestoreReachTheBackend()
    {
        TaskRegistry tasks;
        MetricsRegistry registry;
        MortMetrics metrics(registry, tasks);
        StorageClientCache cache(4, StorageMetering{&metrics, &tasks});
        StorageConfig s3;
        s3.name = QStringLiteral("basic");
        s3.kind = QStringLiteral("s3");
        s3.bucket = QStringLiteral("photos");
        s3.accessKey = QStringLiteral("key");
        s3.secretAccessKey = QStringLiteral("secret");
        s3.endpoint = QStringLiteral("http://127.0.0.1:9000");
        auto remote = cache.client(s3, QStringLiteral("b"));
        QVERIFY(remote.ok());
        QVERIFY(dynamic_cast<MeteredStorage *>(remote->get()));
        Expected<QUrl> url = (*remote)->presignGet(QStringLiteral("/a.jpg"), 60);
        QVERIFY2(url.ok(), url.ok() ? "" : qPrintable(url.error().toString()));
        QVERIFY(url->query().contains(QLatin1String("X-Amz-Signature=")));
        QCOMPARE(sampleValue(registry, "mort_storage_request",
                             {{"method", "presign"}, {"bucket", ""}, {"storage", "s3"}, {"object_type", "parent"}}),
                 1.0);

        auto local = cache.client(fileConfig(QStringLiteral("local"), m_tmp.path()), QStringLiteral("b"));
        QCOMPARE(QByteArray((*local)->presignGet(QStringLiteral("/a.jpg"), 60).error().code),
                 QByteArray("storage.presign_unsupported"));
        QCOMPARE(QByteArray((*local)->requestRestore(QStringLiteral("/a.jpg"), 1, QStringLiteral("Bulk")).error().code),
                 QByteArray("storage.restore_unsupported"));
        QCOMPARE(tasks.started(TaskKind::Store), quint64(1)); // the restore request
    }

    void withoutMeteringTheBackendItself()
    {
        StorageClientCache cache(4);
        auto client = cache.client(fileConfig(QStringLiteral("local"), m_tmp.path()), QStringLiteral("b"));
        QVERIFY(client.ok());
        QVERIFY(!dynamic_cast<MeteredStorage *>(client->get()));
    }
};

QTEST_GUILESS_MAIN(TestMeteredStorage)
#include "tst_meteredstorage.moc"
