#include "object/queryparser.h"

#include "core/hexdigit.h"
#include "object/kindparsers.h"

#include <QRegularExpression>

#include <cfloat>
#include <cmath>
#include <limits>

namespace mort {

namespace {

// Go url.QueryUnescape; false on a malformed escape.
bool queryUnescape(QByteArrayView in, QString *out)
{
    QByteArray bytes;
    bytes.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '+') {
            bytes.append(' ');
        } else if (c == '%') {
            if (i + 2 >= in.size())
                return false;
            const int hi = hexDigitValue(in[i + 1]);
            const int lo = hexDigitValue(in[i + 2]);
            if (hi < 0 || lo < 0)
                return false;
            bytes.append(char(hi * 16 + lo));
            i += 2;
        } else {
            bytes.append(c);
        }
    }
    *out = QString::fromUtf8(bytes);
    return true;
}

Error queryError(const char *code, const QString &detail)
{
    return Error::badRequest(QByteArray(code), detail);
}

// Mort's queryToInt: first value, "" is an error, then ParseInt(.., 10, 32).
bool queryInt(const QueryValues &q, const QString &key, int *out)
{
    *out = 0;
    const QString v = q.first(key);
    if (v.isEmpty())
        return false;
    if (!parseGoInt32(v, out)) {
        *out = 0;
        return false;
    }
    return true;
}

// Used where Mort ignores parse errors ("w, _ = queryToInt(...)"): 0 on error.
int queryIntOrZero(const QueryValues &q, const QString &key)
{
    int v = 0;
    queryInt(q, key, &v);
    return v;
}

Expected<void> applyModeA(const QueryValues &q, Transforms &t)
{
    const bool hasWidth = q.has(QStringLiteral("width"));
    const bool hasHeight = q.has(QStringLiteral("height"));
    int w = 0, h = 0;
    // Mode A is strict: a present size must parse and be > 0 (spec §3).
    if (hasWidth && (!queryInt(q, QStringLiteral("width"), &w) || w <= 0))
        return queryError("query.bad_width", QStringLiteral("width must be a positive integer"));
    if (hasHeight && (!queryInt(q, QStringLiteral("height"), &h) || h <= 0))
        return queryError("query.bad_height", QStringLiteral("height must be a positive integer"));
    if (hasWidth || hasHeight)
        t.resize(w, h, false, false, false);
    return {};
}

