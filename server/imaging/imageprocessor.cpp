#include "imaging/imageprocessor.h"

#include "imaging/deadline.h"
#include "imaging/imageprobe.h"
#include "imaging/passplanner.h"
#include "imaging/pipelinesteps.h"
#include "imaging/vipsthreadbudget.h"

namespace mort {

ImageProcessor::ImageProcessor(LimitsConfig limits, WatermarkSource watermarks, std::shared_ptr<HeavyLane> heavyLane)
    : m_limits(limits), m_watermarks(std::move(watermarks)), m_heavyLane(std::move(heavyLane))
{
}

Expected<ImageInfo> ImageProcessor::probe(const QByteArray &source) const
{
    return probeImage(source, m_limits);
}

Expected<ProcessedImage> ImageProcessor::process(const QByteArray &source, const QList<Transforms> &passes,
                                                 const CancelToken &cancel) const
{
    Expected<ImageInfo> sourceInfo = probeImage(source, m_limits);
    if (!sourceInfo)
        return sourceInfo.takeError();
    const VipsThreadBudget::Lease threads; // alone, this transform may use every core

    ProcessedImage result;
    result.body = source;
    result.contentType = sourceInfo->contentType;
    result.width = sourceInfo->width;
    result.height = sourceInfo->height;

    // Each element of a merged chain runs on the bytes the previous one
    // produced (spec §5.3), and each becomes up to four passes (§5.1) whose
    // geometry depends on the size of the bytes entering it.
    for (const Transforms &transforms : passes) {
        Expected<ImageInfo> info = probeImage(result.body, m_limits);
        if (!info)
            return info.takeError();
        const bool turned = passSwapsAxes(*info, transforms.params().rotate);
        const QSize mainPassSides = turned ? QSize(info->height, info->width) : QSize(info->width, info->height);
        const QList<PassOptions> plan =
            planPasses(transforms.params(), uprightWidth(*info), uprightHeight(*info), mainPassSides);
        for (const PassOptions &pass : plan) {
            if (auto stop = stopError(cancel))
                return *stop;
            Expected<ProcessedImage> out =
                runPass(result.body, pass, m_limits, m_watermarks, cancel, m_heavyLane.get());
            if (!out)
                return out.takeError();
            result = std::move(*out);
        }
    }
    return result;
}

} // namespace mort
