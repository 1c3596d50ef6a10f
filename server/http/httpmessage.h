#pragma once
// Our own request/response types: the rest of the engine never sees Qt
// HttpServer types, so the transport can be replaced (DESIGN §4).
#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>

#include <chrono>
#include <memory>

class QIODevice;

namespace mort {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// Case-insensitive header lookups on an ordered header list.
QByteArray headerValue(const HttpHeaders &headers, QByteArrayView name);
bool hasHeader(const HttpHeaders &headers, QByteArrayView name);
void setHeader(HttpHeaders &headers, const QByteArray &name, const QByteArray &value); // replace or append
void removeHeader(HttpHeaders &headers, QByteArrayView name);

QByteArray reasonPhrase(int status);
QByteArray httpDate(const QDateTime &utc); // RFC 7231 IMF-fixdate
// httpDate of the current second, formatted once per second and thread: every
// response carries a Date, and formatting one cost more than the rest of a
// cache hit's head (tests/bench/RESULTS.md, hot path).
QByteArray httpDateNow();

struct HttpRequest
{
    QByteArray method;   // the request's method token as sent: "GET", "HEAD", ... (case-sensitive)
    QString path;        // percent-decoded path, as Mort splits it
    QByteArray rawQuery; // undecoded query, without '?'
    HttpHeaders headers;
    QByteArray body;
    // A body the handler asked to receive on disk (HttpHandler::admitBody):
    // a temporary file at position 0 holding `bodyFileSize` bytes, removed
    // when the last holder lets go; `body` is empty then.
    std::shared_ptr<QIODevice> bodyFile;
    qint64 bodyFileSize = 0;
    QHostAddress remoteAddress;
    bool internalListener = false;                    // arrived on internalListen
    quint64 id = 0;                                   // per-process request number
    std::chrono::steady_clock::time_point received{}; // when the whole request had arrived

    QByteArray header(QByteArrayView name) const { return headerValue(headers, name); }
    bool isHead() const { return method == "HEAD"; }
};

// A body too large to hold in memory: read from `device` in bounded pieces
// while the socket drains (DESIGN §3: large objects stream, never copied whole).
// The device must have no thread affinity (moveToThread(nullptr)).
struct BodyStream
{
    std::shared_ptr<QIODevice> device;
    qint64 offset = 0; // first byte to send
    qint64 length = 0; // bytes to send
};

struct HttpResponse
{
    int status = 200;
    HttpHeaders headers;
    QByteArray body;                    // implicitly shared: handing it over copies no bytes
    std::shared_ptr<BodyStream> stream; // when set, the body comes from here instead of `body`

    HttpResponse() = default;
    HttpResponse(int s, QByteArray b = {}, QByteArray contentType = {}) : status(s), body(std::move(b))
    {
        if (!contentType.isEmpty())
            headers.append({"Content-Type", std::move(contentType)});
    }
    QByteArray header(QByteArrayView name) const { return headerValue(headers, name); }
    void setHeader(const QByteArray &name, const QByteArray &value) { mort::setHeader(headers, name, value); }
};

} // namespace mort
