#include "service/cloudinaryupload.h"

#include "http/multipartform.h"
#include "imaging/imageprobe.h"
#include "service/adminsecurity.h" // constantTimeEquals

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <algorithm>

namespace mort {

namespace {

HttpResponse textResponse(int status, const QByteArray &text, const QByteArray &code)
{
    HttpResponse r(status, text, "text/plain");
    r.setHeader("X-Mort-Error", code);
    return r;
}

// Cloudinary ids: letters and digits, from the system's secure generator.
QString randomId(int length)
{
    static const char kChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString id;
    id.reserve(length);
    for (int i = 0; i < length; ++i)
        id.append(QLatin1Char(kChars[QRandomGenerator::system()->bounded(int(sizeof(kChars) - 1))]));
    return id;
}

QString fieldValue(const QList<std::pair<QString, QString>> &fields, const QString &name)
{
    for (const auto &f : fields) {
        if (f.first == name)
            return f.second;
    }
    return {};
}

// api_key, timestamp window (ts - 10 min <= now <= ts + 1 h), signature.
bool signatureHolds(const QList<std::pair<QString, QString>> &fields, const AccessKey &key, qint64 nowSecs)
{
    if (fieldValue(fields, QStringLiteral("api_key")) != key.accessKey)
        return false;
    bool ok = false;
    const qint64 timestamp = fieldValue(fields, QStringLiteral("timestamp")).toLongLong(&ok);
    if (!ok || nowSecs < timestamp - 600 || nowSecs > timestamp + 3600)
        return false;
    return constantTimeEquals(cloudinarySignature(fields, key.secretAccessKey),
                              fieldValue(fields, QStringLiteral("signature")).toLatin1());
}

// A JSON string literal (quotes and escapes included).
QByteArray jsonString(const QString &s)
{
    const QByteArray array = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2); // ["..."] -> "..."
}

} // namespace

const BucketConfig *cloudinaryUploadBucket(const Config &config, const HttpRequest &request)
{
    if (request.method != "POST" || request.internalListener)
        return nullptr;
    const qsizetype slash = request.path.indexOf(QLatin1Char('/'), 1);
    const QString bucketName = request.path.mid(1, slash < 0 ? -1 : slash - 1);
    const BucketConfig *bucket = config.bucket(bucketName);
    if (!bucket || !bucket->transform || bucket->transform->kind != QLatin1String("cloudinary"))
        return nullptr;
    return bucket;
}

QByteArray cloudinarySignature(const QList<std::pair<QString, QString>> &fields, const QString &secret)
{
    QList<std::pair<QString, QString>> signed_;
    for (const auto &f : fields) {
        if (f.first != QLatin1String("api_key") && f.first != QLatin1String("signature"))
            signed_.append(f);
    }
    // By name; several values of one name keep their order (Go's url.Values.Encode).
    std::stable_sort(signed_.begin(), signed_.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QStringList pairs;
    for (const auto &f : signed_)
        pairs.append(f.first + QLatin1Char('=') + f.second);
    return QCryptographicHash::hash((pairs.join(QLatin1Char('&')) + secret).toUtf8(), QCryptographicHash::Sha1).toHex();
}

HttpResponse cloudinaryUpload(const HttpRequest &request, const BucketConfig &bucket, const UploadStore &store,
                              const QDateTime &now)
{
    if (bucket.keys.size() != 1)
        return textResponse(500, "Server configuration error", "cloudinary.keys_not_configured");
    Expected<MultipartForm> form = parseMultipartForm(request.body, request.header("Content-Type"));
    if (!form)
        return textResponse(400, form.error().detail.toUtf8(), form.error().code);
    if (!signatureHolds(form->values, bucket.keys.first(), now.toSecsSinceEpoch()))
        return textResponse(403, "signature does not match", "cloudinary.signature_mismatch");
    if (form->files.size() != 1 || form->files.first().fieldName != QLatin1String("file"))
        return textResponse(400, "only upload of one file is supported", "cloudinary.one_file");
    const MultipartFile &file = form->files.first();
    const QList<QByteArray> type = file.contentType.split('/');
    if (type.size() != 2 || type.first() != "image")
        return textResponse(400, "invalid file Content-Type", "cloudinary.bad_content_type");
    if (sniffLoader(file.data).isEmpty())
        return textResponse(415, "the file is not an image this server can process", "image.unsupported_type");

    const QString publicId = randomId(20);
    ObjectMetadata meta;
    meta.contentType = file.contentType;
    meta.size = file.data.size();
    meta.lastModified = now.toUTC();
    if (Expected<void> stored = store(QLatin1Char('/') + publicId, file.data, meta); !stored)
        return textResponse(stored.error().httpStatus, "parent storage error", stored.error().code);

    // Cloudinary's field order, as Mort writes it.
    QByteArray json = "{\"asset_id\":" + jsonString(randomId(8));
    json += ",\"public_id\":" + jsonString(publicId);
    json += ",\"version\":" + QByteArray::number(now.toSecsSinceEpoch());
    json += ",\"format\":" + jsonString(QString::fromUtf8(type.last()));
    json += ",\"resource_type\":\"image\"";
    json += ",\"bytes\":" + QByteArray::number(file.data.size());
    json += ",\"type\":\"upload\"";
    json += ",\"original_filename\":" + jsonString(file.fileName) + '}';
    return HttpResponse(200, json, "application/json");
}

} // namespace mort
