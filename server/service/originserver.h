#pragma once
// Origin serving (spec http-behaviour.md §4): objects as stored (small ones
// read whole and cacheable, large ones streamed), a parent requested without
// transforms (served unchanged, images only) and directories. Bucket
// listings are the S3 API's (s3/s3api.h). Runs on the I/O pool.
#include "service/pipelineresponder.h"

namespace mort {

// A stored object as a 200 with its metadata as headers.
HttpResponse storedObjectResponse(const ObjectMetadata &meta, QByteArray body);

class OriginServer
{
public:
    OriginServer(const PipelineServices &services, PipelineResponder &responder);

    // An object without transforms: the stored object, or its parent unchanged.
    void serve(const FlowPtr &flow);

private:
    // `stop` bounds the wait for the origin (see serve()).
    void serveStored(const FlowPtr &flow, const CancelToken &stop);
    void serveParentUnchanged(const FlowPtr &flow, const CancelToken &stop);
    // maxFileSize exceeded: 307 to a presigned URL, or 503 when the storage cannot presign.
    void redirectToPresigned(const FlowPtr &flow, Storage &storage, qint64 size, qint64 maxFileSize);
    // Answers with `body` sent to the socket in bounded pieces as the client drains it.
    void streamStored(const FlowPtr &flow, const ObjectMetadata &meta, std::unique_ptr<QIODevice> body);

    MortMetrics &m_metrics;
    PipelineResponder &m_responder;
};

} // namespace mort
