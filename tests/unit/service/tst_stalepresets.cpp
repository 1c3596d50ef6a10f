// Stored results of changed presets (issue #21 item 4): which presets a
// config apply leaves stale, the engine's bounded list of them, and the purge
// that deletes exactly the results the old definition stored (real local-meta
// storages in a temporary folder): other presets' results and the originals
// stay, a cancel stops between originals, a bucket over the bound deletes
// nothing, a storage that cannot list fails with its own code.
#include "service/staleresultspurge.h"

#include "object/objectref.h"
#include "storage/storage.h"
#include "storage/storageclientcache.h"

#include <QTemporaryDir>
#include <QTest>

using namespace mort;

namespace {

// %1: the folder of both storages; %2: small's width; %3: extra server keys;
// %4: more presets.
QString configText(const QString &root, int smallWidth, const QString &server = {}, const QString &presets = {})
{
    return QStringLiteral(R"(server:
  listens: ["127.0.0.1:0"]
%3buckets:
  demo:
    transform:
      kind: "presets"
      path: "\\/(?P<presetName>[a-z0-9_]+)\\/(?P<parent>[a-z0-9_]+\\.jpg)$"
      parentBucket: "demo"
      presets:
        small:
          quality: 75
          filters:
            thumbnail: {width: %2}
        big:
          filters:
            thumbnail: {width: 800}
%4    storages:
      basic: {kind: local-meta, rootPath: "%1/originals"}
      transform: {kind: local-meta, rootPath: "%1/results"}
)")
        .arg(root)
        .arg(smallWidth)
        .arg(server, presets);
}

ConfigPtr parse(const QString &yaml)
{
    Expected<ConfigPtr> config = ConfigLoader::fromText(yaml);
    if (!config)
        qFatal("test config refused: %s", qPrintable(config.error().toString()));
    return *config;
}

StalePreset staleOf(const QList<StalePreset> &list, const QString &preset)
{
    for (const StalePreset &s : list) {
        if (s.preset == preset)
            return s;
    }
    return {};
}

ObjectMetadata jpegMeta()
{
    ObjectMetadata meta;
    meta.contentType = "image/jpeg";
    return meta;
}

} // namespace

