#pragma once
// The S3 API's seat in the object pipeline: the router hands it each public
// request first (s3::route decides which are S3's and checks signatures), and
// the transport asks it where upload bodies go. What the S3 API may use of
// the pipeline -- the I/O pool, the answer step, the buckets' storages, the
// response cache to invalidate -- is given to it here as an s3::Host, so
// server/s3 knows nothing of the pipeline.
#include "s3/s3api.h"
#include "service/pipelineflow.h"
#include "service/pipelineresponder.h"

#include <QThreadPool>

namespace mort {

class S3Gateway
{
public:
    S3Gateway(const PipelineServices &services, QThreadPool &ioPool, PipelineResponder &responder);

    // True when the S3 API answers `flow` (now or from the I/O pool); false:
    // the image pipeline serves it (unsigned reads, signed GET/HEAD of objects).
    bool route(const FlowPtr &flow);
    // S3 PutObject bodies (s3::admitBody) and Cloudinary-style upload forms go
    // to a temporary file as they arrive; everything else stays as the transport has it.
    BodyAdmission admitBody(const RequestHead &head, const Config &config);

private:
    s3::Host host(const FlowPtr &flow);
    // After a write: the object's response-cache entries and, in-process, those
    // of every cached result made from it (Mort drops the object's only).
    void invalidate(const SnapshotPtr &snap, const QString &bucket, const QString &key);

    const PipelineServices &m_services;
    QThreadPool &m_ioPool;
    PipelineResponder &m_responder;
    s3::MultipartStore m_multipart; // S3 multipart uploads in progress
};

} // namespace mort
