#include "storage/storage.h"

#include <QStringList>

namespace mort {

QString cleanStorageKey(const QString &pathPrefix, const QString &key)
{
    const QString joined = pathPrefix + QLatin1Char('/') + key;
    const bool rooted = joined.startsWith(QLatin1Char('/'));

    // Segment stack: "" and "." vanish, ".." pops but never below the start --
    // that is what keeps every key inside the container directory.
    QStringList segments;
    const auto parts = QStringView(joined).split(QLatin1Char('/'));
    segments.reserve(parts.size());
    for (const QStringView part : parts) {
        if (part.isEmpty() || part == QLatin1String("."))
            continue;
        if (part == QLatin1String("..")) {
            if (!segments.isEmpty())
                segments.removeLast();
            continue;
        }
        segments.append(part.toString());
    }

    const QString body = segments.join(QLatin1Char('/'));
    if (rooted)
        return QLatin1Char('/') + body;
    return body.isEmpty() ? QStringLiteral(".") : body;
}

} // namespace mort
