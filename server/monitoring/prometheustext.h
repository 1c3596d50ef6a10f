#pragma once
// The Prometheus text exposition format, version 0.0.4: what /metrics serves
// and what promtool, Prometheus and Mort's own dashboards parse.
#include "monitoring/metricssnapshot.h"

#include <QByteArray>

namespace mort {

class MetricsRegistry;

inline constexpr char kPrometheusContentType[] = "text/plain; version=0.0.4; charset=utf-8";

// Families sorted by name, each with # HELP and # TYPE; histograms expand to
// cumulative _bucket{le=...} (ending in le="+Inf"), _sum and _count.
QByteArray renderPrometheusText(const MetricsSnapshot &snapshot);
// Takes a snapshot (running the collectors) and renders it.
QByteArray renderPrometheusText(const MetricsRegistry &registry);

// Integral values below 1e15 print as plain integers; everything else as
// Go's strconv.FormatFloat(v, 'g', -1, 64) would (shortest round-trip, an
// exponent below 1e-4 and from 1e6 on), plus NaN, +Inf and -Inf.
QByteArray formatPrometheusValue(double value);

} // namespace mort
