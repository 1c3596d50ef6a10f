// ConfigLoader::validate(): checks that need more than one key (spec config.md
// §2, §4 and peer-differences C14). Every problem is reported, not just the
// first as Mort does, in Mort's order: per bucket (storages, transform,
// glacier), then server.
#include "config/config.h"

#include "config/limitsfields.h"
#include "config/listensyntax.h"
#include "config/yamlfieldreader.h"
#include "redis/redisoptions.h"

#include <QRegularExpression>

namespace mort {

namespace {

using Issues = QList<ConfigIssue>;

const QStringList &storageKinds()
{
    static const QStringList kinds{
        QStringLiteral("local-meta"), QStringLiteral("local"), QStringLiteral("noop"),   QStringLiteral("http"),
        QStringLiteral("s3"),         QStringLiteral("b2"),    QStringLiteral("google"), QStringLiteral("azure"),
        QStringLiteral("oracle"),     QStringLiteral("sftp"),
    };
    return kinds;
}

const QStringList &transformKinds()
{
    static const QStringList kinds{
        QStringLiteral("query"),      QStringLiteral("presets"),        QStringLiteral("presets-query"),
        QStringLiteral("cloudinary"), QStringLiteral("base64_presets"),
    };
    return kinds;
}

QString quoted(const QString &value)
{
    return QLatin1Char('"') + value + QLatin1Char('"');
}

void validateStorage(const StorageConfig &storage, const QString &path, Issues &issues)
{
    const auto required = [&](const QString &value, const char *key) {
        if (value.isEmpty())
            issues.append({YamlFieldReader::join(path, key), QStringLiteral("required for kind ") + storage.kind});
    };
    if (storage.kind.isEmpty()) {
        issues.append({YamlFieldReader::join(path, "kind"), QStringLiteral("required")});
        return;
    }
    // Mort stops checking kinds after the first valid storage (C14); we check every one.
    if (!storageKinds().contains(storage.kind)) {
        issues.append({YamlFieldReader::join(path, "kind"),
                       QStringLiteral("unknown storage kind %1 (known: %2)")
                           .arg(quoted(storage.kind), storageKinds().join(QStringLiteral(", ")))});
        return;
    }
    if (storage.kind == QLatin1String("local") || storage.kind == QLatin1String("local-meta"))
        required(storage.rootPath, "rootPath");
    else if (storage.kind == QLatin1String("http"))
        required(storage.url, "url");
    else if (storage.kind == QLatin1String("s3")) {
        required(storage.accessKey, "accessKey");
        required(storage.secretAccessKey, "secretAccessKey");
    }
}

void validateStorages(const BucketConfig &bucket, const QString &path, Issues &issues)
{
    const QString storagesPath = YamlFieldReader::join(path, "storages");
    if (!bucket.storages.contains(QStringLiteral("basic")))
        issues.append({YamlFieldReader::join(storagesPath, "basic"),
                       QStringLiteral("required: the storage holding the originals")});
    for (auto it = bucket.storages.cbegin(); it != bucket.storages.cend(); ++it)
        validateStorage(*it, YamlFieldReader::join(storagesPath, it.key()), issues);
}

// Values Mort would take at load and fail on at request time (or pass to
// libvips as nonsense): refused here with their key path, so an editor or a
// reload names them before any URL does.
void validatePreset(const PresetConfig &preset, const QString &path, Issues &issues)
{
    if (preset.quality < 0 || preset.quality > 100)
        issues.append({YamlFieldReader::join(path, "quality"),
                       QStringLiteral("must be between 0 (the default) and 100, got %1").arg(preset.quality)});
    const QString filters = YamlFieldReader::join(path, "filters");
    const auto notNegative = [&](bool on, const char *filter, const char *key, double value) {
        if (on && value < 0)
            issues.append({YamlFieldReader::join(YamlFieldReader::join(filters, filter), key),
                           QStringLiteral("must not be negative, got %1").arg(value)});
    };
    notNegative(preset.hasThumbnail, "thumbnail", "width", preset.thumbnailWidth);
    notNegative(preset.hasThumbnail, "thumbnail", "height", preset.thumbnailHeight);
    notNegative(preset.hasCrop, "crop", "width", preset.cropWidth);
    notNegative(preset.hasCrop, "crop", "height", preset.cropHeight);
    notNegative(preset.hasExtract, "extract", "top", preset.extractTop);
    notNegative(preset.hasExtract, "extract", "left", preset.extractLeft);
    notNegative(preset.hasExtract, "extract", "width", preset.extractWidth);
    notNegative(preset.hasExtract, "extract", "height", preset.extractHeight);
    notNegative(preset.hasResizeCropAuto, "resizeCropAuto", "width", preset.resizeCropAutoWidth);
    notNegative(preset.hasResizeCropAuto, "resizeCropAuto", "height", preset.resizeCropAutoHeight);
    notNegative(preset.hasBlur, "blur", "sigma", preset.blurSigma);
    notNegative(preset.hasBlur, "blur", "minAmpl", preset.blurMinAmpl);
}

void validateTransform(const Config &config, const QString &bucketName, const BucketConfig &bucket, const QString &path,
                       Issues &issues)
{
    const TransformConfig &transform = *bucket.transform;
    const QString kindPath = YamlFieldReader::join(path, "kind");
    const QString pathPath = YamlFieldReader::join(path, "path");

    if (transform.kind.isEmpty()) {
        issues.append(
            {kindPath, QStringLiteral("required (one of %1)").arg(transformKinds().join(QStringLiteral(", ")))});
    } else if (transform.kind == QLatin1String("tengo")) {
        issues.append({kindPath,
                       QStringLiteral("Tengo scripting is not supported; use one of %1")
                           .arg(transformKinds().join(QStringLiteral(", ")))});
    } else if (!transformKinds().contains(transform.kind)) {
        issues.append({kindPath,
                       QStringLiteral("unknown transform kind %1 (known: %2)")
                           .arg(quoted(transform.kind), transformKinds().join(QStringLiteral(", ")))});
    }

    // Mort aborts at startup on a path that does not compile (§1). PCRE2 accepts
    // the RE2 `(?P<name>...)` group syntax Mort configs use.
    QRegularExpression regex(transform.path);
    const bool compiles = regex.isValid();
    if (!transform.path.isEmpty() && !compiles)
        issues.append({pathPath,
                       QStringLiteral("invalid regular expression: %1 at offset %2")
                           .arg(regex.errorString())
                           .arg(regex.patternErrorOffset())});

    if (transform.kind == QLatin1String("presets")) {
        // §4.1: a literal text check, as Mort: `(?<name>` is rejected even though it compiles.
        for (const char *group : {"presetName", "parent"}) {
            const QString literal = QStringLiteral("(?P<%1>").arg(QLatin1String(group));
            if (!transform.path.contains(literal))
                issues.append({pathPath, QStringLiteral("must contain the named group %1...)").arg(literal)});
        }
    } else if (transform.kind == QLatin1String("cloudinary")) {
        if (transform.path.isEmpty()) {
            issues.append({pathPath, QStringLiteral("required for kind cloudinary")});
        } else if (compiles) {
            const QStringList groups = regex.namedCaptureGroups();
            for (const char *group : {"transformations", "parent"}) {
                if (!groups.contains(QLatin1String(group)))
                    issues.append({pathPath, QStringLiteral("must have a named group %1").arg(QLatin1String(group))});
            }
        }
    }

    if (!transform.parentBucket.isEmpty() && !config.buckets.contains(transform.parentBucket))
        issues.append({YamlFieldReader::join(path, "parentBucket"),
                       QStringLiteral("bucket %1 does not exist").arg(quoted(transform.parentBucket))});

    const QString presetsPath = YamlFieldReader::join(path, "presets");
    for (auto it = transform.presets.cbegin(); it != transform.presets.cend(); ++it)
        validatePreset(*it, YamlFieldReader::join(presetsPath, it.key()), issues);

    const QString parentStorage = transform.parentStorage.isEmpty() ? QStringLiteral("basic") : transform.parentStorage;
    const StorageConfig *parent = bucket.storage(parentStorage);
    if (!parent || parent->kind.isEmpty())
        issues.append({YamlFieldReader::join(path, "parentStorage"),
                       QStringLiteral("no storage %1 in buckets.%2.storages").arg(quoted(parentStorage), bucketName)});
}

void validateGlacier(const GlacierConfig &glacier, const QString &path, Issues &issues)
{
    static const QStringList tiers{QStringLiteral("Expedited"), QStringLiteral("Standard"), QStringLiteral("Bulk")};
    if (!tiers.contains(glacier.restoreTier))
        issues.append({YamlFieldReader::join(path, "restoreTier"),
                       QStringLiteral("must be Expedited, Standard or Bulk, got %1").arg(quoted(glacier.restoreTier))});
    if (glacier.restoreDays < 1 || glacier.restoreDays > 30)
        issues.append({YamlFieldReader::join(path, "restoreDays"),
                       QStringLiteral("must be between 1 and 30, got %1").arg(glacier.restoreDays)});
    if (glacier.retryAfterSeconds < 0)
        issues.append({YamlFieldReader::join(path, "retryAfterSeconds"),
                       QStringLiteral("must not be negative, got %1").arg(glacier.retryAfterSeconds)});
}

// inherited: limits a bucket did not set are reported once, at server.limits.
void validateLimits(const LimitsConfig &limits, const LimitsConfig *inherited, const QString &path, Issues &issues)
{
    for (const LimitsField &field : limitsFields()) {
        const qint64 value = field.value(limits);
        if (inherited && value == field.value(*inherited))
            continue;
        if (value <= 0)
            issues.append(
                {YamlFieldReader::join(path, field.key), QStringLiteral("must be positive, got %1").arg(value)});
    }
}

void validateListen(const QString &address, const QString &path, Issues &issues)
{
    const QString why = listenSyntaxProblem(address);
    if (!why.isEmpty())
        issues.append({path,
                       QStringLiteral("invalid listen address %1: %2 (expected host:port, :port, [ipv6]:port "
                                      "or unix:/absolute/path)")
                           .arg(quoted(address), why)});
}

void validateServer(const ServerConfig &server, Issues &issues)
{
    const QString path = QStringLiteral("server");
    const QString listensPath = YamlFieldReader::join(path, "listens");
    const QString internalPath = YamlFieldReader::join(path, "internalListen");
    if (server.listens.isEmpty())
        issues.append({listensPath, QStringLiteral("at least one listen address is required")});
    for (qsizetype i = 0; i < server.listens.size(); ++i)
        validateListen(server.listens.at(i), YamlFieldReader::indexed(listensPath, i), issues);
    validateListen(server.internalListen, internalPath, issues);
    // §2: Mort compares the strings; ":8081" and "0.0.0.0:8081" are not caught, as in Mort.
    // Port 0 asks the kernel for a free port each time (tests, embedded studio), so two
    // such entries never name the same listener.
    const qsizetype clash = server.listens.indexOf(server.internalListen);
    if (clash >= 0 && !server.internalListen.endsWith(QLatin1String(":0")))
        issues.append({internalPath,
                       QStringLiteral("must differ from %1 (%2)")
                           .arg(YamlFieldReader::indexed(listensPath, clash), quoted(server.internalListen))});

    if (server.requestTimeoutSec < 0)
        issues.append({YamlFieldReader::join(path, "requestTimeout"),
                       QStringLiteral("must not be negative, got %1").arg(server.requestTimeoutSec)});
    if (server.lockTimeoutSec < 0)
        issues.append({YamlFieldReader::join(path, "lockTimeout"),
                       QStringLiteral("must not be negative, got %1").arg(server.lockTimeoutSec)});

    // §2.3: checked only when enabled, as Mort (a disabled block may hold anything).
    if (server.idleCleanup.enabled && server.idleCleanup.idleTimeoutMin < 5)
        issues.append({QStringLiteral("server.idleCleanup.idleTimeoutMin"),
                       QStringLiteral("must be at least 5 minutes, got %1").arg(server.idleCleanup.idleTimeoutMin)});

    validateLimits(server.limits, nullptr, YamlFieldReader::join(path, "limits"), issues);

    // Redis backends: every address must parse and the client options be in range.
    const auto validateRedis = [&](const char *section, const QString &type, const QStringList &address,
                                   const QMap<QString, QString> &clientConfig) {
        const QString sectionPath = YamlFieldReader::join(path, section);
        for (const QString &problem : RedisOptions::problems(type, address, clientConfig)) {
            const qsizetype colon = problem.indexOf(QLatin1String(": "));
            issues.append({sectionPath + QLatin1Char('.') + problem.left(colon), problem.mid(colon + 2)});
        }
    };
    validateRedis("cache", server.cache.type, server.cache.address, server.cache.clientConfig);
    validateRedis("lock", server.lock.type, server.lock.address, server.lock.clientConfig);
}

} // namespace

QList<ConfigIssue> ConfigLoader::validate(const Config &config)
{
    Issues issues;
    for (auto it = config.buckets.cbegin(); it != config.buckets.cend(); ++it) {
        const BucketConfig &bucket = *it;
        const QString path = YamlFieldReader::join(QStringLiteral("buckets"), it.key());
        validateStorages(bucket, path, issues);
        if (bucket.transform)
            validateTransform(config, it.key(), bucket, YamlFieldReader::join(path, "transform"), issues);
        validateGlacier(bucket.glacier, YamlFieldReader::join(path, "glacier"), issues);
        if (bucket.limits)
            validateLimits(*bucket.limits, &config.server.limits, YamlFieldReader::join(path, "limits"), issues);
    }
    validateServer(config.server, issues);
    return issues;
}

} // namespace mort
