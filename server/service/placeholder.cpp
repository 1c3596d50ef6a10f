#include "service/placeholder.h"

#include "imaging/imageprobe.h"
#include "storage/originaddress.h"

#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

#include <optional>
#include <thread>

namespace mort {

namespace {

Error unavailable(const QString &source, const QString &why)
{
    return Error::upstream("config.placeholder_unavailable", 503, QStringLiteral("placeholder unavailable"),
                           QStringLiteral("server.placeholder %1: %2").arg(source, why));
}

Expected<QByteArray> readLocal(const QString &path, qint64 maxBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return unavailable(path, file.errorString());
    if (file.size() > maxBytes)
        return unavailable(
            path, QStringLiteral("%1 bytes, more than limits.maxParentBytes %2").arg(file.size()).arg(maxBytes));
    return file.readAll();
}

// One GET on a thread of its own: QNetworkAccessManager needs an event loop,
// and spinning the caller's would run its other events in the middle of a
// start or a reload. std::thread, so the join is a hand-off sanitizers see.
Expected<QByteArray> fetchUrl(const QUrl &url, qint64 maxBytes, int timeoutMs)
{
    const QString shown = url.toDisplayString(QUrl::RemoveUserInfo); // no credentials in logs
    std::optional<Expected<QByteArray>> result;
    std::thread worker([&] {
        QNetworkAccessManager network;
        QNetworkRequest request(url);
        request.setTransferTimeout(timeoutMs);
        // Redirects go through the same guard as the http storage's (storage/originaddress.h).
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::UserVerifiedRedirectPolicy);
        request.setMaximumRedirectsAllowed(5);
        QNetworkReply *reply = network.get(request);
        bool tooLarge = false;
        QUrl refusedRedirect;
        QObject::connect(reply, &QNetworkReply::redirected, reply, [&, reply](const QUrl &target) {
            if (redirectAllowed(url, target))
                return reply->redirectAllowed();
            refusedRedirect = target;
            reply->abort();
        });
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [&](qint64 received, qint64 total) {
            if (received > maxBytes || total > maxBytes) {
                tooLarge = true;
                reply->abort();
            }
        });
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (tooLarge)
            result = unavailable(shown, QStringLiteral("more than limits.maxParentBytes %1").arg(maxBytes));
        else if (!refusedRedirect.isEmpty())
            result = unavailable(shown,
                                 QStringLiteral("redirect to %1 refused (not a public http(s) address)")
                                     .arg(refusedRedirect.toDisplayString(QUrl::RemoveUserInfo)));
        else if (reply->error() != QNetworkReply::NoError)
            result = unavailable(shown, reply->errorString());
        else if (status != 200)
            result = unavailable(shown, QStringLiteral("HTTP status %1").arg(status));
        else
            result = reply->readAll();
        delete reply;
    });
    worker.join();
    return std::move(*result);
}

} // namespace

Expected<PlaceholderPtr> loadPlaceholder(const QString &source, const LimitsConfig &limits, int timeoutMs)
{
    const QUrl url(source);
    const bool remote = url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https");
    Expected<QByteArray> bytes =
        remote ? fetchUrl(url, limits.maxParentBytes, timeoutMs) : readLocal(source, limits.maxParentBytes);
    if (!bytes)
        return bytes.takeError();
    Expected<ImageInfo> info = probeImage(*bytes, limits);
    if (!info)
        return unavailable(remote ? url.toDisplayString(QUrl::RemoveUserInfo) : source,
                           QStringLiteral("not a usable image (%1)").arg(info.error().toString()));
    auto image = std::make_shared<PlaceholderImage>();
    image->source = source;
    image->body = std::move(*bytes);
    image->contentType = info->contentType;
    return PlaceholderPtr(std::move(image));
}

bool placeholderAnswers(int httpStatus)
{
    return httpStatus >= 500 || httpStatus == 499;
}

} // namespace mort
