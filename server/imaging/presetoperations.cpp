#include "imaging/presetoperations.h"

#include "imaging/pipelinesteps.h"

namespace mort {

namespace {

// Which step of a pass applies each filter (spec urls-and-transforms.md §5.2).
// Two filters of one step keep this order: crop wins over extract there.
struct FilterStep
{
    const char *filter;
    const char *step;
};
constexpr FilterStep kFilterSteps[] = {
    {"rotate", "orient"},         {"thumbnail", "resize"}, {"crop", "place"},
    {"extract", "place"},         {"blur", "blur"},        {"watermark", "watermark"},
    {"grayscale", "colourspace"}, {"interlace", "encode"}, {"strip", "encode"},
};

// resizeCropAuto runs as passes of its own after the main pass (before it
// when the resize fits inside the auto-crop area: imaging/passplanner.cpp).
constexpr FilterStep kAutoCrop{"resizeCropAuto", "auto-crop"};

bool isOn(const PresetConfig &p, const QString &filter)
{
    static const QHash<QString, bool PresetConfig::*> flags{
        {QStringLiteral("rotate"), &PresetConfig::hasRotate},
        {QStringLiteral("thumbnail"), &PresetConfig::hasThumbnail},
        {QStringLiteral("crop"), &PresetConfig::hasCrop},
        {QStringLiteral("extract"), &PresetConfig::hasExtract},
        {QStringLiteral("blur"), &PresetConfig::hasBlur},
        {QStringLiteral("watermark"), &PresetConfig::hasWatermark},
        {QStringLiteral("grayscale"), &PresetConfig::grayscale},
        {QStringLiteral("interlace"), &PresetConfig::interlace},
        {QStringLiteral("strip"), &PresetConfig::strip},
        {QStringLiteral("resizeCropAuto"), &PresetConfig::hasResizeCropAuto},
    };
    const auto flag = flags.constFind(filter);
    return flag != flags.constEnd() && p.*(*flag);
}

} // namespace

const QList<PresetOperationStep> &presetOperationOrder()
{
    // Walks the steps as runPass() runs them, so a step moved there moves here.
    static const QList<PresetOperationStep> order = [] {
        QList<PresetOperationStep> steps;
        for (const NamedStep &step : kPassSteps) {
            for (const FilterStep &f : kFilterSteps) {
                if (qstrcmp(f.step, step.name) == 0)
                    steps.append({QString::fromLatin1(f.filter), QString::fromLatin1(f.step)});
            }
        }
        Q_ASSERT(steps.size() == int(std::size(kFilterSteps))); // every filter's step is a step of runPass()
        steps.append({QString::fromLatin1(kAutoCrop.filter), QString::fromLatin1(kAutoCrop.step)});
        return steps;
    }();
    return order;
}

QStringList presetOperations(const PresetConfig &preset)
{
    QStringList on;
    for (const PresetOperationStep &op : presetOperationOrder()) {
        if (isOn(preset, op.filter))
            on << op.filter;
    }
    return on;
}

} // namespace mort
