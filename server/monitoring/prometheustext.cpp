#include "monitoring/prometheustext.h"

#include "monitoring/metricsregistry.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace mort {

QByteArray formatPrometheusValue(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "+Inf" : "-Inf";
    if (value == std::trunc(value) && std::fabs(value) < 1e15)
        return QByteArray::number(qint64(value));
    char buffer[64];
    const auto sci = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    const QByteArray scientific(buffer, sci.ptr - buffer);
    const int exponent = std::atoi(scientific.constData() + scientific.indexOf('e') + 1);
    // Go's 'g' with the shortest precision switches to %e at exponents below
    // -4 and from 6 on (ftoa.go: "use precision 6 for this decision").
    if (exponent < -4 || exponent >= 6)
        return scientific;
    const auto fixed = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    return QByteArray(buffer, fixed.ptr - buffer);
}

namespace {

void appendEscaped(QByteArray &out, const QByteArray &text, bool escapeQuotes)
{
    for (char c : text) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '"':
            if (escapeQuotes) {
                out += "\\\"";
                break;
            }
            out += c;
            break;
        default: out += c;
        }
    }
}

void appendLabels(QByteArray &out, const MetricLabels &labels, const char *le = nullptr, double bound = 0)
{
    if (labels.isEmpty() && !le)
        return;
    out += '{';
    bool first = true;
    for (const MetricLabel &label : labels) {
        if (!first)
            out += ',';
        first = false;
        out += label.first;
        out += "=\"";
        appendEscaped(out, label.second, true);
        out += '"';
    }
    if (le) {
        if (!first)
            out += ',';
        out += "le=\"";
        out += std::isinf(bound) ? QByteArray("+Inf") : formatPrometheusValue(bound);
        out += '"';
    }
    out += '}';
}

void appendLine(QByteArray &out, const QByteArray &name, const char *suffix, const MetricLabels &labels,
                const QByteArray &value, const char *le = nullptr, double bound = 0)
{
    out += name;
    out += suffix;
    appendLabels(out, labels, le, bound);
    out += ' ';
    out += value;
    out += '\n';
}

// Mort's counters predate Prometheus' naming rules (mort_request_collapsed_count,
// mort_storage_request, ...). Their names are a compatibility contract, so a
// counter without the `_total` suffix is declared `untyped`: dashboards query by
// name and rate() works the same, while linters (promtool check metrics) stay
// clean. Counters named by the rules keep their type.
QByteArray exposedTypeName(const QByteArray &name, MetricType type)
{
    if (type == MetricType::Counter && !name.endsWith("_total"))
        return QByteArrayLiteral("untyped");
    return metricTypeName(type);
}

} // namespace

QByteArray renderPrometheusText(const MetricsSnapshot &snapshot)
{
    QByteArray out;
    for (const auto &[name, family] : snapshot.families) {
        out += "# HELP ";
        out += name;
        out += ' ';
        appendEscaped(out, family.help, false);
        out += "\n# TYPE ";
        out += name;
        out += ' ';
        out += exposedTypeName(name, family.type);
        out += '\n';
        for (const MetricSample &sample : family.samples) {
            if (family.type != MetricType::Histogram) {
                appendLine(out, name, "", sample.labels, formatPrometheusValue(sample.value));
                continue;
            }
            const HistogramValue &h = sample.histogram;
            for (qsizetype i = 0; i < h.upperBounds.size(); ++i) {
                appendLine(out, name, "_bucket", sample.labels, QByteArray::number(h.cumulativeCounts.value(i)), "le",
                           h.upperBounds[i]);
            }
            appendLine(out, name, "_bucket", sample.labels, QByteArray::number(h.count()), "le",
                       std::numeric_limits<double>::infinity());
            appendLine(out, name, "_sum", sample.labels, formatPrometheusValue(h.sum));
            appendLine(out, name, "_count", sample.labels, QByteArray::number(h.count()));
        }
    }
    return out;
}

QByteArray renderPrometheusText(const MetricsRegistry &registry)
{
    return renderPrometheusText(registry.snapshot());
}

} // namespace mort
