#pragma once
// What one pass will cost, from the header alone (issue 23, finding 2): a few
// requests for huge Gaussian blurs must not hold every worker for the whole
// request deadline. Costs are in pixel operations, counted at the rate of
// libvips' slowest (non-vector) convolution path, so "1e9" is roughly a
// second or two of one core on the machines we measured (tests/bench/).
#include "imaging/imageprocessor.h"
#include "imaging/passgeometry.h"
#include "imaging/passplanner.h"

namespace mort {

// Taps of the 1-D Gaussian mask libvips builds for `sigma` (vips_gaussmat:
// the mask ends where it falls below `minAmpl` of its peak), at least 1.
int gaussianMaskWidth(double sigma, double minAmpl);

// Decode, resize, blur (two 1-D passes over the output), rotation, watermark
// and encode of one pass, in pixel operations.
qint64 passCost(const ImageInfo &in, const PassGeometry &geometry, const PassOptions &options);

// The min_ampl a blur runs with (0 or out of range -> libvips' default 0.2).
double effectiveMinAmpl(double minAmpl);

} // namespace mort
