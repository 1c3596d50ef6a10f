// ConfigLoader: Mort's YAML (spec config.md) -> typed Config, defaults and
// validation messages naming the key path.
#include "config/config.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace mort;

namespace {

// A bucket that passes validation; rows add the part under test.
const char kValidBucket[] = R"y(
buckets:
  media:
    storages:
      basic: {kind: local-meta, rootPath: /srv/mort}
)y";

QStringList issuesOf(const QString &yaml)
{
    QList<ConfigIssue> issues;
    ConfigLoader::parse(yaml, issues);
    QStringList lines;
    for (const ConfigIssue &issue : issues)
        lines.append(describe(issue));
    return lines;
}

// Parses a config that must be valid; fails the test otherwise.
Config parseValid(const QString &yaml)
{
    QList<ConfigIssue> issues;
    Config config = ConfigLoader::parse(yaml, issues);
    QStringList lines;
    for (const ConfigIssue &issue : issues)
        lines.append(describe(issue));
    [&] { QVERIFY2(issues.isEmpty(), qPrintable(lines.join(QLatin1Char('\n')))); }();
    return config;
}

// A configuration using every section (fixtures/everything.yml, ours).
QString everythingExample()
{
    QFile file(QStringLiteral(MORT_SOURCE_DIR "/tests/unit/config/fixtures/everything.yml"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

// Config::bucket() keeps references into the config; a missing bucket fails the test.
const BucketConfig &bucketOf(const Config &config, const char *name)
{
    static const BucketConfig missing;
    const BucketConfig *bucket = config.bucket(QString::fromLatin1(name));
    if (!bucket)
        QTest::qFail(qPrintable(QStringLiteral("no bucket %1").arg(QLatin1String(name))), __FILE__, __LINE__);
    return bucket ? *bucket : missing;
}

const char *const kExampleVariables[] = {"REDIS_HOST", "PHOTOS_KEY", "PHOTOS_SECRET",
                                         "S3_KEY",     "S3_SECRET",  "ORIGIN_KEY"};

} // namespace

class TestConfigLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();

    void validationIssues_data();
    void validationIssues();
    void validConfigsHaveNoIssues_data();
    void validConfigsHaveNoIssues();
    void everyIssueIsReportedInMortOrder();

    void serverDefaults();
    void zeroMeansDefault_data();
    void zeroMeansDefault();
    void listensAndListen_data();
    void listensAndListen();
    void maxCacheItemSizeQuirk_data();
    void maxCacheItemSizeQuirk();
    void serverKeys();
    void plugins();
    void limits();
    void headerRulesKeepOrder();

    void resultKeyDefault_data();
    void resultKeyDefault();
    void transformsStoragePathPrefix_data();
    void transformsStoragePathPrefix();
    void bucketKeys();
    void presetFilters();
    void storageKeys();
    void glacier();

    void everythingExampleParses();
    void everythingExampleWithoutEnvironmentLacksS3Keys();

    void fromTextPackagesIssues();
    void fromFileReadsAndRemembersPath();
    void fromFileUnreadable();
};

void TestConfigLoader::cleanup()
{
    for (const char *name : kExampleVariables)
        qunsetenv(name);
}

void TestConfigLoader::validationIssues_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QStringList>("issues");

    // --- storages (§4.2, C14)
    QTest::newRow("basicStorageRequired") << R"y(
buckets:
  media:
    storages:
      transform: {kind: noop}
)y" << QStringList{"buckets.media.storages.basic: required: the storage holding the originals"};
    QTest::newRow("bucketWithoutBodyNeedsBasic")
        << "buckets:\n  media:\n"
        << QStringList{"buckets.media.storages.basic: required: the storage holding the originals"};
    QTest::newRow("storageKindRequired") << R"y(
buckets:
  media:
    storages:
      basic: {rootPath: /srv}
)y" << QStringList{"buckets.media.storages.basic.kind: required"};
    QTest::newRow("unknownKindAfterValidOneRejected")
        << R"y(
buckets:
  media:
    storages:
      basic: {kind: local-meta, rootPath: /srv}
      transform: {kind: ftp}
)y"
        << QStringList{"buckets.media.storages.transform.kind: unknown storage kind \"ftp\" (known: local-meta, local, "
                       "noop, http, s3, b2, google, azure, oracle, sftp)"};
    QTest::newRow("localMetaNeedsRootPath") << R"y(
buckets:
  media:
    storages:
      basic: {kind: local-meta}
)y" << QStringList{"buckets.media.storages.basic.rootPath: required for kind local-meta"};
    QTest::newRow("localNeedsRootPath") << R"y(
buckets:
  media:
    storages:
      basic: {kind: local, rootPath: ""}
)y" << QStringList{"buckets.media.storages.basic.rootPath: required for kind local"};
    QTest::newRow("httpNeedsUrl") << R"y(
buckets:
  media:
    storages:
      basic: {kind: http}
)y" << QStringList{"buckets.media.storages.basic.url: required for kind http"};
    QTest::newRow("s3NeedsBothKeys") << R"y(
buckets:
  media:
    storages:
      basic: {kind: s3, region: eu-west-1}
)y"
                                     << QStringList{
                                            "buckets.media.storages.basic.accessKey: required for kind s3",
                                            "buckets.media.storages.basic.secretAccessKey: required for kind s3"};
    QTest::newRow("s3NeedsSecret") << R"y(
