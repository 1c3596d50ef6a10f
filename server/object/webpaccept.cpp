#include "object/objectref.h"

namespace mort {

bool applyWebpAccept(ObjectRef &object, const QByteArray &acceptHeader)
{
    if (object.webpConverted || !object.hasTransforms() || !acceptHeader.contains("image/webp"))
        return false;
    // Mort writes the format into the accumulator but keeps the key computed
    // before; the literal suffix keeps webp and non-webp results apart (§4, §7).
    object.transforms.format(ImageFormat::Webp);
    object.key += QStringLiteral("webp");
    object.webpConverted = true;
    return true;
}

} // namespace mort
