#pragma once
// The S3-compatible API (spec s3-api.md, issue #19), on the same listeners
// and paths as image serving: which requests are S3's and need a signature
// (spec §2), ListBuckets, ListObjects v1/v2, HeadBucket, GetBucketLocation,
// CreateBucket of a configured bucket, PutObject (streamed from the spooled
// body to the storage, checked first: Content-MD5, SHA-256, checksums,
// aws-chunked), multipart uploads (s3/s3multipart.h), DeleteObject,
// DeleteObjects; the rest answers NotImplemented.
// GET/HEAD of objects stay with the image pipeline (after the signature was
// checked when one is sent). Knows nothing of the pipeline: the router hands
// it a Host with what it may use.
#include "config/config.h"
#include "core/expected.h"
#include "http/httpexchange.h"
#include "http/requestparser.h"
#include "s3/s3auth.h"
#include "s3/s3multipart.h"
#include "storage/storage.h"

#include <functional>
#include <memory>

namespace mort::s3 {

struct Host
{
    // Runs a job on the I/O pool (exceptions become a 500 answer).
    std::function<void(std::function<void()>)> runIo;
    // The final answer of an S3 request (access log, header rules are not applied).
    std::function<void(HttpResponse)> answer;
    // The bucket's `basic` storage.
    std::function<Expected<std::shared_ptr<Storage>>(const QString &bucket)> storage;
    // After a write: what the response cache holds for the object and its results goes.
    std::function<void(const QString &bucket, const QString &key)> invalidate;
    // Multipart uploads in progress (outlives every request).
    MultipartStore *multipart = nullptr;
};

enum class Route {
    Pipeline, // not (or no longer) the S3 API's: the image pipeline serves it
    Handled,  // answered, now or from the I/O pool
};

// HTTP thread: signatures are checked here (headers only, microseconds);
// storage work goes to host.runIo.
Route route(const HttpExchangePtr &exchange, const ConfigPtr &config, const Host &host);

// HTTP thread, before 100 Continue: PutObject bodies are spooled to disk and
// bounded by the bucket's limits.maxBodyBytes; a bad signature, an unknown
// bucket or an announced size over the limit is answered before a byte of
// the body is read.
BodyAdmission admitBody(const RequestHead &head, const Config &config);

// One page of a listing, computed from the storage's keys (exposed for tests).
struct ListQuery
{
    QString prefix, delimiter, marker; // marker: v1 marker, v2 start-after or continuation token
    int maxKeys = 1000;
};
struct ListPage
{
    struct Object
    {
        QString key;
    };
    QStringList keys;
    QStringList commonPrefixes;
    bool truncated = false;
    QString next; // the last key or prefix returned when truncated
};
// `sortedKeys`: object keys without the leading '/', sorted.
ListPage listPage(const QStringList &sortedKeys, const ListQuery &query);

} // namespace mort::s3
