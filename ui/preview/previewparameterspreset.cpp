// PreviewParameters and presets: the `presets:` entry the studio copies or
// saves (config.md §4.1.1), and a bucket's preset shown as parameters.
#include "ui/preview/previewparameters.h"

#include "object/queryparser.h"
#include "object/transforms.h"

#include <QRegularExpression>

namespace mort {

namespace {

// YAML scalar: plain when unambiguous, double-quoted otherwise.
QString yamlScalar(const QString &text)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_\\-\\./]*$"));
    static const QStringList reserved{QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("yes"),
                                      QStringLiteral("no"),   QStringLiteral("on"),    QStringLiteral("off"),
                                      QStringLiteral("null"), QStringLiteral("y"),     QStringLiteral("n")};
    if (plain.match(text).hasMatch() && !reserved.contains(text.toLower()))
        return text;
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString flow(const QStringList &pairs)
{
    return QLatin1Char('{') + pairs.join(QLatin1String(", ")) + QLatin1Char('}');
}

QStringList sizePairs(int width, int height)
{
    QStringList pairs;
    if (width != 0)
        pairs << QStringLiteral("width: %1").arg(width);
    if (height != 0)
        pairs << QStringLiteral("height: %1").arg(height);
    return pairs;
}

} // namespace

QString PreviewParameters::toPresetYaml(const QString &presetName) const
{
    QStringList header;
    if (quality != 0)
        header << QStringLiteral("quality: %1").arg(quality);
    if (!format.isEmpty())
        header << QStringLiteral("format: %1").arg(yamlScalar(format));

    // Mort's fixed preset order (presettransforms.h).
    QStringList filters;
    if (operations.isEmpty() ? (width != 0 || height != 0) : hasOperation(Operation::Resize)) {
        // Its own size; none set: the query's, which the URL's resize reads.
        const bool own = width != 0 || height != 0;
        filters << QStringLiteral("thumbnail: ")
                + flow(own ? sizePairs(width, height) : sizePairs(queryWidth(), queryHeight()));
    }
    if (hasOperation(Operation::Crop)) {
        QStringList pairs = sizePairs(cropWidth, cropHeight);
        pairs << QStringLiteral("gravity: %1").arg(yamlScalar(gravity));
        if (embed)
            pairs << QStringLiteral("embed: true");
        filters << QStringLiteral("crop: ") + flow(pairs);
    }
    if (hasOperation(Operation::Extract))
        filters << QStringLiteral("extract: ")
                + flow({QStringLiteral("top: %1").arg(top), QStringLiteral("left: %1").arg(left),
                        QStringLiteral("width: %1").arg(areaWidth), QStringLiteral("height: %1").arg(areaHeight)});
    // The query's one size, as the URL renders it (Crop's when Crop is on).
    if (hasOperation(Operation::ResizeCropAuto))
        filters << QStringLiteral("resizeCropAuto: ") + flow(sizePairs(queryWidth(), queryHeight()));
    if (hasOperation(Operation::Blur)) {
        QStringList pairs{QStringLiteral("sigma: %1").arg(formatDecimal(sigma))};
        if (minAmpl != 0)
            pairs << QStringLiteral("minAmpl: %1").arg(formatDecimal(minAmpl));
        filters << QStringLiteral("blur: ") + flow(pairs);
    }
    if (hasOperation(Operation::Watermark))
        filters << QStringLiteral("watermark: ")
                + flow({QStringLiteral("image: %1").arg(yamlScalar(watermarkImage)),
                        QStringLiteral("position: %1").arg(yamlScalar(watermarkPosition)),
                        QStringLiteral("opacity: %1").arg(formatDecimal(opacity))});
    if (grayscale)
        filters << QStringLiteral("grayscale: true");
    if (hasOperation(Operation::Rotate))
        filters << QStringLiteral("rotate: {angle: %1}").arg(angle);

    QString yaml = QStringLiteral("presets:\n  %1:").arg(yamlScalar(presetName));
    if (header.isEmpty() && filters.isEmpty())
        return yaml + QStringLiteral(" {}\n");
    yaml += QLatin1Char('\n');
    for (const QString &line : header)
        yaml += QStringLiteral("    ") + line + QLatin1Char('\n');
    if (!filters.isEmpty()) {
        yaml += QStringLiteral("    filters:\n");
        for (const QString &line : filters)
            yaml += QStringLiteral("      ") + line + QLatin1Char('\n');
    }
    return yaml;
}

