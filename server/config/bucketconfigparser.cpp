// buckets.<b> (spec config.md §4): keys, headers, transform, storages, glacier, limits.
#include "config/configparser.h"

namespace mort {

namespace {

// Storage keys with a named StorageConfig field; any other scalar key goes to `extra`.
bool isNamedStorageKey(const QString &key)
{
    static const QStringList named{
        QStringLiteral("kind"),       QStringLiteral("rootPath"),
        QStringLiteral("pathPrefix"), QStringLiteral("bucket"),
        QStringLiteral("url"),        QStringLiteral("headers"),
        QStringLiteral("accessKey"),  QStringLiteral("secretAccessKey"),
        QStringLiteral("region"),     QStringLiteral("endpoint"),
    };
    return named.contains(key);
}

} // namespace

BucketConfig ConfigParser::parseBucket(const QString &name, const YAML::Node &node, const QString &path,
                                       const LimitsConfig &serverLimits)
{
    BucketConfig bucket;
    bucket.name = name;
    if (!m_reader.expectMap(node, path))
        return bucket; // `name:` with no body is a bucket without storages; validate() reports it

    const YAML::Node keys = YamlFieldReader::child(node, "keys");
    const QString keysPath = YamlFieldReader::join(path, "keys");
    if (m_reader.expectSequence(keys, keysPath)) {
        for (std::size_t i = 0; i < keys.size(); ++i) {
            const QString keyPath = YamlFieldReader::indexed(keysPath, qsizetype(i));
            if (!m_reader.expectMap(keys[i], keyPath))
                continue;
            AccessKey key;
            m_reader.readString(keys[i], "accessKey", keyPath, key.accessKey);
            m_reader.readString(keys[i], "secretAccessKey", keyPath, key.secretAccessKey);
            bucket.keys.append(key);
        }
    }

    m_reader.readStringPairs(node, "headers", path, bucket.headers);

    const YAML::Node transform = YamlFieldReader::child(node, "transform");
    const QString transformPath = YamlFieldReader::join(path, "transform");
    if (m_reader.expectMap(transform, transformPath))
        bucket.transform = parseTransform(transform, transformPath);

    const YAML::Node storages = YamlFieldReader::child(node, "storages");
    const QString storagesPath = YamlFieldReader::join(path, "storages");
    if (m_reader.expectMap(storages, storagesPath)) {
        for (auto it = storages.begin(); it != storages.end(); ++it) {
            QString storageName;
            if (!m_reader.toString(it->first, storagesPath, storageName))
                continue;
            bucket.storages.insert(
                storageName, parseStorage(storageName, it->second, YamlFieldReader::join(storagesPath, storageName)));
        }
    }

    bucket.glacier = parseGlacier(YamlFieldReader::child(node, "glacier"), YamlFieldReader::join(path, "glacier"));

    // Keys not given here inherit the server's limits.
    const YAML::Node limits = YamlFieldReader::child(node, "limits");
    const QString limitsPath = YamlFieldReader::join(path, "limits");
    if (m_reader.expectMap(limits, limitsPath)) {
        bucket.limits = serverLimits;
        parseLimits(limits, limitsPath, *bucket.limits);
    }
    return bucket;
}

TransformConfig ConfigParser::parseTransform(const YAML::Node &node, const QString &path)
{
    TransformConfig transform;
    m_reader.readString(node, "kind", path, transform.kind);
    m_reader.readString(node, "path", path, transform.path);
    m_reader.readString(node, "parentBucket", path, transform.parentBucket);
    QString parentStorage;
    if (m_reader.readString(node, "parentStorage", path, parentStorage) && !parentStorage.isEmpty())
        transform.parentStorage = parentStorage;
    m_reader.readBool(node, "checkParent", path, transform.checkParent);
    m_reader.readString(node, "resultKey", path, transform.resultKey);
    // §4.1: query URLs are stored under a hash of the parent unless told otherwise.
    if (transform.resultKey.isEmpty()
        && (transform.kind == QLatin1String("query") || transform.kind == QLatin1String("presets-query")))
        transform.resultKey = QStringLiteral("hashParent");

    const YAML::Node presets = YamlFieldReader::child(node, "presets");
    const QString presetsPath = YamlFieldReader::join(path, "presets");
    if (m_reader.expectMap(presets, presetsPath)) {
        for (auto it = presets.begin(); it != presets.end(); ++it) {
            QString name;
            if (!m_reader.toString(it->first, presetsPath, name))
                continue;
            transform.presets.insert(name, parsePreset(name, it->second, YamlFieldReader::join(presetsPath, name)));
        }
    }
    return transform;
}

PresetConfig ConfigParser::parsePreset(const QString &name, const YAML::Node &node, const QString &path)
{
    PresetConfig preset;
    preset.name = name;
    if (!m_reader.expectMap(node, path))
        return preset;
    // Format is checked at request time (400), as Mort (§4.1.1); negative sizes and a
    // quality outside 0..100 are refused by validate() with their key path (we differ).
    m_reader.readInt(node, "quality", path, preset.quality);
    m_reader.readString(node, "format", path, preset.format);
    parseFilters(YamlFieldReader::child(node, "filters"), YamlFieldReader::join(path, "filters"), preset);
    return preset;
}

void ConfigParser::parseFilters(const YAML::Node &node, const QString &path, PresetConfig &p)
{
    if (!m_reader.expectMap(node, path))
        return;
    // A filter is on when its key holds a map; `thumbnail: ~` is off (a nil pointer in Mort).
    const auto filter = [&](const char *key, QString &filterPath) -> YAML::Node {
        filterPath = YamlFieldReader::join(path, key);
        const YAML::Node f = YamlFieldReader::child(node, key);
        return m_reader.expectMap(f, filterPath) ? f : YAML::Node(YAML::NodeType::Undefined);
    };
    QString fp;
    if (const YAML::Node f = filter("thumbnail", fp); f.IsDefined()) {
        p.hasThumbnail = true;
        m_reader.readInt(f, "width", fp, p.thumbnailWidth);
        m_reader.readInt(f, "height", fp, p.thumbnailHeight);
        m_reader.readString(f, "mode", fp, p.thumbnailMode);
        m_reader.readBool(f, "preserveAspectRatio", fp, p.thumbnailPreserveAspectRatio);
        m_reader.readBool(f, "fill", fp, p.thumbnailFill);
    }
    if (const YAML::Node f = filter("crop", fp); f.IsDefined()) {
        p.hasCrop = true;
        m_reader.readInt(f, "width", fp, p.cropWidth);
        m_reader.readInt(f, "height", fp, p.cropHeight);
        m_reader.readString(f, "gravity", fp, p.cropGravity);
        m_reader.readString(f, "mode", fp, p.cropMode);
        m_reader.readBool(f, "embed", fp, p.cropEmbed);
    }
    if (const YAML::Node f = filter("extract", fp); f.IsDefined()) {
        p.hasExtract = true;
        m_reader.readInt(f, "top", fp, p.extractTop);
        m_reader.readInt(f, "left", fp, p.extractLeft);
        m_reader.readInt(f, "width", fp, p.extractWidth);
        m_reader.readInt(f, "height", fp, p.extractHeight);
    }
    if (const YAML::Node f = filter("resizeCropAuto", fp); f.IsDefined()) {
        p.hasResizeCropAuto = true;
        m_reader.readInt(f, "width", fp, p.resizeCropAutoWidth);
        m_reader.readInt(f, "height", fp, p.resizeCropAutoHeight);
    }
    if (const YAML::Node f = filter("blur", fp); f.IsDefined()) {
        p.hasBlur = true;
        m_reader.readDouble(f, "sigma", fp, p.blurSigma);
        m_reader.readDouble(f, "minAmpl", fp, p.blurMinAmpl);
    }
    if (const YAML::Node f = filter("watermark", fp); f.IsDefined()) {
        p.hasWatermark = true;
        m_reader.readString(f, "image", fp, p.watermarkImage);
        m_reader.readString(f, "position", fp, p.watermarkPosition);
        m_reader.readFloat(f, "opacity", fp, p.watermarkOpacity);
    }
    if (const YAML::Node f = filter("rotate", fp); f.IsDefined()) {
        p.hasRotate = true;
        m_reader.readInt(f, "angle", fp, p.rotateAngle);
    }
    m_reader.readBool(node, "grayscale", path, p.grayscale);
    m_reader.readBool(node, "interlace", path, p.interlace);
    m_reader.readBool(node, "strip", path, p.strip);
    m_reader.readBool(node, "auto_rotate", path, p.autoRotate); // parsed, no effect (§4.1.1)
}

StorageConfig ConfigParser::parseStorage(const QString &name, const YAML::Node &node, const QString &path)
{
    StorageConfig storage;
    storage.name = name;
    if (m_reader.expectMap(node, path)) {
        m_reader.readString(node, "kind", path, storage.kind);
        m_reader.readString(node, "rootPath", path, storage.rootPath);
        m_reader.readString(node, "pathPrefix", path, storage.pathPrefix);
        m_reader.readString(node, "bucket", path, storage.bucket);
        m_reader.readString(node, "url", path, storage.url);
        m_reader.readStringPairs(node, "headers", path, storage.headers);
        m_reader.readString(node, "accessKey", path, storage.accessKey);
        m_reader.readString(node, "secretAccessKey", path, storage.secretAccessKey);
        m_reader.readString(node, "region", path, storage.region);
        m_reader.readString(node, "endpoint", path, storage.endpoint);
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (!it->first.IsScalar() || !it->second.IsScalar())
                continue; // unknown non-scalar keys are ignored like every unknown key
            const QString key = QString::fromStdString(it->first.Scalar());
            if (!isNamedStorageKey(key))
                storage.extra.insert(key, QString::fromStdString(it->second.Scalar()));
        }
    }
    // §4.2: only a storage literally named `transforms` (plural) gets a default prefix.
    if (name == QLatin1String("transforms") && storage.pathPrefix.isEmpty())
        storage.pathPrefix = QStringLiteral("transforms");
    return storage;
}

GlacierConfig ConfigParser::parseGlacier(const YAML::Node &node, const QString &path)
{
    GlacierConfig glacier;
    if (!m_reader.expectMap(node, path))
        return glacier;
    m_reader.readBool(node, "enabled", path, glacier.enabled);
    QString tier;
    if (m_reader.readString(node, "restoreTier", path, tier) && !tier.isEmpty())
        glacier.restoreTier = tier;
    m_reader.readInt(node, "restoreDays", path, glacier.restoreDays);
    if (glacier.restoreDays == 0)
        glacier.restoreDays = 3;
    m_reader.readInt(node, "retryAfterSeconds", path, glacier.retryAfterSeconds);
    return glacier;
}

} // namespace mort
