// Golden-image suite: every operation of spec urls-and-transforms.md §3/§8 and
// the supported format pairs, run from a Mort query string (object/ query
// parser -> Transforms -> ImageProcessor) and checked against small committed
// references in tests/golden/references/<case>.png:
//   * output type and dimensions exactly (stated in the table, independent of
//     the reference), plus per-case checks (alpha band kept or flattened,
//     greyscale, interlaced, metadata stripped, upright);
//   * pixels perceptually: both images in sRGB 8-bit, alpha flattened onto
//     white, then the mean absolute difference and the maximum of the
//     difference blurred with a Gaussian (sigma 2), which catches local
//     changes (a moved watermark) that a mean over the image hides. Alpha is
//     compared on its own where the output keeps it.
// MORT_GOLDEN_UPDATE=1 writes the references instead of comparing, and the
// run then fails listing what it wrote (see references/README.md).
#include "object/cloudinaryparser.h"
#include "object/queryparser.h"
#include "unit/imaging/imagingtesthelpers.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QTest>

#include <cmath>
#include <functional>

using namespace mort;
using namespace mort::test;

namespace {

const QString kReferenceDir = QStringLiteral(MORT_SOURCE_DIR "/tests/golden/references");
const QString kLogo = QStringLiteral("logo_200x80.png");
// References are stored at most this size per side; larger outputs are
// compared after the same downscale.
constexpr int kMaxReferenceSide = 240;

// Thresholds on 0..255 values. Same-version runs give 0; the margins absorb
// codec and resampler drift between library versions, and stay well below the
// differences between neighbouring cases (see referencesAreDistinct).
struct Tolerance
{
    const char *name;
    double meanAbs;    // mean absolute difference over all pixels and channels
    double maxBlurred; // max of the channel-mean difference blurred (sigma 2)
    double alphaMean;  // mean absolute difference of the alpha bands
};
constexpr Tolerance kLossless{"lossless", 0.75, 6.0, 0.5};
constexpr Tolerance kLossy{"lossy", 1.5, 10.0, 1.5};
constexpr Tolerance kPalette{"palette", 3.0, 14.0, 1.5};

enum Check : unsigned {
    NoCheck = 0,
    HasAlpha = 1u << 0,   // output keeps an alpha band
    Opaque = 1u << 1,     // output has no alpha band (flattened)
    Grey = 1u << 2,       // one colour band
    Interlaced = 1u << 3, // progressive JPEG / Adam7 PNG
    Stripped = 1u << 4,   // no EXIF block
    KeepsExif = 1u << 5,  // EXIF block written (the control for Stripped)
    Upright = 1u << 6,    // no orientation tag, or orientation 1
};

using Extra = std::function<void(Transforms &)>;

struct GoldenCase
{
    const char *name;
    const char *source; // relative to testdata/
    const char *query;  // a raw Mort query string
    Extra extra;        // builder calls a query cannot express (presets), applied after parsing
    int width;          // exact output size
    int height;
    const char *contentType;
    Tolerance tolerance;
    unsigned checks = NoCheck;
    // Instead of `query`: a Cloudinary transformation chain as it appears in
    // the URL ("c_fit,w_120/c_fill,w_240,h_180": object first, each group one
    // link of the parent chain), merged as the engine merges a chain.
    const char *cloudinary = nullptr;
};

const char *const kPhoto = "photos/photo_800x600.jpg";
const char *const kAlpha = "photos/alpha_1024x768.png";
const char *const kGray = "photos/gray_800x600.jpg";
const char *const kWebp = "photos/photo_1200x800.webp";
const char *const kGif = "photos/photo_640x480.gif";
const char *const kOrient6 = "orientation/orientation_6.jpg";

const QList<GoldenCase> &cases()
{
    static const QList<GoldenCase> list{
        // --- resize (Mode A: width/height alone = resize; both = stretch) ---
        {"resize_width", kPhoto, "width=200&format=png", {}, 200, 150, "image/png", kLossless},
        {"resize_height", kPhoto, "height=120&format=png", {}, 160, 120, "image/png", kLossless},
        {"resize_stretch", kPhoto, "width=240&height=120&format=png", {}, 240, 120, "image/png", kLossless},
        // Preset thumbnail{preserveAspectRatio}: 800/240=3 < 600/100=6 -> width dropped.
        {"resize_fit_preserve_aspect", kPhoto, "format=png",
         [](Transforms &t) { t.resize(240, 100, false, true, false); }, 133, 100, "image/png", kLossless},
        // Preset thumbnail{mode: outbound}: enlarge, fit inside 1000x1000.
        {"resize_outbound_enlarge", kPhoto, "format=png",
         [](Transforms &t) { t.resize(1000, 1000, true, false, false); }, 1000, 750, "image/png", kLossless},

        // --- crop: scale to cover the box (both boxes give 200x150), then cut by gravity ---
        {"crop_center",
         kPhoto,
         "operation=crop&width=200&height=100&gravity=center&format=png",
         {},
         200,
         100,
         "image/png",
         kLossless},
        {"crop_north",
         kPhoto,
         "operation=crop&width=200&height=100&gravity=north&format=png",
         {},
         200,
         100,
         "image/png",
         kLossless},
        {"crop_south",
         kPhoto,
         "operation=crop&width=200&height=100&gravity=south&format=png",
         {},
         200,
         100,
         "image/png",
         kLossless},
        {"crop_east",
         kPhoto,
         "operation=crop&width=120&height=150&gravity=east&format=png",
         {},
         120,
         150,
         "image/png",
         kLossless},
        {"crop_west",
         kPhoto,
         "operation=crop&width=120&height=150&gravity=west&format=png",
         {},
         120,
         150,
         "image/png",
         kLossless},
        {"crop_smart",
         kPhoto,
         "operation=crop&width=200&height=100&gravity=smart&format=png",
         {},
         200,
         100,
         "image/png",
         kLossless},

        // --- extract / resizeCropAuto ---
        {"extract",
         kPhoto,
         "operation=extract&top=100&left=200&areaWith=240&areaHeight=160&format=png",
         {},
         240,
         160,
         "image/png",
         kLossless},
        {"resize_crop_auto",
         kPhoto,
         "operation=resizeCropAuto&width=160&height=160&format=png",
         {},
         160,
         160,
         "image/png",
         kLossless},

        // --- rotate: clockwise, before resize (width refers to the rotated image) ---
        {"rotate_90",
         kPhoto,
         "operation=resize&width=150&operation=rotate&angle=90&format=png",
         {},
         150,
         200,
         "image/png",
         kLossless},
        {"rotate_180",
         kPhoto,
         "operation=resize&width=200&operation=rotate&angle=180&format=png",
         {},
         200,
         150,
         "image/png",
         kLossless},
        {"rotate_270",
         kPhoto,
         "operation=resize&width=150&operation=rotate&angle=270&format=png",
         {},
         150,
         200,
         "image/png",
         kLossless},

        // --- blur, grayscale ---
        {"blur",
         kPhoto,
         "operation=resize&width=200&operation=blur&sigma=3&format=png",
         {},
         200,
         150,
         "image/png",
         kLossless},
        {"grayscale", kPhoto, "width=200&grayscale&format=png", {}, 200, 150, "image/png", kLossless, Grey},

        // --- watermark (logo 200x80, not scaled, clipped at the edges) ---
        {"watermark_top_left",
         kPhoto,
         "operation=resize&width=240&operation=watermark&image=logo_200x80.png&position=top-left&opacity=1&format=png",
         {},
         240,
         180,
         "image/png",
         kLossless},
        {"watermark_center_center",
         kPhoto,
         "operation=resize&width=240&operation=watermark&image=logo_200x80.png&position=center-center&opacity=0.5"
         "&format=png",
         {},
         240,
         180,
         "image/png",
         kLossless},
        {"watermark_bottom_right",
         kPhoto,
         "operation=resize&width=240&operation=watermark&image=logo_200x80.png&position=bottom-right&opacity=0.8"
         "&format=png",
         {},
         240,
         180,
         "image/png",
         kLossless},
        {"watermark_gray_jpeg",
         kGray,
         "operation=resize&width=240&operation=watermark&image=logo_200x80.png&position=center-left&opacity=0.7",
         {},
         240,
         180,
         "image/jpeg",
         kLossy,
         Opaque},

        // --- encoder options ---
        {"quality_low", kPhoto, "width=200&quality=10", {}, 200, 150, "image/jpeg", kLossy},
        {"quality_high", kPhoto, "width=200&quality=95", {}, 200, 150, "image/jpeg", kLossy},
        {"interlace_jpeg", kPhoto, "width=200", [](Transforms &t) { t.interlace(); }, 200, 150, "image/jpeg", kLossy,
         Interlaced | KeepsExif},
        {"interlace_png", kPhoto, "width=160&format=png", [](Transforms &t) { t.interlace(); }, 160, 120, "image/png",
         kLossless, Interlaced},
        {"strip", kOrient6, "width=240", [](Transforms &t) { t.stripMetadata(); }, 240, 160, "image/jpeg", kLossy,
         Stripped | Upright},

        // --- EXIF orientation 6: stored 320x480, upright 480x320 ---
        {"autorotate", kOrient6, "width=240&format=png", {}, 240, 160, "image/png", kLossless, Upright},
        {"autorotate_jpeg", kOrient6, "width=240", {}, 240, 160, "image/jpeg", kLossy, Upright | KeepsExif},

        // --- format pairs ---
        {"format_jpeg_to_png", kPhoto, "width=180&format=png", {}, 180, 135, "image/png", kLossless, Opaque},
        {"format_jpeg_to_webp", kPhoto, "width=160&format=webp", {}, 160, 120, "image/webp", kLossy, Opaque},
        {"format_png_alpha_to_jpeg", kAlpha, "width=160&format=jpeg", {}, 160, 120, "image/jpeg", kLossy, Opaque},
        {"format_png_alpha_to_webp", kAlpha, "width=160&format=webp", {}, 160, 120, "image/webp", kLossy, HasAlpha},
        {"format_png_alpha_to_png", kAlpha, "width=160", {}, 160, 120, "image/png", kLossless, HasAlpha},
        {"format_webp_to_jpeg", kWebp, "width=240&format=jpeg", {}, 240, 160, "image/jpeg", kLossy, Opaque},
        {"format_gif_to_png", kGif, "width=200&format=png", {}, 200, 150, "image/png", kLossless},
        {"format_jpeg_to_gif", kPhoto, "width=200&format=gif", {}, 200, 150, "image/gif", kPalette},
        {"format_gray_jpeg_to_png", kGray, "width=200&format=png", {}, 200, 150, "image/png", kLossless},
        // Beyond Mort's names: AVIF (AV1) and HEIF (HEVC) through libheif.
        {"format_jpeg_to_avif", kPhoto, "width=200&format=avif", {}, 200, 150, "image/avif", kLossy, Opaque},
        {"format_png_alpha_to_avif", kAlpha, "width=160&format=avif", {}, 160, 120, "image/avif", kLossy, HasAlpha},
        {"format_jpeg_to_heif", kPhoto, "width=200&format=heif", {}, 200, 150, "image/heif", kLossy, Opaque},

        // --- cloudinary kind (no format token in Mort's subset: JPEG in, JPEG out) ---
        {"cloudinary_fit", kPhoto, "", {}, 200, 150, "image/jpeg", kLossy, NoCheck, "c_fit,w_200,h_200"},
        {"cloudinary_fill", kPhoto, "", {}, 160, 160, "image/jpeg", kLossy, NoCheck, "c_fill,w_160,h_160"},
        {"cloudinary_crop", kPhoto, "", {}, 200, 120, "image/jpeg", kLossy, NoCheck, "c_crop,w_200,h_120"},
        // Object c_fit w_120 over parent c_fill 240x180: one merged fill pass to
        // 120x180 (width from the object, height and fill from the parent).
        {"cloudinary_chain", kPhoto, "", {}, 120, 180, "image/jpeg", kLossy, NoCheck, "c_fit,w_120/c_fill,w_240,h_180"},
    };
    return list;
}

const GoldenCase *findCase(const QString &name)
{
    for (const GoldenCase &c : cases()) {
        if (name == QLatin1String(c.name))
            return &c;
    }
    return nullptr;
}

// Pairs whose references must NOT pass each other's comparison: proof that
// the thresholds tell neighbouring operations apart (a no-op or a swapped
// direction would otherwise pass).
const QList<std::pair<const char *, const char *>> &distinctPairs()
{
    static const QList<std::pair<const char *, const char *>> pairs{
        {"crop_north", "crop_south"},
        {"crop_north", "crop_center"},
        {"crop_center", "crop_south"},
        {"crop_east", "crop_west"},
        {"rotate_90", "rotate_270"},
        {"rotate_180", "resize_width"},
        {"blur", "resize_width"},
        {"grayscale", "resize_width"},
        {"quality_low", "quality_high"},
        {"watermark_top_left", "watermark_center_center"},
        {"watermark_top_left", "watermark_bottom_right"},
        {"watermark_center_center", "watermark_bottom_right"},
        {"format_png_alpha_to_png", "format_png_alpha_to_jpeg"},
        {"format_png_alpha_to_webp", "format_png_alpha_to_jpeg"},
        {"format_jpeg_to_gif", "format_gif_to_png"},
    };
    return pairs;
}

bool updateMode()
{
    return qEnvironmentVariableIntValue("MORT_GOLDEN_UPDATE") == 1;
}

QStringList &written()
{
    static QStringList list;
    return list;
}

[[noreturn]] void vipsFatal(const char *what)
{
    qFatal("%s failed: %s", what, vips_error_buffer());
}

void check(int rc, const char *what)
{
    if (rc != 0)
        vipsFatal(what);
}

QString referencePath(const QString &name)
{
    return kReferenceDir + QLatin1Char('/') + name + QStringLiteral(".png");
}

// The independent decode used the loader of the declared type:
// "image/png" -> "pngload_buffer" (or "pngload").
bool loadedAs(const QByteArray &loader, const QByteArray &contentType)
{
    if (contentType == "image/avif" || contentType == "image/heif")
        return loader.startsWith("heifload"); // one libheif loader for both
    return loader.startsWith(contentType.mid(6) + "load");
}

// 8-bit copy of an image, downscaled (premultiplied, by libvips) to fit the
// reference size when the output is larger.
ImageRef comparable(VipsImage *image)
{
    ImageRef work;
    check(vips_cast(image, work.out(), VIPS_FORMAT_UCHAR, nullptr), "cast");
    const int side = qMax(vips_image_get_width(work.get()), vips_image_get_height(work.get()));
    if (side > kMaxReferenceSide) {
        ImageRef small;
        check(vips_thumbnail_image(work.get(), small.out(), kMaxReferenceSide, "height", kMaxReferenceSide, "size",
                                   VIPS_SIZE_DOWN, nullptr),
              "thumbnail_image");
        work = std::move(small);
    }
    // A memory copy: detached from the decoded bytes, cheap to read twice.
    ImageRef memory(vips_image_copy_memory(work.get()));
    if (!memory)
        vipsFatal("copy_memory");
    return memory;
}

int referenceSide(int width, int height, bool wantWidth)
{
    const int side = qMax(width, height);
    if (side <= kMaxReferenceSide)
        return wantWidth ? width : height;
    const double scale = double(kMaxReferenceSide) / side;
    return int(std::lround((wantWidth ? width : height) * scale));
}

// sRGB 8-bit, alpha flattened onto white; the alpha band separately (null
// when the image has none).
struct Normalised
{
    ImageRef rgb;
    ImageRef alpha;
};

Normalised normalise(VipsImage *image)
{
    Normalised n;
    ImageRef srgb;
    check(vips_colourspace(image, srgb.out(), VIPS_INTERPRETATION_sRGB, nullptr), "colourspace");
    if (vips_image_hasalpha(srgb.get())) {
        check(vips_extract_band(srgb.get(), n.alpha.out(), vips_image_get_bands(srgb.get()) - 1, nullptr),
              "extract alpha");
        double white[3] = {255, 255, 255};
        VipsArrayDouble *background = vips_array_double_new(white, 3);
        ImageRef flat;
        const int rc = vips_flatten(srgb.get(), flat.out(), "background", background, nullptr);
        vips_area_unref(VIPS_AREA(background));
        check(rc, "flatten");
        srgb = std::move(flat);
    }
    check(vips_cast(srgb.get(), n.rgb.out(), VIPS_FORMAT_UCHAR, nullptr), "cast");
    return n;
}

// Mean of |a-b| and max of its Gaussian-blurred channel mean.
std::pair<double, double> difference(VipsImage *a, VipsImage *b)
{
    ImageRef diff, absolute, floating, mean, blurred;
    check(vips_subtract(a, b, diff.out(), nullptr), "subtract");
    check(vips_abs(diff.get(), absolute.out(), nullptr), "abs");
    check(vips_cast(absolute.get(), floating.out(), VIPS_FORMAT_FLOAT, nullptr), "cast");
    check(vips_bandmean(floating.get(), mean.out(), nullptr), "bandmean");
    double average = 0;
    check(vips_avg(mean.get(), &average, nullptr), "avg");
    check(vips_gaussblur(mean.get(), blurred.out(), 2.0, "precision", VIPS_PRECISION_FLOAT, nullptr), "gaussblur");
    double peak = 0;
    check(vips_max(blurred.get(), &peak, nullptr), "max");
    return {average, peak};
}

struct Metrics
{
    double meanAbs = 0;
    double maxBlurred = 0;
    double alphaMean = -1; // -1: neither image has alpha
    QString describe() const
    {
        QString s = QStringLiteral("mean %1, max blurred %2").arg(meanAbs, 0, 'f', 3).arg(maxBlurred, 0, 'f', 2);
        if (alphaMean >= 0)
            s += QStringLiteral(", alpha mean %1").arg(alphaMean, 0, 'f', 3);
        return s;
    }
    bool within(const Tolerance &t) const
    {
        return meanAbs <= t.meanAbs && maxBlurred <= t.maxBlurred && alphaMean <= t.alphaMean;
    }
};

// Both images must have the same size (checked by the callers).
Metrics compare(VipsImage *a, VipsImage *b)
{
    const Normalised na = normalise(a);
    const Normalised nb = normalise(b);
    Metrics m;
    std::tie(m.meanAbs, m.maxBlurred) = difference(na.rgb.get(), nb.rgb.get());
    if (na.alpha || nb.alpha) {
        // One side without alpha counts as fully opaque.
        auto opaque = [](const Normalised &n) {
            ImageRef alpha;
            if (n.alpha) {
                alpha.reset(n.alpha.get());
                g_object_ref(n.alpha.get());
            } else {
                ImageRef zero;
                check(vips_black(zero.out(), vips_image_get_width(n.rgb.get()), vips_image_get_height(n.rgb.get()),
                                 nullptr),
                      "black");
                check(vips_linear1(zero.get(), alpha.out(), 1.0, 255.0, "uchar", TRUE, nullptr), "linear1");
            }
            return alpha;
        };
        const ImageRef alphaA = opaque(na);
        const ImageRef alphaB = opaque(nb);
        m.alphaMean = difference(alphaA.get(), alphaB.get()).first;
    }
    return m;
}

ImageRef loadReference(const QString &name)
{
    const QByteArray path = QFile::encodeName(referencePath(name));
    ImageRef image(vips_image_new_from_file(path.constData(), "access", VIPS_ACCESS_RANDOM, nullptr));
    if (!image)
        vips_error_clear();
    return image;
}

bool hasField(VipsImage *image, const char *field)
{
    return vips_image_get_typeof(image, field) != 0;
}

Expected<QByteArray> logoSource(const QString &image)
{
    if (image != kLogo)
        return Error::notFound(QStringLiteral("golden suite has no watermark %1").arg(image));
    return testImage("watermark/logo_200x80.png");
}

} // namespace

