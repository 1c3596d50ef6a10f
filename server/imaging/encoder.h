#pragma once
// Step "encode" (spec §5.2 step 9): one saver per output type, with Mort's
// per-pass defaults (quality 75, PNG compression 6).
#include "core/cancellation.h"
#include "core/expected.h"
#include "imaging/imageprocessor.h"
#include "imaging/passplanner.h"

#include <vips/vips.h>

namespace mort {

enum class OutputType { Jpeg, Png, Webp, Gif, Tiff, Heif, Avif };

// options.format when set, else the type of the bytes entering the pass.
// 400 image.unsupported_output for svg, pdf and bmp.
Expected<OutputType> outputTypeFor(const PassOptions &options, const ImageInfo &input);

QByteArray outputContentType(OutputType type);
bool outputSupportsAlpha(OutputType type);

// Saves `image` (sRGB or B_W, 8 bit) while watching `cancel`.
Expected<ProcessedImage> encodeImage(VipsImage *image, OutputType type, const PassOptions &options,
                                     const CancelToken &cancel);

} // namespace mort
