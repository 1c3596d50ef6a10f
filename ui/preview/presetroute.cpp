#include "ui/preview/presetroute.h"

#include "object/objectparser.h"
#include "object/presettransforms.h"
#include "object/transforms.h"

#include <QStringList>
#include <QUrl>

namespace mort {

QString presetRequestPath(const ConfigPtr &config, const QString &bucket, const QString &preset, const QString &key)
{
    if (!config || preset.isEmpty() || key.isEmpty())
        return {};
    const PresetTransforms presets(*config);
    const Expected<Transforms> *transforms = presets.find(bucket, preset);
    if (!transforms || !transforms->ok())
        return {};
    // The passes the server runs for this preset (as PreviewRenderer::presetPasses).
    const QList<Transforms> wanted = mergeChain({transforms->value()});
    if (wanted.isEmpty())
        return {};
    const QString encodedBucket = QString::fromLatin1(QUrl::toPercentEncoding(bucket));
    const QString encodedKey = QString::fromLatin1(QUrl::toPercentEncoding(key, "/"));
    const QString encodedPreset = QString::fromLatin1(QUrl::toPercentEncoding(preset));
    const ObjectParser parser(config);
    const QStringList candidates{QStringLiteral("/%1/%2/%3").arg(encodedBucket, encodedPreset, encodedKey),
                                 QStringLiteral("/%1/%2/%3").arg(encodedBucket, encodedKey, encodedPreset)};
    for (const QString &url : candidates) {
        const Expected<ObjectRef> ref = parser.parse(QUrl::fromPercentEncoding(url.toLatin1()), {});
        if (ref && ref->hasTransforms() && ref->transforms.hash() == wanted.first().hash()
            && ref->root().key == QLatin1Char('/') + key)
            return url;
    }
    return {};
}

QString presetNamePattern(const QString &transformPath)
{
    // PCRE's three spellings of a named group.
    qsizetype start = -1;
    for (const QLatin1String opener :
         {QLatin1String("(?P<presetName>"), QLatin1String("(?<presetName>"), QLatin1String("(?'presetName'")}) {
        if (const qsizetype at = transformPath.indexOf(opener); at >= 0) {
            start = at + opener.size();
            break;
        }
    }
    if (start < 0)
        return {};
    // To the group's closing parenthesis: nested groups, escapes and
    // character classes (where ')' is literal) skipped.
    int depth = 0;
    bool inClass = false;
    for (qsizetype i = start; i < transformPath.size(); ++i) {
        const QChar c = transformPath.at(i);
        if (c == u'\\') {
            ++i;
        } else if (inClass) {
            inClass = c != u']';
        } else if (c == u'[') {
            inClass = true;
            if (i + 1 < transformPath.size() && transformPath.at(i + 1) == u'^')
                ++i;
            if (i + 1 < transformPath.size() && transformPath.at(i + 1) == u']')
                ++i; // "[]...]" and "[^]...]": a leading ']' is literal
        } else if (c == u'(') {
            ++depth;
        } else if (c == u')') {
            if (depth == 0)
                return transformPath.mid(start, i - start);
            --depth;
        }
    }
    return {};
}

QString serverBaseUrl(const ConfigPtr &config)
{
    if (!config)
        return {};
    for (const QString &listen : config->server.listens) {
        if (listen.startsWith(QLatin1String("unix:")))
            continue;
        const qsizetype colon = listen.lastIndexOf(u':');
        bool ok = false;
        const int port = listen.mid(colon + 1).toInt(&ok);
        if (colon < 0 || !ok || port <= 0)
            continue;
        QString host = listen.left(colon);
        if (host.isEmpty() || host == QLatin1String("0.0.0.0") || host == QLatin1String("[::]"))
            host = QStringLiteral("127.0.0.1");
        return QStringLiteral("http://%1:%2").arg(host).arg(port);
    }
    return {};
}

} // namespace mort
