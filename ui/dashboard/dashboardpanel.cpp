#include "ui/dashboard/dashboardpanel.h"

#include "client/studioprocess.h"
#include "ui/dashboard/statshistory.h"
#include "ui/shared/sharedbackendstext.h"
#include "ui/dashboard/taskkindpalette.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLocale>
#include <QLineSeries>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QValueAxis>
#include <QVBoxLayout>

namespace mort {

namespace {

constexpr double kMiB = 1024.0 * 1024.0;

// Upper end of a y axis: a little above the largest value, never a zero range.
double axisMax(const QList<QLineSeries *> &series, double floor)
{
    double max = floor;
    for (const QLineSeries *s : series) {
        for (const QPointF &p : s->points())
            max = std::max(max, p.y());
    }
    return max * 1.1;
}

} // namespace

DashboardPanel::DashboardPanel(QWidget *parent)
    : QWidget(parent), m_history(new StatsHistory(this)), m_window(new QComboBox(this)),
      m_pause(new QPushButton(tr("Pause"), this)), m_export(new QPushButton(tr("Export snapshot…"), this)),
      m_leakLabel(new QLabel(this)), m_summary(new QLabel(this)), m_backends(new QLabel(this)),
      m_charts(new QWidget(this))
{
    m_studioMemory = &studioResidentBytes;
    m_window->addItem(tr("Last minute"), 60);
    m_window->addItem(tr("Last 5 minutes"), 300);
    m_window->addItem(tr("Last 15 minutes"), 900);
    m_window->addItem(tr("Last hour"), 3600);
    m_window->setObjectName(QStringLiteral("window"));
    m_window->setToolTip(tr("How much history the charts keep and show (one sample per second)"));
    connect(m_window, &QComboBox::currentIndexChanged, this,
            [this](int index) { setWindowSeconds(m_window->itemData(index).toInt()); });
    m_pause->setCheckable(true);
    m_pause->setObjectName(QStringLiteral("pause"));
    m_pause->setToolTip(tr("Freeze the charts; samples are not recorded while paused (Ctrl+P)"));
    connect(m_pause, &QPushButton::toggled, this, &DashboardPanel::setPaused);
    m_export->setObjectName(QStringLiteral("export"));
    m_export->setToolTip(tr("Save the charts as PNG and the samples as JSON"));
    connect(m_export, &QPushButton::clicked, this, &DashboardPanel::exportWithDialog);

    m_leakLabel->setObjectName(QStringLiteral("leakIndicator"));
    m_leakLabel->setWordWrap(true);
    m_leakLabel->setStyleSheet(
        QStringLiteral("color: #3b2a00; background: #ffd666; padding: 6px; border-radius: 3px;"));
    m_leakLabel->hide();
    m_summary->setObjectName(QStringLiteral("summary"));
    m_backends->setObjectName(QStringLiteral("backends"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Window:"), this));
    bar->addWidget(m_window);
    bar->addWidget(m_pause);
    bar->addWidget(m_export);
    bar->addStretch(1);
    bar->addWidget(m_backends);
    bar->addWidget(m_summary);

    m_memory = makeChart(tr("Memory"), tr("MiB"));
    m_rss = addSeries(m_memory, tr("resident (RSS)"));
    m_vips = addSeries(m_memory, tr("libvips"));
    m_studioRss = addSeries(m_memory, tr("studio (RSS)")); // after: the others keep their colours
    m_tasks = makeChart(tr("Live tasks by kind"), tr("tasks"));
    for (int k = 0; k < int(TaskKind::Count); ++k) {
        QLineSeries *series = addSeries(m_tasks, QString::fromLatin1(taskKindName(TaskKind(k))));
        series->setColor(taskKindColor(TaskKind(k))); // the theme has five colours for ten kinds
        m_taskSeries.append(series);
    }
    // Nine kinds do not fit in a row under the chart: list them beside it.
    m_tasks.chart->legend()->setAlignment(Qt::AlignRight);
    m_throughput = makeChart(tr("Throughput"), tr("per second / in flight"));
    m_requests = addSeries(m_throughput, tr("requests/s"));
    m_inFlight = addSeries(m_throughput, tr("transforms in flight"));
    m_throttled = addSeries(m_throughput, tr("throttled/s"));
    m_cache = makeChart(tr("Response cache"), tr("MiB"));
    m_cache.y2 = new QValueAxis(m_cache.chart);
    m_cache.y2->setRange(0, 100);
    m_cache.y2->setLabelFormat(QStringLiteral("%d%%"));
    m_cache.y2->setTitleText(tr("hit ratio"));
    m_cache.chart->addAxis(m_cache.y2, Qt::AlignRight);
    m_cacheBytes = addSeries(m_cache, tr("cached bytes"));
    m_hitRatio = addSeries(m_cache, tr("hit ratio since start"), true);

    auto *grid = new QGridLayout(m_charts);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_memory.view, 0, 0);
    grid->addWidget(m_tasks.view, 0, 1);
    grid->addWidget(m_throughput.view, 1, 0);
    grid->addWidget(m_cache.view, 1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_leakLabel);
    layout->addWidget(m_charts, 1);

    connect(m_history, &QAbstractItemModel::rowsInserted, this, &DashboardPanel::redraw);
    setWindowSeconds(60);
    setShowsStudioMemory(false);
    redraw();
}

void DashboardPanel::setShowsStudioMemory(bool show)
{
    m_showsStudio = show;
    m_studioRss->setVisible(show);
    for (QLegendMarker *marker : m_memory.chart->legend()->markers(m_studioRss))
        marker->setVisible(show);
    redraw();
}

DashboardPanel::Chart DashboardPanel::makeChart(const QString &title, const QString &yTitle)
{
    Chart c{};
    c.chart = new QChart;
    c.chart->setTitle(title);
    c.chart->legend()->setAlignment(Qt::AlignBottom);
    c.chart->setMargins(QMargins(4, 4, 4, 4));
    c.x = new QDateTimeAxis(c.chart);
    c.x->setFormat(QStringLiteral("HH:mm:ss"));
    c.x->setTickCount(5);
    c.y = new QValueAxis(c.chart);
    c.y->setTitleText(yTitle);
    c.y->setLabelFormat(QStringLiteral("%.3g"));
    c.chart->addAxis(c.x, Qt::AlignBottom);
    c.chart->addAxis(c.y, Qt::AlignLeft);
    c.view = new QChartView(c.chart, m_charts); // the view owns the chart
    c.view->setRenderHint(QPainter::Antialiasing);
    c.view->setMinimumSize(280, 200);
    return c;
}

QLineSeries *DashboardPanel::addSeries(Chart &chart, const QString &name, bool secondAxis)
{
    auto *series = new QLineSeries(chart.chart);
    series->setName(name);
    chart.chart->addSeries(series);
    series->attachAxis(chart.x);
    series->attachAxis(secondAxis ? chart.y2 : chart.y);
    return series;
}

void DashboardPanel::setWindowSeconds(int seconds)
{
    m_history->setWindowSeconds(seconds);
    const int index = m_window->findData(m_history->windowSeconds());
    if (index >= 0 && index != m_window->currentIndex())
        m_window->setCurrentIndex(index);
    redraw();
}

void DashboardPanel::showStats(const EngineStats &stats)
{
    addSample(stats, QDateTime::currentMSecsSinceEpoch());
}

void DashboardPanel::addSample(const EngineStats &stats, qint64 atMs)
{
    if (m_paused)
        return;
    const QString redis = SharedBackendsText::redisShort(stats.shared);
    m_backends->setText(SharedBackendsText::backends(stats.shared)
                        + (redis.isEmpty() ? QString() : QStringLiteral(" · ") + redis));
    m_backends->setToolTip(SharedBackendsText::redisState(stats.shared));
    // Before the history: the rowsInserted redraw then shows the current flags.
    if (m_leak.feed(stats, atMs))
        updateLeakLabel();
    m_history->append(stats, atMs, m_studioMemory ? m_studioMemory() : 0);
}

void DashboardPanel::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    m_pause->setChecked(paused);
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    // A gap in the data must not look like an idle server.
    m_leak.reset();
    updateLeakLabel();
    redraw();
    Q_EMIT pausedChanged(paused);
}

void DashboardPanel::updateLeakLabel()
{
    const QList<LeakDetector::Flag> flags = m_leak.flags();
    if (flags.isEmpty()) {
        m_leakLabel->hide();
        m_leakLabel->clear();
        return;
    }
    QStringList kinds;
    for (const LeakDetector::Flag &f : flags) {
        kinds << tr("%1 (%2 live, idle baseline %3)")
                     .arg(QString::fromLatin1(taskKindName(f.kind)))
                     .arg(f.live)
                     .arg(f.baseline);
    }
    m_leakLabel->setText(tr("⚠ Possible leak: no request has been in flight for %1 s, yet these task kinds are "
                            "still alive: %2. A task that outlives its request is what a leak looks like.")
                             .arg(m_leak.idleSeconds())
                             .arg(kinds.join(QStringLiteral(", "))));
    m_leakLabel->show();
}

void DashboardPanel::redraw()
{
    const int n = m_history->size();
    QList<QPointF> rss, studioRss, vips, requests, inFlight, throttled, cacheBytes, hitRatio;
    QList<QList<QPointF>> tasks(m_taskSeries.size());
    for (int row = 0; row < n; ++row) {
        const StatsSample &s = m_history->sample(row);
        const double x = double(s.atMs);
        rss.append({x, double(s.residentBytes) / kMiB});
        studioRss.append({x, double(s.studioResidentBytes) / kMiB});
        vips.append({x, double(s.imagingBytes) / kMiB});
        requests.append({x, s.requestsPerSec});
        inFlight.append({x, double(s.transformsInFlight)});
        throttled.append({x, s.throttledPerSec});
        cacheBytes.append({x, double(s.cacheBytes) / kMiB});
        if (s.cacheHitRatio >= 0)
            hitRatio.append({x, s.cacheHitRatio * 100});
        for (int k = 0; k < tasks.size(); ++k)
            tasks[k].append({x, double(s.liveTasks[size_t(k)])});
    }
    m_rss->replace(rss);
    m_studioRss->replace(studioRss);
    m_vips->replace(vips);
    m_requests->replace(requests);
    m_inFlight->replace(inFlight);
    m_throttled->replace(throttled);
    m_cacheBytes->replace(cacheBytes);
    m_hitRatio->replace(hitRatio);
    for (int k = 0; k < tasks.size(); ++k)
        m_taskSeries[k]->replace(tasks[k]);

    // The x axis always spans the whole window, ending at the newest sample.
    const qint64 end = n ? m_history->newest()->atMs : QDateTime::currentMSecsSinceEpoch();
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(end);
    const QDateTime from = to.addSecs(-m_history->windowSeconds());
    for (Chart *c : {&m_memory, &m_tasks, &m_throughput, &m_cache}) {
        c->x->setRange(from, to);
        c->x->setFormat(m_history->windowSeconds() > 600 ? QStringLiteral("HH:mm") : QStringLiteral("HH:mm:ss"));
    }
    m_memory.y->setRange(
        0,
        axisMax(m_showsStudio ? QList<QLineSeries *>{m_rss, m_studioRss, m_vips} : QList<QLineSeries *>{m_rss, m_vips},
                1));
    m_tasks.y->setRange(0, axisMax(m_taskSeries, 2));
    m_throughput.y->setRange(0, axisMax({m_requests, m_inFlight, m_throttled}, 2));
    m_cache.y->setRange(0, axisMax({m_cacheBytes}, 1));
    for (QValueAxis *y : {m_memory.y, m_tasks.y, m_throughput.y, m_cache.y})
        y->applyNiceNumbers();

    const StatsSample *last = m_history->newest();
    QString summary = m_paused ? tr("Paused — new samples are not recorded")
                               : (n == 1 ? tr("1 sample") : tr("%n samples", nullptr, n));
    if (last && !m_paused) {
        const QLocale locale;
        summary +=
            tr(" · %1 req/s · %2 resident")
                .arg(locale.toString(last->requestsPerSec, 'f', 1), locale.formattedDataSize(last->residentBytes));
        if (m_showsStudio)
            summary += tr(" · studio %1").arg(locale.formattedDataSize(last->studioResidentBytes));
    }
    m_summary->setText(summary);
}

bool DashboardPanel::exportSnapshot(const QString &pngPath, QString *error)
{
    const QFileInfo info(pngPath);
    const QString jsonPath = info.dir().filePath(info.completeBaseName() + QStringLiteral(".json"));
    if (!m_charts->grab().save(pngPath, "PNG")) {
        if (error)
            *error = tr("Cannot write %1.").arg(pngPath);
        return false;
    }
    QJsonObject json = m_history->toJson();
    json.insert(QStringLiteral("exportedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    QSaveFile file(jsonPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(json).toJson()) < 0 || !file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(jsonPath, file.errorString());
        return false;
    }
    return true;
}

void DashboardPanel::exportWithDialog()
{
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::PicturesLocation))
            .filePath(QStringLiteral("mort-dashboard-%1.png")
                          .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    QString path =
        QFileDialog::getSaveFileName(this, tr("Export dashboard snapshot"), suggested, tr("PNG image (*.png)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive))
        path += QStringLiteral(".png");
    QString error;
    if (!exportSnapshot(path, &error))
        QMessageBox::warning(this, tr("Export failed"), error + QLatin1Char('\n') + tr("Choose another folder."));
}

} // namespace mort
