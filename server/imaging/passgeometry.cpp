#include "imaging/passgeometry.h"

#include "imaging/imageprobe.h"

#include <algorithm>
#include <cmath>

namespace mort {

namespace {

// libvips' maximum for an extract area side that Mort checks (spec §5.2 6b).
constexpr int kMaxExtractSide = 16383;

int roundPositive(double v)
{
    return std::max(1, int(std::lround(v)));
}

Error badExtract(const QString &detail)
{
    return Error::client("image.bad_extract", 400, QStringLiteral("extract area is outside the image"), detail);
}

} // namespace

Expected<PassGeometry> planGeometry(const ImageInfo &in, const PassOptions &o, const LimitsConfig &limits)
{
    PassGeometry g;
    // Step 2: orientation. An explicit rotate replaces EXIF orientation.
    g.explicitRotate = isExplicitRotate(o.rotate);
    const bool swap = passSwapsAxes(in, o.rotate);
    const int inW = swap ? in.height : in.width;
    const int inH = swap ? in.width : in.height;
    g.uprightWidth = inW;
    g.uprightHeight = inH;

    int w = std::max(0, o.width);
    int h = std::max(0, o.height);
    if (o.preserveAspectRatio && w > 0 && h > 0) {
        // Mort's integer-division fit: drop the less constraining side.
        const int rw = inW / w;
        const int rh = inH / h;
        if (rw < rh)
            w = 0;
        else
            h = 0;
    }

    // Step 3.
    g.force = !o.crop && !o.embed && !o.enlarge && !g.explicitRotate && (w > 0 || h > 0);

    // Step 4.
    double factor = 1.0;
    if (w > 0 && h > 0) {
        const double xf = double(inW) / w;
        const double yf = double(inH) / h;
        factor = o.crop ? std::min(xf, yf) : std::max(xf, yf);
    } else if (w > 0) {
        if (o.crop) {
            h = inH;
        } else {
            factor = double(inW) / w;
            h = roundPositive(inH / factor);
        }
    } else if (h > 0) {
        if (o.crop) {
            w = inW;
        } else {
            factor = double(inH) / h;
            w = roundPositive(inW / factor);
        }
    } else {
        w = inW;
        h = inH;
    }

    // Step 5: never enlarge unless asked (or forced).
    if (!o.enlarge && !g.force && inW < w && inH < h) {
        factor = 1.0;
        w = inW;
        h = inH;
    }
    g.targetWidth = w;
    g.targetHeight = h;

    // Step 6.
    g.transform = g.force || w != inW || h != inH || o.extract;
    int sw = inW;
    int sh = inH;
    if (g.transform) {
        if (g.force) {
            sw = w;
            sh = h;
        } else if (factor != 1.0) {
            sw = roundPositive(inW / factor);
            sh = roundPositive(inH / factor);
        }
    }
    g.scaledWidth = sw;
    g.scaledHeight = sh;
    g.outWidth = sw;
    g.outHeight = sh;

    const int maxSide = limits.maxOutputDimension;
    if (sw > maxSide || sh > maxSide) {
        return Error::client("image.output_too_large", 422, QStringLiteral("requested image is too large"),
                             QStringLiteral("%1x%2, limit %3 px per side").arg(sw).arg(sh).arg(maxSide));
    }

    if (g.transform) {
        const bool fits = sw <= w && sh <= h;
        if (o.crop && o.gravity == Gravity::Smart) {
            if (!fits) {
                g.placement = PassGeometry::Placement::SmartCrop;
                g.outWidth = std::min(sw, w);
                g.outHeight = std::min(sh, h);
            }
        } else if (o.crop) {
            if (!fits) {
                g.placement = PassGeometry::Placement::GravityCrop;
                const int cx = (sw - w + 1) / 2;
                const int cy = (sh - h + 1) / 2;
                int left = cx;
                int top = cy;
                switch (o.gravity) {
                case Gravity::North: top = 0; break;
                case Gravity::South: top = sh - h; break;
                case Gravity::East: left = sw - w; break;
                case Gravity::West: left = 0; break;
                default: break;
                }
                g.areaLeft = std::max(0, left);
                g.areaTop = std::max(0, top);
                g.outWidth = std::min(sw, w);
                g.outHeight = std::min(sh, h);
            }
        } else if (o.embed) {
            if (sw != w || sh != h) {
                if (w > maxSide || h > maxSide) {
                    return Error::client("image.output_too_large", 422, QStringLiteral("requested image is too large"),
                                         QStringLiteral("embed canvas %1x%2, limit %3").arg(w).arg(h).arg(maxSide));
                }
                g.placement = PassGeometry::Placement::Embed;
                g.areaLeft = (w - sw) / 2;
                g.areaTop = (h - sh) / 2;
                g.outWidth = w;
                g.outHeight = h;
            }
        } else if (o.extract) {
            const int left = std::max(0, o.left);
            const int top = std::max(0, o.top);
            const int aw = o.areaWidth > 0 ? o.areaWidth : w;
            const int ah = o.areaHeight > 0 ? o.areaHeight : h;
            if (aw > kMaxExtractSide || ah > kMaxExtractSide)
                return badExtract(QStringLiteral("area %1x%2 exceeds %3 px").arg(aw).arg(ah).arg(kMaxExtractSide));
            if (aw <= 0 || ah <= 0 || qint64(left) + aw > sw || qint64(top) + ah > sh) {
                return badExtract(QStringLiteral("area %1x%2+%3+%4 outside %5x%6")
                                      .arg(aw)
                                      .arg(ah)
                                      .arg(left)
                                      .arg(top)
                                      .arg(sw)
                                      .arg(sh));
            }
            g.placement = PassGeometry::Placement::Extract;
            g.areaLeft = left;
            g.areaTop = top;
            g.outWidth = aw;
            g.outHeight = ah;
        }
    }
    return g;
}

} // namespace mort
