#pragma once
// YAML tree -> Config (spec config.md §2-§4). Only shape and types are checked
// here; everything that needs the whole config is ConfigLoader::validate().
// Mort's load-time defaults (0 -> 60 s, resultKey hashParent, ...) are applied
// here so a parsed Config already holds the effective values.
#include "config/config.h"
#include "config/yamlfieldreader.h"

namespace mort {

class ConfigParser
{
public:
    explicit ConfigParser(YamlFieldReader &reader) : m_reader(reader) {}

    Config parse(const YAML::Node &root);

private:
    ServerConfig parseServer(const YAML::Node &node, const QString &path);
    void parseCache(const YAML::Node &node, const QString &path, CacheConfig &cache);
    void parseLock(const YAML::Node &node, const QString &path, LockConfig &lock);
    void parseIdleCleanup(const YAML::Node &node, const QString &path, IdleCleanupConfig &idle);
    void parsePlugins(const YAML::Node &node, const QString &path, PluginsConfig &plugins);
    CompressAlgorithmConfig parseCompressAlgorithm(const YAML::Node &node, const QString &path);
    void parseLimits(const YAML::Node &node, const QString &path, LimitsConfig &limits);

    QList<HeaderRule> parseHeaderRules(const YAML::Node &node, const QString &path);

    BucketConfig parseBucket(const QString &name, const YAML::Node &node, const QString &path,
                             const LimitsConfig &serverLimits);
    TransformConfig parseTransform(const YAML::Node &node, const QString &path);
    PresetConfig parsePreset(const QString &name, const YAML::Node &node, const QString &path);
    void parseFilters(const YAML::Node &node, const QString &path, PresetConfig &preset);
    StorageConfig parseStorage(const QString &name, const YAML::Node &node, const QString &path);
    GlacierConfig parseGlacier(const YAML::Node &node, const QString &path);

    YamlFieldReader &m_reader;
};

} // namespace mort