buckets:
  media:
    storages:
      basic: {kind: s3, accessKey: acc}
)y" << QStringList{"buckets.media.storages.basic.secretAccessKey: required for kind s3"};

    // --- transform (§4.1)
    QTest::newRow("transformKindRequired")
        << QString::fromLatin1(kValidBucket) + R"y(
    transform:
      path: "/(?P<parent>.*)"
)y"
        << QStringList{"buckets.media.transform.kind: required (one of query, presets, presets-query, cloudinary, "
                       "base64_presets)"};
    QTest::newRow("transformKindUnknown")
        << QString::fromLatin1(kValidBucket) + R"y(
    transform: {kind: imgproxy}
)y"
        << QStringList{"buckets.media.transform.kind: unknown transform kind \"imgproxy\" (known: query, presets, "
                       "presets-query, cloudinary, base64_presets)"};
    QTest::newRow("tengoRejected")
        << QString::fromLatin1(kValidBucket) + R"y(
    transform: {kind: tengo, tengoPath: parse.tengo}
)y"
        << QStringList{"buckets.media.transform.kind: Tengo scripting is not supported; use one of query, presets, "
                       "presets-query, cloudinary, base64_presets"};
    QTest::newRow("presetsPathNeedsPythonStylePresetNameGroup") << QString::fromLatin1(kValidBucket) + R"y(
    transform:
      kind: presets
      path: "\\/(?<presetName>[a-z]+)\\/(?P<parent>.*)"
)y" << QStringList{"buckets.media.transform.path: must contain the named group (?P<presetName>...)"};
    QTest::newRow("presetsPathNeedsBothGroups")
        << QString::fromLatin1(kValidBucket) + R"y(
    transform: {kind: presets}
)y"
        << QStringList{"buckets.media.transform.path: must contain the named group (?P<presetName>...)",
                       "buckets.media.transform.path: must contain the named group (?P<parent>...)"};
    QTest::newRow("pathMustCompile")
        << QString::fromLatin1(kValidBucket) + R"y(
    transform: {kind: query, path: "/(?P<parent>.*"}
)y"
        << QStringList{
               "buckets.media.transform.path: invalid regular expression: missing closing parenthesis at offset 14"};
    QTest::newRow("cloudinaryNeedsTransformationsGroup") << QString::fromLatin1(kValidBucket) + R"y(
    transform: {kind: cloudinary, path: "/(?P<parent>.*)"}
)y" << QStringList{"buckets.media.transform.path: must have a named group transformations"};
    QTest::newRow("cloudinaryNeedsPath") << QString::fromLatin1(kValidBucket) + R"y(
    transform: {kind: cloudinary}
)y" << QStringList{"buckets.media.transform.path: required for kind cloudinary"};
    QTest::newRow("parentBucketMustExist") << QString::fromLatin1(kValidBucket) + R"y(
    transform: {kind: query, parentBucket: originals}
)y" << QStringList{"buckets.media.transform.parentBucket: bucket \"originals\" does not exist"};
    QTest::newRow("parentStorageMustExist") << QString::fromLatin1(kValidBucket) + R"y(
    transform: {kind: query, parentStorage: archive}
)y" << QStringList{"buckets.media.transform.parentStorage: no storage \"archive\" in buckets.media.storages"};

    // --- preset values (issue 21: a broken value names its key; Mort fails at request time)
    QTest::newRow("presetNegativeWidth")
        << QString::fromLatin1(kValidBucket) + R"y(
    transform:
      kind: presets
      path: "\\/(?P<presetName>[a-z]+)\\/(?P<parent>.*)"
      presets:
        small:
          quality: 101
          filters:
            thumbnail: {width: -5}
            crop: {width: 10, height: -1}
            blur: {sigma: -0.5}
)y"
        << QStringList{
               "buckets.media.transform.presets.small.quality: must be between 0 (the default) and 100, got 101",
               "buckets.media.transform.presets.small.filters.thumbnail.width: must not be negative, got -5",
               "buckets.media.transform.presets.small.filters.crop.height: must not be negative, got -1",
               "buckets.media.transform.presets.small.filters.blur.sigma: must not be negative, got -0.5"};
    QTest::newRow("presetWidthNotANumber") << QString::fromLatin1(kValidBucket) + R"y(
    transform:
      kind: presets
      path: "\\/(?P<presetName>[a-z]+)\\/(?P<parent>.*)"
      presets:
        small:
          filters:
            thumbnail: {width: abc}
)y"
                                           << QStringList{"buckets.media.transform.presets.small.filters.thumbnail."
                                                          "width: expected an integer, got \"abc\" (line 13)"};

    // --- glacier (§4.3)
    QTest::newRow("glacierTierUnknown") << QString::fromLatin1(kValidBucket) + R"y(
    glacier: {enabled: true, restoreTier: Fast}
)y" << QStringList{"buckets.media.glacier.restoreTier: must be Expedited, Standard or Bulk, got \"Fast\""};
    QTest::newRow("glacierDaysAboveThirty") << QString::fromLatin1(kValidBucket) + R"y(
    glacier: {enabled: true, restoreDays: 31}
)y" << QStringList{"buckets.media.glacier.restoreDays: must be between 1 and 30, got 31"};
    QTest::newRow("glacierNegativeRetryAfter") << QString::fromLatin1(kValidBucket) + R"y(
    glacier: {retryAfterSeconds: -1}
)y" << QStringList{"buckets.media.glacier.retryAfterSeconds: must not be negative, got -1"};

    // --- server (§2)
    QTest::newRow("internalListenEqualsListensEntry") << R"y(
server:
  listens: [":8080", ":8081"]
  internalListen: ":8081"
)y" << QStringList{"server.internalListen: must differ from server.listens[1] (\":8081\")"};
    QTest::newRow("internalListenEqualsSingleListen") << R"y(
server:
  listen: "127.0.0.1:9000"
  internalListen: "127.0.0.1:9000"
)y" << QStringList{"server.internalListen: must differ from server.listens[0] (\"127.0.0.1:9000\")"};
    QTest::newRow("listenWithoutPort")
        << R"y(
server:
  listens: [":8080", "localhost"]
)y"
        << QStringList{"server.listens[1]: invalid listen address \"localhost\": missing :port (expected host:port, "
                       ":port, [ipv6]:port or unix:/absolute/path)"};
    QTest::newRow("unixListenRelative")
        << R"y(
server:
  listens: ["unix:mort.sock"]
)y"
        << QStringList{
               "server.listens[0]: invalid listen address \"unix:mort.sock\": unix socket path must be absolute "
               "(expected host:port, :port, [ipv6]:port or unix:/absolute/path)"};
    QTest::newRow("internalListenIpv6WithoutBrackets")
        << R"y(
server:
  internalListen: "::1:8081"
)y"
        << QStringList{"server.internalListen: invalid listen address \"::1:8081\": IPv6 hosts need brackets: "
                       "[addr]:port (expected host:port, :port, [ipv6]:port or unix:/absolute/path)"};
    QTest::newRow("idleTimeoutBelowFiveWhenEnabled") << R"y(
server:
  idleCleanup: {enabled: true, idleTimeoutMin: 4}
)y" << QStringList{"server.idleCleanup.idleTimeoutMin: must be at least 5 minutes, got 4"};
    QTest::newRow("negativeRequestTimeout") << R"y(
server:
  requestTimeout: -1
)y" << QStringList{"server.requestTimeout: must not be negative, got -1"};
    QTest::newRow("redisCacheNeedsAnAddress") << R"y(
server:
  cache: {type: redis}
)y" << QStringList{"server.cache.address: at least one host:port is required for type redis"};
    QTest::newRow("redisLockAddressAndClientOptionsChecked")
        << R"y(
server:
  lock: {type: redis-cluster, address: ["r1:6379", "r2"], clientConfig: {commandTimeoutMs: "soon"}}
)y"
        << QStringList{"server.lock.address[1]: r2 is not host:port (port 1..65535)",
                       "server.lock.clientConfig.commandTimeoutMs: must be a whole number from 10 to 600000, got soon"};
    QTest::newRow("serverLimitMustBePositive") << R"y(
