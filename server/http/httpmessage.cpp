#include "http/httpmessage.h"

#include <QDateTime>
#include <QLocale>

namespace mort {

QByteArray headerValue(const HttpHeaders &headers, QByteArrayView name)
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

bool hasHeader(const HttpHeaders &headers, QByteArrayView name)
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

void setHeader(HttpHeaders &headers, const QByteArray &name, const QByteArray &value)
{
    // Like Go's Header.Set: the first occurrence keeps its place and takes the
    // value; any further occurrences (e.g. appended Vary lines) are dropped.
    qsizetype first = -1;
    for (qsizetype i = 0; i < headers.size();) {
        if (headers.at(i).first.compare(name, Qt::CaseInsensitive) != 0) {
            ++i;
        } else if (first < 0) {
            headers[i].second = value;
            first = i++;
        } else {
            headers.removeAt(i);
        }
    }
    if (first < 0)
        headers.append({name, value});
}

void removeHeader(HttpHeaders &headers, QByteArrayView name)
{
    headers.removeIf(
        [&](const QPair<QByteArray, QByteArray> &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 412: return "Precondition Failed";
    case 413: return "Payload Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 416: return "Range Not Satisfiable";
    case 417: return "Expectation Failed";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 499: return "Client Closed Request";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    case 505: return "HTTP Version Not Supported";
    default: return "Status";
    }
}

QByteArray httpDate(const QDateTime &utc)
{
    // Locale-independent IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT".
    return QLocale::c().toString(utc.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
}

QByteArray httpDateNow()
{
    thread_local qint64 second = -1;
    thread_local QByteArray text;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (now != second) {
        text = httpDate(QDateTime::fromSecsSinceEpoch(now, Qt::UTC));
        second = now;
    }
    return text;
}

} // namespace mort