PreviewParameters PreviewParameters::fromPreset(const PresetConfig &preset, QStringList *notExpressible)
{
    QStringList lost;
    PreviewParameters p;
    bool sized = false;
    auto takeSize = [&](int w, int h, const QString &filter) {
        if (sized && (w != p.width || h != p.height))
            lost << filter + QStringLiteral(".width/height (the query has one width and height)");
        if (!sized) {
            p.width = w;
            p.height = h;
            sized = true;
        }
    };
    if (preset.hasThumbnail) {
        p.setOperation(Operation::Resize, true);
        takeSize(preset.thumbnailWidth, preset.thumbnailHeight, QStringLiteral("filters.thumbnail"));
        if (preset.thumbnailMode == QLatin1String("outbound"))
            lost << QStringLiteral("filters.thumbnail.mode");
        if (preset.thumbnailPreserveAspectRatio)
            lost << QStringLiteral("filters.thumbnail.preserveAspectRatio");
        if (preset.thumbnailFill)
            lost << QStringLiteral("filters.thumbnail.fill");
    }
    if (preset.hasCrop) {
        p.setOperation(Operation::Crop, true);
        p.cropWidth = preset.cropWidth; // its own size: in one pass it overrides the thumbnail's, as in the query
        p.cropHeight = preset.cropHeight;
        const int g = gravityNames().indexOf(preset.cropGravity);
        p.gravity = g < 0 ? QStringLiteral("smart") : preset.cropGravity; // anything else is smart
        p.embed = preset.cropEmbed;
        if (preset.cropMode == QLatin1String("outbound"))
            lost << QStringLiteral("filters.crop.mode");
    }
    if (preset.hasExtract) {
        p.setOperation(Operation::Extract, true);
        p.top = preset.extractTop;
        p.left = preset.extractLeft;
        p.areaWidth = preset.extractWidth;
        p.areaHeight = preset.extractHeight;
    }
    if (preset.hasResizeCropAuto) {
        p.setOperation(Operation::ResizeCropAuto, true);
        if (preset.hasCrop
            && (preset.resizeCropAutoWidth != preset.cropWidth || preset.resizeCropAutoHeight != preset.cropHeight))
            lost << QStringLiteral("filters.resizeCropAuto.width/height (the query has one width and height)");
        else
            takeSize(preset.resizeCropAutoWidth, preset.resizeCropAutoHeight, QStringLiteral("filters.resizeCropAuto"));
    }
    if (preset.quality >= 1 && preset.quality <= 100)
        p.quality = preset.quality; // presets ignore other values, as Mort
    if (preset.interlace)
        lost << QStringLiteral("filters.interlace");
    if (preset.strip)
        lost << QStringLiteral("filters.strip");
    if (!preset.format.isEmpty()) {
        ImageFormat format = ImageFormat::None;
        if (parseImageFormat(preset.format, &format))
            p.format = imageFormatName(format);
        else
            lost << QStringLiteral("format");
    }
    if (preset.hasBlur) {
        p.setOperation(Operation::Blur, true);
        p.sigma = preset.blurSigma;
        p.minAmpl = preset.blurMinAmpl;
    }
    if (preset.hasWatermark) {
        p.setOperation(Operation::Watermark, true);
        p.watermarkImage = preset.watermarkImage;
        p.watermarkPosition = preset.watermarkPosition;
        p.opacity = double(preset.watermarkOpacity);
    }
    p.grayscale = preset.grayscale;
    if (preset.hasRotate && isValidAngle(preset.rotateAngle)) { // presets drop invalid angles (spec §8)
        p.setOperation(Operation::Rotate, true);
        p.angle = preset.rotateAngle;
    }
    if (notExpressible)
        *notExpressible = lost;
    return p;
}

} // namespace mort