server:
  limits: {maxFrames: 0}
)y" << QStringList{"server.limits.maxFrames: must be positive, got 0"};
    QTest::newRow("bucketLimitMustBePositive") << QString::fromLatin1(kValidBucket) + R"y(
    limits: {maxOutputDimension: -1}
)y" << QStringList{"buckets.media.limits.maxOutputDimension: must be positive, got -1"};
    QTest::newRow("inheritedBadLimitReportedOnceAtServer") << "server:\n  limits: {maxParentBytes: 0}\n"
            + QString::fromLatin1(kValidBucket)
            + "    limits: {maxFrames: 5}\n" << QStringList{"server.limits.maxParentBytes: must be positive, got 0"};
    QTest::newRow("unknownLimitKey") << R"y(
server:
  limits: {maxPixels: 5}
)y"
                                     << QStringList{
                                            "server.limits.maxPixels: unknown limit (known: maxSourcePixels, "
                                            "maxFrames, maxOutputDimension, maxTransformCost, heavyTransformCost, "
                                            "maxParentBytes, maxHeaderBytes, maxBodyBytes, maxBufferedBodyBytes, "
                                            "headerTimeoutMs, idleTimeoutMs, shutdownGraceMs)"};
    QTest::newRow("unknownPlugin") << R"y(
server:
  plugins:
    webp: ~
    avif: {}
)y" << QStringList{"server.plugins.avif: unknown plugin (known: webp, compress)"};

    // --- types (named with key path and line)
    QTest::newRow("stringWhereIntExpected") << R"y(
server:
  requestTimeout: soon
)y" << QStringList{"server.requestTimeout: expected an integer, got \"soon\" (line 3)"};
    QTest::newRow("floatWhereIntExpected") << R"y(
server:
  lockTimeout: 1.5
)y" << QStringList{"server.lockTimeout: expected an integer, got \"1.5\" (line 3)"};
    QTest::newRow("intOutOfRange") << R"y(
server:
  concurrentImageProcessing: 99999999999
)y" << QStringList{"server.concurrentImageProcessing: integer 99999999999 is out of range"};
    QTest::newRow("negativeMinUseCount") << R"y(
server:
  cache: {minUseCount: -2}
)y" << QStringList{"server.cache.minUseCount: expected a non-negative integer, got \"-2\" (line 3)"};
    QTest::newRow("wrongTypeInsideList") << R"y(
headers:
  - statusCodes: [200, ok]
    values: {"cache-control": "max-age=60"}
)y" << QStringList{"headers[0].statusCodes[1]: expected an integer, got \"ok\" (line 3)"};
    QTest::newRow("mapWhereStringExpected")
        << R"y(
buckets:
  media:
    storages:
      basic:
        kind: local-meta
        rootPath: {dir: /srv}
)y"
        << QStringList{"buckets.media.storages.basic.rootPath: expected a string, got a map (line 7)",
                       "buckets.media.storages.basic.rootPath: required for kind local-meta"};
    QTest::newRow("notABoolean") << R"y(
server:
  accessLogs: sometimes
)y" << QStringList{"server.accessLogs: expected a boolean, got \"sometimes\" (line 3)"};
    QTest::newRow("bucketsMustBeAMap") << "buckets: [media]\n"
                                       << QStringList{"buckets: expected a map, got a list (line 1)"};
    QTest::newRow("headersMustBeAList") << "headers: {statusCodes: [200]}\n"
                                        << QStringList{"headers: expected a list, got a map (line 1)"};
    QTest::newRow("documentMustBeAMap") << "just text\n"
                                        << QStringList{"the document must be a map with server, headers and buckets"};
    QTest::newRow("yamlSyntaxErrorNamesLineAndColumn")
        << "server:\n  listens: [\":8080\"\n  logLevel: debug\n"
        << QStringList{"YAML syntax error at line 3, column 3: end of sequence flow not found"};
}

void TestConfigLoader::validationIssues()
{
    QFETCH(QString, yaml);
    QFETCH(QStringList, issues);
    QCOMPARE(issuesOf(yaml), issues);
}

void TestConfigLoader::validConfigsHaveNoIssues_data()
{
    QTest::addColumn<QString>("yaml");

    QTest::newRow("emptyDocument") << "";
    QTest::newRow("onlyComments") << "# nothing configured\n";
    QTest::newRow("minimalBucket") << QString::fromLatin1(kValidBucket);
    QTest::newRow("ephemeralPortsMayRepeat") << R"y(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
)y";
    QTest::newRow("unknownKeysIgnored") << R"y(
version: 2
server:
  colour: blue
buckets:
  media:
    start: 1
    transform:
      kind: presets
      path: "\\/(?P<presetName>[a-z]+)\\/(?P<parent>.*)"
      order: {presetName: 0, parent: 1}
    storages:
      basic: {kind: noop, flavour: x}
)y";
    QTest::newRow("everyStorageKindKnown") << R"y(
buckets:
  media:
    storages:
      basic: {kind: local-meta, rootPath: /srv}
      a: {kind: local, rootPath: /srv}
      b: {kind: noop}
      c: {kind: http, url: "http://origin<item>"}
      d: {kind: s3, accessKey: a, secretAccessKey: s}
      e: {kind: b2}
      f: {kind: google}
      g: {kind: azure}
      h: {kind: oracle}
      i: {kind: sftp}
)y";
    QTest::newRow("cloudinaryWithBothGroups") << QString::fromLatin1(kValidBucket) + R"y(
    transform:
      kind: cloudinary
      path: "^\\/(?P<transformations>[^/]+)\\/(?P<parent>.+)$"
)y";
    QTest::newRow("presetsQueryNeedsNoLiteralGroups") << QString::fromLatin1(kValidBucket) + R"y(
    transform: {kind: presets-query}
)y";
    QTest::newRow("base64PresetsKnown") << QString::fromLatin1(kValidBucket) + R"y(
    transform: {kind: base64_presets}
)y";
    QTest::newRow("parentBucketAndStorageExist") << R"y(
buckets:
  originals:
    storages:
      basic: {kind: noop}
  media:
    transform: {kind: query, parentBucket: originals, parentStorage: archive}
    storages:
      basic: {kind: noop}
      archive: {kind: local, rootPath: /archive}
)y";
    QTest::newRow("idleTimeoutBelowFiveWhenDisabled")
        << "server:\n  idleCleanup: {enabled: false, idleTimeoutMin: 2}\n";
    QTest::newRow("internalListenOnOtherPort") << "server:\n  listens: [\":8081\"]\n  internalListen: \":8082\"\n";
    QTest::newRow("unixListeners")
        << "server:\n  listen: \"unix:/run/a.sock\"\n  internalListen: \"unix:/run/b.sock\"\n";
    QTest::newRow("glacierAllTiers") << QString::fromLatin1(kValidBucket) + R"y(
    glacier: {enabled: true, restoreTier: Bulk, restoreDays: 30, retryAfterSeconds: 60}
)y";
    QTest::newRow("yamlOneOneBooleans") << "server:\n  accessLogs: yes\n  idleCleanup: {enabled: on}\n";
}

void TestConfigLoader::validConfigsHaveNoIssues()
{
    QFETCH(QString, yaml);
    QCOMPARE(issuesOf(yaml), QStringList());
}

