#pragma once
// The Prometheus naming rules, checked once when a family or a collector
// sample is declared so that the renderer can trust every name it writes.
#include <QByteArray>
#include <QByteArrayView>

namespace mort {

// [a-zA-Z_:][a-zA-Z0-9_:]*
bool isValidMetricName(QByteArrayView name);
// [a-zA-Z_][a-zA-Z0-9_]*, and not the reserved "__" prefix.
bool isValidLabelName(QByteArrayView name);
// Label values come from requests and configuration (bucket names, methods);
// the exposition format requires UTF-8, so invalid sequences become U+FFFD
// instead of producing a scrape the server rejects.
QByteArray sanitizedLabelValue(const QByteArray &value);

} // namespace mort
