#pragma once
// The per-`transform.kind` URL parsers (spec urls-and-transforms.md §2). Each
// one looks at a single request and returns the parent path (may be empty)
// and the transforms it requested; ObjectParser turns that into ObjectRefs.
// Internal to object/, exposed for unit tests.
#include "config/config.h"
#include "core/expected.h"
#include "object/transforms.h"

#include <QByteArray>
#include <QRegularExpression>
#include <QString>

namespace mort {

class PresetTransforms;

struct KindParseResult
{
    QString parentPath; // full path "/bucket/key" of the parent, "" = none
    Transforms transforms;
};

struct KindParseContext
{
    QString bucketName;
    const TransformConfig *transform = nullptr;
    const QRegularExpression *pathRegex = nullptr; // compiled transform->path
    const PresetTransforms *presets = nullptr;     // memoised preset transforms
    QString path;                                  // decoded request path "/bucket/key"
    QString key;                                   // "/key"
    QByteArray rawQuery;                           // undecoded, without '?'; empty for parents
};

Expected<KindParseResult> parseQueryKind(const KindParseContext &ctx);
Expected<KindParseResult> parsePresetsKind(const KindParseContext &ctx);
Expected<KindParseResult> parsePresetsQueryKind(const KindParseContext &ctx);
Expected<KindParseResult> parseBase64PresetsKind(const KindParseContext &ctx);
Expected<KindParseResult> parseCloudinaryKind(const KindParseContext &ctx);

// Go's path.Clean (POSIX lexical clean, "" -> "."), used wherever Mort joins
// parentBucket with a key via path.Join.
QString cleanPath(const QString &path);
// "/" + path.Join(parentBucket, rest) -- Mort's parent path with parentBucket.
QString joinParentBucket(const QString &parentBucket, const QString &rest);

// Named groups of the first (leftmost) match of `re` in `key`, like Go's
// FindStringSubmatch; false when it does not match.
struct PathMatch
{
    QString presetName;
    QString parent;
    QString transformations;
};
bool matchPath(const QRegularExpression &re, const QString &key, PathMatch *out);

} // namespace mort
