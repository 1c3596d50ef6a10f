#pragma once
// Live diagnostics: memory (RSS, libvips), live tasks by kind, throughput
// (requests/s, transforms in flight, throttled/s) and the response cache
// (bytes, hit ratio) over a selectable window, with pause, a snapshot export
// (PNG of the charts + JSON of the samples) and the leak indicator; the cache
// and lock backends (Redis: reachable, round trip) beside the summary.
#include "service/enginestats.h"
#include "ui/dashboard/leakdetector.h"

#include <QWidget>

#include <functional>

class QAbstractSeries;
class QChart;
class QChartView;
class QComboBox;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QPushButton;
class QValueAxis;

namespace mort {

class StatsHistory;

class DashboardPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardPanel(QWidget *parent = nullptr);

    StatsHistory *history() const { return m_history; }
    const LeakDetector &leakDetector() const { return m_leak; }
    QLabel *leakLabel() const { return m_leakLabel; }
    bool isPaused() const { return m_paused; }

    // Attached to a remote server: the memory chart and the summary also show
    // the studio's own resident memory (embedded, the server's is the studio's).
    void setShowsStudioMemory(bool show);
    bool showsStudioMemory() const { return m_showsStudio; }
    // Where the studio's resident bytes come from (default: this process); tests set their own.
    using MemoryProbe = std::function<qint64()>;
    void setStudioMemoryProbe(MemoryProbe probe) { m_studioMemory = std::move(probe); }

    // Window length in seconds (1 min .. 1 h); the combo box follows.
    void setWindowSeconds(int seconds);
    void setLeakIdleSeconds(int seconds) { m_leak.setIdleSeconds(seconds); }

    // Writes the charts to `pngPath` and the samples to the same name with
    // ".json"; false (and `error`) when either cannot be written.
    bool exportSnapshot(const QString &pngPath, QString *error = nullptr);

public Q_SLOTS:
    void showStats(const mort::EngineStats &stats); // at the current time
    // One snapshot taken at `atMs` (ms since the epoch); dropped while paused.
    void addSample(const mort::EngineStats &stats, qint64 atMs);
    void setPaused(bool paused);
    void exportWithDialog();

Q_SIGNALS:
    void pausedChanged(bool paused);

private:
    struct Chart
    {
        QChart *chart;
        QChartView *view;
        QDateTimeAxis *x;
        QValueAxis *y;
        QValueAxis *y2; // optional second scale (hit ratio)
    };
    Chart makeChart(const QString &title, const QString &yTitle);
    QLineSeries *addSeries(Chart &chart, const QString &name, bool secondAxis = false);
    void redraw();
    void updateLeakLabel();

    StatsHistory *m_history;
    LeakDetector m_leak;
    bool m_paused = false;
    bool m_showsStudio = false;
    MemoryProbe m_studioMemory;
    QComboBox *m_window;
    QPushButton *m_pause;
    QPushButton *m_export;
    QLabel *m_leakLabel;
    QLabel *m_summary;
    QLabel *m_backends; // cache and lock backends, Redis reachability and round trip
    QWidget *m_charts;
    Chart m_memory, m_tasks, m_throughput, m_cache;
    QLineSeries *m_rss, *m_studioRss, *m_vips, *m_requests, *m_inFlight, *m_throttled, *m_cacheBytes, *m_hitRatio;
    QList<QLineSeries *> m_taskSeries; // one per TaskKind
};

} // namespace mort
