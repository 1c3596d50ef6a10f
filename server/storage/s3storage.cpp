#include "storage/s3storage.h"

#include "aws/sigv4.h"
#include "core/httpdate.h"
#include "storage/contenttype.h"
#include "storage/storageerrors.h"

#include <QCryptographicHash>
#include <QTemporaryFile>
#include <QUrlQuery>
#include <QXmlStreamReader>

namespace mort {

namespace {

constexpr char kDefaultRegion[] = "us-east-1";

bool isPassedThrough(const QByteArray &lowerName)
{
    return lowerName.startsWith("x-amz-meta-") || lowerName == "cache-control" || lowerName == "content-encoding"
        || lowerName == "content-language" || lowerName == "content-disposition";
}

// The S3 error document's <Code> and <StorageClass>, when there is one.
QPair<QString, QString> s3ErrorCode(const QByteArray &xml)
{
    QXmlStreamReader reader(xml);
    QString code, storageClass;
    while (!reader.atEnd()) {
        reader.readNext();
        if (!reader.isStartElement())
            continue;
        if (reader.name() == QLatin1String("Code"))
            code = reader.readElementText();
        else if (reader.name() == QLatin1String("StorageClass"))
            storageClass = reader.readElementText();
    }
    return {code, storageClass};
}

struct ListPage
{
    QStringList keys;
    QString nextToken; // empty: last page
};

ListPage parseListV2(const QByteArray &xml)
{
    ListPage page;
    QXmlStreamReader reader(xml);
    bool truncated = false;
    while (!reader.atEnd()) {
        reader.readNext();
        if (!reader.isStartElement())
            continue;
        if (reader.name() == QLatin1String("Key"))
            page.keys.append(reader.readElementText());
        else if (reader.name() == QLatin1String("IsTruncated"))
            truncated = reader.readElementText() == QLatin1String("true");
        else if (reader.name() == QLatin1String("NextContinuationToken"))
            page.nextToken = reader.readElementText();
    }
    if (!truncated)
        page.nextToken.clear();
    return page;
}

} // namespace

S3Storage::S3Storage(const StorageConfig &config, const QString &bucket, HttpTransferLimits limits, int listPageKeys)
    : m_config(config), m_bucket(bucket),
      m_region(config.region.isEmpty() ? QString::fromLatin1(kDefaultRegion) : config.region),
      m_endpoint(config.endpoint.isEmpty() ? QUrl() : QUrl(config.endpoint)), m_limits(limits),
      m_listPageKeys(listPageKeys)
{
    // Mort accepts an endpoint without scheme ("minio:9000"): it is HTTPS then, as the AWS SDK.
    if (!config.endpoint.isEmpty() && !config.endpoint.contains(QLatin1String("://")))
        m_endpoint = QUrl(QStringLiteral("https://") + config.endpoint);
}

QString S3Storage::objectKey(const QString &key) const
{
    QString joined = cleanStorageKey(m_config.pathPrefix, key);
    while (joined.startsWith(QLatin1Char('/')))
        joined.remove(0, 1);
    return joined == QLatin1String(".") ? QString() : joined;
}

QUrl S3Storage::objectUrl(const QString &objectKey) const
{
    QUrl url;
    if (m_endpoint.isValid() && !m_endpoint.isEmpty()) {
        url = m_endpoint;
        QString base = url.path();
        if (!base.endsWith(QLatin1Char('/')))
            base += QLatin1Char('/');
        url.setPath(base + m_bucket + QLatin1Char('/') + objectKey, QUrl::DecodedMode);
    } else {
        url.setScheme(QStringLiteral("https"));
        url.setHost(m_bucket + QStringLiteral(".s3.") + m_region + QStringLiteral(".amazonaws.com"));
        url.setPath(QLatin1Char('/') + objectKey, QUrl::DecodedMode);
    }
    return url;
}

HttpTransferResult S3Storage::send(HttpTransferRequest request, const QByteArray &payloadHash)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    aws::SigningInput in;
    in.method = request.method;
    in.canonicalUri = aws::canonicalUri(request.url.path(QUrl::FullyDecoded).toUtf8());
    for (const auto &[name, value] : QUrlQuery(request.url).queryItems(QUrl::FullyDecoded))
        in.query.append({name.toUtf8(), value.toUtf8()});
    // Our own encoding of path and query, so the bytes sent are the bytes signed.
    request.url.setPath(QString::fromLatin1(in.canonicalUri), QUrl::StrictMode);
    request.url.setQuery(QString::fromLatin1(aws::canonicalQueryString(in.query)), QUrl::StrictMode);
    QByteArray host = request.url.host().toUtf8();
    if (request.url.port() > 0)
        host += ':' + QByteArray::number(request.url.port());
    request.headers.append({"x-amz-date", aws::amzDate(now)});
    request.headers.append({"x-amz-content-sha256", payloadHash});
    in.headers = request.headers;
    in.headers.append({"host", host});
    in.payloadHash = payloadHash;
    in.accessKey = m_config.accessKey.toUtf8();
    in.secretKey = m_config.secretAccessKey.toUtf8();
    in.scope = {aws::scopeDate(now), m_region.toUtf8(), "s3"};
    in.amzDateTime = aws::amzDate(now);
    request.headers.append({"Authorization", aws::sign(in).authorization});
    return runHttpTransfer(request, m_limits);
}

