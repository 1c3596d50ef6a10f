#include "s3/s3api.h"

#include "s3/s3error.h"
#include "s3/s3payload.h"
#include "s3/s3xml.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QLoggingCategory>
#include <QRandomGenerator>

#include <algorithm>
#include <variant>

Q_LOGGING_CATEGORY(lcS3, "mort.s3")

namespace mort::s3 {

namespace {

constexpr qint64 kMaxObjectBytes = 5LL << 30; // S3's largest single PUT
constexpr int kMaxKeys = 1000;

// Sub-resources of a bucket or object that S3 offers and we do not.
constexpr const char *kUnsupported[] = {"accelerate",   "acl",
                                        "analytics",    "cors",
                                        "encryption",   "intelligent-tiering",
                                        "inventory",    "legal-hold",
                                        "lifecycle",    "logging",
                                        "metrics",      "notification",
                                        "object-lock",  "ownershipControls",
                                        "partNumber",   "policy",
                                        "policyStatus", "publicAccessBlock",
                                        "replication",  "requestPayment",
                                        "restore",      "retention",
                                        "select",       "tagging",
                                        "torrent",      "uploadId",
                                        "uploads",      "versionId",
                                        "versioning",   "versions",
                                        "website",      "attributes"};

struct Target
{
    QString bucket;       // "" for the service, or an empty first segment ("//x")
    QString key;          // with its leading '/', "" for bucket-level requests
    QString resource;     // for error documents
    bool service = false; // exactly "/" (ListBuckets): as Mort, not "//" or "//x"
};

Target targetOf(const QString &path)
{
    Target t;
    QString rest = path.startsWith(QLatin1Char('/')) ? path.mid(1) : path;
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    t.bucket = slash < 0 ? rest : rest.left(slash);
    const QString key = slash < 0 ? QString() : rest.mid(slash + 1);
    t.key = key.isEmpty() ? QString() : QLatin1Char('/') + key;
    t.resource = path.isEmpty() ? QStringLiteral("/") : path;
    t.service = rest.isEmpty();
    return t;
}

QByteArray unsupportedSubresource(const aws::QueryParams &query)
{
    for (const auto &p : query) {
        for (const char *name : kUnsupported) {
            if (p.first == name)
                return p.first;
        }
    }
    return {};
}

QString isoTime(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
}

HttpResponse xmlResponse(int status, QByteArray body, quint64 requestNumber)
{
    HttpResponse r(status, std::move(body), "application/xml");
    r.setHeader("x-amz-request-id", requestId(requestNumber));
    return r;
}

S3Error fromStorage(const Error &error)
{
    switch (error.httpStatus) {
    case 404: return S3Error::make("NoSuchKey");
    case 400: return S3Error::make("InvalidArgument", error.publicMessage);
    case 409: return S3Error::make("OperationAborted", error.publicMessage);
    case 501: return S3Error::make("NotImplemented", error.publicMessage);
    case 503: return S3Error::make("ServiceUnavailable");
    default: return S3Error::make("InternalError");
    }
}

class Request
{
public:
    Request(const HttpExchangePtr &exchange, ConfigPtr config, const Host &host)
        : m_exchange(exchange), m_req(exchange->request()), m_config(std::move(config)), m_host(host),
          m_target(targetOf(m_req.path)), m_query(parseQuery(m_req.rawQuery))
    {
    }

    void fail(const S3Error &error) const
    {
        m_host.answer(errorResponse(error, m_target.resource, m_req.id, m_req.isHead()));
    }
    void fail(QByteArray code, QString message = {}) const { fail(S3Error::make(std::move(code), std::move(message))); }

