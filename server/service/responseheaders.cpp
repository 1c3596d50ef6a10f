#include "service/responseheaders.h"

#include "http/httptoken.h"

namespace mort {

QByteArray canonicalHeaderName(const QByteArray &name)
{
    // As Go: a name with any non-token byte (space, non-ASCII, ...) is returned
    // unchanged; otherwise upper-case the first letter and each letter after a
    // '-', lower-case the rest (ASCII only).
    for (char c : name) {
        if (!isHttpTokenChar(c)) // Go's validHeaderFieldByte
            return name;
    }
    QByteArray out = name;
    bool upper = true;
    for (char &c : out) {
        if (upper && c >= 'a' && c <= 'z')
            c = char(c - 'a' + 'A');
        else if (!upper && c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        upper = c == '-';
    }
    return out;
}

namespace {

// Mort's "absent" test looks the configured name up verbatim among
// canonicalised names, so a lower-case name is never found and always set
// (config.md §3 quirk 2, peer C14: kept for compatibility).
bool mortConsidersAbsent(const HttpResponse &response, const QByteArray &configuredName)
{
    return configuredName != canonicalHeaderName(configuredName) || !hasHeader(response.headers, configuredName);
}

void applyValue(HttpResponse &response, const QString &name, const QString &value, bool override)
{
    const QByteArray n = name.toLatin1();
    if (override || mortConsidersAbsent(response, n))
        response.setHeader(canonicalHeaderName(n), value.toUtf8());
}

} // namespace

void applyHeaderRules(const Config &config, const BucketConfig *bucket, HttpResponse &response)
{
    if (bucket) {
        for (const auto &h : bucket->headers)
            applyValue(response, h.first, h.second, false);
    }
    // Only the first rule whose list contains the status applies (config.md §3.1).
    for (const HeaderRule &rule : config.headers) {
        if (!rule.statusCodes.contains(response.status))
            continue;
        for (const auto &h : rule.values)
            applyValue(response, h.first, h.second, rule.override);
        break;
    }
}

void applyCorsHeaders(HttpResponse &response)
{
    response.setHeader("Access-Control-Allow-Origin", "*");
    response.setHeader("Access-Control-Allow-Methods", "POST, GET, OPTIONS, HEAD");
    response.setHeader("Access-Control-Allow-Headers", "Content-Type, X-Amz-Public-Width, X-Amz-Public-Height");
    response.setHeader("Access-Control-Expose-Headers", "Content-Type, X-Amz-Public-Width, X-Amz-Public-Height");
    response.setHeader("Accept-Ranges", "bytes");
}

} // namespace mort
