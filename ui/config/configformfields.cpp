#include "ui/config/configformfields.h"

#include "config/limitsfields.h"

namespace mort {

namespace {

KeyField field(QStringList key, const QString &label, const QString &toolTip, QStringList choices = {},
               bool list = false)
{
    return KeyField{std::move(key), label, toolTip, std::move(choices), list};
}

KeyField check(QStringList key, const QString &label, const QString &toolTip, KeyFieldKind kind = KeyFieldKind::Check)
{
    return KeyField{std::move(key), label, toolTip, {}, false, kind};
}

} // namespace

QList<KeyField> ConfigFormFields::serverFields()
{
    const QStringList redisKinds{QStringLiteral("memory"), QStringLiteral("redis"), QStringLiteral("redis-cluster")};
    QList<KeyField> fields{
        field({QStringLiteral("listens")}, tr("Listens"),
              tr("Public addresses, comma-separated: host:port, :port, [ipv6]:port or unix:/path"), {}, true),
        field({QStringLiteral("internalListen")}, tr("Internal listener"),
              tr("Health, metrics and the admin API; keep it on a loopback address unless adminToken is set")),
        field({QStringLiteral("logLevel")}, tr("Log level"), tr("prod logs warnings and errors, dev everything"),
              {QStringLiteral("prod"), QStringLiteral("dev")}),
        field({QStringLiteral("requestTimeout")}, tr("Request timeout (s)"), tr("Seconds a request may take; 0 = 60")),
        field({QStringLiteral("lockTimeout")}, tr("Lock timeout (s)"),
              tr("Seconds one transform holds its lock; 0 = 30")),
        field({QStringLiteral("concurrentImageProcessing")}, tr("Concurrent transforms"),
              tr("Transforms running at once; 0 = 100")),
        field({QStringLiteral("cache"), QStringLiteral("type")}, tr("Cache"),
              tr("Where responses are cached; a change needs a restart"), redisKinds),
        field({QStringLiteral("cache"), QStringLiteral("cacheSize")}, tr("Cache size (bytes)"),
              tr("Bytes of cached responses (memory cache); a change needs a restart")),
        field({QStringLiteral("cache"), QStringLiteral("address")}, tr("Cache Redis"),
              tr("Redis host:port, comma-separated (redis and redis-cluster)"), {}, true),
        field({QStringLiteral("lock"), QStringLiteral("type")}, tr("Lock"),
              tr("Where transforms take their lock; a change needs a restart"), redisKinds),
        field({QStringLiteral("lock"), QStringLiteral("address")}, tr("Lock Redis"),
              tr("Redis host:port, comma-separated (redis and redis-cluster)"), {}, true),
        check({QStringLiteral("accessLogs")}, tr("Access logs"), tr("Log every request")),
        field({QStringLiteral("placeholder")}, tr("Placeholder"),
              tr("An image URL or file path served, transformed, when a transform fails (5xx)")),
        check({QStringLiteral("idleCleanup"), QStringLiteral("enabled")}, tr("Idle cleanup"),
              tr("Free memory after the server has been idle for a while")),
        field({QStringLiteral("idleCleanup"), QStringLiteral("idleTimeoutMin")}, tr("Idle after (min)"),
              tr("Minutes without requests before the cleanup; 0 = 15, at least 5")),
        check({QStringLiteral("idleCleanup"), QStringLiteral("aggressiveGC")}, tr("Aggressive cleanup"),
              tr("Mort's aggressiveGC: accepted, no extra effect in this server")),
        check({QStringLiteral("plugins"), QStringLiteral("webp")}, tr("WebP plugin"),
              tr("Answer WebP to browsers that accept it (plugins.webp)"), KeyFieldKind::Presence),
    };
    // An algorithm is on iff its key is there; typing its types or level adds it.
    for (const char *algorithm : {"gzip", "brotli", "zstd"}) {
        const QString name = QString::fromLatin1(algorithm);
        const QStringList key{QStringLiteral("plugins"), QStringLiteral("compress"), name};
        fields << check(key, tr("Compress: %1").arg(name),
                        tr("Compress responses with %1 for clients that accept it").arg(name), KeyFieldKind::Presence)
               << field(key + QStringList{QStringLiteral("types")}, tr("%1 content types").arg(name),
                        tr("Parts of Content-Type, comma-separated (image/svg, text/); empty = text/html"), {}, true)
               << field(key + QStringList{QStringLiteral("level")}, tr("%1 level").arg(name),
                        tr("The compression level; empty = 4"));
    }
    for (const LimitsField &limit : limitsFields()) {
        const QString key = QString::fromLatin1(limit.key);
        fields << field({QStringLiteral("limits"), key}, QStringLiteral("limits.") + key,
                        tr("A limit of every request; buckets may set their own (empty = the default)"));
    }
    return fields;
}

QList<KeyField> ConfigFormFields::bucketFields()
{
    return {
        field({QStringLiteral("kind")}, tr("Transform kind"),
              tr("How a URL names its transform: query (?width=...), presets (a preset in the path) or both"),
              {QStringLiteral("query"), QStringLiteral("presets"), QStringLiteral("presets-query")}),
        field({QStringLiteral("path")}, tr("Path regex"),
              tr("Matched against the URL's path after the bucket; named groups: presetName, parent (the "
                 "original's key)")),
        field({QStringLiteral("parentBucket")}, tr("Parent bucket"),
              tr("The bucket holding the originals; empty = this one")),
        field({QStringLiteral("parentStorage")}, tr("Parent storage"),
              tr("The storage of the originals; empty = basic")),
        check({QStringLiteral("checkParent")}, tr("Check parent"),
              tr("Look the original up before answering a stored result (a deleted original answers 404)")),
        field({QStringLiteral("resultKey")}, tr("Result key"),
              tr("The key results are stored under: hash, hashParent (grouped under the original) or empty (the "
                 "path; hashParent for the query kinds)"),
              {QString(), QStringLiteral("hash"), QStringLiteral("hashParent")}),
    };
}

QList<KeyField> ConfigFormFields::storageFields(const QString &kind)
{
    const KeyField prefix =
        field({QStringLiteral("pathPrefix")}, tr("Path prefix"), tr("Put in front of every key in this storage"));
    if (kind == QLatin1String("local") || kind == QLatin1String("local-meta"))
        return {field({QStringLiteral("rootPath")}, tr("Root folder"),
                      tr("The folder holding the objects (created when missing)")),
                prefix};
    if (kind == QLatin1String("http"))
        return {field({QStringLiteral("url")}, tr("URL"),
                      tr("The origin; the object's key replaces <item> in it (headers: in the YAML view)")),
                prefix};
    if (kind == QLatin1String("s3"))
        return {field({QStringLiteral("bucket")}, tr("Bucket"), tr("The S3 bucket's name")),
                field({QStringLiteral("region")}, tr("Region"), tr("For example eu-central-1")),
                field({QStringLiteral("endpoint")}, tr("Endpoint"),
                      tr("Empty for AWS; the provider's URL for MinIO, B2, Google, Oracle")),
                field({QStringLiteral("accessKey")}, tr("Access key"), tr("The key's identifier")),
                field({QStringLiteral("secretAccessKey")}, tr("Secret key"),
                      tr("Saving moves it to the system keychain; the file then refers to it as ${MORT_SECRET_...}")),
                prefix};
    return {};
}

bool ConfigFormFields::storageKindBuilt(const QString &kind)
{
    static const QStringList built{QStringLiteral("noop"), QStringLiteral("local"), QStringLiteral("local-meta"),
                                   QStringLiteral("http"), QStringLiteral("s3")};
    return built.contains(kind);
}

QString ConfigFormFields::storageNote(const QString &kind)
{
    if (kind.isEmpty())
        return tr("No kind set: type one (local-meta, local, http, s3, noop) in the YAML view.");
    if (!storageKindBuilt(kind))
        return tr("Kind %1 is Mort's but not built into this server: it loads, and requests to this storage "
                  "answer 503. Use kind s3 with the provider's endpoint, or edit it in the YAML view.")
            .arg(kind);
    if (kind == QLatin1String("noop"))
        return tr("Kind noop keeps nothing: results are not stored.");
    return tr("Kind %1. Keys without a field here stay as written; edit them in the YAML view.").arg(kind);
}

} // namespace mort
