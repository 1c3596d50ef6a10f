#include "monitoring/metricssnapshot.h"

#include "monitoring/metricnames.h"

#include <cmath>

namespace mort {

QByteArray metricTypeName(MetricType type)
{
    switch (type) {
    case MetricType::Counter: return "counter";
    case MetricType::Gauge: return "gauge";
    case MetricType::Histogram: return "histogram";
    }
    return "untyped";
}

const MetricFamilySnapshot *MetricsSnapshot::family(const QByteArray &name) const
{
    const auto it = families.find(name);
    return it == families.end() ? nullptr : &it->second;
}

namespace {

const char *const kHistogramSuffixes[] = {"_bucket", "_sum", "_count"};

} // namespace

bool MetricsSnapshot::nameCollides(const QByteArray &name, MetricType type) const
{
    if (const MetricFamilySnapshot *existing = family(name))
        return existing->type != type;
    for (const char *suffix : kHistogramSuffixes) {
        if (type == MetricType::Histogram && families.count(name + suffix))
            return true;
        if (name.endsWith(suffix)) {
            const MetricFamilySnapshot *base = family(name.chopped(int(qstrlen(suffix))));
            if (base && base->type == MetricType::Histogram)
                return true;
        }
    }
    return false;
}

MetricsSnapshotWriter::MetricsSnapshotWriter(MetricsSnapshot &snapshot) : m_snapshot(snapshot)
{
    for (const auto &entry : snapshot.families)
        m_closed.insert(entry.first);
}

bool MetricsSnapshotWriter::counter(const QByteArray &name, const QByteArray &help, double value,
                                    const MetricLabels &labels)
{
    MetricSample sample;
    sample.labels = labels;
    sample.value = value;
    return add(name, help, MetricType::Counter, std::move(sample));
}

bool MetricsSnapshotWriter::gauge(const QByteArray &name, const QByteArray &help, double value,
                                  const MetricLabels &labels)
{
    MetricSample sample;
    sample.labels = labels;
    sample.value = value;
    return add(name, help, MetricType::Gauge, std::move(sample));
}

bool MetricsSnapshotWriter::histogram(const QByteArray &name, const QByteArray &help, const HistogramValue &value,
                                      const MetricLabels &labels)
{
    bool shapeOk = value.cumulativeCounts.size() == value.upperBounds.size() + 1;
    for (qsizetype i = 0; shapeOk && i < value.upperBounds.size(); ++i) {
        shapeOk = std::isfinite(value.upperBounds[i]) && (i == 0 || value.upperBounds[i - 1] < value.upperBounds[i])
            && value.cumulativeCounts[i] <= value.cumulativeCounts[i + 1];
    }
    bool labelsOk = true;
    for (const MetricLabel &label : labels)
        labelsOk = labelsOk && label.first != "le";
    if (!shapeOk || !labelsOk) {
        ++m_snapshot.droppedSamples;
        return false;
    }
    MetricSample sample;
    sample.labels = labels;
    sample.histogram = value;
    return add(name, help, MetricType::Histogram, std::move(sample));
}

bool MetricsSnapshotWriter::add(const QByteArray &name, const QByteArray &help, MetricType type, MetricSample sample)
{
    bool ok = isValidMetricName(name) && !m_closed.contains(name) && !m_snapshot.nameCollides(name, type);
    for (MetricLabel &label : sample.labels) {
        ok = ok && isValidLabelName(label.first);
        label.second = sanitizedLabelValue(label.second);
    }
    if (!ok) {
        ++m_snapshot.droppedSamples;
        return false;
    }
    MetricFamilySnapshot &family = m_snapshot.families[name];
    if (family.name.isEmpty()) {
        family.name = name;
        family.help = help;
        family.type = type;
    }
    family.samples.append(std::move(sample));
    return true;
}

} // namespace mort
