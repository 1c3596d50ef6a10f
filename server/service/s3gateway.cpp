#include "service/s3gateway.h"

#include "service/cloudinaryupload.h"

namespace mort {

S3Gateway::S3Gateway(const PipelineServices &services, QThreadPool &ioPool, PipelineResponder &responder)
    : m_services(services), m_ioPool(ioPool), m_responder(responder)
{
}

bool S3Gateway::route(const FlowPtr &flow)
{
    return s3::route(flow->exchange, flow->snap->config, host(flow)) == s3::Route::Handled;
}

BodyAdmission S3Gateway::admitBody(const RequestHead &head, const Config &config)
{
    HttpRequest probe; // what cloudinaryUploadBucket() looks at
    probe.method = head.method;
    probe.path = QString::fromUtf8(QByteArray::fromPercentEncoding(head.path));
    if (const BucketConfig *bucket = cloudinaryUploadBucket(config, probe)) {
        // The same path as S3 uploads: to disk as it arrives, not to memory.
        BodyAdmission spooled;
        spooled.spool = true;
        spooled.maxBodyBytes = bucket->effectiveLimits(config.server.limits).maxBodyBytes;
        return spooled;
    }
    return s3::admitBody(head, config);
}

s3::Host S3Gateway::host(const FlowPtr &flow)
{
    s3::Host host;
    host.runIo = [this, flow](std::function<void()> job) { m_responder.runGuarded(m_ioPool, flow, std::move(job)); };
    host.answer = [this, flow](HttpResponse response) {
        m_responder.answer(flow->exchange, std::move(response), flow->config());
    };
    host.storage = [snap = flow->snap](const QString &bucket) {
        return snap->storage(bucket, QStringLiteral("basic"), StorageObjectType::Parent);
    };
    host.invalidate = [this, snap = flow->snap](const QString &bucket, const QString &key) {
        invalidate(snap, bucket, key);
    };
    host.multipart = &m_multipart;
    return host;
}

void S3Gateway::invalidate(const SnapshotPtr &snap, const QString &bucket, const QString &key)
{
    ObjectRef original;
    original.bucket = bucket;
    original.key = key;
    const QString originalKey = responseCacheKey(original, {});
    if (m_services.sharedCache)
        m_services.sharedCache->remove(originalKey); // results in Redis expire by their TTL
    if (!m_services.cache)
        return;
    m_services.cache->remove(originalKey);
    // Results made from it: every cached transform whose root is this object.
    for (const CacheEntryInfo &entry : m_services.cache->entries(-1)) {
        if (!entry.key.startsWith(QLatin1String("transform:")) || entry.url.isEmpty())
            continue;
        const qsizetype question = entry.url.indexOf(QLatin1Char('?'));
        const QString path = question < 0 ? entry.url : entry.url.left(question);
        const QByteArray query = question < 0 ? QByteArray() : entry.url.mid(question + 1).toUtf8();
        Expected<ObjectRef> parsed = snap->parser->parse(path, query);
        if (parsed && parsed->root().bucket == bucket && parsed->root().key == key)
            m_services.cache->remove(entry.key);
    }
}

} // namespace mort
