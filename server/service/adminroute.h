#pragma once
// Small helpers every admin API route file shares.
#include "core/error.h"
#include "http/httpmessage.h"
#include "service/adminjson.h"

#include <QUrlQuery>

#include <algorithm>

namespace mort {

inline HttpResponse methodNotAllowed(const QByteArray &allow)
{
    HttpResponse r = adminErrorResponse(
        Error::client("admin.method_not_allowed", 405,
                      QStringLiteral("method not allowed here; use %1").arg(QString::fromLatin1(allow))));
    r.setHeader("Allow", allow);
    return r;
}

inline bool isRead(const QByteArray &method)
{
    return method == "GET" || method == "HEAD";
}

// `name` as an int clamped to [lo, hi]; `fallback` when absent or not a number.
inline int queryInt(const QUrlQuery &query, const QString &name, int fallback, int lo, int hi)
{
    bool ok = false;
    const int v = query.queryItemValue(name).toInt(&ok);
    return ok ? std::clamp(v, lo, hi) : fallback;
}

inline HttpResponse badAdminRequest(const QString &message)
{
    return adminErrorResponse(Error::client("admin.bad_request", 400, message));
}

} // namespace mort
