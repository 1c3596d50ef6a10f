#include "storage/httptransfer.h"

#include "storage/storagecallscope.h"

#include <QBuffer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace mort {

namespace {

// How often a running exchange looks at its request's cancel token.
constexpr int kCancelPollMs = 50;

// Bytes Qt may buffer ahead of us: reading stops at this much, so a fast
// origin and a slow sink never pile a whole object up in memory.
constexpr qint64 kReadBufferBytes = 256 * 1024;

} // namespace

QByteArray HttpTransferResult::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

HttpTransferResult runHttpTransfer(const HttpTransferRequest &request, const HttpTransferLimits &limits)
{
    HttpTransferResult result;
    if (const CancelToken *token = StorageCallScope::current(); token && token->shouldStop()) {
        result.error = QStringLiteral("not sent: the request was already abandoned or past its deadline");
        return result;
    }
    // One manager per exchange: it lives and dies in this thread with its
    // connections, so nothing outlives the call (no pool to leak or close).
    QNetworkAccessManager manager;
    manager.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);

    QNetworkRequest req(request.url);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    req.setTransferTimeout(limits.idleTimeoutMs);
    // Bytes as stored: Qt would otherwise ask for gzip and inflate it, and
    // Content-Length would no longer describe what we count.
    req.setRawHeader("Accept-Encoding", "identity");
    for (const auto &[name, value] : request.headers)
        req.setRawHeader(name, value);

    QBuffer uploadBuffer;
    QIODevice *upload = request.bodyDevice;
    const bool sendsBody = upload || request.method == "PUT" || request.method == "POST";
    if (!upload && sendsBody) {
        uploadBuffer.setData(request.body);
        uploadBuffer.open(QIODevice::ReadOnly);
        upload = &uploadBuffer;
    }
    if (sendsBody)
        req.setHeader(QNetworkRequest::ContentLengthHeader,
                      request.bodyDevice && request.bodyDeviceBytes >= 0 ? request.bodyDeviceBytes
                                                                         : upload->size() - upload->pos());

    QNetworkReply *reply = request.method == "HEAD"
        ? manager.head(req)
        : manager.sendCustomRequest(req, request.method, sendsBody ? upload : nullptr);
    reply->setReadBufferSize(kReadBufferBytes);

    QEventLoop loop;
    QTimer total;
    total.setSingleShot(true);
    QObject::connect(&total, &QTimer::timeout, reply, [&] {
        result.timedOut = true;
        reply->abort();
    });
    total.start(limits.totalTimeoutMs);

    // The request this exchange works for: stop when it is cancelled or its
    // deadline passes, whichever storage timeout is longer.
    QTimer watch;
    // Set once the response head arrived: for a scope whose deadline bounds
    // only the wait for the origin's answer, from then on only a cancellation
    // (or the idle timeout) stops the transfer.
    bool answered = false;
    if (const CancelToken *token = StorageCallScope::current()) {
        QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [&answered] { answered = true; });
        const bool deadlineUntilAnswer =
            StorageCallScope::currentDeadline() == StorageCallScope::Deadline::UntilOriginAnswers;
        QObject::connect(&watch, &QTimer::timeout, reply, [&, token, deadlineUntilAnswer] {
            const bool expired = token->isExpired() && !(deadlineUntilAnswer && answered);
            if (!token->isCancelled() && !expired)
                return;
            result.error = token->isCancelled() ? QStringLiteral("cancelled: the request was abandoned")
                                                : QStringLiteral("the request deadline passed");
            reply->abort();
        });
        watch.start(kCancelPollMs);
    }

    // The answer's head, once, before its body: a caller may start using the
    // body while it arrives (SpoolWriter).
    bool headSeen = false;
    auto announceHead = [&] {
        if (headSeen || !request.onHead)
            return;
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid())
            return;
        headSeen = true;
        HttpTransferResult head;
        head.status = status.toInt();
        head.headers = reply->rawHeaderPairs();
        request.onHead(head);
    };
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, announceHead);

    auto drain = [&] {
        announceHead();
        while (reply->bytesAvailable() > 0) {
            const QByteArray piece = reply->read(kReadBufferBytes);
            result.bodyBytes += piece.size();
            if (limits.maxBodyBytes >= 0 && result.bodyBytes > limits.maxBodyBytes) {
                result.tooLarge = true;
                reply->abort();
                return;
            }
            if (request.sink) {
                if (request.sink->write(piece) != piece.size()) {
                    result.error = QStringLiteral("cannot write the downloaded body: ") + request.sink->errorString();
                    reply->abort();
                    return;
                }
            } else {
                result.body += piece;
            }
        }
    };
    QObject::connect(reply, &QNetworkReply::readyRead, &loop, drain);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (!result.tooLarge && result.error.isEmpty())
        drain();

    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const bool failedBeforeAnswer = reply->error() == QNetworkReply::OperationCanceledError
        || reply->error() == QNetworkReply::TimeoutError || !status.isValid();
    if (reply->error() == QNetworkReply::OperationCanceledError && !result.tooLarge && result.error.isEmpty())
        result.timedOut = true; // transferTimeout aborts with OperationCanceled in Qt 6.4
    if (result.timedOut || result.tooLarge || !result.error.isEmpty() || failedBeforeAnswer) {
        result.status = 0;
        if (result.error.isEmpty())
            result.error = result.timedOut ? QStringLiteral("timed out")
                : result.tooLarge          ? QStringLiteral("body over the cap")
                                           : reply->errorString();
    } else {
        result.status = status.toInt();
        result.headers = reply->rawHeaderPairs();
        // Qt 6.4 reports an origin that closes before its announced length
        // as a success: a truncated image must not pass for the original.
        bool announced = false;
        const qint64 length = reply->rawHeader("Content-Length").toLongLong(&announced);
        if (request.method != "HEAD" && announced && length != result.bodyBytes) {
            result.status = 0;
            result.error = QStringLiteral("body of %1 bytes where %2 were announced").arg(result.bodyBytes).arg(length);
        }
    }
    delete reply;
    return result;
}

} // namespace mort
