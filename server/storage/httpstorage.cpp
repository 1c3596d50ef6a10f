#include "storage/httpstorage.h"

#include "storage/originaddress.h"
#include "core/httpdate.h"
#include "storage/storageerrors.h"

#include <QRegularExpression>

namespace mort {

namespace {

// Key pieces that could change the URL's authority or climb out of the
// template's path: userinfo, a second "//", backslashes (some parsers take
// them for '/'), dot segments, and the percent-encoded forms of each.
bool keyLeavesOrigin(const QString &key)
{
    static const QRegularExpression forbidden(QStringLiteral(R"(@|\\|//|(^|/)\.\.?(/|$)|%(2e|2f|5c|40|3f|23|25|00))"),
                                              QRegularExpression::CaseInsensitiveOption);
    for (const QChar c : key)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    return forbidden.match(key).hasMatch();
}

QByteArray dequote(QByteArray etag)
{
    if (etag.startsWith("W/"))
        etag = etag.mid(2);
    if (etag.size() >= 2 && etag.startsWith('"') && etag.endsWith('"'))
        etag = etag.mid(1, etag.size() - 2);
    return etag;
}

} // namespace

HttpStorage::HttpStorage(const StorageConfig &config, const QString &container, HttpStorageLimits limits)
    : m_config(config), m_container(container), m_limits(limits)
{
    QString neutral = config.url;
    neutral.replace(QLatin1String("<container>"), container).replace(QLatin1String("<item>"), QLatin1String("/item"));
    m_origin = QUrl(neutral);
}

Expected<QUrl> HttpStorage::urlFor(const QString &key) const
{
    if (keyLeavesOrigin(key))
        return storageerrors::invalidKey(key);
    const QString item = key.startsWith(QLatin1Char('/')) ? key : QLatin1Char('/') + key;
    QString text = m_config.url;
    text.replace(QLatin1String("<container>"), m_container)
        .replace(QLatin1String("<item>"), QString::fromLatin1(QUrl::toPercentEncoding(item, "/")));
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || !sameOrigin(url, m_origin))
        return storageerrors::invalidKey(key);
    return url;
}

Expected<HttpTransferResult> HttpStorage::exchange(const QByteArray &method, const QString &key, SpoolWriter *spool,
                                                   const EarlyBodyReader &early)
{
    QIODevice *sink = spool;
    auto url = urlFor(key);
    if (!url)
        return url.takeError();
    HttpTransferRequest request;
    request.method = method;
    request.url = *url;
    request.sink = sink;
    if (spool && early)
        request.onHead = [&](const HttpTransferResult &head) {
            if (head.ok())
                spool->arm(metadataOf(head), early);
        };
    for (const auto &[name, value] : m_config.headers)
        request.headers.append({name.toUtf8(), value.toUtf8()});

    for (int redirects = 0;; ++redirects) {
        if (sink) {
            sink->seek(0);
            if (auto *file = qobject_cast<QFileDevice *>(sink))
                file->resize(0);
        }
        HttpTransferResult result = runHttpTransfer(request, m_limits.transfer);
        const bool isRedirect = result.status == 301 || result.status == 302 || result.status == 303
            || result.status == 307 || result.status == 308;
        if (!isRedirect)
            return result;
        const QString upstream = request.url.toString(QUrl::RemoveUserInfo);
        if (redirects >= m_limits.maxRedirects)
            return storageerrors::ioError(QStringLiteral("http get"), upstream,
                                          QStringLiteral("more than %1 redirects").arg(m_limits.maxRedirects));
        const QUrl target = request.url.resolved(QUrl(QString::fromUtf8(result.header("Location"))));
        if (!redirectAllowed(m_origin, target))
            return storageerrors::ioError(QStringLiteral("http get"), upstream,
                                          QStringLiteral("redirect to %1 refused (not a public http(s) address)")
                                              .arg(target.toString(QUrl::RemoveUserInfo)));
        request.url = target;
    }
}

ObjectMetadata HttpStorage::metadataOf(const HttpTransferResult &result) const
{
    ObjectMetadata meta;
    meta.contentType = result.header("Content-Type");
    bool known = false;
    const qint64 length = result.header("Content-Length").toLongLong(&known);
    meta.size = known ? length : result.bodyBytes;
    meta.etag = dequote(result.header("ETag")); // Mort serves upstream ETags unquoted (http-behaviour §3.2)
    meta.lastModified = parseHttpDate(result.header("Last-Modified"));
    if (!meta.lastModified.isValid())
        meta.lastModified = QDateTime::currentDateTimeUtc();
    // Only these pass through (peer-differences S10: Mort copied every X-*).
    for (const auto &[name, value] : result.headers) {
        const QByteArray lower = name.toLower();
        if (lower == "cache-control" || lower.startsWith("x-amz-meta-"))
            meta.headers.append({lower, value});
    }
    return meta;
}

static Error upstreamFailure(const QString &key, const HttpTransferResult &result)
{
    if (result.status == 404)
        return Error::notFound(QStringLiteral("http origin: %1 not found").arg(key));
    return storageerrors::ioError(QStringLiteral("http get"), key,
                                  result.status ? QStringLiteral("HTTP %1").arg(result.status) : result.error);
}

Expected<ObjectMetadata> HttpStorage::head(const QString &key)
{
    auto result = exchange("HEAD", key, nullptr);
    if (!result)
        return result.takeError();
    if (!result->ok())
        return upstreamFailure(key, *result);
    return metadataOf(*result);
}

Expected<StoredObject> HttpStorage::get(const QString &key)
{
    auto result = exchange("GET", key, nullptr);
    if (!result)
        return result.takeError();
    if (!result->ok())
        return upstreamFailure(key, *result);
    StoredObject object;
    object.meta = metadataOf(*result);
    object.meta.size = result->bodyBytes;
    object.body = std::move(result->body);
    return object;
}

Expected<std::unique_ptr<QIODevice>> HttpStorage::openRead(const QString &key, ObjectMetadata *meta,
                                                           const EarlyBodyReader &early)
{
    auto file = std::make_unique<SpoolWriter>();
    if (!file->openSpool())
        return storageerrors::ioError(QStringLiteral("http get"), key,
                                      QStringLiteral("cannot create a temporary file: ") + file->errorString());
    auto result = exchange("GET", key, file.get(), early);
    if (!result)
        return result.takeError(); // the spool fails its readers as it goes
    if (!result->ok())
        return upstreamFailure(key, *result);
    file->finish();
    if (!file->seek(0))
        return storageerrors::ioError(QStringLiteral("http get"), key, file->errorString());
    if (meta) {
        *meta = metadataOf(*result);
        meta->size = result->bodyBytes;
    }
    return std::unique_ptr<QIODevice>(std::move(file));
}

// Read-only, as Mort: writes and deletes are 500.
Expected<void> HttpStorage::put(const QString &key, const QByteArray &, const ObjectMetadata &)
{
    return storageerrors::ioError(QStringLiteral("http put"), key, QStringLiteral("the http storage is read-only"));
}

Expected<void> HttpStorage::remove(const QString &key)
{
    return storageerrors::ioError(QStringLiteral("http delete"), key, QStringLiteral("the http storage is read-only"));
}

} // namespace mort
