#pragma once
// The dashboard's memory: one sample per stats snapshot (1 Hz), in a ring
// buffer bounded by the selected window (1 min .. 1 h), so an open studio
// never grows. Rates (requests/s, throttled/s) are derived from the counter
// deltas between consecutive snapshots. Exposed as a table model: row 0 is the
// oldest sample; Qt::UserRole gives raw numbers, DisplayRole formatted text.
#include "service/enginestats.h"

#include <QAbstractTableModel>
#include <QJsonObject>

#include <array>
#include <optional>
#include <vector>

namespace mort {

struct StatsSample
{
    qint64 atMs = 0; // wall clock, ms since the epoch
    qint64 residentBytes = 0;
    qint64 studioResidentBytes = 0; // the studio's own process (attached: not the server's)
    qint64 imagingBytes = 0;
    std::array<qint64, int(TaskKind::Count)> liveTasks{};
    double requestsPerSec = 0;
    qint64 requestsInFlight = 0; // public requests (EngineStats::requests)
    qint64 transformsInFlight = 0;
    double throttledPerSec = 0;
    qint64 cacheBytes = 0;
    double cacheHitRatio = -1; // hits / lookups since start, 0..1; -1 before the first lookup
};

class StatsHistory : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        ResidentColumn,
        ImagingColumn,
        RequestsPerSecColumn,
        RequestsInFlightColumn,
        TransformsInFlightColumn,
        ThrottledPerSecColumn,
        CacheBytesColumn,
        CacheHitRatioColumn,
        FirstTaskColumn, // one column per TaskKind from here
        ColumnCount = FirstTaskColumn + int(TaskKind::Count)
    };
    static constexpr int kMinWindowSeconds = 60;
    // Rates are measured over at least this long: a snapshot right after
    // another (an F5 between two pushed ones) would turn one request into a spike.
    static constexpr qint64 kMinRateIntervalMs = 500;
    static constexpr int kMaxWindowSeconds = 3600;

    explicit StatsHistory(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Capacity in samples (= seconds at 1 Hz), clamped to 1 min .. 1 h. The
    // newest samples are kept when it shrinks.
    void setWindowSeconds(int seconds);
    int windowSeconds() const { return m_capacity; }

    void append(const EngineStats &stats, qint64 atMs, qint64 studioResidentBytes = 0);
    void clear();
    int size() const { return m_size; }
    const StatsSample &sample(int row) const { return m_ring[size_t((m_head + row) % m_capacity)]; }
    const StatsSample *newest() const { return m_size ? &sample(m_size - 1) : nullptr; }

    // {"windowSeconds":n,"samples":[{"at":ts,"residentBytes":n,...,"tasks":{"request":n,...}}]}
    QJsonObject toJson() const;

private:
    // Counters of the previous snapshot, for rates.
    struct Counters
    {
        qint64 atMs;
        quint64 requests;
        quint64 throttled;
        QDateTime startedAt;
    };

    std::vector<StatsSample> m_ring;
    int m_capacity = kMinWindowSeconds;
    int m_head = 0; // index of the oldest sample
    int m_size = 0;
    std::optional<Counters> m_previous;
    double m_lastRequestsPerSec = 0;
    double m_lastThrottledPerSec = 0;
};

} // namespace mort
