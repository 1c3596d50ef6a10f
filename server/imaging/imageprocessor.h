#pragma once
// The libvips pipeline (DESIGN §5): probe the header, enforce limits, then run
// Mort's passes (spec urls-and-transforms.md §5) as a fixed list of named steps.
// Thread-safe: one instance is shared by all workers; call process() on a
// worker thread, never the HTTP or GUI thread.
#include "config/config.h"
#include "core/cancellation.h"
#include "core/expected.h"
#include "object/transforms.h"

#include <QByteArray>
#include <QList>

#include <functional>

namespace mort {

struct ImageInfo
{
    QByteArray loader;      // libvips loader nickname: "jpegload", ...
    QByteArray contentType; // "image/jpeg"
    int width = 0;
    int height = 0;         // height of one page
    int pages = 1;
    int orientation = 1;    // EXIF orientation 1..8
    bool hasAlpha = false;
};

struct ProcessedImage
{
    QByteArray body;
    QByteArray contentType; // "image/jpeg", "image/webp", ...
    int width = 0;
    int height = 0;
};

// Fetches a watermark image by its `image` parameter. The service decides what
// is allowed (peer-differences S6); imaging never opens paths or URLs itself.
using WatermarkSource = std::function<Expected<QByteArray>(const QString &image)>;

// Must be called once per process before any other imaging call (VIPS_INIT,
// untrusted loaders blocked, operation cache off). Safe to call repeatedly.
Expected<void> initImaging(const char *argv0);
// Drops libvips caches (idle cleanup).
void dropImagingCaches();

class ImageProcessor
{
public:
    explicit ImageProcessor(LimitsConfig limits, WatermarkSource watermarks = {});

    // Header only; rejects unsupported types (415) and inputs over the limits (422).
    Expected<ImageInfo> probe(const QByteArray &source) const;

    // Runs the passes of a merged chain (object/ mergeChain) one after another.
    // Errors: 400 for Mort's processing failures (bad extract area, ...),
    // 415 unsupported type, 422 over a limit, 504 deadline / 499 cancelled.
    Expected<ProcessedImage> process(const QByteArray &source, const QList<Transforms> &passes,
                                     const CancelToken &cancel) const;

    const LimitsConfig &limits() const { return m_limits; }

private:
    LimitsConfig m_limits;
    WatermarkSource m_watermarks;
};

} // namespace mort
