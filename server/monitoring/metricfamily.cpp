#include "monitoring/metricfamily.h"

#include "monitoring/metricnames.h"

#include <QDebug>

#include <algorithm>
#include <cmath>

namespace mort {

void Histogram::observe(double v) const
{
    if (!m_cell || std::isnan(v))
        return;
    // Buckets are "less than or equal": the first bound >= v. Past the last
    // bound is the implicit +Inf bucket.
    const auto at = std::lower_bound(m_bounds->begin(), m_bounds->end(), v);
    m_cell->counts[std::size_t(at - m_bounds->begin())].fetch_add(1, std::memory_order_relaxed);
    m_cell->sum.fetch_add(v, std::memory_order_relaxed);
}

MetricFamily::MetricFamily(QByteArray name, QByteArray help, MetricType type, QByteArrayList labelNames,
                           Counter refusals)
    : m_name(std::move(name)), m_help(std::move(help)), m_type(type), m_labelNames(std::move(labelNames)),
      m_refusals(refusals)
{
}

bool MetricFamily::normalise(QByteArrayList &values) const
{
    if (values.size() != m_labelNames.size()) {
        qWarning().noquote() << "metrics:" << m_name << "expects" << m_labelNames.size() << "label values, got"
                             << values.size();
        return false;
    }
    for (QByteArray &value : values)
        value = sanitizedLabelValue(value);
    return true;
}

void MetricFamily::noteRefusal(const QByteArrayList &values) const
{
    m_refusals.inc();
    // Once per family: the counter shows the rate, the log names the culprit.
    if (!m_warnedRefusal.exchange(true)) {
        qWarning().noquote() << "metrics:" << m_name << "reached its label-set limit; refusing new sets such as"
                             << values.join(',');
    }
}

MetricLabels MetricFamily::labelPairs(const QByteArrayList &values) const
{
    MetricLabels labels;
    labels.reserve(values.size());
    for (qsizetype i = 0; i < values.size(); ++i)
        labels.append({m_labelNames[i], values[i]});
    return labels;
}

CounterFamily::CounterFamily(QByteArray name, QByteArray help, QByteArrayList labelNameList, int limit,
                             Counter refusals)
    : MetricFamily(std::move(name), std::move(help), MetricType::Counter, std::move(labelNameList), refusals),
      m_cells(limit)
{
    if (labelNames().isEmpty())
        m_unlabelled = labels().m_cell;
}

Counter CounterFamily::labels(QByteArrayList values)
{
    if (m_unlabelled && values.isEmpty())
        return Counter(m_unlabelled);
    if (!normalise(values))
        return Counter();
    bool refused = false;
    auto *cell = m_cells.get(
        values, [] { return std::make_unique<std::atomic<quint64>>(0); }, &refused);
    if (refused)
        noteRefusal(values);
    return Counter(cell);
}

MetricFamilySnapshot CounterFamily::snapshot() const
{
    MetricFamilySnapshot family{name(), help(), type(), {}};
    m_cells.forEach([&](const QByteArrayList &values, const std::atomic<quint64> &cell) {
        MetricSample sample;
        sample.labels = labelPairs(values);
        sample.value = double(cell.load(std::memory_order_relaxed));
        family.samples.append(std::move(sample));
    });
    return family;
}

GaugeFamily::GaugeFamily(QByteArray name, QByteArray help, QByteArrayList labelNameList, int limit, Counter refusals)
    : MetricFamily(std::move(name), std::move(help), MetricType::Gauge, std::move(labelNameList), refusals),
      m_cells(limit)
{
    if (labelNames().isEmpty())
        m_unlabelled = labels().m_cell;
}

Gauge GaugeFamily::labels(QByteArrayList values)
{
    if (m_unlabelled && values.isEmpty())
        return Gauge(m_unlabelled);
    if (!normalise(values))
        return Gauge();
    bool refused = false;
    auto *cell = m_cells.get(
        values, [] { return std::make_unique<std::atomic<double>>(0.0); }, &refused);
    if (refused)
        noteRefusal(values);
    return Gauge(cell);
}

MetricFamilySnapshot GaugeFamily::snapshot() const
{
    MetricFamilySnapshot family{name(), help(), type(), {}};
    m_cells.forEach([&](const QByteArrayList &values, const std::atomic<double> &cell) {
        MetricSample sample;
        sample.labels = labelPairs(values);
        sample.value = cell.load(std::memory_order_relaxed);
        family.samples.append(std::move(sample));
    });
    return family;
}

HistogramFamily::HistogramFamily(QByteArray name, QByteArray help, QByteArrayList labelNameList, QList<double> bounds,
                                 int limit, Counter refusals)
    : MetricFamily(std::move(name), std::move(help), MetricType::Histogram, std::move(labelNameList), refusals),
      m_bounds(bounds.begin(), bounds.end()), m_cells(limit)
{
    if (labelNames().isEmpty())
        m_unlabelled = labels().m_cell;
}

Histogram HistogramFamily::labels(QByteArrayList values)
{
    if (m_unlabelled && values.isEmpty())
        return Histogram(m_unlabelled, &m_bounds);
    if (!normalise(values))
        return Histogram();
    bool refused = false;
    const std::size_t buckets = m_bounds.size() + 1;
    auto *cell = m_cells.get(
        values, [buckets] { return std::make_unique<HistogramCell>(buckets); }, &refused);
    if (refused)
        noteRefusal(values);
    return Histogram(cell, &m_bounds);
}

MetricFamilySnapshot HistogramFamily::snapshot() const
{
    MetricFamilySnapshot family{name(), help(), type(), {}};
    const QList<double> bounds(m_bounds.begin(), m_bounds.end());
    m_cells.forEach([&](const QByteArrayList &values, const HistogramCell &cell) {
        MetricSample sample;
        sample.labels = labelPairs(values);
        sample.histogram.upperBounds = bounds;
        sample.histogram.cumulativeCounts.reserve(bounds.size() + 1);
        quint64 running = 0;
        for (std::size_t i = 0; i <= m_bounds.size(); ++i) {
            running += cell.counts[i].load(std::memory_order_relaxed);
            sample.histogram.cumulativeCounts.append(running);
        }
        sample.histogram.sum = cell.sum.load(std::memory_order_relaxed);
        family.samples.append(std::move(sample));
    });
    return family;
}

} // namespace mort