void TestConfigLoader::everyIssueIsReportedInMortOrder()
{
    // Mort stops at the first problem; we list all of them, buckets before server (§1).
    const QString yaml = R"y(
server:
  internalListen: ":8080"
  idleCleanup: {enabled: true, idleTimeoutMin: 1}
buckets:
  b:
    transform: {kind: tengo}
    storages:
      basic: {kind: http}
    glacier: {restoreDays: 40}
  a:
    storages:
      transform: {kind: s4}
)y";
    QCOMPARE(issuesOf(yaml),
             (QStringList{
                 "buckets.a.storages.basic: required: the storage holding the originals",
                 "buckets.a.storages.transform.kind: unknown storage kind \"s4\" (known: local-meta, "
                 "local, noop, http, s3, b2, google, azure, oracle, sftp)",
                 "buckets.b.storages.basic.url: required for kind http",
                 "buckets.b.transform.kind: Tengo scripting is not supported; use one of query, "
                 "presets, presets-query, cloudinary, base64_presets",
                 "buckets.b.glacier.restoreDays: must be between 1 and 30, got 40",
                 "server.internalListen: must differ from server.listens[0] (\":8080\")",
                 "server.idleCleanup.idleTimeoutMin: must be at least 5 minutes, got 1",
             }));
}

void TestConfigLoader::serverDefaults()
{
    const Config config = parseValid(QString::fromLatin1(kValidBucket));
    const ServerConfig &server = config.server;
    QCOMPARE(server.listens, QStringList{":8080"});
    QCOMPARE(server.internalListen, QStringLiteral("127.0.0.1:8081")); // ours; Mort's is ":8081" (peer S9)
    QCOMPARE(server.monitoring, QString());
    QCOMPARE(server.logLevel, QStringLiteral("prod"));
    QCOMPARE(server.accessLogs, false);
    QCOMPARE(server.requestTimeoutSec, 60);
    QCOMPARE(server.lockTimeoutSec, 30);
    QCOMPARE(server.concurrentImageProcessing, 100);
    QCOMPARE(server.maxFileSize, 0);
    QCOMPARE(server.placeholder, QString());
    QCOMPARE(server.adminToken, QString());
    QCOMPARE(server.plugins.webp, false);
    QVERIFY(!server.plugins.gzip && !server.plugins.brotli && !server.plugins.zstd);
    QCOMPARE(server.cache.type, QStringLiteral("memory"));
    QCOMPARE(server.cache.cacheSize, 50000);
    QCOMPARE(server.cache.maxCacheItemBytes(), 10 * 1024 * 1024);
    QCOMPARE(server.cache.minUseCount, 0u);
    QCOMPARE(server.lock.type, QStringLiteral("memory"));
    QCOMPARE(server.idleCleanup.enabled, false);
    QCOMPARE(server.idleCleanup.idleTimeoutMin, 15);
    QCOMPARE(server.limits.maxFrames, LimitsConfig().maxFrames);
    QCOMPARE(server.limits.maxSourcePixels, LimitsConfig().maxSourcePixels);
    QVERIFY(config.headers.isEmpty());
    QCOMPARE(config.buckets.keys(), QStringList{"media"});
    QCOMPARE(config.sourcePath, QString());
}

void TestConfigLoader::zeroMeansDefault_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QString>("field");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("requestTimeoutZeroIs60") << "server: {requestTimeout: 0}"
                                            << "requestTimeout" << qint64(60);
    QTest::newRow("requestTimeoutKept") << "server: {requestTimeout: 70}"
                                        << "requestTimeout" << qint64(70);
    QTest::newRow("lockTimeoutZeroIs30") << "server: {lockTimeout: 0}"
                                         << "lockTimeout" << qint64(30);
    QTest::newRow("lockTimeoutKept") << "server: {lockTimeout: 5}"
                                     << "lockTimeout" << qint64(5);
    QTest::newRow("concurrencyZeroIs100") << "server: {concurrentImageProcessing: 0}"
                                          << "concurrency" << qint64(100);
    QTest::newRow("concurrencyNegativeIs100") << "server: {concurrentImageProcessing: -3}"
                                              << "concurrency" << qint64(100);
    QTest::newRow("concurrencyKept") << "server: {concurrentImageProcessing: 8}"
                                     << "concurrency" << qint64(8);
    QTest::newRow("cacheSizeZeroIs50000") << "server: {cache: {cacheSize: 0}}"
                                          << "cacheSize" << qint64(50000);
    QTest::newRow("cacheSizeHexKept") << "server: {cache: {cacheSize: 0x100000}}"
                                      << "cacheSize" << qint64(1048576);
    QTest::newRow("idleTimeoutZeroIs15") << "server: {idleCleanup: {enabled: true, idleTimeoutMin: 0}}"
                                         << "idle" << qint64(15);
    QTest::newRow("idleTimeoutKept") << "server: {idleCleanup: {enabled: true, idleTimeoutMin: 10}}"
                                     << "idle" << qint64(10);
    QTest::newRow("glacierDaysZeroIs3") << QString::fromLatin1(kValidBucket) + "    glacier: {restoreDays: 0}\n"
                                        << "restoreDays" << qint64(3);
}

void TestConfigLoader::zeroMeansDefault()
{
    QFETCH(QString, yaml);
    QFETCH(QString, field);
    QFETCH(qint64, expected);
    const Config config = parseValid(yaml);
    const QMap<QString, qint64> actual{
        {"requestTimeout", config.server.requestTimeoutSec},
        {"lockTimeout", config.server.lockTimeoutSec},
        {"concurrency", config.server.concurrentImageProcessing},
        {"cacheSize", config.server.cache.cacheSize},
        {"idle", config.server.idleCleanup.idleTimeoutMin},
        {"restoreDays", config.bucket("media") ? config.bucket("media")->glacier.restoreDays : -1},
    };
    QCOMPARE(actual.value(field), expected);
}

void TestConfigLoader::listensAndListen_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QStringList>("listens");
    QTest::addColumn<QString>("internalListen");

    QTest::newRow("nothingGivesDefaults") << "server: {}" << QStringList{":8080"} << "127.0.0.1:8081";
    QTest::newRow("singleListenUsed") << "server: {listen: \"0.0.0.0:9000\"}" << QStringList{"0.0.0.0:9000"}
                                      << "127.0.0.1:8081";
    QTest::newRow("listensWinOverListen")
        << "server: {listen: \":9000\", listens: [\":9001\", \"unix:/run/mort.sock\"]}"
        << QStringList{":9001", "unix:/run/mort.sock"} << "127.0.0.1:8081";
    QTest::newRow("emptyListensFallsBackToListen")
        << "server: {listen: \":9000\", listens: []}" << QStringList{":9000"} << "127.0.0.1:8081";
    QTest::newRow("emptyListenIsDefault") << "server: {listen: \"\"}" << QStringList{":8080"} << "127.0.0.1:8081";
    QTest::newRow("mortInternalListenKeptVerbatim")
        << "server: {internalListen: \":8081\"}" << QStringList{":8080"} << ":8081";
    QTest::newRow("emptyInternalListenIsLoopbackDefault")
        << "server: {internalListen: \"\"}" << QStringList{":8080"} << "127.0.0.1:8081";
}

