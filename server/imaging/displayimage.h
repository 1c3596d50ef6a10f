#pragma once
// Any image the server reads -> a PNG anyone can show (sRGB, 8 bit, RGBA),
// for the studio's "before" view and for results in formats a viewer may not
// decode (AVIF, HEIF, TIFF). Display only: bytes the server serves are never
// re-encoded. Blocking libvips work: call from a worker thread.
#include "config/config.h"
#include "core/expected.h"

#include <QByteArray>

namespace mort {

// `autoRotate`: apply the EXIF orientation (the server does it before any
// transform, so the "before" view shows what the transforms start from).
// `maxSide` > 0 shrinks (on load where the format allows) so that neither side
// exceeds it; never enlarges. The image is probed against `limits` first
// (pixels, frames): 415/422 as the server answers them.
Expected<QByteArray> displayPng(const QByteArray &bytes, bool autoRotate, int maxSide, const LimitsConfig &limits);

} // namespace mort
