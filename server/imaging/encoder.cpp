#include "imaging/encoder.h"

#include "core/threadhandoff.h"

#include "imaging/deadline.h"
#include "imaging/vipsref.h"

namespace mort {

namespace {

constexpr int kDefaultQuality = 75;
constexpr int kPngCompression = 6;

Error unsupportedOutput(const QString &detail)
{
    return Error::client("image.unsupported_output", 400, QStringLiteral("unsupported output format"), detail);
}

} // namespace

Expected<OutputType> outputTypeFor(const PassOptions &options, const ImageInfo &input)
{
    switch (options.format) {
    case ImageFormat::Jpeg: return OutputType::Jpeg;
    case ImageFormat::Png: return OutputType::Png;
    case ImageFormat::Webp: return OutputType::Webp;
    case ImageFormat::Gif: return OutputType::Gif;
    case ImageFormat::Avif: return OutputType::Avif;
    case ImageFormat::Heif: return OutputType::Heif;
    case ImageFormat::Svg:
    case ImageFormat::Pdf:
    case ImageFormat::Bmp:
        // Mort accepts these names but libvips cannot write them (spec §5.2 step 9).
        return unsupportedOutput(QStringLiteral("no encoder for %1").arg(imageFormatName(options.format)));
    case ImageFormat::None: break;
    }
    const QByteArray &type = input.contentType;
    if (type == "image/jpeg")
        return OutputType::Jpeg;
    if (type == "image/png")
        return OutputType::Png;
    if (type == "image/webp")
        return OutputType::Webp;
    if (type == "image/gif")
        return OutputType::Gif;
    if (type == "image/tiff")
        return OutputType::Tiff;
    if (type == "image/avif")
        return OutputType::Avif;
    if (type == "image/heif")
        return OutputType::Heif;
    return unsupportedOutput(QStringLiteral("no encoder for input type %1").arg(QLatin1String(type)));
}

QByteArray outputContentType(OutputType type)
{
    switch (type) {
    case OutputType::Jpeg: return "image/jpeg";
    case OutputType::Png: return "image/png";
    case OutputType::Webp: return "image/webp";
    case OutputType::Gif: return "image/gif";
    case OutputType::Tiff: return "image/tiff";
    case OutputType::Heif: return "image/heif";
    case OutputType::Avif: return "image/avif";
    }
    return {};
}

bool outputSupportsAlpha(OutputType type)
{
    return type != OutputType::Jpeg;
}

Expected<ProcessedImage> encodeImage(VipsImage *image, OutputType type, const PassOptions &options,
                                     const CancelToken &cancel)
{
    const int quality = options.quality >= 1 && options.quality <= 100 ? options.quality : kDefaultQuality;
    const gboolean interlace = options.interlace;
    const gboolean strip = options.strip;

    void *buffer = nullptr;
    size_t length = 0;
    int rc = -1;
    {
        EvalWatch watch(image, cancel);
        switch (type) {
        case OutputType::Jpeg:
            rc = vips_jpegsave_buffer(image, &buffer, &length, "Q", quality, "interlace", interlace, "strip", strip,
                                      nullptr);
            break;
        case OutputType::Png:
            rc = vips_pngsave_buffer(image, &buffer, &length, "compression", kPngCompression, "interlace", interlace,
                                     "strip", strip, nullptr);
            break;
        case OutputType::Webp:
            rc = vips_webpsave_buffer(image, &buffer, &length, "Q", quality, "strip", strip, nullptr);
            break;
        case OutputType::Gif:
            // cgif saver; libvips quantises with libimagequant.
            rc = vips_gifsave_buffer(image, &buffer, &length, "strip", strip, nullptr);
            break;
        case OutputType::Tiff: rc = vips_tiffsave_buffer(image, &buffer, &length, "strip", strip, nullptr); break;
        case OutputType::Heif:
        case OutputType::Avif: {
            // libheif hands strings between this thread and encoder threads it
            // creates and joins in code TSan cannot see (not instrumented):
            // this call's own accesses are not recorded under TSan.
            TsanIgnoredScope libheifThreads;
            rc = vips_heifsave_buffer(image, &buffer, &length, "Q", quality, "strip", strip, "compression",
                                      type == OutputType::Heif ? VIPS_FOREIGN_HEIF_COMPRESSION_HEVC
                                                               : VIPS_FOREIGN_HEIF_COMPRESSION_AV1,
                                      nullptr);
            break;
        }
        }
    }
    if (rc != 0) {
        g_free(buffer);
        const QString detail = takeVipsError();
        if (auto stop = stopError(cancel))
            return *stop;
        // Pixels are decoded lazily, so a corrupt source (truncated JPEG, bad
        // PNG CRC under fail_on) surfaces here, in the saver's evaluation.
        return Error::client("image.corrupt", 422, QStringLiteral("image data is corrupt"),
                             QStringLiteral("encode %1: %2").arg(QLatin1String(outputContentType(type)), detail));
    }
    ProcessedImage out;
    out.body = QByteArray(static_cast<const char *>(buffer), qsizetype(length));
    g_free(buffer);
    out.contentType = outputContentType(type);
    out.width = vips_image_get_width(image);
    out.height = vips_image_get_height(image);
    return out;
}

} // namespace mort
