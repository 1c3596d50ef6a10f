#pragma once
// Mort's YAML configuration as typed structs (spec config.md). Defaults sit
// next to each field with the YAML key, unit and Mort's default. A loaded
// Config is immutable and shared (std::shared_ptr<const Config>): a reload
// builds a new snapshot, in-flight requests keep theirs.
#include "config/trustedproxy.h"
#include "core/expected.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace mort {

// server.cache
struct CacheConfig
{
    QString type = QStringLiteral("memory"); // cache.type: memory | redis | redis-cluster
    QStringList address;                     // cache.address: redis host:port list
    qint64 cacheSize = 50000;                // cache.cacheSize: bytes of cached responses (Mort default ~50 KB)
    qint64 maxCacheItemSizeMB = 0;           // cache.maxCacheItemSizeMB: as configured (0 = unset)
    quint64 minUseCount = 0;                 // cache.minUseCount
    QMap<QString, QString> clientConfig;     // cache.clientConfig

    // Effective item limit in bytes, with Mort's doubling quirk (N -> 2N MiB; unset -> 10 MiB).
    qint64 maxCacheItemBytes() const
    {
        return maxCacheItemSizeMB > 0 ? maxCacheItemSizeMB * 2 * 1024 * 1024 : 10 * 1024 * 1024;
    }
};

// server.lock
struct LockConfig
{
    QString type = QStringLiteral("memory"); // lock.type: memory | redis | redis-cluster
    QStringList address;                     // lock.address
    QMap<QString, QString> clientConfig;     // lock.clientConfig
};

// server.idleCleanup
struct IdleCleanupConfig
{
    bool enabled = false;      // idleCleanup.enabled
    int idleTimeoutMin = 15;   // idleCleanup.idleTimeoutMin: minutes (0 -> 15, < 5 is an error)
    bool aggressiveGC = false; // idleCleanup.aggressiveGC
};

struct CompressAlgorithmConfig
{
    QStringList types{QStringLiteral("text/html")}; // <alg>.types: substring match on Content-Type
    int level = 4;                                  // <alg>.level
};

// server.plugins
struct PluginsConfig
{
    bool webp = false;                             // plugins.webp present
    std::optional<CompressAlgorithmConfig> gzip;   // plugins.compress.gzip
    std::optional<CompressAlgorithmConfig> brotli; // plugins.compress.brotli
    std::optional<CompressAlgorithmConfig> zstd;   // plugins.compress.zstd
};

// Our limits beyond Mort (peer-differences R1/R2/R5). Never raisable from a URL.
struct LimitsConfig
{
    qint64 maxSourcePixels = 100'000'000; // limits.maxSourcePixels: width*height*frames of an input
    int maxFrames = 100;                  // limits.maxFrames: pages of an animated input
    int maxOutputDimension = 8192;        // limits.maxOutputDimension: px per side of any output
    qint64 maxTransformCost =
        8'000'000'000; // limits.maxTransformCost: pixel operations of one pass (imaging/transformcost.h) -> 422
    qint64 heavyTransformCost =
        1'000'000'000; // limits.heavyTransformCost: above it a pass runs in the heavy lane (imaging/heavylane.h)
    qint64 maxParentBytes = 64LL << 20; // limits.maxParentBytes: largest source fetched for processing
    qint64 maxHeaderBytes = 16 * 1024;  // limits.maxHeaderBytes: request line + headers -> 431
    qint64 maxBodyBytes = 64LL << 20;   // limits.maxBodyBytes: request body -> 413
    qint64 maxBufferedBodyBytes =
        256LL << 20;              // limits.maxBufferedBodyBytes: request bodies held at once, all connections -> 503
    int headerTimeoutMs = 10'000; // limits.headerTimeoutMs: whole header must arrive in time
    int idleTimeoutMs = 60'000;   // limits.idleTimeoutMs: keep-alive connection idle
    int shutdownGraceMs = 10'000; // limits.shutdownGraceMs: drain in-flight requests on SIGTERM
};

// server
struct ServerConfig
{
    QStringList listens{QStringLiteral(":8080")}; // listens (or listen): host:port | :port | unix:/path
    QString internalListen =
        QStringLiteral("127.0.0.1:8081");      // internalListen: Mort's ":8081", loopback by default (peer S9)
    QString monitoring;                        // monitoring: "prometheus" enables mort_* metrics
    QString logLevel = QStringLiteral("prod"); // logLevel
    bool accessLogs = false;                   // accessLogs
    int requestTimeoutSec = 60;                // requestTimeout: s (0 -> 60)
    int lockTimeoutSec = 30;                   // lockTimeout: s (0 -> 30)
    int concurrentImageProcessing = 100;       // concurrentImageProcessing (<= 0 -> 100)
    qint64 maxFileSize = 0;                    // maxFileSize: bytes (presign redirect threshold)
    QString placeholder;                       // placeholder: URL or path
    PluginsConfig plugins;                     // plugins
    CacheConfig cache;                         // cache
    LockConfig lock;                           // lock
    IdleCleanupConfig idleCleanup;             // idleCleanup
    LimitsConfig limits;                       // limits (ours)
    QString adminToken;                        // adminToken (ours): bearer token for /api/v1
    QList<TrustedProxy> trustedProxies;        // trustedProxies (ours): whose forwarded headers count
};

// headers[] rule
struct HeaderRule
{
    QList<int> statusCodes;                // statusCodes
    QList<QPair<QString, QString>> values; // values (order kept)
    bool override = false;                 // override
};