Expected<void> applyOperation(const QString &op, const QueryValues &q, Transforms &t)
{
    // Every operation reads the single shared width/height (first values),
    // parse errors silently 0 -- Mort quirk kept (spec §3, peer C10).
    if (op == QLatin1String("resize") || op == QLatin1String("crop") || op == QLatin1String("resizeCropAuto")) {
        const int w = queryIntOrZero(q, QStringLiteral("width"));
        const int h = queryIntOrZero(q, QStringLiteral("height"));
        if (w < 0)
            return queryError("query.bad_width", QStringLiteral("width cannot be negative"));
        if (h < 0)
            return queryError("query.bad_height", QStringLiteral("height cannot be negative"));
        if (op == QLatin1String("resize")) {
            if (w == 0 && h == 0)
                return queryError("query.bad_size", QStringLiteral("resize needs width or height"));
            t.resize(w, h, false, false, false);
        } else if (op == QLatin1String("crop")) {
            t.crop(w, h, parseGravity(q.first(QStringLiteral("gravity"))), false,
                   !q.first(QStringLiteral("embed")).isEmpty());
        } else {
            t.resizeCropAuto(w, h);
        }
        return {};
    }
    if (op == QLatin1String("extract")) {
        // `areaWith` (sic) is Mort's name and wins; `areaWidth` is our alias.
        const QString areaWidthKey =
            q.has(QStringLiteral("areaWith")) ? QStringLiteral("areaWith") : QStringLiteral("areaWidth");
        const int aw = queryIntOrZero(q, areaWidthKey);
        const int ah = queryIntOrZero(q, QStringLiteral("areaHeight"));
        const int top = queryIntOrZero(q, QStringLiteral("top"));
        const int left = queryIntOrZero(q, QStringLiteral("left"));
        if (top < 0 || left < 0 || aw < 0 || ah < 0)
            return queryError("query.bad_extract", QStringLiteral("extract coordinates cannot be negative"));
        t.extract(top, left, aw, ah);
        return {};
    }
    if (op == QLatin1String("watermark")) {
        const QString opacityText = q.first(QStringLiteral("opacity"));
        float opacity = 0;
        if (opacityText.isEmpty() || !parseGoFloat32(opacityText, &opacity) || opacity < 0.0f || opacity > 1.0f)
            return queryError("query.bad_opacity", QStringLiteral("opacity must be a number in [0,1]"));
        WatermarkParams wm;
        wm.image = q.first(QStringLiteral("image"));
        wm.position = q.first(QStringLiteral("position"));
        wm.opacity = opacity;
        Expected<void> valid = validateWatermark(wm.image, wm.position, "query");
        if (!valid)
            return valid;
        t.watermark(wm);
        return {};
    }
    if (op == QLatin1String("blur")) {
        const QString sigmaText = q.first(QStringLiteral("sigma"));
        float sigma = 0;
        if (sigmaText.isEmpty() || !parseGoFloat32(sigmaText, &sigma) || sigma <= 0.0f || sigma > 100.0f)
            return queryError("query.bad_sigma", QStringLiteral("sigma must be a number in (0,100]"));
        float minAmpl = 0;
        const QString minAmplText = q.first(QStringLiteral("minAmpl"));
        if (!parseGoFloat32(minAmplText, &minAmpl)) {
            // Mort ignores minAmpl parse errors (-> 0); non-finite values are
            // refused instead of reaching libvips (peer-differences R9).
            const QString lower = minAmplText.trimmed().toLower();
            if (lower.contains(QLatin1String("nan")) || lower.contains(QLatin1String("inf")))
                return queryError("query.bad_min_ampl", QStringLiteral("minAmpl must be finite"));
            minAmpl = 0;
        }
        // float32 values widened to double, as Mort's ParseFloat(.., 32):
        // the hash truncates value*1000, so the rounding is observable.
        t.blur(double(sigma), double(minAmpl));
        return {};
    }
    if (op == QLatin1String("rotate")) {
        int angle = 0;
        if (!queryInt(q, QStringLiteral("angle"), &angle) || !isValidAngle(angle))
            return queryError("query.bad_angle", QStringLiteral("angle must be 0, 90, 180 or 270"));
        t.rotate(angle);
        return {};
    }
    return {}; // unknown operations are silently ignored (spec §3)
}

} // namespace

QueryValues QueryValues::parse(const QByteArray &rawQuery)
{
    QueryValues result;
    for (const QByteArray &pair : rawQuery.split('&')) {
        // Go >= 1.17 refuses ';' as a separator and drops the whole pair.
        if (pair.isEmpty() || pair.contains(';'))
            continue;
        const qsizetype eq = pair.indexOf('=');
        const QByteArrayView rawKey = eq < 0 ? QByteArrayView(pair) : QByteArrayView(pair).first(eq);
        const QByteArrayView rawValue = eq < 0 ? QByteArrayView() : QByteArrayView(pair).sliced(eq + 1);
        QString key, value;
        if (!queryUnescape(rawKey, &key) || !queryUnescape(rawValue, &value))
            continue;
        result.m_values[key].append(value);
    }
    return result;
}

QString QueryValues::first(const QString &key) const
{
    auto it = m_values.constFind(key);
    return it == m_values.constEnd() || it->isEmpty() ? QString() : it->first();
}

