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
#include <memory>

namespace mort {

class HeavyLane;

struct ImageInfo
{
    QByteArray loader;      // libvips loader nickname: "jpegload", ...
    QByteArray contentType; // "image/jpeg"
    int width = 0;          // as stored, before EXIF orientation
    int height = 0;         // height of one page, as stored
    int pages = 1;          // frames of an animated input (only the first is processed)
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
    // `heavyLane`: the engine-wide share of workers that heavy passes may take
    // (imaging/heavylane.h); null = no lane (tools, previews).
    explicit ImageProcessor(LimitsConfig limits, WatermarkSource watermarks = {},
                            std::shared_ptr<HeavyLane> heavyLane = {});

    // Header only; rejects unsupported types (415) and inputs over the limits (422).
    Expected<ImageInfo> probe(const QByteArray &source) const;

    // Runs the passes of a merged chain (object/ mergeChain) one after another.
    // Errors: 400 for Mort's processing failures (bad extract area, ...),
    // 415 unsupported type, 422 over a limit, 504 deadline / 499 cancelled.
    // Codes: image.unsupported_type (415); image.too_large,
    // image.too_many_frames, image.output_too_large, image.corrupt (422, the
    // last for recognised but undecodable data under strict decoding);
    // image.bad_extract, image.unsupported_output, image.watermark_unavailable,
    // image.bad_blur (400); request.cancelled (499); image.deadline (504).
    // Animated inputs are processed as their first frame (a still output).
    // An empty list returns the source unchanged.
    Expected<ProcessedImage> process(const QByteArray &source, const QList<Transforms> &passes,
                                     const CancelToken &cancel) const;

    const LimitsConfig &limits() const { return m_limits; }

private:
    LimitsConfig m_limits;
    WatermarkSource m_watermarks;
    std::shared_ptr<HeavyLane> m_heavyLane;
};

} // namespace mort