Error S3Storage::failure(const char *operation, const QString &key, const HttpTransferResult &result) const
{
    const QString where = m_bucket + QLatin1Char('/') + objectKey(key);
    if (result.status == 404)
        return Error::notFound(QStringLiteral("s3 %1 %2: not found").arg(QLatin1String(operation), where));
    if (result.status == 0)
        return storageerrors::ioError(QStringLiteral("s3 ") + QLatin1String(operation), where, result.error);
    const auto [code, storageClass] = s3ErrorCode(result.body);
    if (code == QLatin1String("InvalidObjectState"))
        return storageerrors::archived(where, storageClass);
    return storageerrors::ioError(QStringLiteral("s3 ") + QLatin1String(operation), where,
                                  QStringLiteral("HTTP %1 %2").arg(result.status).arg(code));
}

ObjectMetadata S3Storage::metadataOf(const HttpTransferResult &result, const QString &key) const
{
    ObjectMetadata meta;
    meta.contentType = result.header("Content-Type");
    // An uploader that set no type leaves S3's default: Mort then goes by the
    // key's extension, so `photo.jpg` put by `aws s3api put-object` is an image.
    if (meta.contentType.isEmpty() || meta.contentType == "binary/octet-stream") {
        if (const QByteArray byExtension = contenttype::byExtension(key); !byExtension.isEmpty())
            meta.contentType = byExtension;
    }
    bool known = false;
    const qint64 length = result.header("Content-Length").toLongLong(&known);
    meta.size = known ? length : result.bodyBytes;
    meta.etag = result.header("ETag");
    meta.lastModified = parseHttpDate(result.header("Last-Modified"));
    for (const auto &[name, value] : result.headers) {
        const QByteArray lower = name.toLower();
        if (isPassedThrough(lower))
            meta.headers.append({lower, value});
    }
    return meta;
}

Expected<ObjectMetadata> S3Storage::head(const QString &key)
{
    HttpTransferRequest request;
    request.method = "HEAD";
    request.url = objectUrl(objectKey(key));
    const HttpTransferResult result = send(request, aws::kEmptyPayloadSha256);
    if (!result.ok())
        return failure("head", key, result);
    return metadataOf(result, key);
}

Expected<StoredObject> S3Storage::fetch(const QString &key, const QByteArray &range, SpoolWriter *spool,
                                        const EarlyBodyReader &early)
{
    HttpTransferRequest request;
    request.url = objectUrl(objectKey(key));
    QIODevice *sink = spool;
    request.sink = sink;
    if (spool && early)
        request.onHead = [&](const HttpTransferResult &head) {
            if (head.ok())
                spool->arm(metadataOf(head, key), early);
        };
    if (!range.isEmpty())
        request.headers.append({"Range", range});
    HttpTransferResult result = send(request, aws::kEmptyPayloadSha256);
    if (!result.ok()) {
        // The error document went to the sink: read it back for the code.
        if (sink && result.status != 0 && sink->seek(0))
            result.body = sink->read(64 * 1024);
        return failure("get", key, result);
    }
    StoredObject object;
    object.meta = metadataOf(result, key);
    object.meta.size = result.bodyBytes;
    if (!range.isEmpty()) {
        const QByteArray contentRange = result.header("Content-Range");
        if (!contentRange.isEmpty())
            object.meta.headers.append({"content-range", contentRange});
    }
    object.body = std::move(result.body);
    return object;
}