    Route dispatch(const std::optional<AuthResult> &auth)
    {
        m_auth = auth;
        const QByteArray &method = m_req.method;
        if (!m_target.service && m_target.bucket.isEmpty())
            return fail("InvalidBucketName"), Route::Handled; // "//x": an empty bucket name
        if (m_target.service) {
            if (method == "GET")
                return listBuckets(*auth), Route::Handled;
            return fail("MethodNotAllowed"), Route::Handled;
        }
        const BucketConfig *bucket = m_config->bucket(m_target.bucket);
        if (!bucket) {
            if (method == "PUT" && m_target.key.isEmpty())
                return fail("NotImplemented", QStringLiteral("buckets are defined in the server's configuration")),
                       Route::Handled;
            return fail("NoSuchBucket"), Route::Handled;
        }
        const QByteArray unsupported = unsupportedSubresource(m_query);
        if (m_target.key.isEmpty()) {
            bool location = false, del = false;
            queryValue(m_query, "location", &location);
            queryValue(m_query, "delete", &del);
            if (method == "GET" && location)
                return getLocation(), Route::Handled;
            if (!unsupported.isEmpty())
                return notImplemented(unsupported), Route::Handled;
            if (method == "GET")
                return runIo(&Request::listObjects), Route::Handled;
            if (method == "HEAD") {
                HttpResponse ok = xmlResponse(200, {}, m_req.id);
                ok.setHeader("x-amz-bucket-region", "us-east-1");
                return m_host.answer(std::move(ok)), Route::Handled;
            }
            if (method == "PUT") // CreateBucket of a configured bucket: it exists and is the caller's
                return m_host.answer(xmlResponse(200, {}, m_req.id)), Route::Handled;
            if (method == "POST" && del)
                return runIo(&Request::deleteObjects), Route::Handled;
            if (method == "DELETE")
                return fail("NotImplemented", QStringLiteral("buckets are defined in the server's configuration")),
                       Route::Handled;
            if (method == "POST")
                return fail("NotImplemented"), Route::Handled;
            return fail("MethodNotAllowed"), Route::Handled;
        }
        bool uploads = false, uploadId = false, partNumber = false;
        queryValue(m_query, "uploads", &uploads);
        queryValue(m_query, "uploadId", &uploadId);
        queryValue(m_query, "partNumber", &partNumber);
        if (m_host.multipart && !hasHeader(m_req.headers, "x-amz-copy-source")) {
            if (method == "POST" && uploads)
                return runIo(&Request::createMultipart), Route::Handled;
            if (method == "POST" && uploadId)
                return runIo(&Request::completeMultipart), Route::Handled;
            if (method == "PUT" && uploadId && partNumber)
                return runIo(&Request::uploadPart), Route::Handled;
            if (method == "DELETE" && uploadId)
                return runIo(&Request::abortMultipart), Route::Handled;
        }
        if (!unsupported.isEmpty())
            return notImplemented(unsupported), Route::Handled;
        if (method == "GET" || method == "HEAD" || method == "OPTIONS")
            return Route::Pipeline; // the image pipeline serves objects
        if (method == "PUT") {
            if (hasHeader(m_req.headers, "x-amz-copy-source"))
                return fail("NotImplemented", QStringLiteral("CopyObject is not supported")), Route::Handled;
            return runIo(&Request::putObject), Route::Handled;
        }
        if (method == "DELETE")
            return runIo(&Request::deleteObject), Route::Handled;
        if (method == "POST")
            return fail("NotImplemented", QStringLiteral("multipart uploads are not supported: upload in one PUT")),
                   Route::Handled;
        return fail("MethodNotAllowed"), Route::Handled;
    }

    // The job runs on a copy of this request, which keeps the exchange and config alive.
    void runIo(void (Request::*job)())
    {
        m_host.runIo([self = std::make_shared<Request>(*this), job] { ((*self).*job)(); });
    }

private:
    void notImplemented(const QByteArray &what)
    {
        fail("NotImplemented", QStringLiteral("?%1 is not supported by this server").arg(QString::fromLatin1(what)));
    }

    void listBuckets(const AuthResult &auth)
    {
        XmlWriter xml;
        xml.openRoot("ListAllMyBucketsResult");
        xml.open("Owner");
        xml.element("ID", auth.accessKey);
        xml.element("DisplayName", auth.accessKey);
        xml.close("Owner");
        xml.open("Buckets");
        const QString now = isoTime(QDateTime::currentDateTimeUtc());
        for (const BucketConfig &bucket : m_config->buckets) {
            const bool mine = std::any_of(bucket.keys.begin(), bucket.keys.end(),
                                          [&](const AccessKey &k) { return k.accessKey == auth.accessKey; });
            if (!mine)
                continue;
            xml.open("Bucket");
            xml.element("Name", bucket.name);
            xml.element("CreationDate", now);
            xml.close("Bucket");
        }
        xml.close("Buckets");
        xml.close("ListAllMyBucketsResult");
        m_host.answer(xmlResponse(200, m_req.isHead() ? QByteArray() : xml.finish(), m_req.id));
    }

