#include "imaging/displayimage.h"

#include "imaging/imageprobe.h"
#include "imaging/vipsref.h"

namespace mort {

namespace {

Error displayError(const char *step)
{
    const char *text = vips_error_buffer();
    const QString detail =
        QStringLiteral("%1: %2").arg(QLatin1String(step), QString::fromUtf8(text ? text : "").trimmed());
    vips_error_clear();
    return Error::client("image.corrupt", 422, QStringLiteral("the image cannot be decoded for display"), detail);
}

} // namespace

Expected<QByteArray> displayPng(const QByteArray &bytes, bool autoRotate, int maxSide, const LimitsConfig &limits)
{
    if (Expected<void> ready = initImaging("mort-display"); !ready)
        return ready.takeError();
    // Header checks before any pixel (pixels, frames, allowed loaders), as for a transform.
    if (Expected<ImageInfo> info = probeImage(bytes, limits); !info)
        return info.takeError();
    ImageRef image;
    if (maxSide > 0) {
        // Shrinks on load for jpeg/webp, never enlarges.
        if (vips_thumbnail_buffer(const_cast<char *>(bytes.constData()), size_t(bytes.size()), image.out(), maxSide,
                                  "height", maxSide, "size", VIPS_SIZE_DOWN, "no_rotate", !autoRotate, nullptr)
            != 0)
            return displayError("decode");
    } else {
        image.reset(vips_image_new_from_buffer(bytes.constData(), size_t(bytes.size()), kStrictFailOnOption, nullptr));
        if (!image)
            return displayError("decode");
        if (autoRotate) {
            ImageRef rotated;
            if (vips_autorot(image.get(), rotated.out(), nullptr) != 0)
                return displayError("rotate");
            image = std::move(rotated);
        }
    }
    ImageRef srgb;
    if (vips_colourspace(image.get(), srgb.out(), VIPS_INTERPRETATION_sRGB, nullptr) != 0)
        return displayError("colourspace");
    ImageRef bytes8;
    if (vips_cast_uchar(srgb.get(), bytes8.out(), nullptr) != 0)
        return displayError("cast");
    void *png = nullptr;
    size_t size = 0;
    // Fast zlib level: the PNG lives for one display, not on a disk.
    if (vips_pngsave_buffer(bytes8.get(), &png, &size, "compression", 1, "strip", TRUE, nullptr) != 0)
        return displayError("encode");
    QByteArray out(static_cast<const char *>(png), qsizetype(size));
    g_free(png);
    return out;
}

} // namespace mort