Expected<StoredObject> S3Storage::get(const QString &key)
{
    return fetch(key, {}, nullptr);
}

Expected<StoredObject> S3Storage::getRange(const QString &key, qint64 first, qint64 last)
{
    QByteArray range = "bytes=" + QByteArray::number(first) + '-';
    if (last >= 0)
        range += QByteArray::number(last);
    return fetch(key, range, nullptr);
}

Expected<std::unique_ptr<QIODevice>> S3Storage::openRead(const QString &key, ObjectMetadata *meta,
                                                         const EarlyBodyReader &early)
{
    auto file = std::make_unique<SpoolWriter>();
    if (!file->openSpool())
        return storageerrors::ioError(QStringLiteral("s3 get"), objectKey(key),
                                      QStringLiteral("cannot create a temporary file: ") + file->errorString());
    auto object = fetch(key, {}, file.get(), early);
    if (!object)
        return object.takeError(); // the spool fails its readers as it goes
    file->finish();
    if (!file->seek(0))
        return storageerrors::ioError(QStringLiteral("s3 get"), objectKey(key), file->errorString());
    if (meta)
        *meta = std::move(object->meta);
    return std::unique_ptr<QIODevice>(std::move(file));
}

Expected<void> S3Storage::put(const QString &key, const QByteArray &body, const ObjectMetadata &meta)
{
    // Mort: S3 has no directories, so an empty "directory" write is a no-op.
    if (body.isEmpty() && key.endsWith(QLatin1Char('/')))
        return {};
    HttpTransferRequest request = putRequest(key, meta);
    request.body = body;
    const HttpTransferResult result = send(request, aws::sha256Hex(body));
    if (!result.ok())
        return failure("put", key, result);
    return {};
}

Expected<void> S3Storage::putStream(const QString &key, QIODevice &body, qint64 size, const ObjectMetadata &meta)
{
    if (size == 0)
        return put(key, {}, meta);
    // Qt's network stack streams a device it may seek; a sequential one (the
    // parts of a multipart upload, one after the other) goes through a
    // temporary file first, in 256 KiB pieces: disk, never memory.
    QTemporaryFile spool;
    QIODevice *device = &body;
    if (body.isSequential()) {
        if (!spool.open())
            return storageerrors::ioError(QStringLiteral("spool"), spool.fileTemplate(), spool.errorString());
        constexpr qint64 kPiece = 256 * 1024;
        QByteArray buffer(kPiece, Qt::Uninitialized);
        for (qint64 left = size; left > 0;) {
            const qint64 n = body.read(buffer.data(), std::min(kPiece, left));
            if (n <= 0 || spool.write(buffer.constData(), n) != n)
                return storageerrors::ioError(QStringLiteral("spool"), spool.fileName(), spool.errorString());
            left -= n;
        }
        if (!spool.flush() || !spool.seek(0))
            return storageerrors::ioError(QStringLiteral("spool"), spool.fileName(), spool.errorString());
        device = &spool;
    }
    HttpTransferRequest request = putRequest(key, meta);
    request.bodyDevice = device;
    request.bodyDeviceBytes = size;
    const HttpTransferResult result = send(request, aws::kUnsignedPayload);
    if (!result.ok())
        return failure("put", key, result);
    return {};
}

HttpTransferRequest S3Storage::putRequest(const QString &key, const ObjectMetadata &meta) const
{
    HttpTransferRequest request;
    request.method = "PUT";
    request.url = objectUrl(objectKey(key));
    if (!meta.contentType.isEmpty())
        request.headers.append({"Content-Type", meta.contentType});
    for (const auto &[name, value] : meta.headers) {
        const QByteArray lower = name.toLower();
        if (isPassedThrough(lower))
            request.headers.append({lower, value});
    }
    for (const auto &[name, value] : m_config.headers)
        request.headers.append({name.toUtf8(), value.toUtf8()});
    return request;
}

