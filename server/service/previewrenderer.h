#pragma once
// Renders one image the way the server would serve it, for the studio's preset
// preview: the same Transforms builders (presetToTransforms via the config's
// PresetTransforms memo, queryToTransforms for query strings), the same
// mergeChain() and the same ImageProcessor, with the bucket's effective limits.
// There is no second implementation of any transform here: only the request
// plumbing (storage, HTTP, caching) is left out, because the source bytes are
// given directly.
//
// Thread-safe: immutable after construction; render*() may be called from
// several worker threads at once (never from the GUI thread: they block for
// the whole libvips run).
#include "config/config.h"
#include "core/cancellation.h"
#include "core/error.h"
#include "imaging/imageprocessor.h"
#include "object/presettransforms.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>

namespace mort {

class StorageClientCache;

struct PreviewResult
{
    bool ok = false;
    ProcessedImage image; // valid when ok
    Error error;          // valid when !ok (same codes/statuses as the server's response)
    double renderMs = 0;  // wall time of building the passes + ImageProcessor::process
    qint64 sourceBytes = 0;
};

class PreviewRenderer
{
public:
    // `config` supplies presets and per-bucket limits. Watermark images are
    // resolved as the server does it: a key of the bucket's own `basic`
    // storage, URLs refused (peer-differences S6). Calls initImaging().
    explicit PreviewRenderer(ConfigPtr config);
    ~PreviewRenderer();
    PreviewRenderer(const PreviewRenderer &) = delete;
    PreviewRenderer &operator=(const PreviewRenderer &) = delete;

    const Config &config() const { return *m_config; }
    ConfigPtr configPtr() const { return m_config; }

    // The passes the server runs for `/bucket/<preset>/<original>`: the
    // memoised preset transforms, merged with mergeChain(). 400 preset.unknown
    // when the bucket has no such preset, the preset's own error otherwise.
    Expected<QList<Transforms>> presetPasses(const QString &bucket, const QString &preset) const;
    // The passes for `/bucket/<original>?<rawQuery>` on a query or
    // presets-query bucket (rawQuery undecoded, without '?'). An empty list
    // means the server would serve the original unchanged.
    static Expected<QList<Transforms>> queryPasses(const QByteArray &rawQuery);

    // (a) source bytes + preset name of `bucket`.
    PreviewResult renderPreset(const QByteArray &source, const QString &bucket, const QString &preset,
                               const CancelToken &cancel = CancelToken()) const;
    // (b) source bytes + query string. `bucket` selects limits and the
    // watermark storage; empty = the server's limits and no watermarks.
    PreviewResult renderQuery(const QByteArray &source, const QString &bucket, const QByteArray &rawQuery,
                              const CancelToken &cancel = CancelToken()) const;

private:
    PreviewResult run(const QByteArray &source, const QString &bucket, Expected<QList<Transforms>> passes,
                      const CancelToken &cancel) const;
    const ImageProcessor &processor(const QString &bucket) const;

    ConfigPtr m_config;
    PresetTransforms m_presets;
    std::unique_ptr<StorageClientCache> m_storages;
    QHash<QString, std::shared_ptr<const ImageProcessor>> m_processors; // bucket -> processor
    std::shared_ptr<const ImageProcessor> m_serverProcessor;            // no bucket: server limits
};

} // namespace mort