bool parseGoInt32(const QString &text, int *out)
{
    static const QRegularExpression re(QStringLiteral("^[+-]?[0-9]+$"));
    if (!re.match(text).hasMatch())
        return false;
    bool ok = false;
    const qlonglong v = text.toLongLong(&ok, 10);
    if (!ok || v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max())
        return false;
    *out = int(v);
    return true;
}

bool parseGoFloat32(const QString &text, float *out)
{
    static const QRegularExpression re(QStringLiteral("^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?$"));
    if (!re.match(text).hasMatch())
        return false;
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok || !std::isfinite(v) || std::fabs(v) > double(FLT_MAX))
        return false;
    *out = float(v);
    return true;
}

Gravity parseGravity(const QString &name)
{
    if (name == QLatin1String("center"))
        return Gravity::Center;
    if (name == QLatin1String("north"))
        return Gravity::North;
    if (name == QLatin1String("south"))
        return Gravity::South;
    if (name == QLatin1String("east"))
        return Gravity::East;
    if (name == QLatin1String("west"))
        return Gravity::West;
    return Gravity::Smart;
}

Expected<void> validateWatermark(const QString &image, const QString &position, const QByteArray &codePrefix)
{
    if (image.isEmpty())
        return Error::badRequest(codePrefix + ".bad_watermark_image", QStringLiteral("watermark image is required"));
    const QStringList p = position.split(QLatin1Char('-'));
    static const QStringList vertical{QStringLiteral("top"), QStringLiteral("center"), QStringLiteral("bottom")};
    static const QStringList horizontal{QStringLiteral("left"), QStringLiteral("center"), QStringLiteral("right")};
    if (p.size() != 2 || !vertical.contains(p[0]) || !horizontal.contains(p[1]))
        return Error::badRequest(codePrefix + ".bad_watermark_position",
                                 QStringLiteral("watermark position must be <top|center|bottom>-<left|center|right>"));
    return {};
}

bool isValidAngle(int angle)
{
    return angle == 0 || angle == 90 || angle == 180 || angle == 270;
}

Expected<Transforms> queryToTransforms(const QueryValues &q)
{
    Transforms t;
    if (q.isEmpty())
        return t;

    if (q.has(QStringLiteral("operation"))) {
        const QStringList ops = q.all(QStringLiteral("operation"));
        if (ops.first().isEmpty())
            return queryError("query.bad_operation", QStringLiteral("empty operation"));
        for (const QString &op : ops) {
            Expected<void> r = applyOperation(op, q, t);
            if (!r)
                return r.takeError();
        }
    } else {
        Expected<void> r = applyModeA(q, t);
        if (!r)
            return r.takeError();
    }

    if (q.has(QStringLiteral("quality"))) {
        int quality = 0;
        if (!queryInt(q, QStringLiteral("quality"), &quality) || quality < 1 || quality > 100)
            return queryError("query.bad_quality", QStringLiteral("quality must be an integer in 1..100"));
        t.quality(quality);
    }
    if (q.has(QStringLiteral("format"))) {
        ImageFormat format = ImageFormat::None;
        if (!parseImageFormat(q.first(QStringLiteral("format")), &format))
            return queryError("query.bad_format", QStringLiteral("unknown format"));
        t.format(format);
    }
    if (q.has(QStringLiteral("grayscale")))
        t.grayscale(); // presence is enough, even "grayscale=0" (spec §3)
    return t;
}

Expected<KindParseResult> parseQueryKind(const KindParseContext &ctx)
{
    Expected<Transforms> t = queryToTransforms(QueryValues::parse(ctx.rawQuery));
    if (!t)
        return t.takeError();
    KindParseResult result;
    result.transforms = std::move(t.value());
    if (result.transforms.isEmpty())
        return result; // §2.1.4: nothing requested -> the original from basic
    result.parentPath =
        ctx.transform->parentBucket.isEmpty() ? ctx.path : joinParentBucket(ctx.transform->parentBucket, ctx.key);
    return result;
}

} // namespace mort
