#pragma once
// A point-in-time copy of every metric: what the registry's families and its
// collectors produce at render time, and what the text renderer (or a studio
// view) consumes. Plain values, no atomics, safe to pass between threads.
#include <QByteArray>
#include <QList>
#include <QSet>

#include <map>
#include <utility>

namespace mort {

enum class MetricType { Counter, Gauge, Histogram };

QByteArray metricTypeName(MetricType type);

using MetricLabel = std::pair<QByteArray, QByteArray>;
using MetricLabels = QList<MetricLabel>;

struct HistogramValue
{
    QList<double> upperBounds;       // finite, strictly increasing; +Inf is implied
    QList<quint64> cumulativeCounts; // upperBounds.size() + 1 entries, last = +Inf = count
    double sum = 0.0;

    quint64 count() const { return cumulativeCounts.isEmpty() ? 0 : cumulativeCounts.last(); }
};

struct MetricSample
{
    MetricLabels labels;
    double value = 0.0;       // counter, gauge
    HistogramValue histogram; // histogram
};

struct MetricFamilySnapshot
{
    QByteArray name;
    QByteArray help;
    MetricType type = MetricType::Gauge;
    QList<MetricSample> samples;
};

struct MetricsSnapshot
{
    // Keyed by name: the exposition lists families sorted by name.
    std::map<QByteArray, MetricFamilySnapshot> families;
    // Collector samples refused (bad name, type clash, malformed histogram).
    int droppedSamples = 0;

    const MetricFamilySnapshot *family(const QByteArray &name) const;
    // Whether a family `name` of `type` could be added without two families
    // writing the same series name (a histogram owns name_bucket/_sum/_count).
    bool nameCollides(const QByteArray &name, MetricType type) const;
};

// Handed to collectors at render time so that values computed on demand
// (process stats, task counts, cache bytes) join the registry's own families
// without the engine pushing them. Samples for one name are appended to the
// same family; the first declaration fixes its help and type. Families already
// in the snapshot when the writer is made (the registry's own) are closed:
// a collector adding to them could only produce duplicate series.
class MetricsSnapshotWriter
{
public:
    explicit MetricsSnapshotWriter(MetricsSnapshot &snapshot);

    // Each returns false (and counts a dropped sample) when the sample is
    // refused: invalid metric/label name, a closed family, a type clash with
    // an existing family, or a histogram whose shape is inconsistent.
    bool counter(const QByteArray &name, const QByteArray &help, double value, const MetricLabels &labels = {});
    bool gauge(const QByteArray &name, const QByteArray &help, double value, const MetricLabels &labels = {});
    bool histogram(const QByteArray &name, const QByteArray &help, const HistogramValue &value,
                   const MetricLabels &labels = {});

private:
    bool add(const QByteArray &name, const QByteArray &help, MetricType type, MetricSample sample);

    MetricsSnapshot &m_snapshot;
    QSet<QByteArray> m_closed;
};

} // namespace mort
