// The admin API routes an attached studio's screens need: bucket listing,
// object reads, preview renders through the server's own pipeline, display
// copies of images, and saving a preset into the running config (adminapi.h).
#include "service/adminapi.h"

#include "config/configeditor.h"
#include "service/activecontent.h"
#include "service/adminroute.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace mort {

namespace {

QUrlQuery queryOf(const HttpExchangePtr &exchange)
{
    return QUrlQuery(QString::fromLatin1(exchange->request().rawQuery));
}

QString queryText(const QUrlQuery &query, const QString &name)
{
    return query.queryItemValue(name, QUrl::FullyDecoded);
}

HttpResponse bodyTooLarge(qint64 max)
{
    return adminErrorResponse(Error::client(
        "admin.body_too_large", 413,
        QStringLiteral("an image sent to the admin API may have at most %1 bytes (limits.maxParentBytes)").arg(max)));
}

} // namespace

void AdminApi::buckets(const HttpExchangePtr &exchange, const QString &route)
{
    // buckets/<bucket>/objects | buckets/<bucket>/object
    const QStringList parts = route.split(QLatin1Char('/'));
    const QString bucket = parts.size() == 3 ? QUrl::fromPercentEncoding(parts.at(1).toUtf8()) : QString();
    const QString what = parts.value(2);
    if (bucket.isEmpty() || (what != QLatin1String("objects") && what != QLatin1String("object"))) {
        return exchange->respond(adminErrorResponse(
            Error::client("admin.not_found", 404, QStringLiteral("no admin endpoint /api/v1/%1").arg(route))));
    }
    if (!isRead(exchange->request().method))
        return exchange->respond(methodNotAllowed("GET, HEAD"));
    const QUrlQuery query = queryOf(exchange);
    if (what == QLatin1String("objects")) {
        const int limit = queryInt(query, QStringLiteral("limit"), kDefaultObjectListLimit, 1, kMaxObjectListLimit);
        return runJob(exchange, [this, bucket, limit] {
            Expected<QStringList> keys = m_backend->listObjects(bucket, limit);
            if (!keys)
                return adminErrorResponse(keys.error());
            return jsonResponse(200,
                                QJsonObject{{QStringLiteral("bucket"), bucket},
                                            {QStringLiteral("keys"), QJsonArray::fromStringList(*keys)}});
        });
    }
    const QString key = queryText(query, QStringLiteral("key"));
    if (key.isEmpty())
        return exchange->respond(badAdminRequest(QStringLiteral("the query must name the object: ?key=<key>")));
    runJob(exchange, [this, bucket, key] {
        Expected<QByteArray> bytes = m_backend->readObject(bucket, key);
        if (!bytes)
            return adminErrorResponse(bytes.error());
        HttpResponse r(200, *bytes, "application/octet-stream");
        r.setHeader("Cache-Control", "no-store");
        guardActiveContent(r, r.body); // never run as a page of the admin origin
        return r;
    });
}

void AdminApi::render(const HttpExchangePtr &exchange)
{
    const QUrlQuery query = queryOf(exchange);
    PreviewRequest request;
    request.bucket = queryText(query, QStringLiteral("bucket"));
    request.preset = queryText(query, QStringLiteral("preset"));
    request.query = queryText(query, QStringLiteral("query")).toUtf8();
    request.storedKey = queryText(query, QStringLiteral("key"));
    request.source = exchange->request().body;
    if (!request.preset.isEmpty() && !request.query.isEmpty())
        return exchange->respond(badAdminRequest(QStringLiteral("give either ?preset= or ?query=, not both")));
    if (const qint64 max = m_render.maxUploadBytes(request.bucket); request.source.size() > max)
        return exchange->respond(bodyTooLarge(max));
    runJob(exchange, [this, exchange, request] {
        Expected<RenderedPreview> result = m_render.render(request, exchange->cancelToken());
        if (!result)
            return adminErrorResponse(result.error());
        HttpResponse r(200, result->body, result->contentType);
        r.setHeader("Cache-Control", "no-store");
        r.setHeader("X-Mort-Image-Width", QByteArray::number(result->width));
        r.setHeader("X-Mort-Image-Height", QByteArray::number(result->height));
        r.setHeader("X-Mort-Source-Bytes", QByteArray::number(result->sourceBytes));
        r.setHeader("X-Mort-Render-Ms", QByteArray::number(result->renderMs, 'f', 3));
        guardActiveContent(r, r.body);
        return r;
    });
}

void AdminApi::display(const HttpExchangePtr &exchange)
{
    const QUrlQuery query = queryOf(exchange);
    const bool autoRotate = queryText(query, QStringLiteral("autoRotate")) == QLatin1String("1");
    const int maxSide = queryInt(query, QStringLiteral("maxSide"), 0, 0, kMaxDisplaySide);
    if (exchange->request().body.isEmpty())
        return exchange->respond(
            badAdminRequest(QStringLiteral("send the image as the body (application/octet-stream)")));
    if (const qint64 max = m_render.maxUploadBytes({}); exchange->request().body.size() > max)
        return exchange->respond(bodyTooLarge(max));
    runJob(exchange, [this, exchange, autoRotate, maxSide] {
        Expected<QByteArray> png = m_render.display(exchange->request().body, autoRotate, maxSide);
        if (!png)
            return adminErrorResponse(png.error());
        HttpResponse r(200, *png, "image/png");
        r.setHeader("Cache-Control", "no-store");
        return r;
    });
}

void AdminApi::savePreset(const HttpExchangePtr &exchange)
{
    if (exchange->request().body.size() > kMaxConfigBytes) {
        return exchange->respond(adminErrorResponse(Error::client(
            "admin.body_too_large", 413, QStringLiteral("a preset may have at most %1 bytes").arg(kMaxConfigBytes))));
    }
    const QJsonObject body = QJsonDocument::fromJson(exchange->request().body).object();
    const QString bucket = body.value(QStringLiteral("bucket")).toString();
    const QString snippet = body.value(QStringLiteral("yaml")).toString();
    if (bucket.isEmpty() || snippet.isEmpty()) {
        return exchange->respond(
            badAdminRequest(QStringLiteral("body must be {\"bucket\": str, \"yaml\": \"presets:\\n  <name>: ...\"}")));
    }
    runJob(exchange, [this, bucket, snippet] {
        // The server's own text, secrets and ${ENV} references as written: the
        // caller never sees (or has to send back) what the API masks.
        const QString path = m_backend->config()->sourcePath;
        Expected<PresetEdit> edit = ConfigEditor::setPreset(m_backend->configText(), bucket, snippet, path);
        if (!edit)
            return adminErrorResponse(edit.error());
        if (const QList<ConfigIssue> issues = m_backend->validateConfig(edit->text); !issues.isEmpty()) {
            return jsonResponse(
                422, QJsonObject{{QStringLiteral("valid"), false}, {QStringLiteral("issues"), issuesToJson(issues)}});
        }
        if (Expected<void> applied = m_backend->applyConfig(edit->text); !applied)
            return adminErrorResponse(applied.error());
        QJsonValue writtenTo = QJsonValue::Null;
        if (!path.isEmpty() && QFileInfo(path).isWritable() && ConfigEditor::writeFile(path, edit->text))
            writtenTo = path;
        return jsonResponse(200,
                            QJsonObject{{QStringLiteral("applied"), true},
                                        {QStringLiteral("replaced"), edit->replacedExisting},
                                        {QStringLiteral("writtenTo"), writtenTo}});
    });
}

} // namespace mort