void TestConfigLoader::listensAndListen()
{
    QFETCH(QString, yaml);
    QFETCH(QStringList, listens);
    QFETCH(QString, internalListen);
    const Config config = parseValid(yaml);
    QCOMPARE(config.server.listens, listens);
    QCOMPARE(config.server.internalListen, internalListen);
}

void TestConfigLoader::maxCacheItemSizeQuirk_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<qint64>("configured");
    QTest::addColumn<qint64>("effectiveBytes");

    // §2.1: Mort computes value*2<<20, so N means 2N MiB; unset means 10 MiB.
    QTest::newRow("unsetIsTenMiB") << "server: {cache: {type: memory}}" << qint64(0) << qint64(10 << 20);
    QTest::newRow("oneMeansTwoMiB") << "server: {cache: {maxCacheItemSizeMB: 1}}" << qint64(1) << qint64(2 << 20);
    QTest::newRow("fiveMeansTenMiB") << "server: {cache: {maxCacheItemSizeMB: 5}}" << qint64(5) << qint64(10 << 20);
    QTest::newRow("hundredMeans200MiB") << "server: {cache: {maxCacheItemSizeMB: 100}}" << qint64(100)
                                        << qint64(200) * 1024 * 1024;
}

void TestConfigLoader::maxCacheItemSizeQuirk()
{
    QFETCH(QString, yaml);
    QFETCH(qint64, configured);
    QFETCH(qint64, effectiveBytes);
    const Config config = parseValid(yaml);
    QCOMPARE(config.server.cache.maxCacheItemSizeMB, configured);
    QCOMPARE(config.server.cache.maxCacheItemBytes(), effectiveBytes);
}

void TestConfigLoader::serverKeys()
{
    const Config config = parseValid(R"y(
server:
  monitoring: prometheus
  logLevel: debug
  accessLogs: true
  maxFileSize: 1_000_000
  placeholder: "https://example.com/ph.png"
  adminToken: "s3cr3t"
  cache:
    type: redis-cluster
    address: ["r1:6379", "r2:6379"]
    cacheSize: 1024
    minUseCount: 3
    clientConfig: {maxmemory-policy: allkeys-lru}
  lock:
    type: redis
    address: ["r1:6379"]
    clientConfig: {timeout: 5}
  idleCleanup: {enabled: true, idleTimeoutMin: 6, aggressiveGC: true}
)y");
    const ServerConfig &s = config.server;
    QCOMPARE(s.monitoring, QStringLiteral("prometheus"));
    QCOMPARE(s.logLevel, QStringLiteral("debug"));
    QCOMPARE(s.accessLogs, true);
    QCOMPARE(s.maxFileSize, 1000000);
    QCOMPARE(s.placeholder, QStringLiteral("https://example.com/ph.png"));
    QCOMPARE(s.adminToken, QStringLiteral("s3cr3t"));
    QCOMPARE(s.cache.type, QStringLiteral("redis-cluster"));
    QCOMPARE(s.cache.address, (QStringList{"r1:6379", "r2:6379"}));
    QCOMPARE(s.cache.cacheSize, 1024);
    QCOMPARE(s.cache.minUseCount, 3u);
    QCOMPARE(s.cache.clientConfig, (QMap<QString, QString>{{"maxmemory-policy", "allkeys-lru"}}));
    QCOMPARE(s.lock.type, QStringLiteral("redis"));
    QCOMPARE(s.lock.address, QStringList{"r1:6379"});
    QCOMPARE(s.lock.clientConfig, (QMap<QString, QString>{{"timeout", "5"}}));
    QCOMPARE(s.idleCleanup.enabled, true);
    QCOMPARE(s.idleCleanup.idleTimeoutMin, 6);
    QCOMPARE(s.idleCleanup.aggressiveGC, true);

    // §2.1: an unknown cache type falls back to memory.
    QCOMPARE(parseValid("server: {cache: {type: memcached}}").server.cache.type, QStringLiteral("memory"));
}

void TestConfigLoader::plugins()
{
    const Config config = parseValid(R"y(
server:
  plugins:
    webp: ~
    compress:
      gzip: ~
      brotli: {types: ["text/css", "application/json"], level: 9}
      zstd: {level: 7}
      lz4: {level: 1}
)y");
    const PluginsConfig &p = config.server.plugins;
    QCOMPARE(p.webp, true);
    QVERIFY(p.gzip && p.brotli && p.zstd);
    QCOMPARE(p.gzip->types, QStringList{"text/html"});
    QCOMPARE(p.gzip->level, 4);
    QCOMPARE(p.brotli->types, (QStringList{"text/css", "application/json"}));
    QCOMPARE(p.brotli->level, 9);
    QCOMPARE(p.zstd->types, QStringList{"text/html"});
    QCOMPARE(p.zstd->level, 7);

    // §2.4: webp with any value is on; a missing algorithm stays off.
    const PluginsConfig other = parseValid("server: {plugins: {webp: false, compress: {gzip: {}}}}").server.plugins;
    QCOMPARE(other.webp, true);
    QVERIFY(other.gzip && !other.brotli && !other.zstd);
}

void TestConfigLoader::limits()
{
    const Config config = parseValid(R"y(
server:
  limits:
    maxSourcePixels: 50000000
    maxFrames: 10
    maxOutputDimension: 4096
    maxParentBytes: 1048576
    maxHeaderBytes: 8192
    maxBodyBytes: 2097152
    headerTimeoutMs: 5000
    idleTimeoutMs: 30000
    shutdownGraceMs: 2000
buckets:
  strict:
    limits: {maxOutputDimension: 1024, maxSourcePixels: 1000000}
    storages: {basic: {kind: noop}}
  loose:
    storages: {basic: {kind: noop}}
)y");
    const LimitsConfig &s = config.server.limits;
    QCOMPARE(s.maxSourcePixels, 50000000);
    QCOMPARE(s.maxFrames, 10);
    QCOMPARE(s.maxOutputDimension, 4096);
    QCOMPARE(s.maxParentBytes, 1048576);
    QCOMPARE(s.maxHeaderBytes, 8192);
    QCOMPARE(s.maxBodyBytes, 2097152);
    QCOMPARE(s.headerTimeoutMs, 5000);
    QCOMPARE(s.idleTimeoutMs, 30000);
    QCOMPARE(s.shutdownGraceMs, 2000);

    const BucketConfig &strict = bucketOf(config, "strict");
    QVERIFY(strict.limits);
    const LimitsConfig &b = strict.effectiveLimits(s);
    QCOMPARE(b.maxOutputDimension, 1024);
    QCOMPARE(b.maxSourcePixels, 1000000);
    QCOMPARE(b.maxFrames, 10);           // inherited from server.limits, not the built-in 100
    QCOMPARE(b.maxParentBytes, 1048576); // inherited
    QVERIFY(!bucketOf(config, "loose").limits);
    QCOMPARE(&bucketOf(config, "loose").effectiveLimits(s), &s);
}

