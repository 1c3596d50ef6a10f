#pragma once
// One upstream HTTP exchange for the network storages (s3, http), run to the
// end in the calling I/O thread: Qt Network does the work asynchronously in a
// local event loop while the Storage interface stays blocking (storage.h).
// Every exchange is bounded: a connect/idle timeout (no byte for that long
// aborts), a total deadline, a body cap, and no automatic redirects (the
// caller decides, so a redirect cannot bypass its guards).
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>

class QIODevice;

namespace mort {

struct HttpTransferLimits
{
    int idleTimeoutMs = 30'000;   // no byte sent or received for this long → timed out
    int totalTimeoutMs = 120'000; // whole exchange, body included
    qint64 maxBodyBytes = -1;     // response body cap (-1: none); over it → tooLarge
};

struct HttpTransferResult;

struct HttpTransferRequest
{
    QByteArray method = "GET";
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;                 // uploaded when `bodyDevice` is null and method is PUT/POST
    QIODevice *bodyDevice = nullptr; // streamed upload (open, readable, size known)
    qint64 bodyDeviceBytes = -1;     // bytes of bodyDevice to send (-1: its size() - pos())
    QIODevice *sink = nullptr;       // response body written here instead of kept in memory
    // Called once, before the first body byte, with the status and headers of
    // the answer (a redirect or an error document included; bodyBytes 0).
    std::function<void(const HttpTransferResult &head)> onHead;
};

struct HttpTransferResult
{
    int status = 0;                               // 0 = no HTTP answer (network error, timeout, too large)
    QList<QPair<QByteArray, QByteArray>> headers; // as received, names as sent by the origin
    QByteArray body;                              // empty when a sink was given
    qint64 bodyBytes = 0;
    bool timedOut = false;
    bool tooLarge = false;
    QString error; // network error text when status == 0

    bool ok() const { return status >= 200 && status < 300; }
    QByteArray header(const QByteArray &name) const; // case-insensitive, first match
};

HttpTransferResult runHttpTransfer(const HttpTransferRequest &request, const HttpTransferLimits &limits = {});

} // namespace mort
