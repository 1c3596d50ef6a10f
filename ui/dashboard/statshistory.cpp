#include "ui/dashboard/statshistory.h"

#include "service/adminjson.h"

#include <QJsonArray>
#include <QLocale>

#include <algorithm>

namespace mort {

namespace {

// Per second between two counter readings; 0 when the counter went backwards
// (the server restarted) or no time passed.
double ratePerSecond(quint64 now, quint64 before, qint64 ms)
{
    if (ms <= 0 || now < before)
        return 0;
    return double(now - before) * 1000.0 / double(ms);
}

} // namespace

StatsHistory::StatsHistory(QObject *parent)
    : QAbstractTableModel(parent), m_ring(static_cast<size_t>(kMinWindowSeconds))
{
}

int StatsHistory::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_size;
}

int StatsHistory::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StatsHistory::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_size || index.column() >= ColumnCount)
        return {};
    const StatsSample &s = sample(index.row());
    const int column = index.column();
    if (role == Qt::UserRole) {
        switch (column) {
        case TimeColumn: return s.atMs;
        case ResidentColumn: return s.residentBytes;
        case ImagingColumn: return s.imagingBytes;
        case RequestsPerSecColumn: return s.requestsPerSec;
        case RequestsInFlightColumn: return s.requestsInFlight;
        case TransformsInFlightColumn: return s.transformsInFlight;
        case ThrottledPerSecColumn: return s.throttledPerSec;
        case CacheBytesColumn: return s.cacheBytes;
        case CacheHitRatioColumn: return s.cacheHitRatio;
        default: return s.liveTasks[size_t(column - FirstTaskColumn)];
        }
    }
    if (role == Qt::DisplayRole) {
        const QLocale locale;
        switch (column) {
        case TimeColumn:
            return locale.toString(QDateTime::fromMSecsSinceEpoch(s.atMs).time(), QStringLiteral("HH:mm:ss"));
        case ResidentColumn: return locale.formattedDataSize(s.residentBytes);
        case ImagingColumn: return locale.formattedDataSize(s.imagingBytes);
        case CacheBytesColumn: return locale.formattedDataSize(s.cacheBytes);
        case RequestsPerSecColumn: return locale.toString(s.requestsPerSec, 'f', 1);
        case ThrottledPerSecColumn: return locale.toString(s.throttledPerSec, 'f', 1);
        case CacheHitRatioColumn:
            return s.cacheHitRatio < 0 ? QStringLiteral("–")
                                       : locale.toString(s.cacheHitRatio * 100, 'f', 1) + QLatin1Char('%');
        default: return data(index, Qt::UserRole).toString();
        }
    }
    if (role == Qt::TextAlignmentRole && column != TimeColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant StatsHistory::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case ResidentColumn: return tr("Resident");
    case ImagingColumn: return tr("libvips");
    case RequestsPerSecColumn: return tr("Requests/s");
    case RequestsInFlightColumn: return tr("In flight");
    case TransformsInFlightColumn: return tr("Transforms");
    case ThrottledPerSecColumn: return tr("Throttled/s");
    case CacheBytesColumn: return tr("Cache");
    case CacheHitRatioColumn: return tr("Hit ratio");
    default: return QString::fromLatin1(taskKindName(TaskKind(section - FirstTaskColumn)));
    }
}

void StatsHistory::setWindowSeconds(int seconds)
{
    seconds = std::clamp(seconds, kMinWindowSeconds, kMaxWindowSeconds);
    if (seconds == m_capacity)
        return;
    const int drop = std::max(0, m_size - seconds);
    if (drop > 0)
        beginRemoveRows({}, 0, drop - 1);
    std::vector<StatsSample> ring(static_cast<size_t>(seconds));
    for (int row = drop; row < m_size; ++row)
        ring[size_t(row - drop)] = sample(row);
    m_ring = std::move(ring);
    m_capacity = seconds;
    m_head = 0;
    m_size -= drop;
    if (drop > 0)
        endRemoveRows();
}

