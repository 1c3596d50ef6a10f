#include "client/pathtester.h"

#include "object/objectparser.h"

#include <QRegularExpression>
#include <QUrl>

namespace mort {

PathTestResult testRequestPath(const ConfigPtr &config, const QString &url)
{
    PathTestResult result;
    QString text = url.trimmed();
    if (!text.contains(QLatin1String("://")) && !text.startsWith(u'/'))
        text.prepend(u'/');
    const QUrl parsedUrl = text.contains(QLatin1String("://")) ? QUrl(text) : QUrl(QStringLiteral("http://h") + text);
    result.path = parsedUrl.path(QUrl::FullyDecoded);
    if (!config) {
        result.error = QStringLiteral("no config");
        return result;
    }
    // The named groups, as the kind parser matches them: on the key (the path after the bucket).
    const QString bucketName = result.path.section(u'/', 1, 1);
    const QString key = result.path.mid(bucketName.size() + 1);
    if (const BucketConfig *bucket = config->bucket(bucketName); bucket && bucket->transform) {
        const QRegularExpression re(bucket->transform->path);
        if (re.isValid() && !bucket->transform->path.isEmpty()) {
            const QRegularExpressionMatch m = re.match(key);
            result.regexMatched = m.hasMatch();
            if (m.hasMatch()) {
                for (const QString &name : re.namedCaptureGroups()) {
                    if (!name.isEmpty())
                        result.groups.append({name, m.captured(name)});
                }
            }
        }
    }
    const ObjectParser parser(config);
    const Expected<ObjectRef> object = parser.parse(result.path, parsedUrl.query(QUrl::FullyEncoded).toLatin1());
    if (!object) {
        result.error = object.error().detail.isEmpty() ? object.error().publicMessage : object.error().detail;
        return result;
    }
    result.bucket = object->bucket;
    result.key = object->key;
    result.storage = object->storageName;
    result.transformed = object->hasTransforms();
    if (object->hasParent()) {
        result.parentKey = object->parent->key;
        result.parentStorage = object->parent->storageName;
    }
    return result;
}

} // namespace mort
