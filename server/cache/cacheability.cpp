#include "cache/cacheability.h"

#include <climits>

namespace mort {

namespace {

QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t'))
        v.chop(1);
    return v;
}

// delta-seconds (RFC 9111 §1.2.2): digits only; overflow clamps. -1 = invalid.
int parseDeltaSeconds(QByteArrayView v)
{
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"')
        v = v.sliced(1, v.size() - 2);
    if (v.isEmpty())
        return -1;
    qint64 n = 0;
    for (char c : v) {
        if (c < '0' || c > '9')
            return -1;
        n = qMin<qint64>(n * 10 + (c - '0'), INT_MAX);
    }
    return int(n);
}

} // namespace

int cacheControlMaxAge(QByteArrayView cacheControl)
{
    int maxAge = -1;
    qsizetype start = 0;
    while (start <= cacheControl.size()) {
        qsizetype comma = cacheControl.indexOf(',', start);
        if (comma < 0)
            comma = cacheControl.size();
        const QByteArrayView directive = trimmed(cacheControl.sliced(start, comma - start));
        start = comma + 1;
        const qsizetype eq = directive.indexOf('=');
        const QByteArrayView name = trimmed(eq < 0 ? directive : directive.first(eq));
        if (name.compare("max-age", Qt::CaseInsensitive) != 0)
            continue;
        if (eq < 0)
            return -1; // "max-age" without a value: Mort's parser rejects the header
        const int value = parseDeltaSeconds(trimmed(directive.sliced(eq + 1)));
        if (value < 0)
            return -1;
        if (maxAge < 0) // first occurrence wins
            maxAge = value;
    }
    return maxAge;
}

bool isCacheable(const HttpResponse &response, qint64 maxItemBytes, int *ttlSeconds)
{
    if (response.status < 200 || response.status > 299)
        return false;
    const int maxAge = cacheControlMaxAge(response.header("Cache-Control"));
    if (maxAge <= 0)
        return false;
    const qint64 size = response.body.size();
    if (size >= maxItemBytes)
        return false;
    const QByteArray contentLength = response.header("Content-Length");
    if (!contentLength.isEmpty()) {
        bool ok = false;
        const qint64 declared = contentLength.trimmed().toLongLong(&ok);
        if (!ok || declared != size)
            return false;
    }
    if (ttlSeconds)
        *ttlSeconds = maxAge;
    return true;
}

} // namespace mort