void TestConfigLoader::headerRulesKeepOrder()
{
    const Config config = parseValid(R"y(
headers:
  - statusCodes: [200]
    values: {"cache-control": "max-age=84000, public", "X-B": "2", "X-A": "1"}
  - statusCodes: [404, 400]
    override: true
    values:
      cache-control: max-age=60, public
      x-empty: ~
)y");
    QCOMPARE(config.headers.size(), 2);
    const HeaderRule &first = config.headers[0];
    QCOMPARE(first.statusCodes, QList<int>{200});
    QCOMPARE(first.override, false);
    QCOMPARE(first.values,
             (QList<QPair<QString, QString>>{{"cache-control", "max-age=84000, public"}, {"X-B", "2"}, {"X-A", "1"}}));
    const HeaderRule &second = config.headers[1];
    QCOMPARE(second.statusCodes, (QList<int>{404, 400}));
    QCOMPARE(second.override, true);
    QCOMPARE(second.values, (QList<QPair<QString, QString>>{{"cache-control", "max-age=60, public"}, {"x-empty", ""}}));
}

void TestConfigLoader::resultKeyDefault_data()
{
    QTest::addColumn<QString>("transform");
    QTest::addColumn<QString>("resultKey");

    QTest::newRow("queryDefaultsToHashParent") << "{kind: query}"
                                               << "hashParent";
    QTest::newRow("presetsQueryDefaultsToHashParent") << "{kind: presets-query}"
                                                      << "hashParent";
    QTest::newRow("presetsKeepsRequestKey") << "{kind: presets, path: \"/(?P<presetName>[a-z]+)/(?P<parent>.*)\"}"
                                            << "";
    QTest::newRow("cloudinaryKeepsRequestKey")
        << "{kind: cloudinary, path: \"/(?P<transformations>[^/]+)/(?P<parent>.*)\"}"
        << "";
    QTest::newRow("explicitHashKept") << "{kind: query, resultKey: hash}"
                                      << "hash";
    QTest::newRow("explicitValueOnPresetsKept")
        << "{kind: presets, resultKey: hashParent, path: \"/(?P<presetName>[a-z]+)/(?P<parent>.*)\"}"
        << "hashParent";
}

void TestConfigLoader::resultKeyDefault()
{
    QFETCH(QString, transform);
    QFETCH(QString, resultKey);
    const Config config = parseValid(QString::fromLatin1(kValidBucket) + "    transform: " + transform + "\n");
    const BucketConfig *media = config.bucket("media");
    QVERIFY(media && media->transform);
    QCOMPARE(media->transform->resultKey, resultKey);
    QCOMPARE(media->transform->parentStorage, QStringLiteral("basic"));
}

void TestConfigLoader::transformsStoragePathPrefix_data()
{
    QTest::addColumn<QString>("storage");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("pathPrefix");

    QTest::newRow("pluralTransformsGetsPrefix") << "transforms: {kind: noop}"
                                                << "transforms"
                                                << "transforms";
    QTest::newRow("singularTransformGetsNone") << "transform: {kind: noop}"
                                               << "transform"
                                               << "";
    QTest::newRow("explicitPrefixKept") << "transforms: {kind: noop, pathPrefix: out}"
                                        << "transforms"
                                        << "out";
    QTest::newRow("basicGetsNone") << "other: {kind: noop}"
                                   << "basic"
                                   << "";
}

void TestConfigLoader::transformsStoragePathPrefix()
{
    QFETCH(QString, storage);
    QFETCH(QString, name);
    QFETCH(QString, pathPrefix);
    const Config config = parseValid(QString::fromLatin1(kValidBucket) + "      " + storage + "\n");
    const StorageConfig *s = bucketOf(config, "media").storage(name);
    QVERIFY(s);
    QCOMPARE(s->name, name);
    QCOMPARE(s->pathPrefix, pathPrefix);
}

void TestConfigLoader::bucketKeys()
{
    const Config config = parseValid(R"y(
buckets:
  media:
    keys:
      - {accessKey: acc, secretAccessKey: sec}
      - accessKey: acc2
        secretAccessKey: sec2
    headers: {"X-Frame-Options": "deny", "x-content-type-options": nosniff}
    storages:
      basic: {kind: noop}
)y");
    const BucketConfig &media = bucketOf(config, "media");
    QCOMPARE(media.name, QStringLiteral("media"));
    QCOMPARE(media.keys.size(), 2);
    QCOMPARE(media.keys[0].accessKey, QStringLiteral("acc"));
    QCOMPARE(media.keys[0].secretAccessKey, QStringLiteral("sec"));
    QCOMPARE(media.keys[1].accessKey, QStringLiteral("acc2"));
    QCOMPARE(media.keys[1].secretAccessKey, QStringLiteral("sec2"));
    QCOMPARE(media.headers,
             (QList<QPair<QString, QString>>{{"X-Frame-Options", "deny"}, {"x-content-type-options", "nosniff"}}));
    QVERIFY(!media.transform);
    QCOMPARE(media.glacier.enabled, false);
}

