#include "service/previewrenderer.h"

#include "object/queryparser.h"
#include "service/watermarksource.h"
#include "storage/storageclientcache.h"

#include <QElapsedTimer>

namespace mort {

PreviewRenderer::PreviewRenderer(ConfigPtr config)
    : m_config(std::move(config)), m_presets(*m_config), m_storages(std::make_unique<StorageClientCache>(16))
{
    (void)initImaging("mort-preview"); // idempotent; a failure surfaces from process()
    StorageClientCache *storages = m_storages.get();
    for (auto it = m_config->buckets.cbegin(); it != m_config->buckets.cend(); ++it) {
        const QString bucket = it.key();
        const BucketConfig *b = &*it; // owned by m_config, which outlives the processors
        m_processors.insert(bucket,
                            std::make_shared<const ImageProcessor>(it->effectiveLimits(m_config->server.limits),
                                                                   bucketWatermarkSource(b, bucket, storages)));
    }
    m_serverProcessor =
        std::make_shared<const ImageProcessor>(m_config->server.limits, [](const QString &) -> Expected<QByteArray> {
            return Error::badRequest("image.watermark_unavailable",
                                     QStringLiteral("watermarks need a bucket to read the image from"));
        });
}

PreviewRenderer::~PreviewRenderer() = default;

Expected<QList<Transforms>> PreviewRenderer::presetPasses(const QString &bucket, const QString &preset) const
{
    const Expected<Transforms> *t = m_presets.find(bucket, preset);
    if (!t)
        return Error::badRequest("preset.unknown", QStringLiteral("unknown preset \"%1\"").arg(preset));
    if (!t->ok())
        return t->error();
    // The parent of a preset object is the original (no transforms), so the
    // chain is this one element -- still merged exactly as ObjectHandler does.
    return mergeChain({t->value()});
}

Expected<QList<Transforms>> PreviewRenderer::queryPasses(const QByteArray &rawQuery)
{
    Expected<Transforms> t = queryToTransforms(QueryValues::parse(rawQuery));
    if (!t)
        return t.takeError();
    if (t->isEmpty())
        return QList<Transforms>{}; // §2.1.4: the original, unchanged
    return mergeChain({t.value()});
}

PreviewResult PreviewRenderer::renderPreset(const QByteArray &source, const QString &bucket, const QString &preset,
                                            const CancelToken &cancel) const
{
    return run(source, bucket, presetPasses(bucket, preset), cancel);
}

PreviewResult PreviewRenderer::renderQuery(const QByteArray &source, const QString &bucket, const QByteArray &rawQuery,
                                           const CancelToken &cancel) const
{
    return run(source, bucket, queryPasses(rawQuery), cancel);
}

const ImageProcessor &PreviewRenderer::processor(const QString &bucket) const
{
    auto it = m_processors.constFind(bucket);
    return it == m_processors.constEnd() ? *m_serverProcessor : **it;
}

PreviewResult PreviewRenderer::run(const QByteArray &source, const QString &bucket, Expected<QList<Transforms>> passes,
                                   const CancelToken &cancel) const
{
    PreviewResult result;
    result.sourceBytes = source.size();
    QElapsedTimer timer;
    timer.start();
    auto finish = [&](Expected<ProcessedImage> image) {
        result.renderMs = double(timer.nsecsElapsed()) / 1e6;
        if (image) {
            result.ok = true;
            result.image = std::move(image.value());
        } else {
            result.error = image.takeError();
        }
        return result;
    };
    if (!passes)
        return finish(passes.takeError());
    if (!bucket.isEmpty() && !m_config->bucket(bucket))
        return finish(Error::badRequest("object.unknown_bucket", QStringLiteral("unknown bucket \"%1\"").arg(bucket)));
    const ImageProcessor &p = processor(bucket);
    // The server refuses oversized parents before processing (ObjectHandler step 2).
    if (source.size() > p.limits().maxParentBytes)
        return finish(Error::client(
            "image.source_too_large", 422, QStringLiteral("the source image is larger than the server accepts"),
            QStringLiteral("%1 bytes > limits.maxParentBytes %2").arg(source.size()).arg(p.limits().maxParentBytes)));
    if (passes->isEmpty()) {
        // Served unchanged by the server; still probed so the preview can show its size.
        Expected<ImageInfo> info = p.probe(source);
        if (!info)
            return finish(info.takeError());
        ProcessedImage same;
        same.body = source;
        same.contentType = info->contentType;
        const bool swap = info->orientation >= 5; // stored size; EXIF 5..8 swap the axes on display
        same.width = swap ? info->height : info->width;
        same.height = swap ? info->width : info->height;
        return finish(std::move(same));
    }
    if (cancel.shouldStop())
        return finish(Error::client("request.cancelled", 499, QStringLiteral("cancelled")));
    return finish(p.process(source, passes.value(), cancel));
}

} // namespace mort
