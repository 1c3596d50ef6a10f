#include "imaging/passplanner.h"

#include <cmath>

namespace mort {

AutoCropArea autoCropArea(const Transforms::Params &p, int inWidth, int inHeight)
{
    const int iw = p.width != 0 ? p.width : inWidth;
    const int ih = p.height != 0 ? p.height : inHeight;
    const int acw = p.autoCropWidth;
    const int ach = p.autoCropHeight;
    // Integer division as Mort (floor of int/int, then float64).
    const double wf = acw > 0 ? double(iw / acw) : 0.0;
    const double hf = ach > 0 ? double(ih / ach) : 0.0;
    double cw = 0;
    double ch = 0;
    if (wf < hf) {
        cw = iw;
        ch = std::ceil(double(ach) * wf);
    } else {
        cw = std::ceil(double(acw) * hf);
        ch = ih;
    }
    AutoCropArea area;
    area.x = int(std::floor((double(iw) - cw) / 2.0));
    // Biased to the upper part of the picture, where faces usually are.
    area.y = int(std::floor((double(ih) - ch) / 5.0));
    area.width = int(cw);
    area.height = int(ch);
    return area;
}

QList<PassOptions> planPasses(const Transforms::Params &p, int inWidth, int inHeight, QSize mainPassSides)
{
    QList<PassOptions> passes;

    if (p.fill && p.width > 0 && p.height > 0) {
        // Centre-crop to the target aspect; the main pass then resizes
        // exactly to width x height without distortion.
        const double ar = double(p.width) / double(p.height);
        PassOptions fill;
        fill.kind = PassOptions::Kind::Fill;
        fill.crop = true;
        fill.gravity = Gravity::Center;
        if (ar > 1) {
            fill.width = inWidth;
            fill.height = int(double(inWidth) / ar);
        } else {
            fill.width = int(double(inHeight) * ar);
            fill.height = inHeight;
        }
        passes.append(fill);
    }

    PassOptions main;
    main.kind = PassOptions::Kind::Main;
    main.width = p.width;
    main.height = p.height;
    main.enlarge = p.enlarge;
    main.preserveAspectRatio = p.preserveAspectRatio;
    main.crop = p.crop;
    main.embed = p.embed;
    main.gravity = p.crop ? p.gravity : Gravity::Center;
    main.extract = p.extract;
    main.top = p.top;
    main.left = p.left;
    main.areaWidth = p.areaWidth;
    main.areaHeight = p.areaHeight;
    main.rotate = p.rotate;
    main.sigma = p.sigma;
    main.minAmpl = p.minAmpl;
    main.watermark = p.watermark;
    main.watermarkParams = p.watermarkParams;
    main.grayscale = p.grayscale;
    main.quality = p.quality;
    main.interlace = p.interlace;
    main.strip = p.strip;
    main.format = p.format;

    if (!(p.resizeCropAuto && (p.autoCropWidth > 0 || p.autoCropHeight > 0))) {
        passes.append(main);
        return passes;
    }

    // Measured on the sides the main pass turned the image to: on the unturned
    // sides the crop fell outside a rotated image (400 image.bad_extract).
    const QSize turned = mainPassSides.isEmpty() ? QSize(inWidth, inHeight) : mainPassSides;
    const AutoCropArea area = autoCropArea(p, turned.width(), turned.height());
    // The auto-crop passes use default encoding (Mort quirk, spec §5.1):
    // quality/interlace/strip of the main pass do not survive them.
    PassOptions extract;
    extract.kind = PassOptions::Kind::AutoCropExtract;
    extract.extract = true;
    extract.left = area.x;
    extract.top = area.y;
    extract.areaWidth = area.width;
    extract.areaHeight = area.height;
    PassOptions crop;
    crop.kind = PassOptions::Kind::AutoCropCrop;
    crop.width = p.autoCropWidth;
    crop.height = p.autoCropHeight;
    crop.crop = true;
    crop.gravity = Gravity::Center;

    // Auto-crop first only when a resize size is set that fits inside the
    // auto-crop area: cutting first keeps the resize from discarding the
    // detail the crop wants.
    const bool autoCropFirst = p.width > 0 && p.height > 0 && p.width <= area.width && p.height <= area.height;
    if (autoCropFirst) {
        passes.append(extract);
        passes.append(crop);
        passes.append(main);
    } else {
        passes.append(main);
        passes.append(extract);
        passes.append(crop);
    }
    return passes;
}

} // namespace mort