void StatsHistory::append(const EngineStats &stats, qint64 atMs, qint64 studioResidentBytes)
{
    StatsSample s;
    s.atMs = atMs;
    s.residentBytes = stats.residentBytes;
    s.studioResidentBytes = studioResidentBytes;
    s.imagingBytes = stats.imagingMemoryBytes;
    for (const TaskCounts &t : stats.tasks) {
        if (int(t.kind) >= 0 && t.kind < TaskKind::Count)
            s.liveTasks[size_t(t.kind)] = t.live;
    }
    s.requestsInFlight = stats.requests.inFlight;
    s.transformsInFlight = stats.transformsInFlight;
    s.cacheBytes = stats.cacheBytes;
    const quint64 lookups = stats.responseCacheHits + stats.responseCacheMisses;
    s.cacheHitRatio = lookups ? double(stats.responseCacheHits) / double(lookups) : -1;
    // A different start time is a restarted server: its counters began again.
    const bool sameServer = m_previous && m_previous->startedAt == stats.startedAt;
    if (sameServer && atMs - m_previous->atMs < kMinRateIntervalMs) {
        // Too close to the last baseline: repeat the last rates, keep the baseline.
        s.requestsPerSec = m_lastRequestsPerSec;
        s.throttledPerSec = m_lastThrottledPerSec;
    } else {
        if (sameServer) {
            const qint64 ms = atMs - m_previous->atMs;
            s.requestsPerSec = ratePerSecond(stats.requests.received, m_previous->requests, ms);
            s.throttledPerSec = ratePerSecond(stats.throttled, m_previous->throttled, ms);
        }
        m_previous = Counters{atMs, stats.requests.received, stats.throttled, stats.startedAt};
        m_lastRequestsPerSec = s.requestsPerSec;
        m_lastThrottledPerSec = s.throttledPerSec;
    }

    if (m_size == m_capacity) {
        beginRemoveRows({}, 0, 0);
        m_head = (m_head + 1) % m_capacity;
        --m_size;
        endRemoveRows();
    }
    beginInsertRows({}, m_size, m_size);
    m_ring[size_t((m_head + m_size) % m_capacity)] = s;
    ++m_size;
    endInsertRows();
}

void StatsHistory::clear()
{
    beginResetModel();
    m_head = 0;
    m_size = 0;
    m_previous.reset();
    endResetModel();
}

QJsonObject StatsHistory::toJson() const
{
    QJsonArray samples;
    for (int row = 0; row < m_size; ++row) {
        const StatsSample &s = sample(row);
        QJsonObject tasks;
        for (int k = 0; k < int(TaskKind::Count); ++k)
            tasks.insert(QString::fromLatin1(taskKindName(TaskKind(k))), s.liveTasks[size_t(k)]);
        samples.append(QJsonObject{{QStringLiteral("at"), isoUtc(QDateTime::fromMSecsSinceEpoch(s.atMs, Qt::UTC))},
                                   {QStringLiteral("residentBytes"), s.residentBytes},
                                   {QStringLiteral("studioResidentBytes"), s.studioResidentBytes},
                                   {QStringLiteral("imagingBytes"), s.imagingBytes},
                                   {QStringLiteral("requestsPerSec"), s.requestsPerSec},
                                   {QStringLiteral("requestsInFlight"), s.requestsInFlight},
                                   {QStringLiteral("transformsInFlight"), s.transformsInFlight},
                                   {QStringLiteral("throttledPerSec"), s.throttledPerSec},
                                   {QStringLiteral("cacheBytes"), s.cacheBytes},
                                   {QStringLiteral("cacheHitRatio"),
                                    s.cacheHitRatio < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(s.cacheHitRatio)},
                                   {QStringLiteral("tasks"), tasks}});
    }
    return {{QStringLiteral("windowSeconds"), m_capacity}, {QStringLiteral("samples"), samples}};
}

} // namespace mort
