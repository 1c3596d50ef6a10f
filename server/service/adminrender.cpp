#include "service/adminrender.h"

#include "imaging/displayimage.h"
#include "service/previewrenderer.h"

namespace mort {

AdminRender::AdminRender(AdminBackend *backend) : m_backend(backend) {}

AdminRender::~AdminRender() = default;

std::shared_ptr<const PreviewRenderer> AdminRender::renderer() const
{
    const ConfigPtr config = m_backend->config();
    QMutexLocker lock(&m_mutex);
    if (!m_renderer || m_renderer->configPtr() != config)
        m_renderer = std::make_shared<const PreviewRenderer>(config);
    return m_renderer;
}

qint64 AdminRender::maxUploadBytes(const QString &bucket) const
{
    const ConfigPtr config = m_backend->config();
    const BucketConfig *b = config->bucket(bucket);
    return b ? b->effectiveLimits(config->server.limits).maxParentBytes : config->server.limits.maxParentBytes;
}

Expected<RenderedPreview> AdminRender::render(const PreviewRequest &request, const CancelToken &cancel) const
{
    QByteArray source = request.source;
    if (source.isEmpty()) {
        if (request.storedKey.isEmpty()) {
            return Error::client("admin.bad_request", 400,
                                 QStringLiteral("send the image as the body (application/octet-stream) or name a "
                                                "stored one with ?key=<key>"));
        }
        Expected<QByteArray> stored = m_backend->readObject(request.bucket, request.storedKey);
        if (!stored)
            return stored.takeError();
        source = std::move(*stored);
    }
    const std::shared_ptr<const PreviewRenderer> r = renderer();
    PreviewResult result = request.preset.isEmpty() ? r->renderQuery(source, request.bucket, request.query, cancel)
                                                    : r->renderPreset(source, request.bucket, request.preset, cancel);
    if (!result.ok)
        return result.error;
    RenderedPreview out;
    out.body = std::move(result.image.body);
    out.contentType = result.image.contentType;
    out.width = result.image.width;
    out.height = result.image.height;
    out.renderMs = result.renderMs;
    out.sourceBytes = result.sourceBytes;
    return out;
}

Expected<QByteArray> AdminRender::display(const QByteArray &source, bool autoRotate, int maxSide) const
{
    return displayPng(source, autoRotate, maxSide, m_backend->config()->server.limits);
}

} // namespace mort
