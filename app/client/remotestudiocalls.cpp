// RemoteEngineClient's Preview calls over the admin API (service/adminapi.h):
// listing and reading a bucket's images, renders and display copies by the
// server's own pipeline, reading the config and saving a preset into it.
#include "client/remoteengineclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>

namespace mort {

namespace {

QString encoded(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

QJsonObject jsonOf(QNetworkReply *reply)
{
    return QJsonDocument::fromJson(reply->readAll()).object();
}

} // namespace

Error RemoteEngineClient::errorOf(QNetworkReply *reply, const QByteArray &body) const
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject error = QJsonDocument::fromJson(body).object();
    const QByteArray code = error.value(QLatin1String("code")).toString().toLatin1();
    if (const QJsonArray issues = error.value(QLatin1String("issues")).toArray(); !issues.isEmpty()) {
        // A config the server refused (422 {"valid":false,"issues":[...]}).
        QStringList lines;
        for (const QJsonValue &issue : issues) {
            const QJsonObject o = issue.toObject();
            const QString key = o.value(QLatin1String("keyPath")).toString();
            const QString message = o.value(QLatin1String("message")).toString();
            lines << (key.isEmpty() ? message : key + QStringLiteral(": ") + message);
        }
        return Error::client("config.invalid", status, tr("The server refused the config"), lines.join(u'\n'));
    }
    if (status == 0 || code.isEmpty())
        return Error::upstream("studio.no_answer", status == 0 ? 502 : status, describe(reply, body));
    // The server's public message: what a GET of the same image would say.
    return Error::client(code, status, error.value(QLatin1String("message")).toString());
}

void RemoteEngineClient::studioCall(const QByteArray &verb, const QString &route, const QByteArray &body,
                                    const QByteArray &contentType, QObject *context,
                                    std::function<void(const Expected<QNetworkReply *> &)> done)
{
    QNetworkRequest r = request(route);
    if (!contentType.isEmpty())
        r.setHeader(QNetworkRequest::ContentTypeHeader, QString::fromLatin1(contentType));
    QNetworkReply *reply = verb == "POST" ? m_nam->post(r, body)
        : verb == "DELETE"                ? m_nam->deleteResource(r)
                                          : m_nam->get(r);
    QPointer<QObject> receiver(context);
    connect(reply, &QNetworkReply::finished, this, [this, reply, receiver, done = std::move(done)] {
        reply->deleteLater();
        if (!receiver)
            return;
        if (const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            status >= 200 && status < 300)
            return done(reply); // 202: a purge started
        done(errorOf(reply, reply->readAll()));
    });
}

void RemoteEngineClient::listObjects(const QString &bucket, int limit, QObject *context, Done<QStringList> done)
{
    studioCall("GET", QStringLiteral("buckets/%1/objects?limit=%2").arg(encoded(bucket)).arg(limit), {}, {}, context,
               [done](const Expected<QNetworkReply *> &reply) {
                   if (!reply)
                       return done(reply.error());
                   QStringList keys;
                   for (const QJsonValue &key : jsonOf(*reply).value(QLatin1String("keys")).toArray())
                       keys << key.toString();
                   done(keys);
               });
}

void RemoteEngineClient::readObject(const QString &bucket, const QString &key, QObject *context, Done<QByteArray> done)
{
    studioCall("GET", QStringLiteral("buckets/%1/object?key=%2").arg(encoded(bucket), encoded(key)), {}, {}, context,
               [done](const Expected<QNetworkReply *> &reply) {
                   if (!reply)
                       return done(reply.error());
                   done((*reply)->readAll());
               });
}

void RemoteEngineClient::renderPreview(const PreviewRequest &request, const CancelToken &cancel, QObject *context,
                                       Done<RenderedPreview> done)
{
    if (cancel.isCancelled())
        return done(Error::client("request.cancelled", 499, tr("cancelled")));
    QString route = QStringLiteral("render?bucket=") + encoded(request.bucket);
    if (!request.preset.isEmpty())
        route += QStringLiteral("&preset=") + encoded(request.preset);
    else
        route += QStringLiteral("&query=") + encoded(QString::fromUtf8(request.query));
    if (request.source.isEmpty())
        route += QStringLiteral("&key=") + encoded(request.storedKey);
    studioCall("POST", route, request.source, request.source.isEmpty() ? QByteArray() : "application/octet-stream",
               context, [done](const Expected<QNetworkReply *> &reply) {
                   if (!reply)
                       return done(reply.error());
                   QNetworkReply *r = *reply;
                   RenderedPreview out;
                   out.body = r->readAll();
                   out.contentType = r->header(QNetworkRequest::ContentTypeHeader).toString().toLatin1();
                   out.width = r->rawHeader("X-Mort-Image-Width").toInt();
                   out.height = r->rawHeader("X-Mort-Image-Height").toInt();
                   out.sourceBytes = r->rawHeader("X-Mort-Source-Bytes").toLongLong();
                   out.renderMs = r->rawHeader("X-Mort-Render-Ms").toDouble();
                   done(out);
               });
}

void RemoteEngineClient::decodeForDisplay(const QByteArray &bytes, bool autoRotate, int maxSide, QObject *context,
                                          Done<QImage> done)
{
    // The server decodes every format it reads (AVIF, HEIF, TIFF ...) into a
    // PNG Qt shows: the studio has no decoder of its own to disagree with it.
    studioCall("POST", QStringLiteral("display?autoRotate=%1&maxSide=%2").arg(autoRotate ? 1 : 0).arg(maxSide), bytes,
               "application/octet-stream", context, [done](const Expected<QNetworkReply *> &reply) {
                   if (!reply)
                       return done(reply.error());
                   const QImage image = QImage::fromData((*reply)->readAll(), "PNG");
                   if (image.isNull())
                       return done(
                           Error::upstream("studio.bad_answer", 502, tr("the server's display copy is no PNG")));
                   done(image);
               });
}

void RemoteEngineClient::readConfig(QObject *context, Done<ConfigSnapshot> done)
{
    studioCall("GET", QStringLiteral("config"), {}, {}, context, [done](const Expected<QNetworkReply *> &reply) {
        if (!reply)
            return done(reply.error());
        const QJsonObject answer = jsonOf(*reply);
        ConfigSnapshot snapshot;
        snapshot.text = answer.value(QLatin1String("yaml")).toString();
        snapshot.sourcePath = answer.value(QLatin1String("sourcePath")).toString();
        // Parsed here for its buckets, presets and limits. Issues are the
        // server's business (it runs this config); masked secrets and ${ENV}
        // references of the server's environment may not validate here.
        QList<ConfigIssue> issues;
        snapshot.config =
            std::make_shared<const Config>(ConfigLoader::parse(snapshot.text, issues, snapshot.sourcePath));
        done(snapshot);
    });
}

void RemoteEngineClient::savePreset(const QString &bucket, const QString &snippet, QObject *context,
                                    Done<SavedPreset> done)
{
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("bucket"), bucket}, {QStringLiteral("yaml"), snippet}})
            .toJson(QJsonDocument::Compact);
    QPointer<RemoteEngineClient> self(this);
    studioCall("POST", QStringLiteral("config/preset"), body, "application/json", context,
               [self, context, done](const Expected<QNetworkReply *> &reply) {
                   if (!reply)
                       return done(reply.error());
                   const QJsonObject answer = jsonOf(*reply);
                   SavedPreset saved;
                   saved.replaced = answer.value(QLatin1String("replaced")).toBool();
                   saved.writtenTo = answer.value(QLatin1String("writtenTo")).toString();
                   if (!self)
                       return;
                   // The config now running, as the server has it.
                   self->readConfig(context, [saved, done](const Expected<ConfigSnapshot> &snapshot) mutable {
                       if (!snapshot)
                           return done(snapshot.error());
                       saved.config = snapshot->config;
                       done(saved);
                   });
               });
}

} // namespace mort