void TestConfigLoader::presetFilters()
{
    const Config config = parseValid(QString::fromLatin1(kValidBucket) + R"y(
    transform:
      kind: presets
      path: "\\/(?P<presetName>[a-z]+)\\/(?P<parent>.*)"
      parentStorage: basic
      checkParent: true
      presets:
        everything:
          quality: 75
          format: webp
          filters:
            thumbnail: {width: 150, height: 0, mode: outbound, preserveAspectRatio: true, fill: true}
            crop: {width: 200, height: 100, gravity: smart, mode: embed, embed: true}
            extract: {top: 1, left: 2, width: 30, height: 40}
            resizeCropAuto: {width: 300, height: 200}
            blur: {sigma: 5.5, minAmpl: 0.2}
            watermark: {image: "https://host/wm.png", position: "top-left", opacity: 0.5}
            rotate: {angle: 90}
            grayscale: true
            interlace: true
            strip: true
            auto_rotate: true
        bare:
          filters:
            thumbnail: ~
)y");
    QVERIFY(bucketOf(config, "media").transform);
    const TransformConfig &t = *bucketOf(config, "media").transform;
    QCOMPARE(t.kind, QStringLiteral("presets"));
    QCOMPARE(t.path, QStringLiteral("\\/(?P<presetName>[a-z]+)\\/(?P<parent>.*)"));
    QCOMPARE(t.checkParent, true);
    QCOMPARE(t.presets.keys(), (QStringList{"bare", "everything"}));

    const PresetConfig &p = t.presets["everything"];
    QCOMPARE(p.name, QStringLiteral("everything"));
    QCOMPARE(p.quality, 75);
    QCOMPARE(p.format, QStringLiteral("webp"));
    QVERIFY(p.hasThumbnail);
    QCOMPARE(p.thumbnailWidth, 150);
    QCOMPARE(p.thumbnailHeight, 0);
    QCOMPARE(p.thumbnailMode, QStringLiteral("outbound"));
    QCOMPARE(p.thumbnailPreserveAspectRatio, true);
    QCOMPARE(p.thumbnailFill, true);
    QVERIFY(p.hasCrop);
    QCOMPARE(p.cropWidth, 200);
    QCOMPARE(p.cropHeight, 100);
    QCOMPARE(p.cropGravity, QStringLiteral("smart"));
    QCOMPARE(p.cropMode, QStringLiteral("embed"));
    QCOMPARE(p.cropEmbed, true);
    QVERIFY(p.hasExtract);
    QCOMPARE(p.extractTop, 1);
    QCOMPARE(p.extractLeft, 2);
    QCOMPARE(p.extractWidth, 30);
    QCOMPARE(p.extractHeight, 40);
    QVERIFY(p.hasResizeCropAuto);
    QCOMPARE(p.resizeCropAutoWidth, 300);
    QCOMPARE(p.resizeCropAutoHeight, 200);
    QVERIFY(p.hasBlur);
    QCOMPARE(p.blurSigma, 5.5);
    QCOMPARE(p.blurMinAmpl, 0.2);
    QVERIFY(p.hasWatermark);
    QCOMPARE(p.watermarkImage, QStringLiteral("https://host/wm.png"));
    QCOMPARE(p.watermarkPosition, QStringLiteral("top-left"));
    QCOMPARE(p.watermarkOpacity, 0.5f);
    QVERIFY(p.hasRotate);
    QCOMPARE(p.rotateAngle, 90);
    QCOMPARE(p.grayscale, true);
    QCOMPARE(p.interlace, true);
    QCOMPARE(p.strip, true);
    QCOMPARE(p.autoRotate, true);

    // `thumbnail: ~` is Mort's nil pointer: the filter is off.
    const PresetConfig &bare = t.presets["bare"];
    QCOMPARE(bare.quality, 0);
    QVERIFY(!bare.hasThumbnail && !bare.hasCrop && !bare.hasWatermark && !bare.grayscale);
}

void TestConfigLoader::storageKeys()
{
    const Config config = parseValid(R"y(
buckets:
  media:
    storages:
      basic:
        kind: http
        url: "https://origin.example<item>"
        headers: {"x-origin-key": "k", "Accept": "image/*"}
      s3:
        kind: s3
        accessKey: AK
        secretAccessKey: SK
        region: eu-central-1
        endpoint: "http://minio:9000"
        bucket: originals
        pathPrefix: p
        HTTPTracing: true
      sftp:
        kind: sftp
        sftpHost: files.local
        sftpPort: 22
        sftpBasePath: /data
        nested: {ignored: true}
)y");
    const BucketConfig &media = bucketOf(config, "media");
    const StorageConfig *http = media.storage("basic");
    QVERIFY(http);
    QCOMPARE(http->kind, QStringLiteral("http"));
    QCOMPARE(http->url, QStringLiteral("https://origin.example<item>"));
    QCOMPARE(http->headers, (QList<QPair<QString, QString>>{{"x-origin-key", "k"}, {"Accept", "image/*"}}));
    QVERIFY(http->extra.isEmpty());

    const StorageConfig *s3 = media.storage("s3");
    QVERIFY(s3);
    QCOMPARE(s3->accessKey, QStringLiteral("AK"));
    QCOMPARE(s3->secretAccessKey, QStringLiteral("SK"));
    QCOMPARE(s3->region, QStringLiteral("eu-central-1"));
    QCOMPARE(s3->endpoint, QStringLiteral("http://minio:9000"));
    QCOMPARE(s3->bucket, QStringLiteral("originals"));
    QCOMPARE(s3->pathPrefix, QStringLiteral("p"));
    QCOMPARE(s3->extra, (QMap<QString, QString>{{"HTTPTracing", "true"}}));

    const StorageConfig *sftp = media.storage("sftp");
    QVERIFY(sftp);
    QCOMPARE(sftp->extra,
             (QMap<QString, QString>{{"sftpHost", "files.local"}, {"sftpPort", "22"}, {"sftpBasePath", "/data"}}));
    QCOMPARE(sftp->bucket, QString()); // empty: the object's bucket decides at request time
}

void TestConfigLoader::glacier()
{
    const GlacierConfig defaults = parseValid(QString::fromLatin1(kValidBucket) + "    glacier: {enabled: true}\n")
                                       .buckets.value(QStringLiteral("media"))
                                       .glacier;
    QCOMPARE(defaults.enabled, true);
    QCOMPARE(defaults.restoreTier, QStringLiteral("Standard"));
    QCOMPARE(defaults.restoreDays, 3);
    QCOMPARE(defaults.retryAfterSeconds, 0);

    const GlacierConfig set = parseValid(QString::fromLatin1(kValidBucket)
                                         + "    glacier: {enabled: true, restoreTier: Expedited, restoreDays: 7, "
                                           "retryAfterSeconds: 120}\n")
                                  .buckets.value(QStringLiteral("media"))
                                  .glacier;
    QCOMPARE(set.restoreTier, QStringLiteral("Expedited"));
    QCOMPARE(set.restoreDays, 7);
    QCOMPARE(set.retryAfterSeconds, 120);
}