// buckets.<b>.storages.<name>
struct StorageConfig
{
    QString name;       // map key: basic | transform | ...
    QString kind;       // kind: local-meta | local | noop | http | s3 | ...
    QString rootPath;   // rootPath (local, local-meta)
    QString pathPrefix; // pathPrefix (default "", "transforms" for a storage named `transforms`)
    QString bucket;     // bucket: backend container (empty = the object's Mort bucket, decided per request)
    QString url;        // url (http): contains <container> and/or <item>
    QList<QPair<QString, QString>> headers;               // headers
    QString accessKey, secretAccessKey, region, endpoint; // s3
    QMap<QString, QString> extra;                         // any other scalar keys (b2, google, azure, ...)
};

// buckets.<b>.transform.presets.<name>
struct PresetConfig
{
    QString name;
    int quality = 0; // quality: 1..100, 0 = default
    QString format;  // format
    // filters.* kept as raw YAML-derived maps; object/ turns them into Transforms
    // (errors surface at request time as 400, as Mort).
    bool hasThumbnail = false;
    int thumbnailWidth = 0, thumbnailHeight = 0;
    QString thumbnailMode; // "outbound" = enlarge + fit inside
    bool thumbnailPreserveAspectRatio = false, thumbnailFill = false;
    bool hasCrop = false;
    int cropWidth = 0, cropHeight = 0;
    QString cropGravity, cropMode;
    bool cropEmbed = false;
    bool hasExtract = false;
    int extractTop = 0, extractLeft = 0, extractWidth = 0, extractHeight = 0;
    bool hasResizeCropAuto = false;
    int resizeCropAutoWidth = 0, resizeCropAutoHeight = 0;
    bool hasBlur = false;
    double blurSigma = 0, blurMinAmpl = 0;
    bool hasWatermark = false;
    QString watermarkImage, watermarkPosition;
    float watermarkOpacity = 0;
    bool hasRotate = false;
    int rotateAngle = 0;
    bool grayscale = false, interlace = false, strip = false, autoRotate = false;
};

// buckets.<b>.transform
struct TransformConfig
{
    QString kind; // kind: query | presets | presets-query | cloudinary | (tengo rejected) | base64_presets
    QString path; // path: RE2-style regex with named groups
    QMap<QString, PresetConfig> presets;             // presets
    QString parentBucket;                            // parentBucket
    QString parentStorage = QStringLiteral("basic"); // parentStorage
    bool checkParent = false;                        // checkParent
    QString resultKey; // resultKey: "" | hash | hashParent (default hashParent for query kinds)
};

// buckets.<b>.glacier
struct GlacierConfig
{
    bool enabled = false;
    QString restoreTier = QStringLiteral("Standard");
    int restoreDays = 3;
    int retryAfterSeconds = 0; // 0 = tier default
};

struct AccessKey
{
    QString accessKey;
    QString secretAccessKey;
};

// buckets.<b>
struct BucketConfig
{
    QString name;
    QList<AccessKey> keys;                    // keys
    QList<QPair<QString, QString>> headers;   // headers
    std::optional<TransformConfig> transform; // transform
    QMap<QString, StorageConfig> storages;    // storages (basic required)
    GlacierConfig glacier;                    // glacier
    std::optional<LimitsConfig> limits;       // limits (ours): overrides server.limits for this bucket

    const StorageConfig *storage(const QString &name) const
    {
        auto it = storages.constFind(name);
        return it == storages.constEnd() ? nullptr : &*it;
    }
    const LimitsConfig &effectiveLimits(const LimitsConfig &server) const { return limits ? *limits : server; }
};

struct Config
{
    ServerConfig server;
    QList<HeaderRule> headers;
    QMap<QString, BucketConfig> buckets;
    QString sourcePath; // file it was loaded from (empty for text)

    const BucketConfig *bucket(const QString &name) const
    {
        auto it = buckets.constFind(name);
        return it == buckets.constEnd() ? nullptr : &*it;
    }
    // Storage `name` of `bucketName`; null when the bucket or the storage is missing.
    const StorageConfig *storage(const QString &bucketName, const QString &name) const
    {
        const BucketConfig *b = bucket(bucketName);
        return b ? b->storage(name) : nullptr;
    }
};

using ConfigPtr = std::shared_ptr<const Config>;

// One problem found in a config, naming the YAML key path ("buckets.media.storages.basic.rootPath").
struct ConfigIssue
{
    QString keyPath; // empty for document-level problems (YAML syntax)
    QString message;
};

// "keyPath: message" (just the message when there is no key path).
QString describe(const ConfigIssue &issue);

class ConfigLoader
{
public:
    // Mort's shell-style expansion of $NAME / ${NAME} over the whole text (spec §1).
    static QString expandEnvironment(const QString &text);
    // Same rules with a caller-supplied variable lookup (tests, studio preview).
    static QString expandEnvironment(const QString &text, const std::function<QString(const QString &)> &lookup);
    // The variables that expansion of `text` reads and the environment does
    // not set (they read as empty), each once, in file order; one-character
    // special names ($1, $$ ...) left out. For a start-up warning: a secret the
    // studio moved out as ${MORT_SECRET_...} and nobody exported looks like a
    // wrong password only later, at the storage.
    static QStringList unsetVariables(const QString &text);

    // Parse + validate. The Error's detail lists every issue, one per line, each
    // starting with its key path.
    static Expected<ConfigPtr> fromFile(const QString &path);
    static Expected<ConfigPtr> fromText(const QString &yaml, const QString &sourcePath = {});

    // Expand + parse + validate, returning whatever could be parsed together with
    // every issue (parse/type issues first, then validate()'s). For editors that
    // show issues next to keys; fromText() is this plus the Error packaging.
    static Config parse(const QString &yaml, QList<ConfigIssue> &issues, const QString &sourcePath = {});

    // All problems of a parsed config (empty = valid).
    static QList<ConfigIssue> validate(const Config &config);
};

} // namespace mort