class TestGoldenImages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { initVipsForTests(); }

    void cleanupTestCase()
    {
        QCOMPARE(liveVipsImages(), 0);
        if (!written().isEmpty()) {
            QFAIL(qPrintable(QStringLiteral("MORT_GOLDEN_UPDATE=1: wrote %1 reference(s) instead of comparing; "
                                            "look at them before committing:\n  %2")
                                 .arg(written().size())
                                 .arg(written().join(QStringLiteral("\n  ")))));
        }
    }

    void golden_data()
    {
        QTest::addColumn<QString>("name");
        for (const GoldenCase &c : cases())
            QTest::newRow(c.name) << QString::fromLatin1(c.name);
    }

    void golden()
    {
        QFETCH(QString, name);
        const GoldenCase &c = *findCase(name);

        QList<Transforms> chain; // root-most first, as ObjectRef::transformChain()
        if (c.cloudinary) {
            for (const QString &group : QString::fromLatin1(c.cloudinary).split(QLatin1Char('/'))) {
                Expected<Transforms> link = cloudinaryToTransforms(group);
                QVERIFY2(link.ok(), link.ok() ? "" : qPrintable(link.error().toString()));
                chain.prepend(std::move(*link));
            }
        } else {
            // URL query -> Transforms, as the `query` kind parser does.
            Expected<Transforms> parsed = queryToTransforms(QueryValues::parse(QByteArray(c.query)));
            QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().toString()));
            Transforms transforms = std::move(*parsed);
            if (c.extra)
                c.extra(transforms);
            QVERIFY(!transforms.isEmpty());
            chain.append(std::move(transforms));
        }

        const ImageProcessor processor(LimitsConfig{}, logoSource);
        const Expected<ProcessedImage> out = processor.process(testImage(c.source), mergeChain(chain), CancelToken{});
        QVERIFY2(out.ok(), out.ok() ? "" : qPrintable(out.error().toString()));

        // Type and dimensions: exact.
        QCOMPARE(out->contentType, QByteArray(c.contentType));
        QCOMPARE(out->width, c.width);
        QCOMPARE(out->height, c.height);
        const Decoded decoded = decode(out->body);
        QVERIFY2(loadedAs(decoded.loader(), c.contentType), decoded.loader().constData());
        QCOMPARE(decoded.width(), c.width);
        QCOMPARE(decoded.height(), c.height);

        VipsImage *image = decoded.image.get();
        const bool alpha = vips_image_hasalpha(image);
        if (c.checks & HasAlpha)
            QVERIFY2(alpha, "alpha band lost");
        if (c.checks & Opaque)
            QVERIFY2(!alpha, "output should be opaque (alpha flattened)");
        if (c.checks & Grey)
            QVERIFY2(vips_image_get_bands(image) - (alpha ? 1 : 0) == 1,
                     qPrintable(QStringLiteral("%1 bands, expected grey").arg(decoded.bands())));
        if (c.checks & Interlaced) {
            int interlaced = 0;
            QVERIFY2(hasField(image, "interlaced") && vips_image_get_int(image, "interlaced", &interlaced) == 0
                         && interlaced == 1,
                     "output is not interlaced");
        }
        if (c.checks & Stripped)
            QVERIFY2(!hasField(image, VIPS_META_EXIF_NAME), "EXIF block kept despite strip");
        if (c.checks & KeepsExif)
            QVERIFY2(hasField(image, VIPS_META_EXIF_NAME), "no EXIF block (control for strip)");
        if (c.checks & Upright) {
            int orientation = 1;
            if (hasField(image, VIPS_META_ORIENTATION))
                vips_image_get_int(image, VIPS_META_ORIENTATION, &orientation);
            QCOMPARE(orientation, 1);
        }

        const ImageRef actual = comparable(image);
        const QString path = referencePath(name);
        if (updateMode()) {
            QVERIFY(QDir().mkpath(kReferenceDir));
            check(vips_pngsave(actual.get(), QFile::encodeName(path).constData(), "compression", 9, "strip", TRUE,
                               nullptr),
                  "pngsave");
            written().append(QDir(QStringLiteral(MORT_SOURCE_DIR)).relativeFilePath(path));
            return;
        }

        const ImageRef reference = loadReference(name);
        QVERIFY2(reference,
                 qPrintable(QStringLiteral("missing reference %1; make it with MORT_GOLDEN_UPDATE=1").arg(path)));
        QCOMPARE(vips_image_get_width(reference.get()), referenceSide(c.width, c.height, true));
        QCOMPARE(vips_image_get_height(reference.get()), referenceSide(c.width, c.height, false));
        QCOMPARE(vips_image_get_width(actual.get()), vips_image_get_width(reference.get()));
        QCOMPARE(vips_image_get_height(actual.get()), vips_image_get_height(reference.get()));
        // Band layout: alpha present on both or neither, same colour/grey.
        QCOMPARE(bool(vips_image_hasalpha(actual.get())), bool(vips_image_hasalpha(reference.get())));
        QCOMPARE(vips_image_get_bands(actual.get()), vips_image_get_bands(reference.get()));

        const Metrics m = compare(actual.get(), reference.get());
        const Tolerance &t = c.tolerance;
        qInfo("%s: %s (%s limits: %.2f, %.1f, alpha %.2f)", c.name, qPrintable(m.describe()), t.name, t.meanAbs,
              t.maxBlurred, t.alphaMean);
        QVERIFY2(m.within(t),
                 qPrintable(QStringLiteral("%1 differs from its reference: %2; %3 limits: mean %4, "
                                           "max blurred %5, alpha mean %6")
                                .arg(path, m.describe(), QLatin1String(t.name))
                                .arg(t.meanAbs)
                                .arg(t.maxBlurred)
                                .arg(t.alphaMean)));
    }

    // The thresholds are meaningful: neighbouring cases fail each other's.
    void referencesAreDistinct_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        for (const auto &[a, b] : distinctPairs())
            QTest::addRow("%s_vs_%s", a, b) << QString::fromLatin1(a) << QString::fromLatin1(b);
    }

    void referencesAreDistinct()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        if (updateMode())
            QSKIP("references are being rewritten");
        const GoldenCase *ca = findCase(a);
        const GoldenCase *cb = findCase(b);
        QVERIFY(ca && cb);
        const ImageRef ra = loadReference(a);
        const ImageRef rb = loadReference(b);
        QVERIFY2(ra && rb, "missing reference");
        QCOMPARE(vips_image_get_width(ra.get()), vips_image_get_width(rb.get()));
        QCOMPARE(vips_image_get_height(ra.get()), vips_image_get_height(rb.get()));
        const Metrics m = compare(ra.get(), rb.get());
        qInfo("%s vs %s: %s", ca->name, cb->name, qPrintable(m.describe()));
        QVERIFY2(
            !m.within(ca->tolerance) && !m.within(cb->tolerance),
            qPrintable(QStringLiteral("%1 and %2 are within tolerance of each other (%3)").arg(a, b, m.describe())));
    }

    // Every reference belongs to a case (no stale files), and the set is small.
    void referencesMatchCases()
    {
        if (updateMode())
            QSKIP("references are being rewritten");
        const QDir dir(kReferenceDir);
        QVERIFY2(dir.exists(QStringLiteral("README.md")), "references/README.md is missing");
        QSet<QString> names;
        for (const GoldenCase &c : cases()) {
            QVERIFY2(!names.contains(QLatin1String(c.name)), c.name);
            names.insert(QLatin1String(c.name));
        }
        qint64 total = 0;
        for (const QFileInfo &file : dir.entryInfoList({QStringLiteral("*.png")}, QDir::Files)) {
            QVERIFY2(names.contains(file.completeBaseName()),
                     qPrintable(QStringLiteral("stale reference %1").arg(file.fileName())));
            total += file.size();
        }
        QVERIFY2(total <= 3 * 1024 * 1024, qPrintable(QStringLiteral("references total %1 bytes").arg(total)));
    }
};

QTEST_GUILESS_MAIN(TestGoldenImages)
#include "tst_goldenimages.moc"
