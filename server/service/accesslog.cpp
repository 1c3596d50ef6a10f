#include "service/accesslog.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>

#include <cstdio>

namespace mort {

namespace {

QJsonObject headerObject(const HttpHeaders &headers)
{
    QJsonObject o;
    for (const auto &h : headers) {
        const QString name = QString::fromLatin1(h.first).toLower();
        const bool secret = name == QLatin1String("authorization") || name == QLatin1String("cookie");
        o.insert(name, secret ? QStringLiteral("***") : QString::fromLatin1(h.second));
    }
    return o;
}

QString statusClass(int status)
{
    if (status >= 500)
        return QStringLiteral("Server Error");
    if (status >= 400)
        return QStringLiteral("Client Error");
    if (status >= 300)
        return QStringLiteral("Redirect");
    return QStringLiteral("OK");
}

QByteArray line(QJsonObject o)
{
    o.insert(QStringLiteral("service"), QStringLiteral("mort-access"));
    o.insert(QStringLiteral("version"), QStringLiteral(MORT_VERSION));
    o.insert(QStringLiteral("logType"), QStringLiteral("access"));
    o.insert(QStringLiteral("timestamp"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

QString levelForStatus(int status)
{
    return status >= 500 ? QStringLiteral("error") : status >= 400 ? QStringLiteral("warn") : QStringLiteral("info");
}

qint64 bodyBytes(const HttpResponse &response)
{
    return response.stream ? response.stream->length : response.body.size();
}

} // namespace

QString requestTarget(const HttpRequest &request)
{
    QString url = request.path;
    if (!request.rawQuery.isEmpty())
        url += QLatin1Char('?') + QString::fromLatin1(request.rawQuery);
    return url;
}

AccessSummary summarizeAccess(const HttpRequest &request, const HttpResponse &response,
                              std::chrono::nanoseconds elapsed)
{
    return {levelForStatus(response.status),
            QStringLiteral("%1 %2 %3 %4 ms %5 B")
                .arg(QString::fromLatin1(request.method), requestTarget(request))
                .arg(response.status)
                .arg(double(elapsed.count()) / 1e6, 0, 'f', 1)
                .arg(bodyBytes(response))};
}

AccessSummary summarizeRejection(const HttpRejection &rejection)
{
    const QString client = rejection.peer.isNull() ? QStringLiteral("a unix-socket client") : rejection.peer.toString();
    QString message = QStringLiteral("%1 %2 from %3, refused by the HTTP transport: %4")
                          .arg(QString::number(rejection.status), QString::fromLatin1(reasonPhrase(rejection.status)),
                               client, QString::fromUtf8(rejection.reason));
    if (rejection.internalListener)
        message += QStringLiteral(" (internal listener)");
    return {levelForStatus(rejection.status), message};
}

QByteArray formatAccessLog(const HttpRequest &request, const HttpResponse &response, std::chrono::nanoseconds elapsed)
{
    const QString method = QString::fromLatin1(request.method);
    const QString url = requestTarget(request);
    const QJsonObject httpRequest{{QStringLiteral("requestURL"), url},
                                  {QStringLiteral("requestMethod"), method},
                                  {QStringLiteral("requestPath"), request.path},
                                  {QStringLiteral("remoteIP"), request.remoteAddress.toString()},
                                  {QStringLiteral("proto"), QStringLiteral("HTTP/1.1")},
                                  {QStringLiteral("scheme"), QStringLiteral("http")}};
    QJsonObject withHeaders = httpRequest;
    withHeaders.insert(QStringLiteral("header"), headerObject(request.headers));

    QByteArray out = line({{QStringLiteral("level"), QStringLiteral("info")},
                           {QStringLiteral("message"), QStringLiteral("Request: %1 %2").arg(method, request.path)},
                           {QStringLiteral("httpRequest"), withHeaders}});
    QJsonObject httpResponse{{QStringLiteral("status"), response.status},
                             {QStringLiteral("bytes"), double(bodyBytes(response))},
                             {QStringLiteral("elapsed"), double(elapsed.count()) / 1e6}, // ms, as Mort
                             {QStringLiteral("header"), headerObject(response.headers)}};
    if (response.status >= 400)
        httpResponse.insert(QStringLiteral("body"), QString::fromUtf8(response.body.left(1024)));
    const QString level = levelForStatus(response.status);
    out += line({{QStringLiteral("level"), level},
                 {QStringLiteral("message"),
                  QStringLiteral("Response: %1 %2").arg(response.status).arg(statusClass(response.status))},
                 {QStringLiteral("httpRequest"), httpRequest},
                 {QStringLiteral("httpResponse"), httpResponse}});
    return out;
}

void writeAccessLog(const HttpRequest &request, const HttpResponse &response, std::chrono::nanoseconds elapsed)
{
    static QMutex mutex; // whole lines, never interleaved between threads
    const QByteArray text = formatAccessLog(request, response, elapsed);
    QMutexLocker lock(&mutex);
    std::fwrite(text.constData(), 1, size_t(text.size()), stderr);
}

} // namespace mort
