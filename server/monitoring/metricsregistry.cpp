#include "monitoring/metricsregistry.h"

#include "monitoring/metricnames.h"

#include <QDebug>

#include <algorithm>
#include <cmath>
#include <type_traits>

namespace mort {

QList<double> mortDefaultBuckets()
{
    return {10, 50, 100, 200, 300, 400, 500, 1000, 2000, 3000, 4000, 5000, 6000, 10000, 30000, 60000, 70000, 80000};
}

MetricsRegistry::MetricsRegistry(int labelSetLimit) : m_labelSetLimit(qMax(1, labelSetLimit))
{
    // Registered first and by hand: every later family reports its refusals
    // through this handle.
    auto family = std::make_unique<CounterFamily>(
        RefusedLabelSetsMetric, "Label sets refused because a metric family reached its cardinality limit.",
        QByteArrayList{}, 1, Counter());
    m_refusals = family->labels();
    m_families.emplace(family->name(), std::move(family));
}

MetricsRegistry::~MetricsRegistry() = default;

namespace {

template<typename Family, typename... Extra>
bool sameShape(const Family &family, const QByteArrayList &labelNames, const Extra &...extra)
{
    if (family.labelNames() != labelNames)
        return false;
    if constexpr (std::is_same_v<Family, HistogramFamily>) {
        const QList<double> &bounds = (extra, ...);
        return std::equal(bounds.begin(), bounds.end(), family.bounds().begin(), family.bounds().end());
    }
    return true;
}

} // namespace

QByteArray MetricsRegistry::validationError(const QByteArray &name, const QByteArrayList &labelNames,
                                            MetricType type) const
{
    if (!isValidMetricName(name))
        return "invalid metric name";
    for (qsizetype i = 0; i < labelNames.size(); ++i) {
        if (!isValidLabelName(labelNames[i]))
            return "invalid label name " + labelNames[i];
        if (type == MetricType::Histogram && labelNames[i] == "le")
            return "a histogram cannot have a label named le";
        if (labelNames.indexOf(labelNames[i]) != i)
            return "duplicate label name " + labelNames[i];
    }
    // A histogram owns name_bucket, name_sum and name_count.
    static const char *const suffixes[] = {"_bucket", "_sum", "_count"};
    for (const char *suffix : suffixes) {
        if (type == MetricType::Histogram && m_families.count(name + suffix))
            return "clashes with the existing family " + name + suffix;
        if (name.endsWith(suffix)) {
            const auto base = m_families.find(name.chopped(int(qstrlen(suffix))));
            if (base != m_families.end() && base->second->type() == MetricType::Histogram)
                return "clashes with the series of the histogram " + base->first;
        }
    }
    return {};
}

template<typename Family, typename... Extra>
Family &MetricsRegistry::registerFamily(const QByteArray &name, const QByteArray &help,
                                        const QByteArrayList &labelNames, MetricType type, Extra &&...extra)
{
    std::lock_guard lock(m_familiesMutex);
    auto make = [&] { return std::make_unique<Family>(name, help, labelNames, extra..., m_labelSetLimit, m_refusals); };
    QByteArray error;
    const auto existing = m_families.find(name);
    if (name == RefusedLabelSetsMetric) {
        error = "reserved by the registry";
    } else if (existing != m_families.end()) {
        auto *family = dynamic_cast<Family *>(existing->second.get());
        if (family && sameShape(*family, labelNames, extra...))
            return *family;
        error = "already registered with another type, labels or buckets";
    } else {
        error = validationError(name, labelNames, type);
    }
    if (error.isEmpty()) {
        auto family = make();
        Family &ref = *family;
        m_families.emplace(name, std::move(family));
        return ref;
    }
    qWarning().noquote() << "metrics: cannot register" << name << ':' << error;
    m_detached.push_back(make());
    return static_cast<Family &>(*m_detached.back());
}

CounterFamily &MetricsRegistry::counter(const QByteArray &name, const QByteArray &help,
                                        const QByteArrayList &labelNames)
{
    return registerFamily<CounterFamily>(name, help, labelNames, MetricType::Counter);
}

GaugeFamily &MetricsRegistry::gauge(const QByteArray &name, const QByteArray &help, const QByteArrayList &labelNames)
{
    return registerFamily<GaugeFamily>(name, help, labelNames, MetricType::Gauge);
}

HistogramFamily &MetricsRegistry::histogram(const QByteArray &name, const QByteArray &help,
                                            const QByteArrayList &labelNames, const QList<double> &buckets)
{
    // Bad buckets are repaired rather than refused: sorted, deduplicated, and
    // without non-finite values (+Inf is always implied).
    QList<double> bounds;
    for (double b : buckets) {
        if (std::isfinite(b))
            bounds.append(b);
    }
    std::sort(bounds.begin(), bounds.end());
    bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());
    if (bounds != buckets)
        qWarning().noquote() << "metrics:" << name << "buckets were not finite and strictly increasing; repaired";
    return registerFamily<HistogramFamily>(name, help, labelNames, MetricType::Histogram, bounds);
}

int MetricsRegistry::registrationErrors() const
{
    std::lock_guard lock(m_familiesMutex);
    return int(m_detached.size());
}

int MetricsRegistry::addCollector(Collector collector)
{
    std::lock_guard lock(m_collectorsMutex);
    const int id = m_nextCollectorId++;
    m_collectors.emplace(id, std::move(collector));
    return id;
}

void MetricsRegistry::removeCollector(int id)
{
    std::lock_guard lock(m_collectorsMutex);
    m_collectors.erase(id);
}

MetricsSnapshot MetricsRegistry::snapshot() const
{
    MetricsSnapshot snapshot;
    {
        std::lock_guard lock(m_familiesMutex);
        for (const auto &[name, family] : m_families)
            snapshot.families.emplace(name, family->snapshot());
    }
    MetricsSnapshotWriter writer(snapshot);
    std::lock_guard lock(m_collectorsMutex);
    for (const auto &[id, collect] : m_collectors)
        collect(writer);
    return snapshot;
}

} // namespace mort