class TestStalePresets : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<StorageClientCache> m_storages;
    std::shared_ptr<Storage> m_originals, m_results;

    bool exists(const std::shared_ptr<Storage> &storage, const QString &key) { return storage->head(key).ok(); }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_storages = std::make_unique<StorageClientCache>();
        const ConfigPtr config = parse(configText(m_dir.path(), 100));
        const BucketConfig *demo = config->bucket(QStringLiteral("demo"));
        Expected<std::shared_ptr<Storage>> originals =
            m_storages->client(*demo->storage(QStringLiteral("basic")), QStringLiteral("demo"));
        Expected<std::shared_ptr<Storage>> results = m_storages->client(
            *demo->storage(QStringLiteral("transform")), QStringLiteral("demo"), StorageObjectType::Transform);
        QVERIFY(originals && results);
        m_originals = *originals;
        m_results = *results;
        // Three originals; results of `small` stored for two of them, `big` for one.
        for (const char *key : {"/a.jpg", "/b.jpg", "/c.jpg"})
            QVERIFY(m_originals->put(QString::fromLatin1(key), "jpeg bytes", jpegMeta()));
        for (const char *key : {"/small/a.jpg", "/small/b.jpg", "/big/a.jpg"})
            QVERIFY(m_results->put(QString::fromLatin1(key), "result bytes", jpegMeta()));
    }

    void cleanup()
    {
        m_originals.reset();
        m_results.reset();
        m_storages.reset();
        QVERIFY(QDir(m_dir.path()).removeRecursively());
        QVERIFY(QDir().mkpath(m_dir.path()));
    }

    void changedPresetsNamesOnlyThoseWhoseTransformsDiffer()
    {
        const ConfigPtr before = parse(configText(m_dir.path(), 100));
        // small changes width; big stays; a new preset is no one's stale result.
        const ConfigPtr after = parse(
            configText(m_dir.path(), 150, {},
                       QStringLiteral("        fresh:\n          filters:\n            thumbnail: {width: 50}\n")));
        const QList<StalePreset> changed = changedPresets(before, *after);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().bucket, QStringLiteral("demo"));
        QCOMPARE(changed.first().preset, QStringLiteral("small"));
        QCOMPARE(changed.first().removed, false);
        QCOMPARE(changed.first().before, before);
        // Quality alone is a change too (it is in the result).
        QString qualityOnly = configText(m_dir.path(), 100);
        qualityOnly.replace(QLatin1String("quality: 75"), QLatin1String("quality: 60"));
        QCOMPARE(changedPresets(before, *parse(qualityOnly)).size(), 1);
        // Same text: nothing.
        QVERIFY(changedPresets(before, *parse(configText(m_dir.path(), 100))).isEmpty());
    }

    void aRemovedPresetIsStaleAndSaysRemoved()
    {
        const ConfigPtr before = parse(configText(m_dir.path(), 100));
        QString without = configText(m_dir.path(), 100);
        const qsizetype from = without.indexOf(QLatin1String("        big:"));
        without.remove(from, without.indexOf(QLatin1String("    storages:")) - from);
        const QList<StalePreset> changed = changedPresets(before, *parse(without));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().preset, QStringLiteral("big"));
        QCOMPARE(changed.first().removed, true);
    }

    void logDropsAnUndoneChangeAndStaysBounded()
    {
        StalePresetLog log;
        const ConfigPtr w100 = parse(configText(m_dir.path(), 100));
        const ConfigPtr w150 = parse(configText(m_dir.path(), 150));
        QCOMPARE(log.record(w100, *w150).size(), 1);
        QCOMPARE(log.list().size(), 1);
        QCOMPARE(log.list().first().id, quint64(1));
        // Back to 100: the results 100 stored are current again.
        QCOMPARE(log.record(w150, *w100).size(), 1); // 150's results are stale now
        QCOMPARE(log.list().size(), 1);
        QCOMPARE(log.list().first().id, quint64(2));
        // Many applies: the list keeps the newest kCapacity entries.
        ConfigPtr previous = w100;
        for (int width = 200; width < 200 + 2 * StalePresetLog::kCapacity; ++width) {
            const ConfigPtr next = parse(configText(m_dir.path(), width));
            log.record(previous, *next);
            previous = next;
        }
        const QList<StalePreset> kept = log.list();
        QCOMPARE(kept.size(), StalePresetLog::kCapacity);
        QCOMPARE(kept.last().id, quint64(2 + 2 * StalePresetLog::kCapacity));
    }

    void oneRunningPurgeAtATime()
    {
        StalePresetLog log;
        log.record(parse(configText(m_dir.path(), 100)), *parse(configText(m_dir.path(), 150)));
        log.record(parse(configText(m_dir.path(), 150)), *parse(configText(m_dir.path(), 160)));
        QCOMPARE(log.list().size(), 2);
        Expected<StalePreset> first = log.beginPurge(1);
        QVERIFY(first);
        QCOMPARE(first->purge.state, PurgeProgress::State::Running);
        Expected<StalePreset> second = log.beginPurge(2);
        QVERIFY(!second);
        QCOMPARE(second.error().code, QByteArray("purge.busy"));
        QCOMPARE(second.error().httpStatus, 409);
        Expected<StalePreset> missing = log.beginPurge(99);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, QByteArray("admin.not_found"));
        QCOMPARE(missing.error().httpStatus, 404);
        PurgeProgress done;
        done.state = PurgeProgress::State::Done;
        log.updatePurge(1, done);
        QVERIFY(log.beginPurge(2));
    }

    void purgeDeletesTheOldResultsOnly()
    {
        const ConfigPtr before = parse(configText(m_dir.path(), 100));
        const StalePreset stale = staleOf(changedPresets(before, *parse(configText(m_dir.path(), 150))), "small");
        QStringList evicted;
        QList<PurgeProgress> seen;
        PurgeRun run;
        run.storages = m_storages.get();
        run.evict = [&](const QString &key) { evicted << key; };
        run.progress = [&](const PurgeProgress &p) { seen << p; };
        const PurgeProgress result = StaleResultsPurge::run(stale, run);
        QCOMPARE(result.state, PurgeProgress::State::Done);
        QCOMPARE(result.total, 3);
        QCOMPARE(result.done, 3);
        QCOMPARE(result.deleted, 2); // c.jpg had no stored result
        QCOMPARE(result.failed, 0);
        QCOMPARE(result.skipped, 0);
        QVERIFY(!exists(m_results, "/small/a.jpg"));
        QVERIFY(!exists(m_results, "/small/b.jpg"));
        QVERIFY(exists(m_results, "/big/a.jpg")); // another preset's
        for (const char *key : {"/a.jpg", "/b.jpg", "/c.jpg"})
            QVERIFY(exists(m_originals, QString::fromLatin1(key)));
        // The response caches forget each whole GET of the preset (stored or not).
        QCOMPARE(evicted.size(), 3);
        QVERIFY2(evicted.first().endsWith(QLatin1String("/small/a.jpg")), qPrintable(evicted.first()));
        QVERIFY(evicted.first().startsWith(QLatin1String("transform:")));
        // Progress: the total once listed, then one call per original.
        QCOMPARE(seen.size(), 4);
        QCOMPARE(seen.first().total, 3);
        QCOMPARE(seen.first().done, 0);
        QCOMPARE(seen.last().done, 3);
    }

    void purgeOfAWebpServerDeletesTheWebpVariantsToo()
    {
        const QString webp = QStringLiteral("  plugins:\n    webp: ~\n");
        QVERIFY(m_results->put(QStringLiteral("/small/a.jpgwebp"), "webp bytes", jpegMeta()));
        const ConfigPtr before = parse(configText(m_dir.path(), 100, webp));
        const StalePreset stale = staleOf(changedPresets(before, *parse(configText(m_dir.path(), 150, webp))), "small");
        PurgeRun run;
        run.storages = m_storages.get();
        const PurgeProgress result = StaleResultsPurge::run(stale, run);
        QCOMPARE(result.state, PurgeProgress::State::Done);
        QCOMPARE(result.deleted, 3);
        QVERIFY(!exists(m_results, "/small/a.jpgwebp"));
    }

    void cancelStopsBetweenOriginals()
    {
        const ConfigPtr before = parse(configText(m_dir.path(), 100));
        const StalePreset stale = staleOf(changedPresets(before, *parse(configText(m_dir.path(), 150))), "small");
        PurgeRun run;
        run.storages = m_storages.get();
        run.progress = [&run](const PurgeProgress &p) {
            if (p.done == 1)
                run.cancel.cancel();
        };
        const PurgeProgress result = StaleResultsPurge::run(stale, run);
        QCOMPARE(result.state, PurgeProgress::State::Cancelled);
        QCOMPARE(result.done, 1);
        QCOMPARE(result.deleted, 1);
        QVERIFY(!exists(m_results, "/small/a.jpg"));
        QVERIFY(exists(m_results, "/small/b.jpg"));
    }

    void aBucketOverTheBoundDeletesNothing()
    {
        const ConfigPtr before = parse(configText(m_dir.path(), 100));
        const StalePreset stale = staleOf(changedPresets(before, *parse(configText(m_dir.path(), 150))), "small");
        PurgeRun run;
        run.storages = m_storages.get();
        run.maxOriginals = 2;
        const PurgeProgress result = StaleResultsPurge::run(stale, run);
        QCOMPARE(result.state, PurgeProgress::State::Failed);
        QCOMPARE(result.errorCode, QByteArray("purge.too_many_originals"));
        QCOMPARE(result.deleted, 0);
        QVERIFY(exists(m_results, "/small/a.jpg"));
        QVERIFY(exists(m_results, "/small/b.jpg"));
    }

    void originalsThatCannotBeListedFailWithTheStoragesCode()
    {
        QString yaml = configText(m_dir.path(), 100);
        yaml.replace(QStringLiteral("basic: {kind: local-meta, rootPath: \"%1/originals\"}").arg(m_dir.path()),
                     QStringLiteral("basic: {kind: http, url: \"http://127.0.0.1:9/<item>\"}"));
        const ConfigPtr before = parse(yaml);
        QString after = yaml;
        after.replace(QLatin1String("{width: 100}"), QLatin1String("{width: 150}"));
        const StalePreset stale = staleOf(changedPresets(before, *parse(after)), "small");
        QCOMPARE(stale.preset, QStringLiteral("small"));
        PurgeRun run;
        run.storages = m_storages.get();
        const PurgeProgress result = StaleResultsPurge::run(stale, run);
        QCOMPARE(result.state, PurgeProgress::State::Failed);
        QCOMPARE(result.errorCode, QByteArray("storage.list_unsupported"));
        QVERIFY(exists(m_results, "/small/a.jpg"));
    }
};

QTEST_GUILESS_MAIN(TestStalePresets)
#include "tst_stalepresets.moc"
