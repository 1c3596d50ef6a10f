#include "object/objectref.h"

#include "object/acceptheader.h"

namespace mort {

bool applyWebpAccept(ObjectRef &object, const QByteArray &acceptHeader)
{
    // Parsed, not Mort's substring test: "image/webp;q=0" refuses, "IMAGE/WEBP" asks (issue 23.5).
    if (object.webpConverted || !object.hasTransforms() || !acceptsMediaType(acceptHeader, "image/webp"))
        return false;
    // Mort writes the format into the accumulator but keeps the key computed
    // before; the literal suffix keeps webp and non-webp results apart (§4, §7).
    object.transforms.format(ImageFormat::Webp);
    object.key += QStringLiteral("webp");
    object.webpConverted = true;
    return true;
}

} // namespace mort
