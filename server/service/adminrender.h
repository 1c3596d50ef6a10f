#pragma once
// The admin API's preview renders (POST /api/v1/render): the server's own
// pipeline (PreviewRenderer: the same preset and query builders, limits and
// ImageProcessor a GET runs) on an uploaded image or a stored one, so an
// attached studio previews exactly what this server serves. One renderer per
// config snapshot, rebuilt when a hot reload replaces it.
#include "core/cancellation.h"
#include "service/adminbackend.h"
#include "service/previewtypes.h"

#include <QMutex>

#include <memory>

namespace mort {

class PreviewRenderer;

class AdminRender
{
public:
    explicit AdminRender(AdminBackend *backend);
    ~AdminRender();

    // Largest uploaded image: the bucket's limits.maxParentBytes (the server's
    // when the bucket is unknown), as for a source fetched for a transform.
    qint64 maxUploadBytes(const QString &bucket) const;

    // Worker thread: blocks for the whole render. The request's source, else
    // its storedKey read through the backend. Errors carry the status and code
    // a GET of the same image would answer (400 preset.unknown, 415, 422 ...).
    Expected<RenderedPreview> render(const PreviewRequest &request, const CancelToken &cancel) const;

    // Worker thread: `source` as a PNG for display (imaging/displayimage.h)
    // within the server's limits.
    Expected<QByteArray> display(const QByteArray &source, bool autoRotate, int maxSide) const;

private:
    std::shared_ptr<const PreviewRenderer> renderer() const;

    AdminBackend *m_backend;
    mutable QMutex m_mutex; // guards m_renderer
    mutable std::shared_ptr<const PreviewRenderer> m_renderer;
};

} // namespace mort
