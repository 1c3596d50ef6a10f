#include "imaging/pipelinesteps.h"

#include "imaging/deadline.h"
#include "imaging/imageprobe.h"
#include "imaging/jpegshrink.h"
#include "imaging/transformcost.h"

#include <QStringList>

#include <vector>

namespace mort {

namespace {

// bimg passes min_ampl straight to libvips, which ignores values outside its
// range (0.001..1) with a GLib warning and keeps its default: the effective
// Mort behaviour for the usual minAmpl=0.

Error corrupt(const QString &detail)
{
    return Error::client("image.corrupt", 422, QStringLiteral("image data is corrupt"), detail);
}

// A libvips call failed: a stop request wins, otherwise the source is
// undecodable (peer C6: 422, not Mort's 400).
Error vipsFailure(const PassContext &ctx, const char *what)
{
    const QString detail = QLatin1String(what) + QStringLiteral(": ") + takeVipsError();
    if (auto stop = stopError(ctx.cancel))
        return *stop;
    return corrupt(detail);
}

Error watermarkUnavailable(const QString &detail)
{
    return Error::client("image.watermark_unavailable", 400, QStringLiteral("watermark image unavailable"), detail);
}

// Computes the current pipeline into memory, watched by the deadline. Used
// before operations that read their input out of order (rotation by 90/270,
// smart crop), which a sequential-access decode cannot serve; it runs after
// shrink-on-load, so the copy is small.
Expected<void> materialize(PassContext &ctx, const char *what)
{
    ImageRef out;
    int rc = 0;
    {
        EvalWatch watch(ctx.image.get(), ctx.cancel);
        out.reset(vips_image_copy_memory(ctx.image.get()));
        rc = out ? 0 : -1;
    }
    if (rc != 0)
        return vipsFailure(ctx, what);
    ctx.image = std::move(out);
    return {};
}

// A private copy of the image header, so metadata can be changed without
// touching images other references may share.
Expected<void> removeOrientationTag(PassContext &ctx)
{
    if (!vips_image_get_typeof(ctx.image.get(), VIPS_META_ORIENTATION))
        return {};
    ImageRef copy;
    if (vips_copy(ctx.image.get(), copy.out(), nullptr) != 0)
        return vipsFailure(ctx, "copy");
    vips_image_remove(copy.get(), VIPS_META_ORIENTATION);
    ctx.image = std::move(copy);
    return {};
}

// CMYK sources become sRGB right after decode, through their embedded profile
// (or libvips' built-in CMYK profile), so every later step sees RGB.
Expected<void> importCmyk(PassContext &ctx)
{
    if (vips_image_get_interpretation(ctx.image.get()) != VIPS_INTERPRETATION_CMYK)
        return {};
    ImageRef out;
    if (vips_icc_transform(ctx.image.get(), out.out(), "srgb", "embedded", TRUE, "input_profile", "cmyk", nullptr) != 0)
        return vipsFailure(ctx, "icc_transform");
    ctx.image = std::move(out);
    return {};
}

Expected<void> toSrgb(PassContext &ctx, ImageRef &image)
{
    if (vips_image_get_interpretation(image.get()) == VIPS_INTERPRETATION_sRGB
        && vips_image_get_format(image.get()) == VIPS_FORMAT_UCHAR)
        return {};
    ImageRef out;
    if (vips_colourspace(image.get(), out.out(), VIPS_INTERPRETATION_sRGB, nullptr) != 0)
        return vipsFailure(ctx, "colourspace");
    image = std::move(out);
    if (vips_image_get_format(image.get()) != VIPS_FORMAT_UCHAR) {
        if (vips_cast(image.get(), out.out(), VIPS_FORMAT_UCHAR, nullptr) != 0)
            return vipsFailure(ctx, "cast");
        image = std::move(out);
    }
    return {};
}

bool watermarkFraction(const QString &word, float *out)
{
    if (word == QLatin1String("top") || word == QLatin1String("left"))
        *out = 0.0f;
    else if (word == QLatin1String("center"))
        *out = 1.0f / 3.0f;
    else if (word == QLatin1String("bottom") || word == QLatin1String("right"))
        *out = 2.0f / 3.0f;
    else
        return false;
    return true;
}

} // namespace

Expected<void> stepDecode(PassContext &ctx)
{
    const PassGeometry &g = ctx.geometry;
    const bool scale = g.transform && (g.scaledWidth != g.uprightWidth || g.scaledHeight != g.uprightHeight);
    if (scale) {
        // Shrink-on-load: libjpeg's DCT scaling, webp's scaled decode, then a
        // residual reduce; libvips premultiplies alpha around the resample.
        // libvips 8.14's thumbnail_buffer does not forward its own fail_on
        // to the loader; the loader option string does reach it.
        // With an explicit rotate EXIF is ignored and the rotation happens
        // afterwards, so the target is given in stored orientation.
        const bool quarterTurn = g.explicitRotate && (ctx.options.rotate == 90 || ctx.options.rotate == 270);
        const int width = quarterTurn ? g.scaledHeight : g.scaledWidth;
        const int height = quarterTurn ? g.scaledWidth : g.scaledHeight;
        // JPEG: decoded at the DCT scale Mort and sharp use (imaging/jpegshrink.h),
        // then thumbnail_image resamples the rest (it shares thumbnail_buffer's
        // steps after the load: colour, alpha, orientation).
        const bool swapped = !g.explicitRotate && orientationSwapsAxes(ctx.info.orientation);
        const int shrink = ctx.info.loader == "jpegload" && jpegShrinkMode() == JpegShrinkMode::Full
            ? jpegShrinkOnLoad(ctx.info.width, ctx.info.height, swapped ? height : width, swapped ? width : height)
            : 1;
        if (shrink > 1) {
            ImageRef decoded;
            if (vips_jpegload_buffer(const_cast<char *>(ctx.source.constData()), size_t(ctx.source.size()),
                                     decoded.out(), "shrink", shrink, "access", VIPS_ACCESS_SEQUENTIAL, "fail_on",
                                     kStrictFailOn, nullptr)
                != 0)
                return vipsFailure(ctx, "jpegload");
            if (vips_thumbnail_image(decoded.get(), ctx.image.out(), width, "height", height, "size", VIPS_SIZE_FORCE,
                                     "no_rotate", gboolean(g.explicitRotate), nullptr)
                != 0)
                return vipsFailure(ctx, "thumbnail");
        } else if (vips_thumbnail_buffer(const_cast<char *>(ctx.source.constData()), size_t(ctx.source.size()),
                                         ctx.image.out(), width, "height", height, "size", VIPS_SIZE_FORCE, "no_rotate",
                                         gboolean(g.explicitRotate), "option_string", kStrictFailOnOption, nullptr)
                   != 0) {
            return vipsFailure(ctx, "thumbnail");
        }
        ctx.scaledOnLoad = true;
        ctx.orientedOnLoad = !g.explicitRotate;
    } else {
        // Sequential access streams the decode through the pipeline; rotation
        // and smart crop read out of order and need random access.
        const bool random =
            g.explicitRotate || ctx.info.orientation != 1 || g.placement == PassGeometry::Placement::SmartCrop;
        ctx.image.reset(vips_image_new_from_buffer(ctx.source.constData(), size_t(ctx.source.size()), "", "access",
                                                   random ? VIPS_ACCESS_RANDOM : VIPS_ACCESS_SEQUENTIAL, "fail_on",
                                                   kStrictFailOn, nullptr));
        if (!ctx.image)
            return vipsFailure(ctx, "load");
    }
    return importCmyk(ctx);
}

Expected<void> stepOrient(PassContext &ctx)
{
    const PassGeometry &g = ctx.geometry;
    if (g.explicitRotate) {
        if (ctx.scaledOnLoad) {
            if (auto r = materialize(ctx, "rotate"); !r)
                return r;
        }
        const VipsAngle angle = ctx.options.rotate == 90 ? VIPS_ANGLE_D90
            : ctx.options.rotate == 180                  ? VIPS_ANGLE_D180
                                                         : VIPS_ANGLE_D270;
        ImageRef out;
        if (vips_rot(ctx.image.get(), out.out(), angle, nullptr) != 0)
            return vipsFailure(ctx, "rot");
        ctx.image = std::move(out);
    } else if (!ctx.orientedOnLoad && ctx.info.orientation != 1) {
        ImageRef out;
        if (vips_autorot(ctx.image.get(), out.out(), nullptr) != 0)
            return vipsFailure(ctx, "autorot");
        ctx.image = std::move(out);
    }
    // Clients must not rotate the output again (spec C15).
    return removeOrientationTag(ctx);
}

Expected<void> stepResize(PassContext &ctx)
{
    const PassGeometry &g = ctx.geometry;
    VipsImage *in = ctx.image.get();
    const int width = vips_image_get_width(in);
    const int height = vips_image_get_height(in);
    if (!g.transform || (width == g.scaledWidth && height == g.scaledHeight))
        return {};
    // Only reached when decode did not scale to the exact size (it normally
    // does): resample what we have, premultiplied so transparent pixels do not
    // bleed their colour into the edges.
    const double hscale = double(g.scaledWidth) / width;
    const double vscale = double(g.scaledHeight) / height;
    ImageRef work;
    work.reset(in);
    g_object_ref(in);
    const bool alpha = vips_image_hasalpha(in);
    const VipsBandFormat format = vips_image_get_format(in);
    ImageRef out;
    if (alpha) {
        if (vips_premultiply(work.get(), out.out(), nullptr) != 0)
            return vipsFailure(ctx, "premultiply");
        work = std::move(out);
    }
    if (vips_resize(work.get(), out.out(), hscale, "vscale", vscale, nullptr) != 0)
        return vipsFailure(ctx, "resize");
    work = std::move(out);
    if (alpha) {
        if (vips_unpremultiply(work.get(), out.out(), nullptr) != 0)
            return vipsFailure(ctx, "unpremultiply");
        work = std::move(out);
        if (vips_cast(work.get(), out.out(), format, nullptr) != 0)
            return vipsFailure(ctx, "cast");
        work = std::move(out);
    }
    ctx.image = std::move(work);
    return {};
}

Expected<void> stepPlace(PassContext &ctx)
{
    const PassGeometry &g = ctx.geometry;
    ImageRef out;
    switch (g.placement) {
    case PassGeometry::Placement::None: return {};
    case PassGeometry::Placement::SmartCrop:
        // smartcrop scans the whole image for attention, then extracts:
        // two passes over its input, so give it a memory image.
        if (auto r = materialize(ctx, "smartcrop"); !r)
            return r;
        if (vips_smartcrop(ctx.image.get(), out.out(), g.outWidth, g.outHeight, "interesting",
                           VIPS_INTERESTING_ATTENTION, nullptr)
            != 0)
            return vipsFailure(ctx, "smartcrop");
        break;
    case PassGeometry::Placement::GravityCrop:
    case PassGeometry::Placement::Extract:
        if (vips_extract_area(ctx.image.get(), out.out(), g.areaLeft, g.areaTop, g.outWidth, g.outHeight, nullptr) != 0)
            return Error::client("image.bad_extract", 400, QStringLiteral("extract area is outside the image"),
                                 takeVipsError());
        break;
    case PassGeometry::Placement::Embed:
        // Black for opaque images, transparent black with alpha (unverified
        // in Mort; bimg's default extend is black).
        if (vips_embed(ctx.image.get(), out.out(), g.areaLeft, g.areaTop, g.outWidth, g.outHeight, "extend",
                       VIPS_EXTEND_BLACK, nullptr)
            != 0)
            return vipsFailure(ctx, "embed");
        break;
    }
    ctx.image = std::move(out);
    return {};
}

Expected<void> stepBlur(PassContext &ctx)
{
    const PassOptions &o = ctx.options;
    if (!(o.sigma > 0 || o.minAmpl > 0))
        return {};
    const double minAmpl = effectiveMinAmpl(o.minAmpl);
    ImageRef out;
    if (vips_gaussblur(ctx.image.get(), out.out(), o.sigma, "min_ampl", minAmpl, nullptr) != 0) {
        const QString detail = takeVipsError();
        return Error::client("image.bad_blur", 400, QStringLiteral("blur failed"), detail);
    }
    ctx.image = std::move(out);
    return {};
}

Expected<void> stepWatermark(PassContext &ctx)
{
    const PassOptions &o = ctx.options;
    if (!o.watermark)
        return {};
    const WatermarkParams &wp = o.watermarkParams;
    // Peer C3: opacity 0 is invisible (Mort drew it fully opaque).
    const double opacity = qBound(0.0, double(wp.opacity), 1.0);
    if (opacity <= 0.0)
        return {};

    const QStringList words = wp.position.split(QLatin1Char('-'));
    float fy = 0;
    float fx = 0;
    if (words.size() != 2 || !watermarkFraction(words.at(0), &fy) || !watermarkFraction(words.at(1), &fx)
        || words.at(0) == QLatin1String("left") || words.at(0) == QLatin1String("right")
        || words.at(1) == QLatin1String("top") || words.at(1) == QLatin1String("bottom"))
        return Error::badRequest("image.bad_watermark", QStringLiteral("bad position %1").arg(wp.position));

    if (!ctx.watermarks)
        return watermarkUnavailable(QStringLiteral("no watermark source configured"));
    Expected<QByteArray> bytes = ctx.watermarks(wp.image);
    if (!bytes)
        return watermarkUnavailable(QStringLiteral("%1: %2").arg(wp.image, bytes.error().toString()));
    // The logo is an input like any other: allow-list and limits apply.
    Expected<ImageInfo> logoInfo = probeImage(*bytes, ctx.limits);
    if (!logoInfo)
        return watermarkUnavailable(QStringLiteral("%1: %2").arg(wp.image, logoInfo.error().toString()));

    // `bytes` must outlive the lazily decoded logo: encode happens later in
    // this pass, so keep them in the context.
    ctx.watermarkBytes = std::move(*bytes);
    const QByteArray &logoBytes = ctx.watermarkBytes;
    ImageRef logo(vips_image_new_from_buffer(logoBytes.constData(), size_t(logoBytes.size()), "", "fail_on",
                                             kStrictFailOn, nullptr));
    if (!logo)
        return watermarkUnavailable(QStringLiteral("%1: %2").arg(wp.image, takeVipsError()));
    if (auto r = toSrgb(ctx, logo); !r)
        return r;
    ImageRef out;
    if (!vips_image_hasalpha(logo.get())) {
        if (vips_bandjoin_const1(logo.get(), out.out(), 255.0, nullptr) != 0)
            return vipsFailure(ctx, "bandjoin");
        logo = std::move(out);
    }
    if (opacity < 1.0) {
        // Blend mask = logo alpha x opacity.
        const double a[4] = {1.0, 1.0, 1.0, opacity};
        const double b[4] = {0.0, 0.0, 0.0, 0.0};
        if (vips_linear(logo.get(), out.out(), a, b, 4, "uchar", TRUE, nullptr) != 0)
            return vipsFailure(ctx, "linear");
        logo = std::move(out);
    }

    // Reference box (spec §5.4): requested size, else the pass input size
    // before rotation, integer maths as Mort.
    const int inW = ctx.info.width;
    const int inH = ctx.info.height;
    int rw = inW;
    int rh = inH;
    if (o.width != 0 && o.height != 0) {
        rw = o.width;
        rh = o.height;
    } else if (o.width != 0) {
        rw = o.width;
        rh = int(qint64(o.width) * inH / inW);
    } else if (o.height != 0) {
        rh = o.height;
        rw = int(qint64(o.height) * inW / inH);
    }
    // Peer C3: left comes from the horizontal word (Mort used the vertical one).
    const int top = int(fy * float(rh));
    const int left = int(fx * float(rw));

    const bool baseAlpha = vips_image_hasalpha(ctx.image.get());
    if (auto r = toSrgb(ctx, ctx.image); !r)
        return r;
    // Overflow is clipped: composite keeps the base's size.
    if (vips_composite2(ctx.image.get(), logo.get(), out.out(), VIPS_BLEND_MODE_OVER, "x", left, "y", top, nullptr)
        != 0)
        return vipsFailure(ctx, "composite");
    ctx.image = std::move(out);
    if (!baseAlpha && vips_image_get_bands(ctx.image.get()) > 3) {
        if (vips_extract_band(ctx.image.get(), out.out(), 0, "n", 3, nullptr) != 0)
            return vipsFailure(ctx, "extract_band");
        ctx.image = std::move(out);
    }
    return {};
}

Expected<void> stepColourspace(PassContext &ctx)
{
    const VipsInterpretation target = ctx.options.grayscale ? VIPS_INTERPRETATION_B_W : VIPS_INTERPRETATION_sRGB;
    ImageRef out;
    if (vips_image_get_interpretation(ctx.image.get()) != target && vips_colourspace_issupported(ctx.image.get())) {
        // Also scales 16-bit RGB16/GREY16 down to 8 bits (not clipping).
        if (vips_colourspace(ctx.image.get(), out.out(), target, nullptr) != 0)
            return vipsFailure(ctx, "colourspace");
        ctx.image = std::move(out);
    }
    if (vips_image_get_format(ctx.image.get()) != VIPS_FORMAT_UCHAR) {
        if (vips_cast(ctx.image.get(), out.out(), VIPS_FORMAT_UCHAR, nullptr) != 0)
            return vipsFailure(ctx, "cast");
        ctx.image = std::move(out);
    }
    if (vips_image_hasalpha(ctx.image.get()) && !outputSupportsAlpha(ctx.outputType)) {
        // JPEG: flatten onto white, never onto black or the hidden colour of
        // transparent pixels (testdata alpha_1024x768.png hides magenta there).
        const int colourBands = vips_image_get_bands(ctx.image.get()) - 1;
        std::vector<double> white(size_t(colourBands), 255.0);
        VipsArrayDouble *background = vips_array_double_new(white.data(), colourBands);
        const int rc = vips_flatten(ctx.image.get(), out.out(), "background", background, nullptr);
        vips_area_unref(VIPS_AREA(background));
        if (rc != 0)
            return vipsFailure(ctx, "flatten");
        ctx.image = std::move(out);
    }
    return {};
}

Expected<void> stepEncode(PassContext &ctx)
{
    Expected<ProcessedImage> encoded = encodeImage(ctx.image.get(), ctx.outputType, ctx.options, ctx.cancel);
    if (!encoded)
        return encoded.takeError();
    ctx.result = std::move(*encoded);
    return {};
}

Expected<ProcessedImage> runPass(const QByteArray &source, const PassOptions &options, const LimitsConfig &limits,
                                 const WatermarkSource &watermarks, const CancelToken &cancel, HeavyLane *heavyLane)
{
    if (auto stop = stopError(cancel))
        return *stop;
    // Everything that can be refused from the header is refused here, before
    // any pixel is decoded.
    Expected<ImageInfo> info = probeImage(source, limits);
    if (!info)
        return info.takeError();
    Expected<PassGeometry> geometry = planGeometry(*info, options, limits);
    if (!geometry)
        return geometry.takeError();
    Expected<OutputType> type = outputTypeFor(options, *info);
    if (!type)
        return type.takeError();
    const qint64 cost = passCost(*info, *geometry, options);
    if (limits.maxTransformCost > 0 && cost > limits.maxTransformCost)
        return Error::client("image.too_costly", 422,
                             QStringLiteral("this transform would take too long on an image this size; "
                                            "use a smaller blur sigma or resize before blurring"),
                             QStringLiteral("cost %1 pixel operations, limit %2 (limits.maxTransformCost)")
                                 .arg(cost)
                                 .arg(limits.maxTransformCost));
    // Heavy passes share limits' lane: never every worker (held until the pass ends).
    HeavyLane::Ticket heavyTicket;
    if (heavyLane && limits.heavyTransformCost > 0 && cost > limits.heavyTransformCost) {
        heavyTicket = heavyLane->tryEnter();
        if (!heavyTicket.isValid())
            return Error::client("request.heavy_throttled", 503,
                                 QStringLiteral("too many heavy transforms at once; retry in a moment"),
                                 QStringLiteral("cost %1 pixel operations over limits.heavyTransformCost %2; "
                                                "all %3 heavy slots busy")
                                     .arg(cost)
                                     .arg(limits.heavyTransformCost)
                                     .arg(heavyLane->slots()));
    }

    PassContext ctx{source, *info, options, *geometry, limits, watermarks, cancel};
    ctx.outputType = *type;
    for (const NamedStep &step : kPassSteps) {
        if (auto stop = stopError(cancel))
            return *stop;
        if (auto r = step.run(ctx); !r)
            return r.takeError();
    }
    return std::move(ctx.result);
}

} // namespace mort
