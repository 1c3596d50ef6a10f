#pragma once
// All metric families of one Engine (DESIGN §1: no globals -- each Engine, and
// each test, owns its registry). Families are registered once, typically at
// construction of the component that reports them, and live as long as the
// registry; references and handles to them stay valid until then.
#include "monitoring/metricfamily.h"
#include "monitoring/metricssnapshot.h"

#include <QByteArrayList>
#include <QList>

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace mort {

// Mort's bucket boundaries (spec §11.1); observations are in microseconds.
QList<double> mortDefaultBuckets();

class MetricsRegistry
{
public:
    static constexpr int DefaultLabelSetLimit = 1000;
    // Always present: how many label sets any family refused at its cap.
    static constexpr const char *RefusedLabelSetsMetric = "mort_metrics_label_sets_refused_total";

    using Collector = std::function<void(MetricsSnapshotWriter &)>;

    explicit MetricsRegistry(int labelSetLimit = DefaultLabelSetLimit);
    ~MetricsRegistry();
    MetricsRegistry(const MetricsRegistry &) = delete;
    MetricsRegistry &operator=(const MetricsRegistry &) = delete;

    // Registering the same name again with the same type, label names (and
    // buckets) returns the existing family. An invalid or clashing
    // registration is a programming error: it is logged, counted in
    // registrationErrors() and given a detached family that is never
    // rendered, so the caller still gets a working (if invisible) reference.
    CounterFamily &counter(const QByteArray &name, const QByteArray &help, const QByteArrayList &labelNames = {});
    GaugeFamily &gauge(const QByteArray &name, const QByteArray &help, const QByteArrayList &labelNames = {});
    HistogramFamily &histogram(const QByteArray &name, const QByteArray &help, const QByteArrayList &labelNames = {},
                               const QList<double> &buckets = mortDefaultBuckets());

    // Collectors run on the rendering thread, in registration order, after
    // the registered families are copied. They must not call back into the
    // registry. removeCollector() waits for a collection in progress, so a
    // component may remove its collector in its destructor and then die.
    int addCollector(Collector collector);
    void removeCollector(int id);

    MetricsSnapshot snapshot() const;

    quint64 refusedLabelSets() const { return m_refusals.value(); }
    int registrationErrors() const;
    int labelSetLimit() const { return m_labelSetLimit; }

private:
    template<typename Family, typename... Extra>
    Family &registerFamily(const QByteArray &name, const QByteArray &help, const QByteArrayList &labelNames,
                           MetricType type, Extra &&...extra);
    QByteArray validationError(const QByteArray &name, const QByteArrayList &labelNames, MetricType type) const;

    const int m_labelSetLimit;
    mutable std::mutex m_familiesMutex;
    std::map<QByteArray, std::unique_ptr<MetricFamily>> m_families;
    std::vector<std::unique_ptr<MetricFamily>> m_detached;
    Counter m_refusals;

    mutable std::mutex m_collectorsMutex;
    std::map<int, Collector> m_collectors;
    int m_nextCollectorId = 1;
};

} // namespace mort
