#include "ui/preview/previewparameters.h"

#include "object/queryparser.h"
#include "object/transforms.h"

#include <QUrl>

namespace mort {

namespace {

struct OperationRow
{
    PreviewParameters::Operation op;
    const char *name;
};

constexpr OperationRow kOperations[] = {
    {PreviewParameters::Operation::Resize, "resize"},
    {PreviewParameters::Operation::Crop, "crop"},
    {PreviewParameters::Operation::ResizeCropAuto, "resizeCropAuto"},
    {PreviewParameters::Operation::Extract, "extract"},
    {PreviewParameters::Operation::Blur, "blur"},
    {PreviewParameters::Operation::Rotate, "rotate"},
    {PreviewParameters::Operation::Watermark, "watermark"},
};

QByteArray encodeValue(const QString &value)
{
    // '/' stays readable in watermark keys; QueryValues decodes every escape.
    return QUrl::toPercentEncoding(value, "/");
}

void addPair(QByteArray &query, const char *key, const QString &value)
{
    if (!query.isEmpty())
        query += '&';
    query += key;
    query += '=';
    query += encodeValue(value);
}

int firstIntOrZero(const QueryValues &q, const QString &key)
{
    int v = 0;
    if (!parseGoInt32(q.first(key), &v))
        v = 0;
    return v;
}

} // namespace

QString formatDecimal(double value)
{
    const float target = float(value);
    // Plain decimals (no exponent), as few as the float32 value needs.
    for (int decimals = 0; decimals <= 9; ++decimals) {
        const QString text = QString::number(double(target), 'f', decimals);
        if (text.toFloat() == target)
            return text;
    }
    return QString::number(double(target), 'g', 9);
}

QList<PreviewParameters::Operation> PreviewParameters::allOperations()
{
    QList<Operation> all;
    for (const OperationRow &row : kOperations)
        all << row.op;
    return all;
}

QString PreviewParameters::operationName(Operation op)
{
    for (const OperationRow &row : kOperations) {
        if (row.op == op)
            return QString::fromLatin1(row.name);
    }
    return {};
}

QString PreviewParameters::operationLabel(Operation op)
{
    switch (op) {
    case Operation::Resize: return tr("Resize");
    case Operation::Crop: return tr("Crop");
    case Operation::ResizeCropAuto: return tr("Resize and crop (auto)");
    case Operation::Extract: return tr("Extract area");
    case Operation::Blur: return tr("Blur");
    case Operation::Rotate: return tr("Rotate");
    case Operation::Watermark: return tr("Watermark");
    }
    return {};
}

bool PreviewParameters::parseOperation(const QString &name, Operation *out)
{
    for (const OperationRow &row : kOperations) {
        if (name == QLatin1String(row.name)) {
            *out = row.op;
            return true;
        }
    }
    return false;
}

QStringList PreviewParameters::gravityNames()
{
    return {QStringLiteral("smart"), QStringLiteral("center"), QStringLiteral("north"),
            QStringLiteral("south"), QStringLiteral("east"),   QStringLiteral("west")};
}

QStringList PreviewParameters::formatNames()
{
    // avif and heif beyond Mort: the server encodes them through libheif.
    return {QString(),
            QStringLiteral("jpeg"),
            QStringLiteral("webp"),
            QStringLiteral("png"),
            QStringLiteral("gif"),
            QStringLiteral("avif"),
            QStringLiteral("heif")};
}

QStringList PreviewParameters::positionNames()
{
    QStringList names;
    for (const char *v : {"top", "center", "bottom"}) {
        for (const char *h : {"left", "center", "right"})
            names << QStringLiteral("%1-%2").arg(QLatin1String(v), QLatin1String(h));
    }
    return names;
}

QList<int> PreviewParameters::angles()
{
    return {0, 90, 180, 270};
}

QList<PreviewParameters::ParamSpec> PreviewParameters::specs()
{
    const QString px = tr(" px");
    // Sizes up to the default limits.maxOutputDimension; the server refuses
    // larger outputs with 422 image.output_too_large anyway.
    constexpr double kMaxSide = 8192;
    constexpr double kMaxOffset = 100000;
    QStringList angleChoices;
    for (int a : angles())
        angleChoices << QString::number(a);
    // One row per parameter, as a table.
    // clang-format off
    return {
        {Param::Width, Kind::Integer, QStringLiteral("width"), tr("Width"), px, 0, kMaxSide, 1, 0, {},
         tr("Output width of the resize; 0 = follow the height")},
        {Param::Height, Kind::Integer, QStringLiteral("height"), tr("Height"), px, 0, kMaxSide, 1, 0, {},
         tr("Output height of the resize; 0 = follow the width")},
        {Param::CropWidth, Kind::Integer, QStringLiteral("width"), tr("Crop width"), px, 0, kMaxSide, 1, 0, {},
         tr("Crop: output width; 0 = keep the image's. With Resize also on, the crop's size is the output")},
        {Param::CropHeight, Kind::Integer, QStringLiteral("height"), tr("Crop height"), px, 0, kMaxSide, 1, 0, {},
         tr("Crop: output height; 0 = keep the image's")},
        {Param::Gravity, Kind::Choice, QStringLiteral("gravity"), tr("Gravity"), {}, 0, 0, 1, 0, gravityNames(),
         tr("Which part of the image a crop keeps; smart finds the most interesting area")},
        {Param::Embed, Kind::Flag, QStringLiteral("embed"), tr("Embed"), {}, 0, 1, 1, 0, {},
         tr("Crop: embed the image in the requested size instead of cutting")},
        {Param::Top, Kind::Integer, QStringLiteral("top"), tr("Top"), px, 0, kMaxOffset, 1, 0, {},
         tr("Extract: top edge of the area")},
        {Param::Left, Kind::Integer, QStringLiteral("left"), tr("Left"), px, 0, kMaxOffset, 1, 0, {},
         tr("Extract: left edge of the area")},
        {Param::AreaWidth, Kind::Integer, QStringLiteral("areaWith"), tr("Area width"), px, 0, kMaxOffset, 1, 0, {},
         tr("Extract: width of the area (query key areaWith, as Mort spells it)")},
        {Param::AreaHeight, Kind::Integer, QStringLiteral("areaHeight"), tr("Area height"), px, 0, kMaxOffset, 1, 0,
         {}, tr("Extract: height of the area")},
        {Param::Sigma, Kind::Decimal, QStringLiteral("sigma"), tr("Sigma"), px, 0.1, 100, 0.5, 2, {},
         tr("Blur: standard deviation of the Gaussian, more than 0 and at most 100")},
        {Param::MinAmpl, Kind::Decimal, QStringLiteral("minAmpl"), tr("Minimum amplitude"), {}, 0, 1, 0.05, 2, {},
         tr("Blur: accuracy of the Gaussian mask; 0 = default")},
        {Param::Angle, Kind::Choice, QStringLiteral("angle"), tr("Angle"), tr(" °"), 0, 270, 90, 0, angleChoices,
         tr("Rotate clockwise")},
        {Param::WatermarkImage, Kind::Text, QStringLiteral("image"), tr("Watermark image"), {}, 0, 0, 1, 0, {},
         tr("Key of an image in the bucket's basic storage (URLs are refused)")},
        {Param::WatermarkPosition, Kind::Choice, QStringLiteral("position"), tr("Position"), {}, 0, 0, 1, 0,
         positionNames(), tr("Where the watermark goes")},
        {Param::Opacity, Kind::Decimal, QStringLiteral("opacity"), tr("Opacity"), {}, 0, 1, 0.05, 2, {},
         tr("Watermark opacity: 0 = invisible, 1 = opaque")},
        {Param::Quality, Kind::Integer, QStringLiteral("quality"), tr("Quality"), tr(" %"), 0, 100, 1, 0, {},
         tr("Encoder quality 1..100; 0 = the encoder's default (75)")},
        {Param::Format, Kind::Choice, QStringLiteral("format"), tr("Format"), {}, 0, 0, 1, 0, formatNames(),
         tr("Output format; empty = keep the input's")},
        {Param::Grayscale, Kind::Flag, QStringLiteral("grayscale"), tr("Grayscale"), {}, 0, 1, 1, 0, {},
         tr("Convert to grayscale")},
    };
    // clang-format on
}

PreviewParameters::ParamSpec PreviewParameters::spec(Param param)
{
    for (const ParamSpec &s : specs()) {
        if (s.param == param)
            return s;
    }
    Q_UNREACHABLE();
}

void PreviewParameters::setOperation(Operation op, bool on)
{
    if (on && !operations.contains(op))
        operations.append(op);
    else if (!on)
        operations.removeAll(op);
}

bool PreviewParameters::isUsed(Param param) const
{
    // ResizeCropAuto reads the query's one size: Crop's when Crop is on.
    const bool sized = operations.isEmpty() || hasOperation(Operation::Resize)
        || (hasOperation(Operation::ResizeCropAuto) && !hasOperation(Operation::Crop));
    switch (param) {
    case Param::Width:
    case Param::Height: return sized;
    case Param::CropWidth:
    case Param::CropHeight: return hasOperation(Operation::Crop);
    case Param::Gravity:
    case Param::Embed: return hasOperation(Operation::Crop);
    case Param::Top:
    case Param::Left:
    case Param::AreaWidth:
    case Param::AreaHeight: return hasOperation(Operation::Extract);
    case Param::Sigma:
    case Param::MinAmpl: return hasOperation(Operation::Blur);
    case Param::Angle: return hasOperation(Operation::Rotate);
    case Param::WatermarkImage:
    case Param::WatermarkPosition:
    case Param::Opacity: return hasOperation(Operation::Watermark);
    case Param::Quality:
    case Param::Format:
    case Param::Grayscale: return true;
    }
    return false;
}

QByteArray PreviewParameters::toQuery() const
{
    QByteArray q;
    for (Operation op : operations)
        addPair(q, "operation", operationName(op));
    // One width/height for every sized operation (Mort's query).
    const bool sized = isUsed(Param::Width) || isUsed(Param::CropWidth);
    if (sized && queryWidth() != 0)
        addPair(q, "width", QString::number(queryWidth()));
    if (sized && queryHeight() != 0)
        addPair(q, "height", QString::number(queryHeight()));
    if (isUsed(Param::Gravity))
        addPair(q, "gravity", gravity);
    if (isUsed(Param::Embed) && embed)
        addPair(q, "embed", QStringLiteral("true"));
    if (isUsed(Param::Top)) {
        addPair(q, "top", QString::number(top));
        addPair(q, "left", QString::number(left));
        addPair(q, "areaWith", QString::number(areaWidth));
        addPair(q, "areaHeight", QString::number(areaHeight));
    }
    if (isUsed(Param::Sigma)) {
        addPair(q, "sigma", formatDecimal(sigma));
        if (minAmpl != 0)
            addPair(q, "minAmpl", formatDecimal(minAmpl));
    }
    if (isUsed(Param::Angle))
        addPair(q, "angle", QString::number(angle));
    if (isUsed(Param::WatermarkImage)) {
        addPair(q, "image", watermarkImage);
        addPair(q, "position", watermarkPosition);
        addPair(q, "opacity", formatDecimal(opacity));
    }
    if (quality != 0)
        addPair(q, "quality", QString::number(quality));
    if (!format.isEmpty())
        addPair(q, "format", format);
    if (grayscale)
        addPair(q, "grayscale", QStringLiteral("1"));
    return q;
}

Expected<PreviewParameters> PreviewParameters::fromQuery(const QByteArray &rawQuery)
{
    const QueryValues q = QueryValues::parse(rawQuery);
    // The server's own parser decides what is valid.
    Expected<Transforms> valid = queryToTransforms(q);
    if (!valid)
        return valid.takeError();

    PreviewParameters p;
    for (const QString &name : q.all(QStringLiteral("operation"))) {
        Operation op;
        if (parseOperation(name, &op))
            p.setOperation(op, true); // a repeated operation overwrites its state: once is the same image
    }
    if ((p.operations.isEmpty() && !q.has(QStringLiteral("operation")))
        || (!p.operations.isEmpty() && p.isUsed(Param::Width))) {
        p.width = firstIntOrZero(q, QStringLiteral("width"));
        p.height = firstIntOrZero(q, QStringLiteral("height"));
    } // else: only unknown operations, the server ignores width/height too
    if (p.isUsed(Param::CropWidth)) {
        p.cropWidth = firstIntOrZero(q, QStringLiteral("width"));
        p.cropHeight = firstIntOrZero(q, QStringLiteral("height"));
    }
    const QString gravity = q.first(QStringLiteral("gravity"));
    p.gravity = gravityNames().contains(gravity) ? gravity : QStringLiteral("smart"); // anything else is smart
    p.embed = !q.first(QStringLiteral("embed")).isEmpty();
    p.top = firstIntOrZero(q, QStringLiteral("top"));
    p.left = firstIntOrZero(q, QStringLiteral("left"));
    p.areaWidth =
        firstIntOrZero(q, q.has(QStringLiteral("areaWith")) ? QStringLiteral("areaWith") : QStringLiteral("areaWidth"));
    p.areaHeight = firstIntOrZero(q, QStringLiteral("areaHeight"));
    float f = 0;
    if (q.has(QStringLiteral("sigma")) && parseGoFloat32(q.first(QStringLiteral("sigma")), &f))
        p.sigma = double(f);
    if (q.has(QStringLiteral("minAmpl")))
        p.minAmpl = parseGoFloat32(q.first(QStringLiteral("minAmpl")), &f) ? double(f) : 0.0;
    int angle = 0;
    if (q.has(QStringLiteral("angle")) && parseGoInt32(q.first(QStringLiteral("angle")), &angle))
        p.angle = angle;
    if (q.has(QStringLiteral("image")))
        p.watermarkImage = q.first(QStringLiteral("image"));
    if (q.has(QStringLiteral("position")))
        p.watermarkPosition = q.first(QStringLiteral("position"));
    if (q.has(QStringLiteral("opacity")) && parseGoFloat32(q.first(QStringLiteral("opacity")), &f))
        p.opacity = double(f);
    if (q.has(QStringLiteral("quality")))
        p.quality = firstIntOrZero(q, QStringLiteral("quality"));
    if (q.has(QStringLiteral("format"))) {
        ImageFormat format = ImageFormat::None;
        parseImageFormat(q.first(QStringLiteral("format")), &format); // validated above
        p.format = imageFormatName(format);
    }
    p.grayscale = q.has(QStringLiteral("grayscale"));
    return p;
}

QString PreviewParameters::toUrl(const QString &bucket, const QString &key) const
{
    QString path = QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(bucket)) + QLatin1Char('/')
        + QString::fromLatin1(QUrl::toPercentEncoding(key.startsWith(QLatin1Char('/')) ? key.mid(1) : key, "/"));
    const QByteArray query = toQuery();
    if (!query.isEmpty())
        path += QLatin1Char('?') + QString::fromLatin1(query);
    return path;
}

} // namespace mort
