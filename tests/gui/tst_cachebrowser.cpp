// The cache browser: the entry model (consistent, sorts by value, filters),
// and list / evict / clear through the panel against the embedded engine,
// with the confirmation honoured.
#include "config/config.h"
#include "ui/cache/cachebrowserpanel.h"
#include "ui/cache/cacheentrydetailview.h"
#include "ui/cache/cacheentrymodel.h"
#include "client/localengineclient.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace mort;

namespace {

CacheEntryInfo entry(const QString &key, qint64 size, quint64 hits, qint64 ageMs, const char *type)
{
    CacheEntryInfo e;
    e.key = key;
    e.size = size;
    e.bodyBytes = size - 100;
    e.status = 200;
    e.contentType = type;
    e.hits = hits;
    e.ageMs = ageMs;
    e.ttlMs = 600'000 - ageMs;
    return e;
}

} // namespace

class TestCacheBrowser : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    // Memory cache + a header rule that makes every 200 cacheable.
    ConfigPtr cachingConfig()
    {
        QDir().mkpath(m_dir.filePath(QStringLiteral("b")));
        for (const char *name : {"one.txt", "two.txt", "three.txt"}) {
            QFile f(m_dir.filePath(QStringLiteral("b/") + QLatin1String(name)));
            if (!f.open(QIODevice::WriteOnly))
                return nullptr;
            f.write(QByteArray("content of ") + name);
        }
        auto config = ConfigLoader::fromText(QStringLiteral(R"(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
  cache: {type: memory, cacheSize: 10485760}
headers:
  - statusCodes: [200]
    values:
      "cache-control": "max-age=600"
buckets:
  b:
    storages:
      basic: {kind: local-meta, rootPath: "%1"}
)")
                                                 .arg(m_dir.path()));
        return config ? *config : nullptr;
    }

    static int get(const QString &address, const QString &path)
    {
        QNetworkAccessManager nam;
        QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(QStringLiteral("http://%1%2").arg(address, path))));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(5000);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        delete reply;
        return status;
    }