void TestConfigLoader::everythingExampleParses()
{
    const QString example = everythingExample();
    QVERIFY2(example.contains(QStringLiteral("buckets:")), "tests/unit/config/fixtures/everything.yml not found");
    qputenv("REDIS_HOST", "redis.internal");
    qputenv("PHOTOS_KEY", "photos-acc");
    qputenv("PHOTOS_SECRET", "photos-sec");
    qputenv("S3_KEY", "minio-acc");
    qputenv("S3_SECRET", "minio-sec");
    qputenv("ORIGIN_KEY", "origin-k");

    const Expected<ConfigPtr> loaded = ConfigLoader::fromText(example, QStringLiteral("everything.yml"));
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().detail));
    const Config &c = **loaded;
    QCOMPARE(c.sourcePath, QStringLiteral("everything.yml"));

    QCOMPARE(c.server.listens, (QStringList{"0.0.0.0:8080", "unix:/run/mort/mort.sock"}));
    QCOMPARE(c.server.internalListen, QStringLiteral("127.0.0.1:8081"));
    QCOMPARE(c.server.monitoring, QStringLiteral("prometheus"));
    QCOMPARE(c.server.logLevel, QStringLiteral("info"));
    QCOMPARE(c.server.accessLogs, true);
    QCOMPARE(c.server.requestTimeoutSec, 70);
    QCOMPARE(c.server.lockTimeoutSec, 30);
    QCOMPARE(c.server.concurrentImageProcessing, 64);
    QCOMPARE(c.server.maxFileSize, 0);
    QCOMPARE(c.server.cache.type, QStringLiteral("redis"));
    QCOMPARE(c.server.cache.address, QStringList{"redis.internal:6379"});
    QCOMPARE(c.server.cache.maxCacheItemSizeMB, 5);
    QCOMPARE(c.server.cache.maxCacheItemBytes(), 10 * 1024 * 1024);
    QCOMPARE(c.server.cache.minUseCount, 2u);
    QCOMPARE(c.server.lock.type, QStringLiteral("redis"));
    QCOMPARE(c.server.lock.address, QStringList{"redis.internal:6379"});
    QCOMPARE(c.server.idleCleanup.enabled, true);
    QCOMPARE(c.server.idleCleanup.idleTimeoutMin, 10);
    QCOMPARE(c.server.plugins.webp, true);
    QVERIFY(c.server.plugins.gzip && c.server.plugins.brotli && !c.server.plugins.zstd);
    QCOMPARE(c.server.plugins.gzip->level, 5);
    QCOMPARE(c.server.plugins.brotli->types,
             (QStringList{"text/plain", "text/css", "application/json", "application/xml"}));

    QCOMPARE(c.headers.size(), 3);
    QCOMPARE(c.headers[1].statusCodes, (QList<int>{400, 404}));
    QCOMPARE(c.headers[2].values, (QList<QPair<QString, QString>>{{"cache-control", "max-age=5, public"}}));

    QCOMPARE(c.buckets.keys(), (QStringList{"photos", "proxy"}));
    const BucketConfig &photos = bucketOf(c, "photos");
    QCOMPARE(photos.keys.size(), 1);
    QCOMPARE(photos.keys[0].accessKey, QStringLiteral("photos-acc"));
    QCOMPARE(photos.keys[0].secretAccessKey, QStringLiteral("photos-sec"));
    QCOMPARE(photos.headers, (QList<QPair<QString, QString>>{{"X-Content-Type-Options", "nosniff"}}));
    QVERIFY(photos.transform);
    QCOMPARE(photos.transform->kind, QStringLiteral("presets-query"));
    // The regex ends in `$"`: env expansion leaves that dollar alone (§1).
    QCOMPARE(photos.transform->path,
             QStringLiteral(R"y(\/(?P<presetName>[a-z0-9_]+)\/(?P<parent>[a-zA-Z0-9_\-\/\.]+)$)y"));
    QCOMPARE(photos.transform->parentBucket, QStringLiteral("photos"));
    QCOMPARE(photos.transform->resultKey, QStringLiteral("hashParent"));
    QCOMPARE(photos.transform->presets.keys(), (QStringList{"square", "stamped", "thumb"}));
    QCOMPARE(photos.transform->presets["thumb"].thumbnailWidth, 320);
    QCOMPARE(photos.transform->presets["thumb"].strip, true);
    QCOMPARE(photos.transform->presets["square"].cropGravity, QStringLiteral("smart"));
    QCOMPARE(photos.transform->presets["stamped"].watermarkOpacity, 0.4f);
    const StorageConfig *basic = photos.storage("basic");
    QVERIFY(basic);
    QCOMPARE(basic->kind, QStringLiteral("s3"));
    QCOMPARE(basic->accessKey, QStringLiteral("minio-acc"));
    QCOMPARE(basic->secretAccessKey, QStringLiteral("minio-sec"));
    QCOMPARE(basic->bucket, QStringLiteral("photo-originals"));
    QVERIFY(photos.storage("transform"));
    QCOMPARE(photos.storage("transform")->pathPrefix, QStringLiteral("results"));
    QCOMPARE(photos.glacier.enabled, true);
    QCOMPARE(photos.glacier.restoreTier, QStringLiteral("Expedited"));
    QCOMPARE(photos.glacier.restoreDays, 3);

    const BucketConfig &proxy = bucketOf(c, "proxy");
    QVERIFY(proxy.transform && proxy.storage("basic"));
    QCOMPARE(proxy.transform->kind, QStringLiteral("query"));
    QCOMPARE(proxy.transform->resultKey, QStringLiteral("hashParent"));
    QCOMPARE(proxy.storage("basic")->url, QStringLiteral("https://cdn.example.com<item>"));
    QCOMPARE(proxy.storage("basic")->headers, (QList<QPair<QString, QString>>{{"x-origin-key", "origin-k"}}));
}

void TestConfigLoader::everythingExampleWithoutEnvironmentLacksS3Keys()
{
    // Unset variables expand to "" (§1), so the s3 storage loses its keys.
    const QString example = everythingExample();
    QVERIFY(!example.isEmpty());
    QCOMPARE(issuesOf(example),
             (QStringList{"buckets.photos.storages.basic.accessKey: required for kind s3",
                          "buckets.photos.storages.basic.secretAccessKey: required for kind s3"}));
}

void TestConfigLoader::fromTextPackagesIssues()
{
    const Expected<ConfigPtr> loaded = ConfigLoader::fromText(R"y(
server:
  requestTimeout: soon
buckets:
  media:
    storages:
      basic: {kind: local-meta}
)y");
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().code, QByteArray("config.invalid"));
    QCOMPARE(loaded.error().httpStatus, 500);
    QCOMPARE(loaded.error().detail.split(QLatin1Char('\n')),
             (QStringList{"server.requestTimeout: expected an integer, got \"soon\" (line 3)",
                          "buckets.media.storages.basic.rootPath: required for kind local-meta"}));
}

void TestConfigLoader::fromFileReadsAndRemembersPath()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("mort.yml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kValidBucket);
    file.close();

    const Expected<ConfigPtr> loaded = ConfigLoader::fromFile(path);
    QVERIFY(loaded.ok());
    QCOMPARE((*loaded)->sourcePath, path);
    QVERIFY((*loaded)->bucket(QStringLiteral("media")));

    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("buckets:\n  media: {storages: {basic: {kind: http}}}\n");
    file.close();
    const Expected<ConfigPtr> invalid = ConfigLoader::fromFile(path);
    QVERIFY(!invalid.ok());
    QCOMPARE(invalid.error().code, QByteArray("config.invalid"));
    QCOMPARE(invalid.error().detail, QStringLiteral("buckets.media.storages.basic.url: required for kind http"));
    QCOMPARE(invalid.error().publicMessage, QStringLiteral("invalid configuration in ") + path);
}

void TestConfigLoader::fromFileUnreadable()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("missing.yml"));
    const Expected<ConfigPtr> loaded = ConfigLoader::fromFile(path);
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().code, QByteArray("config.unreadable"));
    QVERIFY2(loaded.error().detail.startsWith(path + QStringLiteral(": ")), qPrintable(loaded.error().detail));
}

QTEST_GUILESS_MAIN(TestConfigLoader)
#include "tst_configloader.moc"
