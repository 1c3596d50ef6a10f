#include "imaging/imageprobe.h"

#include "imaging/vipsref.h"

#include <cstring>

namespace mort {

namespace {

struct AllowedLoader
{
    const char *nickname;
    const char *contentType;
};

// DESIGN §5: jpeg, png, webp, gif, heif/avif, tiff. Everything else a libvips
// build may recognise (svg, pdf, ImageMagick formats, jp2k, jxl, fits, matrix,
// csv, raw ppm...) is refused before any of its loaders runs.
constexpr AllowedLoader kAllowed[] = {
    {"jpegload_buffer", "image/jpeg"}, {"pngload_buffer", "image/png"},   {"webpload_buffer", "image/webp"},
    {"gifload_buffer", "image/gif"},   {"heifload_buffer", "image/heif"}, {"tiffload_buffer", "image/tiff"},
};

Error unsupported(const QString &detail)
{
    return Error::client("image.unsupported_type", 415, QStringLiteral("unsupported image type"), detail);
}

// Only the is_a_buffer() sniffers run here; no loader is built.
// vips_foreign_find_load_buffer() answers with a GType name
// ("VipsForeignLoadJpegBuffer"); the allow-list uses operation nicknames.
const char *loaderNickname(const QByteArray &source)
{
    const char *typeName = vips_foreign_find_load_buffer(source.constData(), size_t(source.size()));
    if (!typeName) {
        vips_error_clear();
        return nullptr;
    }
    return vips_nickname_find(g_type_from_name(typeName));
}

} // namespace

QByteArray sniffLoader(const QByteArray &source)
{
    if (source.isEmpty())
        return {};
    const char *nickname = loaderNickname(source);
    if (!nickname)
        return {};
    for (const auto &allowed : kAllowed) {
        if (std::strcmp(nickname, allowed.nickname) == 0)
            return QByteArray(nickname);
    }
    return {};
}

Expected<ImageInfo> probeImage(const QByteArray &source, const LimitsConfig &limits)
{
    if (source.isEmpty())
        return unsupported(QStringLiteral("empty source"));
    const QByteArray loader = sniffLoader(source);
    if (loader.isEmpty()) {
        const char *nickname = loaderNickname(source);
        return unsupported(nickname ? QStringLiteral("loader %1 is not allowed").arg(QLatin1String(nickname))
                                    : QStringLiteral("not a known image format"));
    }

    // vips_image_new_from_buffer only runs the loader's header() here; pixels
    // are decoded lazily, and this image is never evaluated.
    ImageRef header(vips_image_new_from_buffer(source.constData(), size_t(source.size()), "", "access",
                                               VIPS_ACCESS_SEQUENTIAL, "fail_on", kStrictFailOn, nullptr));
    if (!header) {
        return Error::client("image.corrupt", 422, QStringLiteral("image data is corrupt"),
                             QStringLiteral("header: ") + takeVipsError());
    }

    ImageInfo info;
    info.loader = loader.chopped(int(std::strlen("_buffer")));
    for (const auto &allowed : kAllowed) {
        if (loader == allowed.nickname)
            info.contentType = allowed.contentType;
    }
    if (info.loader == "heifload") {
        // One loader for both; the compression tells AVIF from HEIC.
        const char *compression = nullptr;
        if (vips_image_get_typeof(header.get(), "heif-compression")
            && vips_image_get_string(header.get(), "heif-compression", &compression) == 0 && compression
            && std::strcmp(compression, "av1") == 0)
            info.contentType = "image/avif";
    }
    info.width = vips_image_get_width(header.get());
    // Only the first page is loaded (n=1), so the image height is one page.
    info.height = vips_image_get_page_height(header.get());
    info.pages = qMax(1, vips_image_get_n_pages(header.get()));
    if (vips_image_get_typeof(header.get(), VIPS_META_ORIENTATION)) {
        int orientation = 1;
        if (vips_image_get_int(header.get(), VIPS_META_ORIENTATION, &orientation) == 0 && orientation >= 1
            && orientation <= 8)
            info.orientation = orientation;
    }
    info.hasAlpha = vips_image_hasalpha(header.get());

    if (info.width <= 0 || info.height <= 0)
        return Error::client("image.corrupt", 422, QStringLiteral("image data is corrupt"),
                             QStringLiteral("header declares an empty image"));
    if (info.pages > limits.maxFrames) {
        return Error::client("image.too_many_frames", 422, QStringLiteral("image has too many frames"),
                             QStringLiteral("%1 frames, limit %2").arg(info.pages).arg(limits.maxFrames));
    }
    // Animated inputs are processed as their first frame only, so one page is
    // what gets decoded; the frame count is bounded separately above.
    const qint64 pixels = qint64(info.width) * qint64(info.height);
    if (pixels > limits.maxSourcePixels) {
        return Error::client("image.too_large", 422, QStringLiteral("image is too large"),
                             QStringLiteral("%1x%2 = %3 px, limit %4")
                                 .arg(info.width)
                                 .arg(info.height)
                                 .arg(pixels)
                                 .arg(limits.maxSourcePixels));
    }
    return info;
}

} // namespace mort
