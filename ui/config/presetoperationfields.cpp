#include "ui/config/presetoperationfields.h"

#include "imaging/presetoperations.h"

namespace mort {

namespace {

KeyField field(const char *key, const QString &label, const QString &toolTip, const QStringList &choices = {},
               KeyFieldKind kind = KeyFieldKind::Text)
{
    KeyField f;
    f.key = QStringList{QString::fromLatin1(key)};
    f.label = label;
    f.toolTip = toolTip;
    f.choices = choices;
    f.kind = kind;
    return f;
}

QPair<QStringList, QString> written(const QString &filter, const char *key, const char *value)
{
    QStringList path{QStringLiteral("filters"), filter};
    if (key)
        path << QString::fromLatin1(key);
    return {path, QString::fromLatin1(value)};
}

} // namespace

QList<PresetOperationKind> PresetOperationFields::kinds()
{
    QList<PresetOperationKind> all;
    for (const PresetOperationStep &op : presetOperationOrder())
        all << kind(op.filter);
    return all;
}

PresetOperationKind PresetOperationFields::kind(const QString &filter)
{
    const QString px = tr("Pixels; empty or 0 = follow the other side, keeping the aspect ratio");
    const QStringList gravities{QStringLiteral("center"), QStringLiteral("north"), QStringLiteral("east"),
                                QStringLiteral("south"),  QStringLiteral("west"),  QStringLiteral("smart")};
    QStringList positions;
    for (const char *v : {"top", "center", "bottom"})
        for (const char *h : {"left", "center", "right"})
            positions << QStringLiteral("%1-%2").arg(QLatin1String(v), QLatin1String(h));

    PresetOperationKind k;
    k.filter = filter;
    if (filter == QLatin1String("rotate")) {
        k.label = tr("Rotate");
        k.description = tr("Turns the image clockwise before it is resized, so sizes refer to the turned image. "
                           "Without it the EXIF orientation is applied.");
        k.fields << field("angle", tr("Angle"), tr("90, 180 or 270 degrees clockwise; other values are ignored"),
                          {QStringLiteral("90"), QStringLiteral("180"), QStringLiteral("270")});
        k.added << written(filter, "angle", "90");
    } else if (filter == QLatin1String("thumbnail")) {
        k.label = tr("Thumbnail");
        k.description = tr("Shrinks the image to fit the size, keeping the aspect ratio.");
        k.fields << field("width", tr("Width"), px) << field("height", tr("Height"), px)
                 << field("mode", tr("Mode"), tr("outbound: also enlarges images smaller than the size"),
                          {QString(), QStringLiteral("outbound")})
                 << field("preserveAspectRatio", tr("Preserve aspect ratio"),
                          tr("Keeps the aspect ratio when both width and height are set"), {}, KeyFieldKind::Check)
                 << field("fill", tr("Fill"),
                          tr("With width and height: first cuts the centre to their aspect ratio, then resizes "
                             "to exactly that size"),
                          {}, KeyFieldKind::Check);
        k.added << written(filter, "width", "300");
    } else if (filter == QLatin1String("crop")) {
        k.label = tr("Crop");
        k.description = tr("Resizes to cover the size, then cuts it out at the gravity.");
        k.fields << field("width", tr("Width"), tr("Pixels")) << field("height", tr("Height"), tr("Pixels"))
                 << field("gravity", tr("Gravity"), tr("Where to cut; smart finds the most interesting part"),
                          gravities)
                 << field("mode", tr("Mode"), tr("outbound: also enlarges images smaller than the size"),
                          {QString(), QStringLiteral("outbound")})
                 << field("embed", tr("Embed"), tr("Places the image on a canvas of the size instead of cutting"), {},
                          KeyFieldKind::Check);
        k.added << written(filter, "width", "300") << written(filter, "height", "300");
    } else if (filter == QLatin1String("extract")) {
        k.label = tr("Extract");
        k.description = tr("Cuts out an area of the resized image. Has no effect while Crop is on: the engine "
                           "applies the first of crop, embed and extract.");
        k.fields << field("top", tr("Top"), tr("Pixels from the top edge"))
                 << field("left", tr("Left"), tr("Pixels from the left edge"))
                 << field("width", tr("Width"), tr("Pixels; 0 = the resize width"))
                 << field("height", tr("Height"), tr("Pixels; 0 = the resize height"));
        k.added << written(filter, "top", "0") << written(filter, "left", "0") << written(filter, "width", "300")
                << written(filter, "height", "300");
    } else if (filter == QLatin1String("blur")) {
        k.label = tr("Blur");
        k.description = tr("Gaussian blur of the resized image.");
        k.fields << field("sigma", tr("Sigma"), tr("Strength, above 0 (2 is soft, 20 is strong)"))
                 << field("minAmpl", tr("Minimum amplitude"), tr("Accuracy of the blur mask; 0 = the default"));
        k.added << written(filter, "sigma", "2");
    } else if (filter == QLatin1String("watermark")) {
        k.label = tr("Watermark");
        k.description = tr("Draws an image over the result. The image is read on every transform: a local path "
                           "on the server, or an http(s) URL.");
        k.fields << field("image", tr("Image"), tr("A file path on the server or an http(s) URL"))
                 << field("position", tr("Position"), tr("vertical-horizontal, e.g. bottom-right"), positions)
                 << field("opacity", tr("Opacity"), tr("0 to 1; 0 = fully opaque, as Mort"));
        // No image: the page says the preset answers 400 until one is set.
        k.added << written(filter, "position", "bottom-right") << written(filter, "opacity", "0.5");
    } else if (filter == QLatin1String("grayscale")) {
        k.label = tr("Grayscale");
        k.description = tr("Saves the result in shades of grey.");
        k.isSwitch = true;
        k.added << written(filter, nullptr, "true");
    } else if (filter == QLatin1String("interlace")) {
        k.label = tr("Interlace");
        k.description = tr("Progressive JPEG, interlaced PNG: a blurry whole image shows first while loading.");
        k.isSwitch = true;
        k.added << written(filter, nullptr, "true");
    } else if (filter == QLatin1String("strip")) {
        k.label = tr("Strip metadata");
        k.description = tr("Leaves EXIF, XMP and ICC metadata out of the result: smaller files.");
        k.isSwitch = true;
        k.added << written(filter, nullptr, "true");
    } else if (filter == QLatin1String("resizeCropAuto")) {
        k.label = tr("Auto crop");
        k.description = tr("Extra passes after the resize (before it when the resize fits inside the cut): cuts "
                           "the largest area of the aspect ratio, biased to the top, then crops to the size. "
                           "The quality, interlace and strip settings do not survive these passes (as Mort).");
        k.fields << field("width", tr("Width"), tr("Pixels")) << field("height", tr("Height"), tr("Pixels"));
        k.added << written(filter, "width", "300") << written(filter, "height", "300");
    } else {
        k.filter.clear();
    }
    return k;
}

QString PresetOperationFields::summary(const PresetOperationKind &kind,
                                       const std::function<QString(const QStringList &)> &value)
{
    QStringList parts;
    for (const KeyField &f : kind.fields) {
        const QString v = value(f.key);
        if (!v.isEmpty())
            parts << f.label + u' ' + v;
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace mort
