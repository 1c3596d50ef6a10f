// The Cache tab is live and readable (issue 25.7): it lists by itself while
// it is shown (and not while hidden), ages move, a done message goes away,
// the cache's capacity and fill are shown, each entry names the request it
// answered (two presets of one image are told apart, embedded and attached),
// the list and the detail give one size figure, and header names are whole.
#include "config/config.h"
#include "previewtestsupport.h"
#include "service/engine.h"
#include "ui/cache/cachebrowserpanel.h"
#include "ui/cache/cacheentrydetailview.h"
#include "ui/cache/cacheentrymodel.h"
#include "client/localengineclient.h"
#include "ui/mainwindow.h"
#include "client/remoteengineclient.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace mort;

namespace {

int get(const QString &address, const QString &path)
{
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(QStringLiteral("http://%1%2").arg(address, path))));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(10000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete reply;
    return status;
}

// The table column whose header reads `title`; -1 when there is none.
int columnTitled(const QAbstractItemModel &model, const QString &title)
{
    for (int c = 0; c < model.columnCount(); ++c) {
        if (model.headerData(c, Qt::Horizontal).toString() == title)
            return c;
    }
    return -1;
}

QStringList columnTexts(const QAbstractItemModel &model, int column)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.data(model.index(row, column)).toString();
    out.sort();
    return out;
}

constexpr qint64 kCacheSize = 10485760;

} // namespace

