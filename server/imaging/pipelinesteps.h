#pragma once
// The named steps of one pass (spec urls-and-transforms.md §5.2), run in a
// fixed order by runPass(). Each step reads and replaces PassContext::image;
// the deadline is checked between steps and inside every evaluation.
#include "config/config.h"
#include "core/cancellation.h"
#include "core/expected.h"
#include "imaging/encoder.h"
#include "imaging/heavylane.h"
#include "imaging/imageprocessor.h"
#include "imaging/passgeometry.h"
#include "imaging/passplanner.h"
#include "imaging/vipsref.h"

namespace mort {

struct PassContext
{
    const QByteArray &source; // must outlive `image`: libvips reads it lazily
    const ImageInfo &info;
    const PassOptions &options;
    const PassGeometry &geometry;
    const LimitsConfig &limits;
    const WatermarkSource &watermarks;
    const CancelToken &cancel;
    OutputType outputType = OutputType::Jpeg;

    QByteArray watermarkBytes; // declared before `image`: outlives it
    ImageRef image;
    bool scaledOnLoad = false;   // decode already produced the step 6a size
    bool orientedOnLoad = false; // decode already applied EXIF orientation
    ProcessedImage result;
};

using PassStep = Expected<void> (*)(PassContext &);

Expected<void> stepDecode(PassContext &ctx);
Expected<void> stepOrient(PassContext &ctx);
Expected<void> stepResize(PassContext &ctx);
Expected<void> stepPlace(PassContext &ctx); // smart crop / gravity crop / embed / extract
Expected<void> stepBlur(PassContext &ctx);
Expected<void> stepWatermark(PassContext &ctx);
Expected<void> stepColourspace(PassContext &ctx);
Expected<void> stepEncode(PassContext &ctx);

struct NamedStep
{
    const char *name;
    PassStep run;
};
inline constexpr NamedStep kPassSteps[] = {
    {"decode", stepDecode}, {"orient", stepOrient},       {"resize", stepResize},           {"place", stepPlace},
    {"blur", stepBlur},     {"watermark", stepWatermark}, {"colourspace", stepColourspace}, {"encode", stepEncode},
};

// Probes `source`, plans the geometry and runs kPassSteps.
Expected<ProcessedImage> runPass(const QByteArray &source, const PassOptions &options, const LimitsConfig &limits,
                                 const WatermarkSource &watermarks, const CancelToken &cancel,
                                 HeavyLane *heavyLane = nullptr);

} // namespace mort
