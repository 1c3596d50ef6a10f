// The dashboard: the sample history as a model (bounded ring, derived rates,
// JSON), the leak indicator, pause, snapshot export, and live samples from
// the embedded engine through the main window.
#include "config/config.h"
#include "ui/dashboard/dashboardpanel.h"
#include "ui/dashboard/leakdetector.h"
#include "client/localengineclient.h"
#include "ui/mainwindow.h"
#include "ui/dashboard/statshistory.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QSet>
#include <QApplication>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace mort;

namespace {

constexpr qint64 kT0 = 1'714'557'600'000; // 2024-05-01T10:00:00Z

// A running, idle server whose counters are given.
EngineStats crafted(quint64 requests, qint64 inFlight = 0, QList<TaskCounts> tasks = {})
{
    EngineStats s;
    s.running = true;
    s.startedAt = QDateTime::fromMSecsSinceEpoch(kT0 - 60'000, Qt::UTC);
    s.requests.received = requests;
    s.requests.inFlight = inFlight;
    s.residentBytes = 100 << 20;
    s.imagingMemoryBytes = 10 << 20;
    if (tasks.isEmpty()) {
        for (int k = 0; k < int(TaskKind::Count); ++k)
            tasks.append(TaskCounts{TaskKind(k), 0, 0, 0});
    }
    s.tasks = tasks;
    return s;
}

QList<TaskCounts> withLive(TaskKind kind, qint64 live)
{
    QList<TaskCounts> tasks;
    for (int k = 0; k < int(TaskKind::Count); ++k)
        tasks.append(TaskCounts{TaskKind(k), TaskKind(k) == kind ? live : 0, 0, 0});
    return tasks;
}

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void historyIsAConsistentBoundedModel()
    {
        StatsHistory history;
        QAbstractItemModelTester tester(&history, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(history.columnCount(), StatsHistory::FirstTaskColumn + int(TaskKind::Count));
        QCOMPARE(history.windowSeconds(), 60);
        for (int i = 0; i < 70; ++i)
            history.append(crafted(quint64(i) * 5), kT0 + i * 1000);
        QCOMPARE(history.rowCount(), 60); // the ring keeps the newest minute
        QCOMPARE(history.sample(0).atMs, kT0 + 10 * 1000);
        QCOMPARE(history.newest()->atMs, kT0 + 69 * 1000);
        QCOMPARE(history.data(history.index(59, StatsHistory::RequestsPerSecColumn), Qt::UserRole).toDouble(), 5.0);
        QCOMPARE(history.data(history.index(0, StatsHistory::ResidentColumn), Qt::UserRole).toLongLong(), 100 << 20);

        history.setWindowSeconds(10); // below the minimum: one minute
        QCOMPARE(history.windowSeconds(), StatsHistory::kMinWindowSeconds);
        history.setWindowSeconds(7200); // above the maximum: one hour, keeping what we have
        QCOMPARE(history.windowSeconds(), StatsHistory::kMaxWindowSeconds);
        QCOMPARE(history.rowCount(), 60);
        QCOMPARE(history.sample(0).atMs, kT0 + 10 * 1000);
        history.append(crafted(70 * 5), kT0 + 70 * 1000);
        QCOMPARE(history.rowCount(), 61);
        history.setWindowSeconds(60); // shrinking drops the oldest rows
        QCOMPARE(history.rowCount(), 60);
        QCOMPARE(history.sample(0).atMs, kT0 + 11 * 1000);
        QCOMPARE(history.newest()->atMs, kT0 + 70 * 1000);
    }

    void ratesRestartWithTheServer()
    {
        StatsHistory history;
        history.append(crafted(100), kT0);
        history.append(crafted(120), kT0 + 2000);
        QCOMPARE(history.newest()->requestsPerSec, 10.0);
        // A snapshot 20 ms later (F5 between two pushed ones) is no 50 req/s spike.
        history.append(crafted(121), kT0 + 2020);
        QCOMPARE(history.newest()->requestsPerSec, 10.0);
        history.append(crafted(131), kT0 + 3000); // measured from the kT0 + 2000 baseline
        QCOMPARE(history.newest()->requestsPerSec, 11.0);
        history.append(crafted(131), kT0 + 3000 + StatsHistory::kMinRateIntervalMs);
        QCOMPARE(history.newest()->requestsPerSec, 0.0);
        EngineStats restarted = crafted(3);
        restarted.startedAt = QDateTime::fromMSecsSinceEpoch(kT0 + 2500, Qt::UTC);
        history.append(restarted, kT0 + 4000);
        QCOMPARE(history.newest()->requestsPerSec, 0.0); // not a negative rate, not a bogus spike
        history.append(crafted(5), kT0 + 5000);          // counters of yet another start time
        QCOMPARE(history.newest()->requestsPerSec, 0.0);

        EngineStats cache = crafted(5);
        cache.responseCacheHits = 3;
        cache.responseCacheMisses = 1;
        cache.cacheBytes = 4096;
        history.append(cache, kT0 + 5000);
        QCOMPARE(history.newest()->cacheHitRatio, 0.75);
        QCOMPARE(history.newest()->cacheBytes, 4096);
        QCOMPARE(history.data(history.index(history.rowCount() - 1, StatsHistory::CacheHitRatioColumn)).toString(),
                 QLocale().toString(75.0, 'f', 1) + QLatin1Char('%'));
    }

    void historyExportsJson()
    {
        StatsHistory history;
        history.append(crafted(1, 0, withLive(TaskKind::Fetch, 4)), kT0);
        history.append(crafted(2), kT0 + 1000);
        const QJsonObject json = history.toJson();
        QCOMPARE(json.value("windowSeconds").toInt(), 60);
        const QJsonArray samples = json.value("samples").toArray();
        QCOMPARE(samples.size(), 2);
        const QJsonObject first = samples.at(0).toObject();
        QCOMPARE(first.value("at").toString(), QStringLiteral("2024-05-01T10:00:00.000Z"));
        QCOMPARE(first.value("tasks").toObject().value("fetch").toInt(), 4);
        QVERIFY(first.value("cacheHitRatio").isNull()); // no lookups yet
        QCOMPARE(samples.at(1).toObject().value("requestsPerSec").toDouble(), 1.0);
    }

    void leakDetectorJudgesOnlyAfterTheIdlePeriod()
    {
        LeakDetector detector;
        detector.setIdleSeconds(5);
        const EngineStats leaking = crafted(10, 0, withLive(TaskKind::Transform, 2));
        QVERIFY(!detector.feed(leaking, kT0));
        QVERIFY(detector.isIdle());
        QVERIFY(!detector.feed(leaking, kT0 + 4999));
        QVERIFY(detector.flags().isEmpty());
        QVERIFY(detector.feed(leaking, kT0 + 5000));
        QCOMPARE(detector.flags().size(), 1);
        QCOMPARE(detector.flags().at(0).kind, TaskKind::Transform);
        QCOMPARE(detector.flags().at(0).live, 2);
        // Traffic again: busy tasks are legitimate, the idle clock restarts.
        QVERIFY(detector.feed(crafted(11, 3, withLive(TaskKind::Transform, 2)), kT0 + 6000));
        QVERIFY(detector.flags().isEmpty());
        QVERIFY(!detector.feed(leaking, kT0 + 7000));
        QVERIFY(!detector.feed(leaking, kT0 + 11'999));
        QVERIFY(detector.feed(leaking, kT0 + 12'000));
        // Back to zero: the warning goes.
        QVERIFY(detector.feed(crafted(11), kT0 + 13'000));
        QVERIFY(detector.flags().isEmpty());
    }

    void leakDetectorIgnoresTheObserversAdminCalls()
    {
        LeakDetector detector;
        detector.setIdleSeconds(1);
        // A remote studio's event stream and an F5 are admin tasks: the server is idle.
        const EngineStats watched = crafted(10, 0, withLive(TaskKind::Admin, 2));
        detector.feed(watched, kT0);
        detector.feed(watched, kT0 + 2000);
        QVERIFY(detector.idleLongEnough());
        QVERIFY(detector.flags().isEmpty());
        // A public request in flight: busy, nothing judged.
        detector.feed(crafted(11, 1, withLive(TaskKind::Request, 1)), kT0 + 3000);
        QVERIFY(!detector.isIdle());
        QVERIFY(detector.flags().isEmpty());
    }

    void dashboardShowsTheLeakWarningAndPauses()
    {
        DashboardPanel panel;
        panel.setLeakIdleSeconds(3);
        QLabel *warning = panel.findChild<QLabel *>(QStringLiteral("leakIndicator"));
        QVERIFY(warning);
        QVERIFY(warning->isHidden());
        const EngineStats leaking = crafted(10, 0, withLive(TaskKind::CollapseWait, 1));
        panel.addSample(leaking, kT0);
        panel.addSample(leaking, kT0 + 2000);
        QVERIFY(warning->isHidden());
        panel.addSample(leaking, kT0 + 3000);
        QVERIFY(!warning->isHidden());
        QVERIFY2(warning->text().contains(QLatin1String("collapse-wait")), qPrintable(warning->text()));
        QVERIFY(!warning->text().contains(QLatin1String("transform")));
        QCOMPARE(panel.history()->rowCount(), 3);

        panel.setPaused(true);
        panel.addSample(crafted(12), kT0 + 4000);
        QCOMPARE(panel.history()->rowCount(), 3); // dropped while paused
        panel.setPaused(false);
        panel.addSample(crafted(12), kT0 + 5000);
        QCOMPARE(panel.history()->rowCount(), 4);
        QVERIFY(warning->isHidden());
    }

    // Issue 25 finding 10: the tasks chart's legend repeated the theme's five
    // colours (request and collapse-wait both blue). Every kind has its own.
    void everyTaskKindHasItsOwnColour()
    {
        DashboardPanel panel;
        QChart *tasks = nullptr;
        for (QChartView *view : panel.findChildren<QChartView *>()) {
            if (view->chart()->title() == QLatin1String("Live tasks by kind"))
                tasks = view->chart();
        }
        QVERIFY(tasks);
        QCOMPARE(tasks->series().size(), int(TaskKind::Count));
        QSet<QRgb> colours;
        for (int k = 0; k < int(TaskKind::Count); ++k) {
            auto *series = qobject_cast<QLineSeries *>(tasks->series().at(k));
            QVERIFY(series);
            QCOMPARE(series->name(), QString::fromLatin1(taskKindName(TaskKind(k))));
            colours.insert(series->color().rgb());
            // The legend shows the series' colour.
            const QList<QLegendMarker *> markers = tasks->legend()->markers(series);
            QCOMPARE(markers.size(), 1);
            QCOMPARE(markers.first()->brush().color().rgb(), series->color().rgb());
        }
        QCOMPARE(colours.size(), int(TaskKind::Count));
    }

    // Issue 25 finding 11: attached, the charts are the server's memory; the
    // studio's own resident memory is shown beside it.
    void attachedDashboardShowsTheStudiosOwnMemory()
    {
        DashboardPanel panel;
        panel.setStudioMemoryProbe([] { return qint64(123) << 20; });
        QLineSeries *studio = nullptr;
        for (QChartView *view : panel.findChildren<QChartView *>()) {
            for (QAbstractSeries *series : view->chart()->series()) {
                if (series->name() == QLatin1String("studio (RSS)"))
                    studio = qobject_cast<QLineSeries *>(series);
            }
        }
        QVERIFY(studio);
        QVERIFY(!panel.showsStudioMemory()); // embedded: the server's RSS is the studio's
        QVERIFY(!studio->isVisible());
        auto *summary = panel.findChild<QLabel *>(QStringLiteral("summary"));
        QVERIFY(summary);

        panel.setShowsStudioMemory(true);
        EngineStats server = crafted(10);
        server.residentBytes = qint64(900) << 20;
        panel.addSample(server, kT0);
        QCOMPARE(panel.history()->newest()->studioResidentBytes, qint64(123) << 20);
        QCOMPARE(panel.history()->newest()->residentBytes, qint64(900) << 20);
        QVERIFY(studio->isVisible());
        QCOMPARE(studio->count(), 1);
        QCOMPARE(studio->at(0).y(), 123.0);
        QVERIFY2(
            summary->text().endsWith(QStringLiteral(" · studio ") + QLocale().formattedDataSize(qint64(123) << 20)),
            qPrintable(summary->text()));
        QCOMPARE(panel.history()->toJson().value("samples").toArray().at(0).toObject().value("studioResidentBytes"),
                 QJsonValue(qint64(123) << 20));

        panel.setShowsStudioMemory(false);
        QVERIFY(!studio->isVisible());
        QVERIFY(!summary->text().contains(QLatin1String("studio")));

        // By default the number is this process's own.
        DashboardPanel real;
        real.addSample(crafted(10), kT0);
        QVERIFY(real.history()->newest()->studioResidentBytes > 0);
    }

    void snapshotExportWritesPngAndJson()
    {
        QTemporaryDir dir;
        DashboardPanel panel;
        panel.resize(900, 600);
        for (int i = 0; i < 5; ++i)
            panel.addSample(crafted(quint64(i) * 3), kT0 + i * 1000);
        const QString png = dir.filePath(QStringLiteral("snap.png"));
        QString error;
        QVERIFY2(panel.exportSnapshot(png, &error), qPrintable(error));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 400);
        QFile json(dir.filePath(QStringLiteral("snap.json")));
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(json.readAll()).object();
        QCOMPARE(o.value("samples").toArray().size(), 5);
        QVERIFY(o.value("exportedAt").toString().endsWith(QLatin1Char('Z')));

        QVERIFY(!panel.exportSnapshot(dir.filePath(QStringLiteral("missing/dir/x.png")), &error));
        QVERIFY(!error.isEmpty());
    }

    void embeddedEngineFeedsTheDashboard()
    {
        QTemporaryDir dir;
        auto config = ConfigLoader::fromText(QStringLiteral("server:\n  listens: [\"127.0.0.1:0\"]\n"
                                                            "  internalListen: \"127.0.0.1:0\"\n"
                                                            "buckets:\n  b:\n    storages:\n"
                                                            "      basic: {kind: local-meta, rootPath: \"%1\"}\n")
                                                 .arg(dir.path()));
        QVERIFY(config.ok());
        LocalEngineClient client(*config, QStringLiteral("t.yml"));
        MainWindow window(&client);
        QVERIFY(client.start());
        window.show();
        window.setCurrentTab(MainWindow::DashboardTab);
        QCOMPARE(window.tabs()->currentWidget(), window.dashboardPanel());
        QTRY_VERIFY_WITH_TIMEOUT(window.dashboardPanel()->history()->rowCount() >= 2, 5000);
        const StatsSample *last = window.dashboardPanel()->history()->newest();
        QVERIFY(last->residentBytes > 0);
        // An embedded engine with nothing to do: nothing may look like a leak.
        QVERIFY(window.dashboardPanel()->leakDetector().flags().isEmpty());

        // Ctrl+P toggles pause through the window's action.
        QTest::keyClick(&window, Qt::Key_P, Qt::ControlModifier);
        QVERIFY(window.dashboardPanel()->isPaused());
        QTest::keyClick(&window, Qt::Key_P, Qt::ControlModifier);
        QVERIFY(!window.dashboardPanel()->isPaused());
        // Ctrl+3 shows the cache tab.
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window.tabs()->currentIndex(), int(MainWindow::CacheTab));
        client.stop();
    }
};

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
