#pragma once
// HTTP dates as Go's http.ParseTime reads them, shared by conditional
// requests (If-Modified-Since, If-Range) and the network storages
// (Last-Modified of an S3 object or an HTTP origin).
#include <QByteArray>
#include <QDateTime>

namespace mort {

// IMF-fixdate, RFC 850 and ANSI C asctime, in UTC; invalid QDateTime otherwise.
QDateTime parseHttpDate(const QByteArray &value);

} // namespace mort
