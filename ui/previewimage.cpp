#include "ui/previewimage.h"

#include "imaging/imageprobe.h"
#include "imaging/imageprocessor.h"
#include "imaging/vipsref.h"

#include <QCoreApplication>

namespace mort {

namespace {

QImage fail(QString *error, const QString &what)
{
    if (error) {
        const char *text = vips_error_buffer();
        *error = what + (text && *text ? QStringLiteral(": ") + QString::fromUtf8(text).trimmed() : QString());
    }
    vips_error_clear();
    return {};
}

void releaseVipsMemory(void *data)
{
    g_free(data);
}

} // namespace

QImage decodePreviewImage(const QByteArray &bytes, bool autoRotate, int maxSide, QString *error)
{
    if (bytes.isEmpty())
        return fail(error, QCoreApplication::translate("mort::PreviewImage", "no image data"));
    if (Expected<void> ready = initImaging("mort-preview"); !ready) {
        if (error)
            *error = ready.error().detail;
        return {};
    }
    ImageRef image;
    if (maxSide > 0) {
        // Shrinks on load for jpeg/webp, never enlarges.
        if (vips_thumbnail_buffer(const_cast<char *>(bytes.constData()), size_t(bytes.size()), image.out(), maxSide,
                                  "height", maxSide, "size", VIPS_SIZE_DOWN, "no_rotate", !autoRotate, nullptr)
            != 0)
            return fail(error, QCoreApplication::translate("mort::PreviewImage", "cannot decode the image"));
    } else {
        image.reset(vips_image_new_from_buffer(bytes.constData(), size_t(bytes.size()), "", nullptr));
        if (!image)
            return fail(error, QCoreApplication::translate("mort::PreviewImage", "cannot decode the image"));
        if (autoRotate) {
            ImageRef rotated;
            if (vips_autorot(image.get(), rotated.out(), nullptr) != 0)
                return fail(error, QCoreApplication::translate("mort::PreviewImage", "cannot rotate the image"));
            image = std::move(rotated);
        }
    }
    // sRGB, 8 bit, 4 bands: exactly QImage::Format_RGBA8888.
    ImageRef srgb;
    if (vips_colourspace(image.get(), srgb.out(), VIPS_INTERPRETATION_sRGB, nullptr) != 0)
        return fail(error, QCoreApplication::translate("mort::PreviewImage", "cannot convert the colours"));
    ImageRef rgba;
    if (vips_image_hasalpha(srgb.get())) {
        rgba = std::move(srgb);
    } else if (vips_bandjoin_const1(srgb.get(), rgba.out(), 255.0, nullptr) != 0) {
        return fail(error, QCoreApplication::translate("mort::PreviewImage", "cannot convert the colours"));
    }
    ImageRef bytes8;
    if (vips_cast_uchar(rgba.get(), bytes8.out(), nullptr) != 0)
        return fail(error, QCoreApplication::translate("mort::PreviewImage", "cannot convert the colours"));
    if (vips_image_get_bands(bytes8.get()) != 4)
        return fail(error, QCoreApplication::translate("mort::PreviewImage", "unexpected number of bands"));
    size_t size = 0;
    void *pixels = vips_image_write_to_memory(bytes8.get(), &size);
    if (!pixels)
        return fail(error, QCoreApplication::translate("mort::PreviewImage", "cannot decode the image"));
    const int width = vips_image_get_width(bytes8.get());
    const int height = vips_image_get_height(bytes8.get());
    // QImage takes the buffer and frees it with g_free when the last copy goes.
    return QImage(static_cast<const uchar *>(pixels), width, height, qsizetype(width) * 4, QImage::Format_RGBA8888,
                  releaseVipsMemory, pixels);
}

QSize previewImageSize(const QByteArray &bytes)
{
    if (bytes.isEmpty() || !initImaging("mort-preview"))
        return {};
    const Expected<ImageInfo> info = probeImage(bytes, LimitsConfig{});
    return info ? QSize(info->width, info->height) : QSize();
}

} // namespace mort
