#pragma once
// Metric families (a name, help, type and label names) and the handles they
// hand out per label set. Resolving a handle may lock; using one is a single
// relaxed atomic operation, so hot paths resolve once and keep the handle.
// A default-constructed or refused handle is inert: updates are dropped.
#include "monitoring/metriccells.h"
#include "monitoring/metricssnapshot.h"

#include <QByteArrayList>
#include <QList>

#include <atomic>
#include <memory>
#include <vector>

namespace mort {

class Counter
{
public:
    Counter() = default;
    void inc(quint64 n = 1) const
    {
        if (m_cell)
            m_cell->fetch_add(n, std::memory_order_relaxed);
    }
    quint64 value() const { return m_cell ? m_cell->load(std::memory_order_relaxed) : 0; }
    bool isValid() const { return m_cell != nullptr; }

private:
    friend class CounterFamily;
    explicit Counter(std::atomic<quint64> *cell) : m_cell(cell) {}
    std::atomic<quint64> *m_cell = nullptr;
};

class Gauge
{
public:
    Gauge() = default;
    void set(double v) const
    {
        if (m_cell)
            m_cell->store(v, std::memory_order_relaxed);
    }
    void add(double v) const
    {
        if (m_cell)
            m_cell->fetch_add(v, std::memory_order_relaxed);
    }
    double value() const { return m_cell ? m_cell->load(std::memory_order_relaxed) : 0.0; }
    bool isValid() const { return m_cell != nullptr; }

private:
    friend class GaugeFamily;
    explicit Gauge(std::atomic<double> *cell) : m_cell(cell) {}
    std::atomic<double> *m_cell = nullptr;
};

// Per-bucket (non-cumulative) counts; the snapshot cumulates them and derives
// the count from the buckets, so _count always equals the +Inf bucket even
// while observations race with a scrape.
struct HistogramCell
{
    explicit HistogramCell(std::size_t bucketsWithInf)
        : counts(std::make_unique<std::atomic<quint64>[]>(bucketsWithInf))
    {
    }
    std::unique_ptr<std::atomic<quint64>[]> counts;
    std::atomic<double> sum{0.0};
};

class Histogram
{
public:
    Histogram() = default;
    // NaN is dropped: it would poison _sum for the life of the process.
    void observe(double v) const;
    bool isValid() const { return m_cell != nullptr; }

private:
    friend class HistogramFamily;
    Histogram(HistogramCell *cell, const std::vector<double> *bounds) : m_cell(cell), m_bounds(bounds) {}
    HistogramCell *m_cell = nullptr;
    const std::vector<double> *m_bounds = nullptr;
};

class MetricFamily
{
public:
    virtual ~MetricFamily() = default;
    MetricFamily(const MetricFamily &) = delete;
    MetricFamily &operator=(const MetricFamily &) = delete;

    const QByteArray &name() const { return m_name; }
    const QByteArray &help() const { return m_help; }
    MetricType type() const { return m_type; }
    const QByteArrayList &labelNames() const { return m_labelNames; }

    virtual int labelSetCount() const = 0;
    virtual int labelSetLimit() const = 0;
    virtual quint64 refusedLabelSets() const = 0;
    virtual MetricFamilySnapshot snapshot() const = 0;

protected:
    // `refusals` is the registry's own counter, bumped whenever this family
    // refuses a label set, so the cap is visible on /metrics.
    MetricFamily(QByteArray name, QByteArray help, MetricType type, QByteArrayList labelNames, Counter refusals);

    // Checks arity and sanitises values; false (with a warning) on misuse.
    bool normalise(QByteArrayList &values) const;
    void noteRefusal(const QByteArrayList &values) const;
    MetricLabels labelPairs(const QByteArrayList &values) const;

private:
    QByteArray m_name;
    QByteArray m_help;
    MetricType m_type;
    QByteArrayList m_labelNames;
    Counter m_refusals;
    mutable std::atomic<bool> m_warnedRefusal{false};
};

class CounterFamily final : public MetricFamily
{
public:
    CounterFamily(QByteArray name, QByteArray help, QByteArrayList labelNameList, int limit, Counter refusals);

    // `values` in the order of labelNames(); empty for an unlabelled family.
    Counter labels(QByteArrayList values = {});

    int labelSetCount() const override { return m_cells.size(); }
    int labelSetLimit() const override { return m_cells.limit(); }
    quint64 refusedLabelSets() const override { return m_cells.refused(); }
    MetricFamilySnapshot snapshot() const override;

private:
    MetricCells<std::atomic<quint64>> m_cells;
    std::atomic<quint64> *m_unlabelled = nullptr; // skips the table lookup
};

class GaugeFamily final : public MetricFamily
{
public:
    GaugeFamily(QByteArray name, QByteArray help, QByteArrayList labelNameList, int limit, Counter refusals);

    Gauge labels(QByteArrayList values = {});

    int labelSetCount() const override { return m_cells.size(); }
    int labelSetLimit() const override { return m_cells.limit(); }
    quint64 refusedLabelSets() const override { return m_cells.refused(); }
    MetricFamilySnapshot snapshot() const override;

private:
    MetricCells<std::atomic<double>> m_cells;
    std::atomic<double> *m_unlabelled = nullptr;
};

class HistogramFamily final : public MetricFamily
{
public:
    // `bounds` must be finite and strictly increasing (the registry checks).
    HistogramFamily(QByteArray name, QByteArray help, QByteArrayList labelNameList, QList<double> bounds, int limit,
                    Counter refusals);

    Histogram labels(QByteArrayList values = {});
    const std::vector<double> &bounds() const { return m_bounds; }

    int labelSetCount() const override { return m_cells.size(); }
    int labelSetLimit() const override { return m_cells.limit(); }
    quint64 refusedLabelSets() const override { return m_cells.refused(); }
    MetricFamilySnapshot snapshot() const override;

private:
    std::vector<double> m_bounds;
    MetricCells<HistogramCell> m_cells;
    HistogramCell *m_unlabelled = nullptr;
};

} // namespace mort