Expected<void> S3Storage::remove(const QString &key)
{
    HttpTransferRequest request;
    request.method = "DELETE";
    request.url = objectUrl(objectKey(key));
    const HttpTransferResult result = send(request, aws::kEmptyPayloadSha256);
    if (!result.ok() && result.status != 404)
        return failure("delete", key, result);
    return {};
}

Expected<QStringList> S3Storage::listKeys(int limit)
{
    QString prefix = objectKey(QStringLiteral("/"));
    if (!prefix.isEmpty() && !prefix.endsWith(QLatin1Char('/')))
        prefix += QLatin1Char('/');
    QStringList keys;
    QString token;
    do {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("list-type"), QStringLiteral("2"));
        query.addQueryItem(QStringLiteral("max-keys"), QString::number(qMin(m_listPageKeys, limit - keys.size())));
        if (!prefix.isEmpty())
            query.addQueryItem(QStringLiteral("prefix"), prefix);
        if (!token.isEmpty())
            query.addQueryItem(QStringLiteral("continuation-token"), token);
        HttpTransferRequest request;
        request.url = objectUrl({});
        request.url.setQuery(query);
        const HttpTransferResult result = send(request, aws::kEmptyPayloadSha256);
        if (!result.ok())
            return failure("list", QStringLiteral("/"), result);
        const ListPage page = parseListV2(result.body);
        for (const QString &objKey : page.keys) {
            if (objKey.endsWith(QLatin1Char('/')))
                continue; // folder marker
            keys.append(QLatin1Char('/') + objKey.mid(prefix.size()));
            if (keys.size() >= limit)
                break;
        }
        token = page.nextToken;
    } while (!token.isEmpty() && keys.size() < limit);
    keys.sort();
    return keys;
}

Expected<QUrl> S3Storage::presignGet(const QString &key, int expiresSeconds)
{
    return presignGetAt(key, expiresSeconds, QDateTime::currentDateTimeUtc());
}

Expected<void> S3Storage::requestRestore(const QString &key, int days, const QString &tier)
{
    HttpTransferRequest request;
    request.method = "POST";
    request.url = objectUrl(objectKey(key));
    request.url.setQuery(QStringLiteral("restore"));
    request.body = "<RestoreRequest xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Days>" + QByteArray::number(days)
        + "</Days><GlacierJobParameters><Tier>" + tier.toLatin1() + "</Tier></GlacierJobParameters></RestoreRequest>";
    request.headers.append({QByteArray("Content-Type"), QByteArray("application/xml")});
    request.headers.append(
        {QByteArray("Content-MD5"), QCryptographicHash::hash(request.body, QCryptographicHash::Md5).toBase64()});
    const HttpTransferResult result = send(request, aws::sha256Hex(request.body));
    if (result.ok()
        || (result.status == 409 && s3ErrorCode(result.body).first == QLatin1String("RestoreAlreadyInProgress")))
        return {};
    return failure("restore", key, result);
}

QUrl S3Storage::presignGetAt(const QString &key, int expiresSeconds, const QDateTime &now) const
{
    QUrl url = objectUrl(objectKey(key));
    aws::SigningInput in;
    in.method = "GET";
    in.canonicalUri = aws::canonicalUri(url.path(QUrl::FullyDecoded).toUtf8());
    QByteArray host = url.host().toUtf8();
    if (url.port() > 0)
        host += ':' + QByteArray::number(url.port());
    in.headers = {{"host", host}};
    in.accessKey = m_config.accessKey.toUtf8();
    in.secretKey = m_config.secretAccessKey.toUtf8();
    in.scope = {aws::scopeDate(now), m_region.toUtf8(), "s3"};
    in.amzDateTime = aws::amzDate(now);
    url.setPath(QString::fromLatin1(in.canonicalUri), QUrl::StrictMode);
    url.setQuery(QString::fromLatin1(aws::presignQuery(in, expiresSeconds)), QUrl::StrictMode);
    return url;
}

} // namespace mort
