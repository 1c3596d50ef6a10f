// The `presets`, `presets-query` and `base64_presets` kinds
// (spec urls-and-transforms.md §2.2, §2.3, §2.6).
#include "object/kindparsers.h"
#include "object/presettransforms.h"

namespace mort {

namespace {

// Without parentBucket the capture is a full path whose first segment is a
// bucket (§2.2.3); with it, the capture is a key inside that bucket.
QString presetParentPath(const TransformConfig &transform, const QString &parent)
{
    if (!transform.parentBucket.isEmpty())
        return joinParentBucket(transform.parentBucket, parent);
    return parent.startsWith(QLatin1Char('/')) ? parent : QLatin1Char('/') + parent;
}

// Unpadded standard base64 (Go's base64.RawStdEncoding): '=' and characters
// outside the alphabet are errors, as is a dangling 6-bit group.
bool decodeRawStdBase64(const QString &text, QString *out)
{
    const QByteArray bytes = text.toLatin1();
    if (text.size() % 4 == 1)
        return false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool ok =
            (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '+' || u == '/';
        if (!ok)
            return false;
    }
    const auto decoded =
        QByteArray::fromBase64Encoding(bytes, QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    *out = QString::fromUtf8(*decoded);
    return true;
}

} // namespace

Expected<KindParseResult> parsePresetsKind(const KindParseContext &ctx)
{
    KindParseResult result;
    PathMatch m;
    if (!matchPath(*ctx.pathRegex, ctx.key, &m))
        return result; // §2.2.1: no match -> original from basic
    const Expected<Transforms> *preset = ctx.presets->find(ctx.bucketName, m.presetName);
    if (!preset)
        return Error::badRequest("preset.unknown", QStringLiteral("unknown preset \"%1\"").arg(m.presetName));
    if (!preset->ok())
        return preset->error();
    result.transforms = preset->value();
    result.parentPath = presetParentPath(*ctx.transform, m.parent);
    return result;
}

Expected<KindParseResult> parsePresetsQueryKind(const KindParseContext &ctx)
{
    // §2.3: a preset that matches wins and the query string is ignored; no
    // match *or* a preset error falls through to the query parser (peer C11).
    Expected<KindParseResult> preset = parsePresetsKind(ctx);
    if (preset.ok() && !preset->parentPath.isEmpty())
        return preset;
    return parseQueryKind(ctx);
}

Expected<KindParseResult> parseBase64PresetsKind(const KindParseContext &ctx)
{
    PathMatch m;
    if (!matchPath(*ctx.pathRegex, ctx.key, &m))
        return KindParseResult{};
    Expected<KindParseResult> result = parsePresetsKind(ctx); // preset checks + transforms
    if (!result)
        return result;
    QString decoded;
    if (!decodeRawStdBase64(m.parent, &decoded))
        return Error::badRequest("preset.bad_base64_parent", QStringLiteral("parent is not unpadded base64"));
    result->parentPath = presetParentPath(*ctx.transform, decoded);
    return result;
}

} // namespace mort
