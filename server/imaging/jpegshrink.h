#pragma once
// How far a JPEG is shrunk while it is decoded (libjpeg's DCT scaling: 1/2,
// 1/4, 1/8), before the resample to the exact size.
//
// libvips 8.14's thumbnail stops one factor of two early, so the resample
// (its scalar reduceh/reducev, 35 % of the cold CPU in the profile) runs on
// four times the pixels; bimg, and so Mort, and sharp by default (IPX) decode
// straight at the largest scale that is still at least the target size. We do
// as they do: outputs like Mort's, cold CPU like IPX's. The cost is a little
// sharpness on fine detail (mean difference from a full decode about 1/255,
// against 0.4/255). MORT_JPEG_SHRINK=libvips keeps libvips' choice.
namespace mort {

enum class JpegShrinkMode { Full, Libvips };

// From MORT_JPEG_SHRINK, read once ("libvips" or Full).
JpegShrinkMode jpegShrinkMode();

// The DCT scale to decode at (8, 4, 2 or 1) for a source of `sourceWidth` x
// `sourceHeight` pixels (as stored) resized to `targetWidth` x `targetHeight`
// (same orientation): the largest whose decoded size is still at least the
// target on both axes.
int jpegShrinkOnLoad(int sourceWidth, int sourceHeight, int targetWidth, int targetHeight);

} // namespace mort
