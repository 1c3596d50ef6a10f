#pragma once
// Content sniffing and header probing (DESIGN §5): which loader, how big,
// how many frames, without decoding a single pixel.
#include "config/config.h"
#include "core/expected.h"
#include "imaging/imageprocessor.h"

#include <QByteArray>

#include <vips/vips.h>

namespace mort {

// The fail_on level used for every decode: a truncated JPEG or a PNG with a
// bad CRC is refused instead of being served half grey (testdata README).
// Warning level also rejects some sloppy-but-viewable files; serving a visibly
// broken image from the cache forever is the worse failure.
inline constexpr VipsFailOn kStrictFailOn = VIPS_FAIL_ON_WARNING;
inline constexpr const char *kStrictFailOnOption = "fail_on=warning"; // same, as a loader option string

// Loader allow-list by content (never by name or extension). Returns the
// loader's buffer nickname ("jpegload_buffer") or an empty array.
QByteArray sniffLoader(const QByteArray &source);

// Reads the header of `source` and checks it against `limits`:
// 415 image.unsupported_type, 422 image.corrupt, image.too_large,
// image.too_many_frames.
Expected<ImageInfo> probeImage(const QByteArray &source, const LimitsConfig &limits);

// Width and height after EXIF orientation (5..8 swap the axes).
inline bool orientationSwapsAxes(int orientation)
{
    return orientation >= 5 && orientation <= 8;
}
inline int uprightWidth(const ImageInfo &info)
{
    return orientationSwapsAxes(info.orientation) ? info.height : info.width;
}
inline int uprightHeight(const ImageInfo &info)
{
    return orientationSwapsAxes(info.orientation) ? info.width : info.height;
}

// Step 2 of a pass (spec §5.2): an explicit rotate (90/180/270) replaces the
// EXIF orientation. True when the pass turns the stored sides across.
inline bool isExplicitRotate(int rotate)
{
    return rotate == 90 || rotate == 180 || rotate == 270;
}
inline bool passSwapsAxes(const ImageInfo &info, int rotate)
{
    return isExplicitRotate(rotate) ? (rotate == 90 || rotate == 270) : orientationSwapsAxes(info.orientation);
}

} // namespace mort