class TestCacheLive : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    ConfigPtr cachingConfig(const QString &internalListen = QStringLiteral("127.0.0.1:0"))
    {
        auto config = ConfigLoader::fromText(QString::fromUtf8(R"yaml(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "%2"
  adminToken: "cache-live-token"
  cache: {type: memory, cacheSize: %3}
headers:
  - statusCodes: [200]
    values:
      "cache-control": "max-age=600"
buckets:
  b:
    storages:
      basic: {kind: local-meta, rootPath: "%1"}
  p:
    transform:
      kind: "presets"
      path: "\\/(?P<presetName>[a-z0-9_]+)\\/(?P<parent>[a-zA-Z0-9_\\-\\.]+)"
      parentBucket: "b"
      resultKey: "hash"
      presets:
        small:
          filters:
            thumbnail: {width: 120}
        medium:
          filters:
            thumbnail: {width: 240}
    storages:
      basic: {kind: local-meta, rootPath: "%1"}
      transform: {kind: noop}
)yaml")
                                                 .arg(m_dir.path(), internalListen)
                                                 .arg(kCacheSize));
        return config ? *config : nullptr;
    }

    static QString address(LocalEngineClient &client) { return client.engine()->stats().publicAddresses.value(0); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QDir().mkpath(m_dir.filePath(QStringLiteral("b")));
        QVERIFY(QFile::copy(mort::test::photoPath(QStringLiteral("photo_800x600.jpg")),
                            m_dir.filePath(QStringLiteral("b/photo.jpg"))));
        for (const char *name : {"one.txt", "two.txt"}) {
            QFile f(m_dir.filePath(QStringLiteral("b/") + QLatin1String(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray("content of ") + name);
        }
    }

    // No Refresh pressed: the tab lists on its own while shown, ages move on,
    // and nothing is listed while another tab is shown.
    void listsLiveWhileVisible()
    {
        LocalEngineClient client(cachingConfig(), QStringLiteral("cache.yml"));
        QVERIFY(client.start());
        QCOMPARE(get(address(client), QStringLiteral("/b/one.txt")), 200);
        MainWindow window(&client);
        window.resize(1100, 700);
        window.setCurrentTab(MainWindow::StatusTab);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        CacheBrowserPanel *panel = window.cachePanel();

        window.setCurrentTab(MainWindow::CacheTab);
        QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), 1, 3000);
        const qint64 firstAge = panel->model()->entry(0).ageMs;
        QCOMPARE(get(address(client), QStringLiteral("/b/two.txt")), 200);
        QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), 2, 5000); // nobody pressed Refresh
        QTRY_VERIFY_WITH_TIMEOUT(panel->model()->entry(1).ageMs >= firstAge + 1000
                                     || panel->model()->entry(0).ageMs >= firstAge + 1000,
                                 5000);

        // Hidden: no more listings.
        window.setCurrentTab(MainWindow::StatusTab);
        QSignalSpy listings(&client, &EngineClient::cacheListed);
        QTest::qWait(CacheBrowserPanel::kLiveRefreshMs + 1000); // not a synchronisation: no listing in 1.5 periods
        QCOMPARE(listings.count(), 0);
        client.stop();
    }

    // "Evicted 1 entry." says what happened, then goes.
    void doneMessageExpires()
    {
        LocalEngineClient client(cachingConfig(), QStringLiteral("cache.yml"));
        QVERIFY(client.start());
        QCOMPARE(get(address(client), QStringLiteral("/b/one.txt")), 200);
        CacheBrowserPanel panel(&client);
        panel.resize(1000, 500);
        panel.show();
        QSignalSpy listed(&panel, &CacheBrowserPanel::listed);
        panel.refresh();
        QVERIFY(listed.wait(5000));
        panel.setConfirm([](const QString &, const QString &) { return true; });
        panel.view()->selectRow(0);
        panel.evictSelected();
        auto *message = panel.findChild<QLabel *>(QStringLiteral("message"));
        QVERIFY(message);
        QTRY_COMPARE_WITH_TIMEOUT(message->text(), QStringLiteral("Evicted 1 entry."), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(message->text(), QString(), 8000);
        client.stop();
    }

    // Capacity and fill: how full the cache is, from the listing and the server's cacheSize.
    void capacityAndFillAreShown()
    {
        LocalEngineClient client(cachingConfig(), QStringLiteral("cache.yml"));
        QVERIFY(client.start());
        QCOMPARE(get(address(client), QStringLiteral("/b/one.txt")), 200);
        QCOMPARE(get(address(client), QStringLiteral("/b/two.txt")), 200);
        CacheBrowserPanel panel(&client);
        panel.resize(1000, 500);
        panel.show();
        QSignalSpy listed(&panel, &CacheBrowserPanel::listed);
        panel.refresh();
        QVERIFY(listed.wait(5000));
        client.refresh(); // a stats snapshot: the capacity
        const qint64 held = client.engine()->stats().cacheBytes;
        const QLocale locale;
        QCOMPARE(panel.totalsLabel()->text(),
                 QStringLiteral("2 entries · %1 of %2 in cache (%3 %)")
                     .arg(locale.formattedDataSize(held), locale.formattedDataSize(kCacheSize))
                     .arg(locale.toString(100.0 * double(held) / double(kCacheSize), 'f', 1)));
        client.stop();
    }

    // Two presets of one image: the request URL tells them apart, embedded and attached.
    void requestUrlBesideTheKey()
    {
        LocalEngineClient client(cachingConfig(), QStringLiteral("cache.yml"));
        QVERIFY(client.start());
        QCOMPARE(get(address(client), QStringLiteral("/p/small/photo.jpg")), 200);
        QCOMPARE(get(address(client), QStringLiteral("/p/medium/photo.jpg")), 200);
        const QStringList urls{QStringLiteral("/p/medium/photo.jpg"), QStringLiteral("/p/small/photo.jpg")};

        CacheBrowserPanel panel(&client);
        panel.resize(1000, 500);
        panel.show();
        QSignalSpy listed(&panel, &CacheBrowserPanel::listed);
        panel.refresh();
        QVERIFY(listed.wait(5000));
        const int column = columnTitled(*panel.proxy(), QStringLiteral("Request"));
        QVERIFY(column >= 0);
        QCOMPARE(columnTexts(*panel.proxy(), column), urls);

        // Attached through the admin API: the same.
        const QString internal = client.engine()->stats().internalAddresses.value(0);
        RemoteEngineClient remote(QUrl(QStringLiteral("http://") + internal), QStringLiteral("cache-live-token"));
        CacheBrowserPanel attached(&remote);
        attached.resize(1000, 500);
        attached.show();
        QSignalSpy attachedListed(&attached, &CacheBrowserPanel::listed);
        QSignalSpy errors(&remote, &EngineClient::errorOccurred);
        attached.refresh();
        QVERIFY2(attachedListed.wait(5000), qPrintable(errors.value(0).value(0).toString()));
        QCOMPARE(columnTexts(*attached.proxy(), column), urls);
        client.stop();
    }

    // The list's Size and the detail give the same figure; every header name and
    // column title is shown whole.
    void oneSizeFigureAndWholeHeaderNames()
    {
        LocalEngineClient client(cachingConfig(), QStringLiteral("cache.yml"));
        QVERIFY(client.start());
        QCOMPARE(get(address(client), QStringLiteral("/b/photo.jpg")), 200);
        CacheBrowserPanel panel(&client);
        panel.resize(1000, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy listed(&panel, &CacheBrowserPanel::listed);
        panel.refresh();
        QVERIFY(listed.wait(5000));
        QSignalSpy fetched(&client, &EngineClient::cacheEntryFetched);
        panel.view()->selectRow(0);
        QVERIFY(fetched.wait(5000));

        auto *headers = panel.detailView()->findChild<QTreeWidget *>(QStringLiteral("headers"));
        QVERIFY(headers);
        QVERIFY(panel.detailView()->headerLines().contains(
            QStringLiteral("Access-Control-Expose-Headers: Content-Type, X-Amz-Public-Width, X-Amz-Public-Height")));
        // As the item delegate draws it: the text plus its margin on both sides.
        const int margin = headers->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, headers) + 1;
        for (int i = 0; i < headers->topLevelItemCount(); ++i) {
            const QString name = headers->topLevelItem(i)->text(0);
            const int needed = headers->fontMetrics().horizontalAdvance(name) + 2 * margin;
            QVERIFY2(headers->columnWidth(0) >= needed,
                     qPrintable(QStringLiteral("%1: %2 < %3").arg(name).arg(headers->columnWidth(0)).arg(needed)));
        }
        const QString listSize = panel.proxy()->data(panel.proxy()->index(0, CacheEntryModel::SizeColumn)).toString();
        auto *facts = panel.detailView()->findChild<QLabel *>(QStringLiteral("facts"));
        QVERIFY(facts);
        QVERIFY2(facts->text().contains(listSize), qPrintable(facts->text() + QStringLiteral(" / ") + listSize));
        QVERIFY2(!facts->text().contains(QLatin1String("body")), qPrintable(facts->text()));

        QHeaderView *titles = panel.view()->horizontalHeader();
        for (int c = 0; c < titles->count(); ++c)
            QVERIFY2(titles->sectionSize(c) >= titles->sectionSizeHint(c),
                     qPrintable(panel.proxy()->headerData(c, Qt::Horizontal).toString()));
        client.stop();
    }
};

QTEST_MAIN(TestCacheLive)
#include "tst_cachelive.moc"
