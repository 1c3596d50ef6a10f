#pragma once
// Mort's pass building (spec urls-and-transforms.md §5.1): one merged
// Transforms becomes up to four passes, each decoding the bytes the previous
// one encoded.
#include "object/transforms.h"

#include <QList>
#include <QSize>

namespace mort {

struct PassOptions
{
    enum class Kind { Fill, Main, AutoCropExtract, AutoCropCrop };
    Kind kind = Kind::Main;

    int width = 0;
    int height = 0;
    bool enlarge = false;
    bool preserveAspectRatio = false;
    bool crop = false;
    bool embed = false;
    // Effective gravity: Mort only sets bimg's gravity from a crop, so a pass
    // without crop behaves as bimg's zero value (centre), never as smart.
    Gravity gravity = Gravity::Center;

    bool extract = false;
    int top = 0;
    int left = 0;
    int areaWidth = 0;
    int areaHeight = 0;

    int rotate = 0; // explicit clockwise rotation; 0 = EXIF autorotate
    double sigma = 0.0;
    double minAmpl = 0.0;
    bool watermark = false;
    WatermarkParams watermarkParams;
    bool grayscale = false;

    // Encoding: 0 / false / None = the per-pass defaults (quality 75, type of
    // the bytes entering the pass).
    int quality = 0;
    bool interlace = false;
    bool strip = false;
    ImageFormat format = ImageFormat::None;
};

struct AutoCropArea
{
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;
};

// §5.1 auto-crop geometry; `inWidth`/`inHeight` are replaced by the resize
// size when that is set.
AutoCropArea autoCropArea(const Transforms::Params &p, int inWidth, int inHeight);

// Splits one merged transform into its passes. `inWidth`/`inHeight` are the
// upright size of the bytes entering the first pass.
// `mainPassSides`: the sides the main pass turns the image to before resizing
// (passSwapsAxes: an explicit rotate replaces the EXIF orientation), which the
// auto-crop passes after it measure; empty: inWidth x inHeight.
QList<PassOptions> planPasses(const Transforms::Params &p, int inWidth, int inHeight, QSize mainPassSides = {});

} // namespace mort
