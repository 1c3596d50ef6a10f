#include "object/presettransforms.h"

#include "object/queryparser.h"

namespace mort {

Expected<Transforms> presetToTransforms(const PresetConfig &preset)
{
    Transforms t;
    const QLatin1String outbound("outbound");
    if (preset.hasThumbnail)
        t.resize(preset.thumbnailWidth, preset.thumbnailHeight, preset.thumbnailMode == outbound,
                 preset.thumbnailPreserveAspectRatio, preset.thumbnailFill);
    if (preset.hasCrop)
        t.crop(preset.cropWidth, preset.cropHeight, parseGravity(preset.cropGravity), preset.cropMode == outbound,
               preset.cropEmbed);
    if (preset.hasExtract)
        t.extract(preset.extractTop, preset.extractLeft, preset.extractWidth, preset.extractHeight);
    if (preset.hasResizeCropAuto)
        t.resizeCropAuto(preset.resizeCropAutoWidth, preset.resizeCropAutoHeight);
    t.quality(preset.quality); // Transforms ignores values outside 1..100, as Mort
    if (preset.interlace)
        t.interlace();
    if (preset.strip)
        t.stripMetadata();
    if (!preset.format.isEmpty()) {
        ImageFormat format = ImageFormat::None;
        if (!parseImageFormat(preset.format, &format))
            return Error::badRequest("preset.bad_format",
                                     QStringLiteral("preset %1: unknown format %2").arg(preset.name, preset.format));
        t.format(format);
    }
    if (preset.hasBlur)
        t.blur(preset.blurSigma, preset.blurMinAmpl);
    if (preset.hasWatermark) {
        Expected<void> valid = validateWatermark(preset.watermarkImage, preset.watermarkPosition, "preset");
        if (!valid)
            return valid.takeError();
        t.watermark(WatermarkParams{preset.watermarkImage, preset.watermarkPosition, preset.watermarkOpacity});
    }
    if (preset.grayscale)
        t.grayscale();
    // Presets drop an invalid angle without complaint (spec §8).
    if (preset.hasRotate && isValidAngle(preset.rotateAngle))
        t.rotate(preset.rotateAngle);
    return t;
}

PresetTransforms::PresetTransforms(const Config &config)
{
    for (auto b = config.buckets.constBegin(); b != config.buckets.constEnd(); ++b) {
        if (!b->transform)
            continue;
        const QMap<QString, PresetConfig> &presets = b->transform->presets;
        for (auto p = presets.constBegin(); p != presets.constEnd(); ++p)
            m_table.emplace(std::make_pair(b.key(), p.key()), presetToTransforms(*p));
    }
}

const Expected<Transforms> *PresetTransforms::find(const QString &bucket, const QString &presetName) const
{
    auto it = m_table.find(std::make_pair(bucket, presetName));
    return it == m_table.end() ? nullptr : &it->second;
}

} // namespace mort