private Q_SLOTS:
    void modelIsConsistentSortsByValueAndFilters()
    {
        CacheEntryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEntries({entry("b/small.jpg", 900, 5, 1500, "image/jpeg"),
                          entry("b/large.webp", 20'000, 1, 120'000, "image/webp"),
                          entry("b/medium.jpg", 3000, 9, 30'000, "image/jpeg")});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.totalBytes(), 23'900);
        QCOMPARE(model.data(model.index(1, CacheEntryModel::AgeColumn)).toString(), QStringLiteral("2 min"));
        QCOMPARE(model.data(model.index(0, CacheEntryModel::AgeColumn)).toString(), QStringLiteral("1 s"));

        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(CacheEntryModel::SortRole);
        proxy.setFilterKeyColumn(-1);
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(CacheEntryModel::SizeColumn, Qt::AscendingOrder);
        // By bytes, not by the text "900 bytes" / "19.5 KiB" / "2.9 KiB".
        QCOMPARE(proxy.data(proxy.index(0, CacheEntryModel::KeyColumn)).toString(), QStringLiteral("b/small.jpg"));
        QCOMPARE(proxy.data(proxy.index(2, CacheEntryModel::KeyColumn)).toString(), QStringLiteral("b/large.webp"));
        proxy.sort(CacheEntryModel::HitsColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.data(proxy.index(0, CacheEntryModel::KeyColumn)).toString(), QStringLiteral("b/medium.jpg"));
        proxy.setFilterFixedString(QStringLiteral("WEBP"));
        QCOMPARE(proxy.rowCount(), 1);

        // Control characters in keys are shown, not swallowed; the raw key stays for eviction.
        model.setEntries({entry(QStringLiteral("b/k.jpg\x1ftransform"), 10, 0, 0, "image/jpeg")});
        QCOMPARE(model.data(model.index(0, CacheEntryModel::KeyColumn)).toString(),
                 QStringLiteral("b/k.jpg\\x1Ftransform"));
        QCOMPARE(model.data(model.index(0, CacheEntryModel::KeyColumn), CacheEntryModel::SortRole).toString(),
                 QStringLiteral("b/k.jpg\x1ftransform"));

        model.setEntries({});
        QCOMPARE(proxy.rowCount(), 0);
        QCOMPARE(model.totalBytes(), 0);
    }

    void listEvictAndClearThroughThePanel()
    {
        ConfigPtr config = cachingConfig();
        QVERIFY(config);
        LocalEngineClient client(config, QStringLiteral("cache.yml"));
        QVERIFY(client.start());
        const QString address = client.engine()->stats().publicAddresses.value(0);
        for (const char *name : {"one.txt", "two.txt", "three.txt"})
            QCOMPARE(get(address, QStringLiteral("/b/") + QLatin1String(name)), 200);

        CacheBrowserPanel panel(&client);
        panel.resize(800, 400);
        panel.show();
        QSignalSpy listed(&panel, &CacheBrowserPanel::listed);
        panel.refresh();
        QVERIFY(panel.isBusy());
        QVERIFY(listed.wait(5000));
        QCOMPARE(panel.model()->rowCount(), 3);
        QVERIFY2(panel.totalsLabel()->text().startsWith(QLatin1String("3 entries")),
                 qPrintable(panel.totalsLabel()->text()));

        panel.setFilterText(QStringLiteral("two"));
        QCOMPARE(panel.proxy()->rowCount(), 1);
        QVERIFY(panel.totalsLabel()->text().contains(QLatin1String("1 match")));

        // Declined: nothing is evicted.
        int asked = 0;
        panel.setConfirm([&asked](const QString &, const QString &) { return ++asked, false; });
        panel.view()->selectRow(0);
        panel.evictSelected();
        QCOMPARE(asked, 1);
        QVERIFY(!panel.isBusy());
        QCOMPARE(client.engine()->cacheEntries(-1)->size(), 3);

        // Confirmed: the selected entry goes, the listing follows.
        QString question;
        panel.setConfirm([&](const QString &, const QString &q) {
            question = q;
            return true;
        });
        QSignalSpy evicted(&client, &EngineClient::cacheEvicted);
        panel.evictSelected();
        QVERIFY(question.contains(QLatin1String("two.txt")));
        QVERIFY(listed.wait(5000));
        QCOMPARE(evicted.count(), 1);
        QVERIFY(evicted.at(0).at(1).toBool());
        QCOMPARE(panel.model()->rowCount(), 2);
        QCOMPARE(panel.proxy()->rowCount(), 0); // the filter still says "two"
        QCOMPARE(client.engine()->cacheEntries(-1)->size(), 2);

        panel.setFilterText({});
        panel.setConfirm([](const QString &, const QString &) { return false; });
        panel.clearAll();
        QCOMPARE(client.engine()->cacheEntries(-1)->size(), 2);
        panel.setConfirm([](const QString &, const QString &) { return true; });
        QSignalSpy cleared(&client, &EngineClient::cacheCleared);
        panel.clearAll();
        QVERIFY(listed.wait(5000));
        QCOMPARE(cleared.count(), 1);
        QCOMPARE(panel.model()->rowCount(), 0);
        QCOMPARE(client.engine()->cacheEntries(-1)->size(), 0);
        client.stop();
    }

    // Issue 25 finding 10: Delete on a selected entry evicts it the way the
    // button does, confirmation included; in the filter field it edits text.
    void deleteKeyEvictsTheSelection()
    {
        ConfigPtr config = cachingConfig();
        QVERIFY(config);
        LocalEngineClient client(config, QStringLiteral("cache.yml"));
        QVERIFY(client.start());
        const QString address = client.engine()->stats().publicAddresses.value(0);
        for (const char *name : {"one.txt", "two.txt", "three.txt"})
            QCOMPARE(get(address, QStringLiteral("/b/") + QLatin1String(name)), 200);
        CacheBrowserPanel panel(&client);
        panel.resize(800, 400);
        panel.show();
        panel.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&panel));
        QSignalSpy listed(&panel, &CacheBrowserPanel::listed);
        panel.refresh();
        QVERIFY(listed.wait(5000));
        QCOMPARE(panel.model()->rowCount(), 3);

        QStringList questions;
        bool answer = false;
        panel.setConfirm([&](const QString &, const QString &q) { return questions << q, answer; });
        panel.view()->selectRow(0);
        const QString request = panel.proxy()->index(0, CacheEntryModel::RequestColumn).data().toString();
        QVERIFY(!request.isEmpty());

        // In the filter field Delete edits the text and evicts nothing.
        auto *filter = panel.findChild<QLineEdit *>(QStringLiteral("filter"));
        QVERIFY(filter);
        filter->setFocus();
        QTest::keyClick(filter, Qt::Key_Delete);
        QCOMPARE(questions.size(), 0);

        // Declined: asked once, nothing evicted.
        panel.view()->setFocus();
        QTest::keyClick(panel.view(), Qt::Key_Delete);
        QCOMPARE(questions.size(), 1);
        QCOMPARE(questions.at(0), QStringLiteral("Evict %1 from the cache?").arg(request));
        QVERIFY(!panel.isBusy());
        QCOMPARE(client.engine()->cacheEntries(-1)->size(), 3);

        // Confirmed: the entry goes, as with the Evict button.
        answer = true;
        QSignalSpy evicted(&client, &EngineClient::cacheEvicted);
        QTest::keyClick(panel.view(), Qt::Key_Delete);
        QCOMPARE(questions.size(), 2);
        QVERIFY(listed.wait(5000));
        QCOMPARE(evicted.count(), 1);
        QVERIFY(evicted.at(0).at(1).toBool());
        QCOMPARE(client.engine()->cacheEntries(-1)->size(), 2);
        QCOMPARE(panel.model()->rowCount(), 2);
        client.stop();
    }

    void selectedEntryShowsHeadersAndThumbnail()
    {
        ConfigPtr config = cachingConfig();
        QVERIFY(config);
        QFile::remove(m_dir.filePath(QStringLiteral("b/photo.jpg")));
        QVERIFY(QFile::copy(QStringLiteral(MORT_TESTDATA_DIR "/photos/photo_1920x1280.jpg"),
                            m_dir.filePath(QStringLiteral("b/photo.jpg"))));
        LocalEngineClient client(config, QStringLiteral("cache.yml"));
        QVERIFY(client.start());
        const QString address = client.engine()->stats().publicAddresses.value(0);
        QCOMPARE(get(address, QStringLiteral("/b/photo.jpg")), 200);
        QCOMPARE(get(address, QStringLiteral("/b/one.txt")), 200);

        CacheBrowserPanel panel(&client);
        panel.resize(1000, 500);
        panel.show();
        QSignalSpy listed(&panel, &CacheBrowserPanel::listed);
        panel.refresh();
        QVERIFY(listed.wait(5000));
        QCOMPARE(panel.model()->rowCount(), 2);
        CacheEntryDetailView *detail = panel.detailView();
        QVERIFY(detail->shownKey().isEmpty());

        const auto rowOf = [&panel](const QString &suffix) {
            for (int row = 0; row < panel.proxy()->rowCount(); ++row) {
                if (panel.proxy()
                        ->data(panel.proxy()->index(row, CacheEntryModel::KeyColumn), CacheEntryModel::SortRole)
                        .toString()
                        .endsWith(suffix))
                    return row;
            }
            return -1;
        };
        const auto engineEntry = [&client](const QString &suffix) {
            const Expected<QList<CacheEntryInfo>> entries =
                client.engine()->cacheEntries(-1); // kept alive for the loop
            for (const CacheEntryInfo &e : *entries) {
                if (e.key.endsWith(suffix))
                    return e;
            }
            return CacheEntryInfo{};
        };
        QSignalSpy fetched(&client, &EngineClient::cacheEntryFetched);
        panel.view()->selectRow(rowOf(QStringLiteral("photo.jpg")));
        QVERIFY(detail->isLoading());
        QVERIFY(fetched.wait(5000));
        QVERIFY(!detail->isLoading());
        QVERIFY(detail->shownKey().endsWith(QLatin1String("photo.jpg")));
        QTRY_VERIFY_WITH_TIMEOUT(detail->hasThumbnail(), 10000); // decoded by the engine
        QCOMPARE(detail->thumbnailSize(), QSize(240, 160));      // 1920x1280 fitted into 240x240
        QVERIFY2(detail->headerLines().contains(QStringLiteral("Content-Type: image/jpeg")),
                 qPrintable(detail->headerLines().join(u'|')));
        QVERIFY(detail->headerLines().contains(QStringLiteral("Cache-Control: max-age=600")));
        // Peeking is not a hit.
        QCOMPARE(engineEntry(QStringLiteral("photo.jpg")).hits, 0u);
        client.refresh(); // a stats snapshot: the totals name the cache's capacity
        QDir().mkpath(QStringLiteral(MORT_BINARY_DIR "/screenshots"));
        QVERIFY(panel.grab().save(QStringLiteral(MORT_BINARY_DIR "/screenshots/studio-cache-detail-offscreen.png")));

        // Not an image: headers, no thumbnail.
        panel.view()->selectRow(rowOf(QStringLiteral("one.txt")));
        QVERIFY(fetched.wait(5000));
        QVERIFY(!detail->hasThumbnail());
        QVERIFY(detail->headerLines().contains(QStringLiteral("Content-Type: text/plain; charset=utf-8")));

        // Two selected: no detail.
        panel.view()->selectAll();
        QVERIFY(detail->shownKey().isEmpty());

        // Gone by the time it is asked for: the error replaces "Loading".
        const QString photoKey = engineEntry(QStringLiteral("photo.jpg")).key;
        QVERIFY(!photoKey.isEmpty());
        QVERIFY(*client.engine()->evict(photoKey));
        QSignalSpy errors(&client, &EngineClient::errorOccurred);
        panel.view()->selectRow(rowOf(QStringLiteral("photo.jpg")));
        QVERIFY(errors.wait(5000));
        QVERIFY(!detail->isLoading());
        QVERIFY(detail->shownKey().isEmpty());
        client.stop();
    }
};

QTEST_MAIN(TestCacheBrowser)
#include "tst_cachebrowser.moc"
