#pragma once
// The size arithmetic of one pass (spec §5.2 steps 2-6), computed from the
// header alone so that limits and extract bounds are checked before any pixel
// is decoded.
#include "config/config.h"
#include "core/expected.h"
#include "imaging/imageprocessor.h"
#include "imaging/passplanner.h"

namespace mort {

struct PassGeometry
{
    enum class Placement { None, SmartCrop, GravityCrop, Embed, Extract };

    bool explicitRotate = false; // rotate 90/180/270 given: EXIF ignored
    int uprightWidth = 0;        // step 2 result (inW, inH)
    int uprightHeight = 0;
    bool force = false;  // step 3
    int targetWidth = 0; // step 4/5 (w, h)
    int targetHeight = 0;
    bool transform = false; // step 6 runs
    int scaledWidth = 0;    // after step 6a
    int scaledHeight = 0;
    Placement placement = Placement::None;
    int areaLeft = 0; // step 6b rectangle: crop/extract area, or embed offset
    int areaTop = 0;
    int outWidth = 0; // after step 6
    int outHeight = 0;
};

// 400 image.bad_extract for an area outside the image, 422
// image.output_too_large when any intermediate or output side exceeds
// limits.maxOutputDimension.
Expected<PassGeometry> planGeometry(const ImageInfo &in, const PassOptions &o, const LimitsConfig &limits);

} // namespace mort
