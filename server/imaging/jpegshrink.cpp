#include "imaging/jpegshrink.h"

#include <QString>

namespace mort {

JpegShrinkMode jpegShrinkMode()
{
    static const JpegShrinkMode mode = qEnvironmentVariable("MORT_JPEG_SHRINK").trimmed() == QLatin1String("libvips")
        ? JpegShrinkMode::Libvips
        : JpegShrinkMode::Full;
    return mode;
}

int jpegShrinkOnLoad(int sourceWidth, int sourceHeight, int targetWidth, int targetHeight)
{
    for (const int shrink : {8, 4, 2}) {
        // libjpeg rounds a scaled size up: asking for the source to hold the
        // target `shrink` times over keeps the decode at least the target size.
        if (qint64(targetWidth) * shrink <= sourceWidth && qint64(targetHeight) * shrink <= sourceHeight)
            return shrink;
    }
    return 1;
}

} // namespace mort
