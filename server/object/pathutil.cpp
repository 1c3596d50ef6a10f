#include "object/kindparsers.h"

#include <QStringList>

namespace mort {

QString cleanPath(const QString &path)
{
    if (path.isEmpty())
        return QStringLiteral(".");
    const bool rooted = path.startsWith(QLatin1Char('/'));
    QStringList out;
    const QStringList parts = path.split(QLatin1Char('/'));
    for (const QString &part : parts) {
        if (part.isEmpty() || part == QLatin1String("."))
            continue;
        if (part == QLatin1String("..")) {
            if (!out.isEmpty() && out.last() != QLatin1String(".."))
                out.removeLast();
            else if (!rooted)
                out.append(part); // relative paths keep leading ".." (Go)
            continue;
        }
        out.append(part);
    }
    QString joined = out.join(QLatin1Char('/'));
    if (rooted)
        return QLatin1Char('/') + joined;
    return joined.isEmpty() ? QStringLiteral(".") : joined;
}

QString joinParentBucket(const QString &parentBucket, const QString &rest)
{
    // path.Join skips empty elements and cleans the result.
    QString joined = rest.isEmpty() ? parentBucket : parentBucket + QLatin1Char('/') + rest;
    return QLatin1Char('/') + (joined.isEmpty() ? QString() : cleanPath(joined));
}

bool matchPath(const QRegularExpression &re, const QString &key, PathMatch *out)
{
    // Unanchored, leftmost-first (spec config.md §4.1): PCRE2's first match is
    // RE2's leftmost-first match for the patterns Mort accepts. Groups that do
    // not take part in the match read as "" (FindStringSubmatch).
    const QRegularExpressionMatch m = re.match(key);
    if (!m.hasMatch())
        return false;
    const QStringList names = re.namedCaptureGroups();
    auto group = [&](const char *name) {
        return names.contains(QLatin1String(name)) ? m.captured(QLatin1String(name)) : QString();
    };
    out->presetName = group("presetName");
    out->parent = group("parent");
    out->transformations = group("transformations");
    return true;
}

} // namespace mort
