#include "config/configparser.h"

#include "config/limitsfields.h"

#include <algorithm>

namespace mort {

Config ConfigParser::parse(const YAML::Node &root)
{
    Config config;
    if (!YamlFieldReader::present(root))
        return config; // an empty document is an empty config, as yaml.v2 leaves the zero value
    if (!root.IsMap()) {
        m_reader.addIssue(QString(), QStringLiteral("the document must be a map with server, headers and buckets"));
        return config;
    }
    // Top-level keys other than these three are ignored (spec §1).
    config.server = parseServer(YamlFieldReader::child(root, "server"), QStringLiteral("server"));
    config.headers = parseHeaderRules(YamlFieldReader::child(root, "headers"), QStringLiteral("headers"));

    const YAML::Node buckets = YamlFieldReader::child(root, "buckets");
    const QString bucketsPath = QStringLiteral("buckets");
    if (m_reader.expectMap(buckets, bucketsPath)) {
        for (auto it = buckets.begin(); it != buckets.end(); ++it) {
            QString name;
            if (!m_reader.toString(it->first, bucketsPath, name))
                continue;
            config.buckets.insert(
                name, parseBucket(name, it->second, YamlFieldReader::join(bucketsPath, name), config.server.limits));
        }
    }
    return config;
}

QList<HeaderRule> ConfigParser::parseHeaderRules(const YAML::Node &node, const QString &path)
{
    QList<HeaderRule> rules;
    if (!m_reader.expectSequence(node, path))
        return rules;
    for (std::size_t i = 0; i < node.size(); ++i) {
        const YAML::Node ruleNode = node[i];
        const QString rulePath = YamlFieldReader::indexed(path, qsizetype(i));
        if (!m_reader.expectMap(ruleNode, rulePath))
            continue;
        HeaderRule rule;
        m_reader.readIntList(ruleNode, "statusCodes", rulePath, rule.statusCodes);
        m_reader.readStringPairs(ruleNode, "values", rulePath, rule.values);
        m_reader.readBool(ruleNode, "override", rulePath, rule.override);
        rules.append(rule);
    }
    return rules;
}

void ConfigParser::parseLimits(const YAML::Node &node, const QString &path, LimitsConfig &limits)
{
    if (!m_reader.expectMap(node, path))
        return;
    const auto &fields = limitsFields();
    for (auto it = node.begin(); it != node.end(); ++it) {
        QString key;
        if (!m_reader.toString(it->first, path, key))
            continue;
        const QString keyPath = YamlFieldReader::join(path, key);
        const auto field = std::find_if(fields.begin(), fields.end(),
                                        [&](const LimitsField &f) { return key == QLatin1String(f.key); });
        // Unlike Mort's own keys, a misspelt limit would silently keep a
        // protective default at a value the operator did not want: report it.
        if (field == fields.end()) {
            QStringList known;
            for (const LimitsField &f : fields)
                known.append(QString::fromLatin1(f.key));
            m_reader.addIssue(keyPath,
                              QStringLiteral("unknown limit (known: %1)").arg(known.join(QStringLiteral(", "))));
            continue;
        }
        if (field->intMember)
            m_reader.toInt(it->second, keyPath, limits.*(field->intMember));
        else
            m_reader.toInt64(it->second, keyPath, limits.*(field->int64Member));
    }
}

} // namespace mort
