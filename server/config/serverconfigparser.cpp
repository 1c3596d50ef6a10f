// server.* (spec config.md §2), with Mort's load-time defaults applied.
#include "config/configparser.h"

namespace mort {

ServerConfig ConfigParser::parseServer(const YAML::Node &node, const QString &path)
{
    ServerConfig server;
    if (!m_reader.expectMap(node, path))
        return server;

    // `listens` wins when non-empty; otherwise the single `listen` (default ":8080").
    QString singleListen;
    m_reader.readString(node, "listen", path, singleListen);
    QStringList listens;
    m_reader.readStringList(node, "listens", path, listens);
    if (!listens.isEmpty())
        server.listens = listens;
    else
        server.listens = QStringList{singleListen.isEmpty() ? QStringLiteral(":8080") : singleListen};

    // Mort's default is ":8081" (all interfaces); ours is loopback (peer-differences S9).
    // An explicit value, ":8081" included, is kept as written.
    QString internalListen;
    if (m_reader.readString(node, "internalListen", path, internalListen) && !internalListen.isEmpty())
        server.internalListen = internalListen;

    m_reader.readString(node, "monitoring", path, server.monitoring);
    QString logLevel;
    if (m_reader.readString(node, "logLevel", path, logLevel) && !logLevel.isEmpty())
        server.logLevel = logLevel;
    m_reader.readBool(node, "accessLogs", path, server.accessLogs);

    // Mort treats 0 as "unset" for both timeouts (§2).
    m_reader.readInt(node, "requestTimeout", path, server.requestTimeoutSec);
    if (server.requestTimeoutSec == 0)
        server.requestTimeoutSec = 60;
    m_reader.readInt(node, "lockTimeout", path, server.lockTimeoutSec);
    if (server.lockTimeoutSec == 0)
        server.lockTimeoutSec = 30;
    m_reader.readInt(node, "concurrentImageProcessing", path, server.concurrentImageProcessing);
    if (server.concurrentImageProcessing <= 0)
        server.concurrentImageProcessing = 100;

    m_reader.readInt64(node, "maxFileSize", path, server.maxFileSize);
    // The placeholder is only named here; fetching it is the service's job at startup.
    m_reader.readString(node, "placeholder", path, server.placeholder);
    m_reader.readString(node, "adminToken", path, server.adminToken);
    QStringList proxies;
    m_reader.readStringList(node, "trustedProxies", path, proxies);
    const QString proxiesPath = YamlFieldReader::join(path, "trustedProxies");
    for (qsizetype i = 0; i < proxies.size(); ++i) {
        if (const std::optional<TrustedProxy> proxy = TrustedProxy::parse(proxies.at(i)))
            server.trustedProxies.append(*proxy);
        else
            m_reader.addIssue(YamlFieldReader::indexed(proxiesPath, i),
                              QStringLiteral("\"%1\" is not an IP address, a subnet such as 10.0.0.0/8, or \"unix\" "
                                             "(host names are not resolved)")
                                  .arg(proxies.at(i)));
    }

    parsePlugins(YamlFieldReader::child(node, "plugins"), YamlFieldReader::join(path, "plugins"), server.plugins);
    parseCache(YamlFieldReader::child(node, "cache"), YamlFieldReader::join(path, "cache"), server.cache);
    parseLock(YamlFieldReader::child(node, "lock"), YamlFieldReader::join(path, "lock"), server.lock);
    parseIdleCleanup(YamlFieldReader::child(node, "idleCleanup"), YamlFieldReader::join(path, "idleCleanup"),
                     server.idleCleanup);
    parseLimits(YamlFieldReader::child(node, "limits"), YamlFieldReader::join(path, "limits"), server.limits);
    return server;
}

void ConfigParser::parseCache(const YAML::Node &node, const QString &path, CacheConfig &cache)
{
    if (!m_reader.expectMap(node, path))
        return;
    QString type;
    m_reader.readString(node, "type", path, type);
    // §2.1: an unknown cache type falls back to the memory cache.
    if (type == QLatin1String("redis") || type == QLatin1String("redis-cluster"))
        cache.type = type;
    m_reader.readStringList(node, "address", path, cache.address);
    m_reader.readInt64(node, "cacheSize", path, cache.cacheSize);
    if (cache.cacheSize == 0)
        cache.cacheSize = 50000;
    // Kept as written; CacheConfig::maxCacheItemBytes() applies Mort's doubling (§2.1).
    m_reader.readInt64(node, "maxCacheItemSizeMB", path, cache.maxCacheItemSizeMB);
    m_reader.readUInt64(node, "minUseCount", path, cache.minUseCount);
    m_reader.readStringMap(node, "clientConfig", path, cache.clientConfig);
}

void ConfigParser::parseLock(const YAML::Node &node, const QString &path, LockConfig &lock)
{
    if (!m_reader.expectMap(node, path))
        return;
    QString type;
    if (m_reader.readString(node, "type", path, type) && !type.isEmpty())
        lock.type = type;
    m_reader.readStringList(node, "address", path, lock.address);
    m_reader.readStringMap(node, "clientConfig", path, lock.clientConfig);
}

void ConfigParser::parseIdleCleanup(const YAML::Node &node, const QString &path, IdleCleanupConfig &idle)
{
    if (!m_reader.expectMap(node, path))
        return;
    m_reader.readBool(node, "enabled", path, idle.enabled);
    m_reader.readInt(node, "idleTimeoutMin", path, idle.idleTimeoutMin);
    if (idle.idleTimeoutMin == 0)
        idle.idleTimeoutMin = 15;
    m_reader.readBool(node, "aggressiveGC", path, idle.aggressiveGC);
}

void ConfigParser::parsePlugins(const YAML::Node &node, const QString &path, PluginsConfig &plugins)
{
    if (!m_reader.expectMap(node, path))
        return;
    for (auto it = node.begin(); it != node.end(); ++it) {
        QString name;
        if (!m_reader.toString(it->first, path, name))
            continue;
        const QString pluginPath = YamlFieldReader::join(path, name);
        if (name == QLatin1String("webp")) {
            plugins.webp = true; // §2.4: presence enables it, the value (often `~`) is ignored
        } else if (name == QLatin1String("compress")) {
            const YAML::Node compress = it->second;
            if (!m_reader.expectMap(compress, pluginPath))
                continue;
            // An algorithm is enabled iff its key is present; other keys are ignored as Mort does.
            const auto algorithm = [&](const char *key, std::optional<CompressAlgorithmConfig> &target) {
                const YAML::Node alg = YamlFieldReader::child(compress, key);
                if (alg.IsDefined())
                    target = parseCompressAlgorithm(alg, YamlFieldReader::join(pluginPath, key));
            };
            algorithm("gzip", plugins.gzip);
            algorithm("brotli", plugins.brotli);
            algorithm("zstd", plugins.zstd);
        } else {
            // §2.4: Mort aborts at startup on an unknown plugin name.
            m_reader.addIssue(pluginPath, QStringLiteral("unknown plugin (known: webp, compress)"));
        }
    }
}

CompressAlgorithmConfig ConfigParser::parseCompressAlgorithm(const YAML::Node &node, const QString &path)
{
    CompressAlgorithmConfig alg;
    if (!m_reader.expectMap(node, path))
        return alg; // `gzip: ~` enables gzip with the defaults
    QStringList types;
    if (m_reader.readStringList(node, "types", path, types) && !types.isEmpty())
        alg.types = types;
    m_reader.readInt(node, "level", path, alg.level);
    return alg;
}

} // namespace mort