    void getLocation()
    {
        // Mort's answer (spec §1): "EU"; our verifier accepts any region in the scope.
        XmlWriter xml;
        xml.openRoot("LocationConstraint");
        QByteArray body = xml.finish() + "EU</LocationConstraint>";
        m_host.answer(xmlResponse(200, std::move(body), m_req.id));
    }

    void listObjects()
    {
        const bool v2 = queryValue(m_query, "list-type") == "2";
        bool hasDelimiter = false;
        ListQuery q;
        q.prefix = QString::fromUtf8(queryValue(m_query, "prefix"));
        q.delimiter = QString::fromUtf8(queryValue(m_query, "delimiter", &hasDelimiter));
        // Mort groups a plain v1 listing (no delimiter, no prefix) by "/" (spec
        // §3.1, peer C9 "keep"); a v1 listing that names a prefix is S3's, so
        // s3cmd's recursive listings of a folder see every key below it.
        bool hasPrefix = false;
        queryValue(m_query, "prefix", &hasPrefix);
        if (!v2 && !hasDelimiter && !hasPrefix)
            q.delimiter = QStringLiteral("/");
        const QByteArray maxKeysText = queryValue(m_query, "max-keys");
        if (!maxKeysText.isEmpty()) {
            bool ok = false;
            const int n = maxKeysText.toInt(&ok);
            if (!ok || n < 0)
                return fail("InvalidArgument", QStringLiteral("max-keys must be a non-negative integer"));
            q.maxKeys = std::min(n, kMaxKeys);
        }
        const QByteArray encoding = queryValue(m_query, "encoding-type");
        if (!encoding.isEmpty() && encoding != "url")
            return fail("InvalidArgument", QStringLiteral("Invalid Encoding Method specified in Request"));
        const bool url = encoding == "url";
        const QString token = QString::fromUtf8(queryValue(m_query, "continuation-token"));
        const QString startAfter = QString::fromUtf8(queryValue(m_query, "start-after"));
        if (v2) {
            if (!token.isEmpty()) {
                const QByteArray decoded =
                    QByteArray::fromBase64(token.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
                if (decoded.isEmpty())
                    return fail("InvalidArgument", QStringLiteral("The continuation token provided is incorrect"));
                q.marker = QString::fromUtf8(decoded);
            } else {
                q.marker = startAfter;
            }
        } else {
            q.marker = QString::fromUtf8(queryValue(m_query, "marker"));
        }
        auto storage = m_host.storage(m_target.bucket);
        if (!storage)
            return fail(fromStorage(storage.error()));
        auto keys = (*storage)->listKeys(10'000'000);
        if (!keys)
            return fail(fromStorage(keys.error()));
        QStringList sorted;
        sorted.reserve(keys->size());
        for (const QString &k : std::as_const(*keys))
            sorted.append(k.startsWith(QLatin1Char('/')) ? k.mid(1) : k);
        sorted.sort();
        const ListPage page = listPage(sorted, q);

        auto enc = [url](const QString &s) { return url ? QString::fromLatin1(aws::uriEncode(s.toUtf8(), false)) : s; };
        XmlWriter xml;
        xml.openRoot("ListBucketResult");
        xml.element("Name", m_target.bucket);
        xml.element("Prefix", enc(q.prefix));
        if (v2) {
            if (!token.isEmpty())
                xml.element("ContinuationToken", token);
            if (!startAfter.isEmpty())
                xml.element("StartAfter", enc(startAfter));
            xml.element("KeyCount", page.keys.size() + page.commonPrefixes.size());
        } else {
            xml.element("Marker", enc(q.marker));
            if (page.truncated)
                xml.element("NextMarker", enc(page.next));
        }
        xml.element("MaxKeys", q.maxKeys);
        if (hasDelimiter)
            xml.element("Delimiter", enc(q.delimiter));
        if (url)
            xml.element("EncodingType", QStringLiteral("url"));
        xml.element("IsTruncated", page.truncated ? QStringLiteral("true") : QStringLiteral("false"));
        if (v2 && page.truncated)
            xml.element("NextContinuationToken", QString::fromLatin1(page.next.toUtf8().toBase64()));
        const bool owner = !v2 || queryValue(m_query, "fetch-owner") == "true";
        for (const QString &key : page.keys) {
            auto meta = (*storage)->head(QLatin1Char('/') + key);
            if (!meta)
                continue; // deleted since it was listed
            xml.open("Contents");
            xml.element("Key", enc(key));
            xml.element("LastModified",
                        isoTime(meta->lastModified.isValid() ? meta->lastModified : QDateTime::currentDateTimeUtc()));
            // As GET serves it: Mort's weak W/"md5(mtime)" is no MD5 of the bytes,
            // and clients that take a 32-hex ETag for one (rclone) must not think so.
            xml.element("ETag", QString::fromLatin1(meta->etag));
            xml.element("Size", std::max<qint64>(0, meta->size));
            if (owner) {
                xml.open("Owner");
                xml.element("ID", m_target.bucket);
                xml.element("DisplayName", m_target.bucket);
                xml.close("Owner");
            }
            xml.element("StorageClass", QStringLiteral("STANDARD"));
            xml.close("Contents");
        }
        for (const QString &prefix : page.commonPrefixes) {
            xml.open("CommonPrefixes");
            xml.element("Prefix", enc(prefix));
            xml.close("CommonPrefixes");
        }
        xml.close("ListBucketResult");
        m_host.answer(xmlResponse(200, m_req.isHead() ? QByteArray() : xml.finish(), m_req.id));
    }

    // The verified body of a PutObject or UploadPart; nullopt when answered (refused).
    std::optional<PayloadResult> receive(PayloadPlan *usedPlan = nullptr)
    {
        auto plan = planPayload(m_req.headers, m_auth ? *m_auth : AuthResult());
        if (auto *e = std::get_if<S3Error>(&plan))
            return fail(*e), std::nullopt;
        std::shared_ptr<QIODevice> received = m_req.bodyFile;
        qint64 receivedSize = m_req.bodyFileSize;
        if (!received && !m_req.body.isEmpty()) {
            auto buffer = std::make_shared<QBuffer>();
            buffer->setData(m_req.body);
            buffer->open(QIODevice::ReadOnly);
            received = buffer;
            receivedSize = m_req.body.size();
        }
        auto payload = readPayload(std::get<PayloadPlan>(plan), received, receivedSize);
        if (auto *e = std::get_if<S3Error>(&payload))
            return fail(*e), std::nullopt;
        if (std::get<PayloadResult>(payload).size > objectLimit())
            return fail("EntityTooLarge"), std::nullopt;
        if (usedPlan)
            *usedPlan = std::get<PayloadPlan>(plan);
        return std::move(std::get<PayloadResult>(payload));
    }

    qint64 objectLimit() const
    {
        return std::min(m_config->bucket(m_target.bucket)->effectiveLimits(m_config->server.limits).maxBodyBytes,
                        kMaxObjectBytes);
    }

    // What is stored with an object: type, user metadata, caching headers.
    ObjectMetadata metadataFromHeaders() const
    {
        ObjectMetadata meta;
        meta.contentType = headerValue(m_req.headers, "Content-Type");
        if (meta.contentType.isEmpty())
            meta.contentType = "binary/octet-stream";
        for (const auto &h : m_req.headers) {
            const QByteArray name = h.first.toLower();
            if (name.startsWith("x-amz-meta-") || name == "cache-control" || name == "content-disposition")
                meta.headers.append({name, h.second});
        }
        return meta;
    }

    HttpResponse etagResponse(const QByteArray &etag) const
    {
        HttpResponse ok(200);
        ok.setHeader("x-amz-request-id", requestId(m_req.id));
        ok.setHeader("ETag", etag);
        return ok;
    }

    void putObject()
    {
        PayloadPlan plan;
        std::optional<PayloadResult> body = receive(&plan);
        if (!body)
            return;
        ObjectMetadata meta = metadataFromHeaders();
        const QByteArray etag = '"' + body->md5Hex + '"';
        meta.headers.append({"etag", etag});
        auto storage = m_host.storage(m_target.bucket);
        if (!storage)
            return fail(fromStorage(storage.error()));
        Expected<void> stored = body->size == 0 ? (*storage)->put(m_target.key, {}, meta)
                                                : (*storage)->putStream(m_target.key, *body->body, body->size, meta);
        if (!stored) {
            qCWarning(lcS3) << "PutObject" << m_target.resource << "failed:" << stored.error().toString();
            return fail(fromStorage(stored.error()));
        }
        m_host.invalidate(m_target.bucket, m_target.key);
        HttpResponse ok = etagResponse(etag);
        if (!plan.checksumAlgorithm.isEmpty() && !plan.checksumValue.isEmpty())
            ok.setHeader("x-amz-checksum-" + plan.checksumAlgorithm, plan.checksumValue);
        m_host.answer(std::move(ok));
    }

    void createMultipart()
    {
        auto created = m_host.multipart->create(m_target.bucket, m_target.key, metadataFromHeaders());
        if (auto *e = std::get_if<S3Error>(&created))
            return fail(*e);
        XmlWriter xml;
        xml.openRoot("InitiateMultipartUploadResult");
        xml.element("Bucket", m_target.bucket);
        xml.element("Key", m_target.key.mid(1));
        xml.element("UploadId", QString::fromLatin1(std::get<QByteArray>(created)));
        xml.close("InitiateMultipartUploadResult");
        m_host.answer(xmlResponse(200, xml.finish(), m_req.id));
    }

    void uploadPart()
    {
        bool ok = false;
        const int number = queryValue(m_query, "partNumber").toInt(&ok);
        if (!ok)
            return fail("InvalidArgument",
                        QStringLiteral("Part number must be an integer between 1 and 10000, inclusive"));
        std::optional<PayloadResult> body = receive();
        if (!body)
            return;
        auto stored = m_host.multipart->addPart(queryValue(m_query, "uploadId"), m_target.bucket, m_target.key, number,
                                                *body->body, body->size, body->md5Hex);
        if (auto *e = std::get_if<S3Error>(&stored))
            return fail(*e);
        m_host.answer(etagResponse(std::get<QByteArray>(stored)));
    }

    void completeMultipart()
    {
        XmlLimits limits;
        limits.maxBytes = 4 << 20;
        limits.maxElements = 3 * MultipartStore::kMaxParts + 2;
        const std::optional<XmlNode> doc = parseXml(m_req.body, limits);
        if (!doc || doc->name != "CompleteMultipartUpload")
            return fail("MalformedXML");
        QList<QPair<int, QByteArray>> parts;
        for (const XmlNode *part : doc->childrenNamed("Part")) {
            const XmlNode *number = part->child("PartNumber");
            const XmlNode *etag = part->child("ETag");
            bool ok = false;
            const int n = number ? number->text.toInt(&ok) : 0;
            if (!ok || !etag)
                return fail("MalformedXML");
            parts.append({n, etag->text.toUtf8()});
        }
        const QByteArray uploadId = queryValue(m_query, "uploadId");
        auto assembled = m_host.multipart->assemble(uploadId, m_target.bucket, m_target.key, parts, objectLimit());
        if (auto *e = std::get_if<S3Error>(&assembled))
            return fail(*e);
        MultipartStore::Assembled &object = std::get<MultipartStore::Assembled>(assembled);
        object.meta.headers.append({"etag", object.etag});
        auto storage = m_host.storage(m_target.bucket);
        if (!storage)
            return fail(fromStorage(storage.error()));
        Expected<void> stored = (*storage)->putStream(m_target.key, *object.body, object.size, object.meta);
        if (!stored) {
            qCWarning(lcS3) << "CompleteMultipartUpload" << m_target.resource << "failed:" << stored.error().toString();
            return fail(fromStorage(stored.error()));
        }
        object.body.reset();
        m_host.multipart->remove(uploadId, m_target.bucket, m_target.key);
        m_host.invalidate(m_target.bucket, m_target.key);
        XmlWriter xml;
        xml.openRoot("CompleteMultipartUploadResult");
        xml.element("Location", QStringLiteral("/") + m_target.bucket + m_target.key);
        xml.element("Bucket", m_target.bucket);
        xml.element("Key", m_target.key.mid(1));
        xml.element("ETag", QString::fromLatin1(object.etag));
        xml.close("CompleteMultipartUploadResult");
        m_host.answer(xmlResponse(200, xml.finish(), m_req.id));
    }

    void abortMultipart()
    {
        if (!m_host.multipart->remove(queryValue(m_query, "uploadId"), m_target.bucket, m_target.key))
            return fail("NoSuchUpload");
        HttpResponse done(204);
        done.setHeader("x-amz-request-id", requestId(m_req.id));
        m_host.answer(std::move(done));
    }

    void deleteObject()
    {
        auto storage = m_host.storage(m_target.bucket);
        if (!storage)
            return fail(fromStorage(storage.error()));
        auto removed = (*storage)->remove(m_target.key);
        if (!removed && !removed.error().isNotFound())
            return fail(fromStorage(removed.error()));
        m_host.invalidate(m_target.bucket, m_target.key);
        HttpResponse done(204);
        done.setHeader("x-amz-request-id", requestId(m_req.id));
        m_host.answer(std::move(done));
    }

    void deleteObjects()
    {
        const QByteArray md5 = headerValue(m_req.headers, "Content-MD5").trimmed();
        if (!md5.isEmpty() && QCryptographicHash::hash(m_req.body, QCryptographicHash::Md5).toBase64() != md5)
            return fail("BadDigest");
        const std::optional<XmlNode> doc = parseXml(m_req.body);
        if (!doc || doc->name != "Delete")
            return fail("MalformedXML");
        const QList<const XmlNode *> objects = doc->childrenNamed("Object");
        if (objects.isEmpty() || objects.size() > 1000)
            return fail("MalformedXML");
        const XmlNode *quietNode = doc->child("Quiet");
        const bool quiet = quietNode && quietNode->text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
        auto storage = m_host.storage(m_target.bucket);
        if (!storage)
            return fail(fromStorage(storage.error()));
        XmlWriter xml;
        xml.openRoot("DeleteResult");
        for (const XmlNode *object : objects) {
            const XmlNode *keyNode = object->child("Key");
            if (!keyNode || keyNode->text.isEmpty())
                return fail("MalformedXML");
            const QString key = keyNode->text;
            auto removed = (*storage)->remove(QLatin1Char('/') + key);
            if (!removed && !removed.error().isNotFound()) {
                const S3Error e = fromStorage(removed.error());
                xml.open("Error");
                xml.element("Key", key);
                xml.element("Code", QString::fromLatin1(e.code));
                xml.element("Message", e.message);
                xml.close("Error");
                continue;
            }
            m_host.invalidate(m_target.bucket, QLatin1Char('/') + key);
            if (quiet)
                continue;
            xml.open("Deleted");
            xml.element("Key", key);
            xml.close("Deleted");
        }
        xml.close("DeleteResult");
        m_host.answer(xmlResponse(200, xml.finish(), m_req.id));
    }

    HttpExchangePtr m_exchange;
    const HttpRequest &m_req;
    ConfigPtr m_config;
    Host m_host;
    Target m_target;
    aws::QueryParams m_query;
    std::optional<AuthResult> m_auth;
};

SignedRequest signedRequest(const QByteArray &method, const QString &path, const QByteArray &rawQuery,
                            const HttpHeaders &headers)
{
    return SignedRequest{method, path, rawQuery, headers};
}

} // namespace

ListPage listPage(const QStringList &sortedKeys, const ListQuery &query)
{
    ListPage page;
    QString lastPrefix;
    int emitted = 0;
    for (const QString &key : sortedKeys) {
        if (!key.startsWith(query.prefix))
            continue;
        QString entry = key;
        bool isPrefix = false;
        if (!query.delimiter.isEmpty()) {
            const qsizetype at = key.indexOf(query.delimiter, query.prefix.size());
            if (at >= 0) {
                entry = key.left(at + query.delimiter.size());
                isPrefix = true;
            }
        }
        if (isPrefix && entry == lastPrefix)
            continue;
        if (!query.marker.isEmpty() && entry <= query.marker)
            continue;
        if (emitted == query.maxKeys) {
            page.truncated = true;
            break;
        }
        ++emitted;
        page.next = entry;
        if (isPrefix) {
            lastPrefix = entry;
            page.commonPrefixes.append(entry);
        } else {
            page.keys.append(entry);
        }
    }
    if (!page.truncated)
        page.next.clear();
    return page;
}

Route route(const HttpExchangePtr &exchange, const ConfigPtr &config, const Host &host)
{
    const HttpRequest &req = exchange->request();
    const Target target = targetOf(req.path);
    const SignedRequest signedReq = signedRequest(req.method, req.path, req.rawQuery, req.headers);
    const bool read = req.method == "GET" || req.method == "HEAD" || req.method == "OPTIONS";
    // Only "/" itself is the service (Mort: `path == "/"`); "//evil.example/x"
    // is a path with an empty bucket name, which anonymous reads leave to the
    // URL parser (400), as Mort does -- never a service request to sign.
    const bool service = target.service;
    Request request(exchange, config, host);
    // Spec §2: reads of objects and buckets are public unless they carry credentials.
    if (read && !service && !hasCredentials(signedReq)) {
        // An unknown bucket stays the URL parser's 400 for anonymous reads, as in
        // Mort (GET /favicon.ico); signed clients get NoSuchBucket.
        if (target.key.isEmpty() && req.method != "OPTIONS" && config->bucket(target.bucket))
            return request.dispatch(std::nullopt);
        return Route::Pipeline;
    }
    const AuthOutcome auth = authenticate(signedReq, *config, QDateTime::currentDateTimeUtc());
    if (!auth.ok) {
        request.fail(auth.error);
        return Route::Handled;
    }
    return request.dispatch(auth.ok);
}

BodyAdmission admitBody(const RequestHead &head, const Config &config)
{
    BodyAdmission admission;
    if (head.method != "PUT")
        return admission;
    const QString path = QString::fromUtf8(QByteArray::fromPercentEncoding(head.path));
    const Target target = targetOf(path);
    if (target.key.isEmpty() || (head.contentLength == 0 && !head.chunked))
        return admission; // no body to judge (or CreateBucket's small XML one): route() answers it
    auto refuse = [&](const S3Error &error) {
        admission.refuse = errorResponse(error, target.resource, QRandomGenerator::global()->generate64());
        return admission;
    };
    const AuthOutcome auth = authenticate(signedRequest(head.method, path, head.rawQuery, head.headers), config,
                                          QDateTime::currentDateTimeUtc());
    if (!auth.ok)
        return refuse(auth.error);
    const BucketConfig *bucket = config.bucket(target.bucket);
    if (!bucket)
        return refuse(S3Error::make(target.bucket.isEmpty() ? "InvalidBucketName" : "NoSuchBucket"));
    // The transport's limit (server.limits.maxBodyBytes) bounds every body; a bucket can only lower it.
    const qint64 limit = std::min({bucket->effectiveLimits(config.server.limits).maxBodyBytes,
                                   config.server.limits.maxBodyBytes, kMaxObjectBytes});
    qint64 announced = head.contentLength;
    const QByteArray decoded = headerValue(head.headers, "x-amz-decoded-content-length");
    if (!decoded.isEmpty())
        announced = decoded.toLongLong();
    if (announced > limit)
        return refuse(S3Error::make("EntityTooLarge",
                                    QStringLiteral("Your proposed upload exceeds the maximum allowed "
                                                   "size of %1 bytes")
                                        .arg(limit)));
    admission.spool = true;
    // aws-chunked framing adds ~90 bytes per chunk (64 KiB and more each).
    admission.maxBodyBytes = limit + limit / 256 + 64 * 1024;
    return admission;
}

} // namespace mort::s3
