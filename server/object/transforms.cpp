#include "object/transforms.h"

#include <murmurhash.h>

namespace mort {

namespace {
constexpr uint64_t kFnvPrime = 1099511628211ULL;
constexpr uint64_t kAccumulatorStart = 1231;
constexpr uint32_t kTransformHashSeed = 20171108;

int64_t truncTimes(double v, double factor)
{
    return static_cast<int64_t>(v * factor);
}
} // namespace

bool parseImageFormat(const QString &name, ImageFormat *out)
{
    static const struct
    {
        const char *name;
        ImageFormat format;
    } table[] = {
        {"jpeg", ImageFormat::Jpeg},
        {"jpg", ImageFormat::Jpeg},
        {"webp", ImageFormat::Webp},
        {"png", ImageFormat::Png},
        {"gif", ImageFormat::Gif},
        {"svg", ImageFormat::Svg},
        {"pdf", ImageFormat::Pdf},
        // Beyond Mort (which answers 400): modern formats libvips encodes through libheif.
        {"avif", ImageFormat::Avif},
        {"heif", ImageFormat::Heif},
    };
    for (const auto &row : table) {
        if (name == QLatin1String(row.name)) {
            *out = row.format;
            return true;
        }
    }
    return false;
}

QString imageFormatName(ImageFormat format)
{
    switch (format) {
    case ImageFormat::Jpeg: return QStringLiteral("jpeg");
    case ImageFormat::Webp: return QStringLiteral("webp");
    case ImageFormat::Png: return QStringLiteral("png");
    case ImageFormat::Gif: return QStringLiteral("gif");
    case ImageFormat::Pdf: return QStringLiteral("pdf");
    case ImageFormat::Svg: return QStringLiteral("svg");
    case ImageFormat::Bmp: return QStringLiteral("bmp");
    case ImageFormat::Avif: return QStringLiteral("avif");
    case ImageFormat::Heif: return QStringLiteral("heif");
    case ImageFormat::None: break;
    }
    return {};
}

QByteArray imageFormatMimeType(ImageFormat format)
{
    switch (format) {
    case ImageFormat::Svg: return "image/svg+xml";
    case ImageFormat::Pdf: return "application/pdf";
    case ImageFormat::None: return {};
    default: return "image/" + imageFormatName(format).toLatin1();
    }
}

void Transforms::write(std::initializer_list<int64_t> values)
{
    if (m_acc == 0)
        m_acc = kAccumulatorStart;
    for (int64_t v : values) {
        m_acc ^= static_cast<uint64_t>(v); // two's-complement wrap, as Go's uint64(int)
        m_acc *= kFnvPrime;
    }
}

void Transforms::resize(int width, int height, bool enlarge, bool preserveAspectRatio, bool fill)
{
    m_p.width = width;
    m_p.height = height;
    m_p.enlarge = enlarge;
    m_p.preserveAspectRatio = preserveAspectRatio;
    m_p.fill = fill;
    write({1111, int64_t(width) * 7, int64_t(height) * 3});
    if (enlarge)
        write({12311});
    if (preserveAspectRatio)
        write({700000001});
    if (fill)
        write({700000002});
    m_notEmpty = true;
}

void Transforms::crop(int width, int height, Gravity gravity, bool enlarge, bool embed)
{
    m_p.width = width;
    m_p.height = height;
    m_p.enlarge = enlarge;
    m_p.crop = true;
    m_p.embed = embed;
    m_p.gravity = gravity;
    write({1212, int64_t(width) * 5, height, static_cast<int64_t>(gravity)});
    if (embed)
        write({3333});
    if (enlarge)
        write({54324});
    m_notEmpty = true;
}

void Transforms::extract(int top, int left, int areaWidth, int areaHeight)
{
    m_p.extract = true;
    m_p.top = top;
    m_p.left = left;
    m_p.areaWidth = areaWidth;
    m_p.areaHeight = areaHeight;
    // Mort hashes the current resize size, not the area (spec §4.1, peer C1).
    write({1611, int64_t(m_p.width) * 3, int64_t(m_p.height) * 3, int64_t(top) * 6, left});
    m_notEmpty = true;
}

void Transforms::resizeCropAuto(int width, int height)
{
    m_p.resizeCropAuto = true;
    m_p.autoCropWidth = width;
    m_p.autoCropHeight = height;
    write({31229, int64_t(width) * 2, height});
    m_notEmpty = true;
}

void Transforms::interlace()
{
    m_p.interlace = true;
    write({1311, 71});
    m_notEmpty = true;
}

void Transforms::quality(int quality)
{
    if (quality < 1 || quality > 100)
        return;
    m_p.quality = quality;
    write({1401, quality});
    m_notEmpty = true;
}

void Transforms::stripMetadata()
{
    m_p.strip = true;
    write({1999});
    m_notEmpty = true;
}

void Transforms::blur(double sigma, double minAmpl)
{
    m_p.sigma = sigma;
    m_p.minAmpl = minAmpl;
    write({19121, truncTimes(sigma, 1000), truncTimes(minAmpl, 1000)});
    m_notEmpty = true;
}

void Transforms::format(ImageFormat format)
{
    m_p.format = format;
    write({1122121, static_cast<int64_t>(format)});
    m_notEmpty = true;
}

void Transforms::watermark(const WatermarkParams &params)
{
    m_p.watermark = true;
    m_p.watermarkParams = params;
    ++m_watermarkCount;
    write({171200, params.image.toUtf8().size(), params.position.toUtf8().size(),
           static_cast<int64_t>(params.opacity * 100.0f)});
    m_notEmpty = true;
}

void Transforms::grayscale()
{
    m_p.grayscale = true;
    write({32309});
    m_notEmpty = true;
}

void Transforms::rotate(int angle)
{
    m_p.rotate = angle;
    write({32941, angle / 90});
    m_notEmpty = true;
}

void Transforms::merge(const Transforms &other)
{
    if (other.isEmpty())
        return;
    const Params &o = other.m_p;
    if (o.watermark) {
        m_p.watermark = true;
        m_p.watermarkParams = o.watermarkParams;
        m_watermarkCount += other.m_watermarkCount;
    }
    if (o.width != 0)
        m_p.width = o.width;
    if (o.height != 0)
        m_p.height = o.height;
    if (o.crop)
        m_p.crop = true;
    if (o.embed)
        m_p.embed = true;
    if (o.enlarge)
        m_p.enlarge = true;
    if (o.preserveAspectRatio)
        m_p.preserveAspectRatio = true;
    if (o.fill)
        m_p.fill = true;
    if (o.crop || o.gravity != Gravity::Smart)
        m_p.gravity = o.gravity;
    m_p.sigma += o.sigma;
    m_p.minAmpl += o.minAmpl;
    if (o.interlace)
        m_p.interlace = true;
    if (o.quality != 0)
        m_p.quality = o.quality;
    if (o.format != ImageFormat::None)
        m_p.format = o.format;
    if (o.strip)
        m_p.strip = true;
    if (o.extract) {
        m_p.extract = true;
        m_p.top = o.top;
        m_p.left = o.left;
        m_p.areaWidth = o.areaWidth;
        m_p.areaHeight = o.areaHeight;
    }
    if (o.grayscale)
        m_p.grayscale = true;
    if (o.rotate != 0)
        m_p.rotate = o.rotate;
    write({static_cast<int64_t>(other.m_acc)});
    m_notEmpty = true;
}

QList<Transforms> mergeChain(const QList<Transforms> &rootFirst)
{
    if (rootFirst.size() <= 1)
        return rootFirst;
    bool anyAutoCrop = false;
    for (const Transforms &t : rootFirst)
        anyAutoCrop = anyAutoCrop || t.params().resizeCropAuto;
    if (anyAutoCrop)
        return rootFirst; // run one after another on the bytes (spec §5.3)

    QList<Transforms> out{rootFirst.first()};
    for (int i = 1; i < rootFirst.size(); ++i) {
        const Transforms &next = rootFirst.at(i);
        // A second watermark cannot be merged: that element stays its own pass.
        if (next.params().watermark && out.first().params().watermark)
            out.append(next);
        else
            out.first().merge(next);
    }
    return out;
}

void murmur3x64_128(const void *data, int length, uint32_t seed, uint64_t *h1, uint64_t *h2)
{
    uint64_t out[2];
    lmmh_x64_128(data, static_cast<unsigned int>(length), seed, out);
    *h1 = out[0];
    *h2 = out[1];
}

uint64_t Transforms::hash() const
{
    unsigned char le[8];
    for (int i = 0; i < 8; ++i)
        le[i] = static_cast<unsigned char>(m_acc >> (8 * i));
    uint64_t h1 = 0, h2 = 0;
    murmur3x64_128(le, 8, kTransformHashSeed, &h1, &h2);
    return h1;
}

} // namespace mort
