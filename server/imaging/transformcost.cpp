#include "imaging/transformcost.h"

#include <cmath>

namespace mort {

namespace {
constexpr double kDefaultMinAmpl = 0.2;
}

double effectiveMinAmpl(double minAmpl)
{
    return minAmpl >= 0.001 && minAmpl <= 1.0 ? minAmpl : kDefaultMinAmpl;
}

int gaussianMaskWidth(double sigma, double minAmpl)
{
    if (!(sigma > 0))
        return 1;
    // exp(-x^2 / (2 sigma^2)) >= minAmpl  <=>  x <= sigma * sqrt(-2 ln minAmpl)
    const double radius = std::ceil(sigma * std::sqrt(-2.0 * std::log(effectiveMinAmpl(minAmpl))));
    return int(std::min(2.0 * radius + 1.0, 1e6));
}

qint64 passCost(const ImageInfo &in, const PassGeometry &geometry, const PassOptions &options)
{
    const qint64 source = qint64(in.width) * in.height;
    const qint64 out = qint64(geometry.outWidth) * geometry.outHeight;
    qint64 cost = source + out; // decode (shrink-on-load only lowers it) and encode
    if (geometry.transform)
        cost += out;
    if (options.sigma > 0 || options.minAmpl > 0)
        cost += out * 2 * gaussianMaskWidth(options.sigma, options.minAmpl);
    if (options.rotate != 0)
        cost += out;
    if (options.watermark)
        cost += out;
    return cost;
}

} // namespace mort
