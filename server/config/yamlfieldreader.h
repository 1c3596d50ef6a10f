#pragma once
// Typed reads from a yaml-cpp tree that never throw: a value of the wrong type
// becomes a ConfigIssue naming its key path (and line), the target keeps its
// default. Absent keys and YAML nulls (`key:`, `key: ~`) leave the target
// unchanged, as Go's yaml.v2 leaves the zero value (spec config.md §1).
#include "config/config.h"

#include <yaml-cpp/yaml.h>

namespace mort {

class YamlFieldReader
{
public:
    static QString join(const QString &path, const char *key);
    static QString join(const QString &path, const QString &key);
    static QString indexed(const QString &path, qsizetype index); // "path[index]"

    void addIssue(const QString &keyPath, const QString &message);
    const QList<ConfigIssue> &issues() const { return m_issues; }

    // map[key], or an undefined node when map is not a map or lacks the key.
    static YAML::Node child(const YAML::Node &map, const char *key);
    // True when node holds a value (defined and not null).
    static bool present(const YAML::Node &node);

    // node must be a map: null/undefined -> false silently, other types -> issue.
    bool expectMap(const YAML::Node &node, const QString &keyPath);
    bool expectSequence(const YAML::Node &node, const QString &keyPath);

    // Scalar conversions of one node at keyPath. Return false (with an issue for
    // wrong types) when nothing was stored.
    bool toString(const YAML::Node &node, const QString &keyPath, QString &out);
    bool toInt64(const YAML::Node &node, const QString &keyPath, qint64 &out);
    bool toInt(const YAML::Node &node, const QString &keyPath, int &out);
    bool toUInt64(const YAML::Node &node, const QString &keyPath, quint64 &out);
    bool toDouble(const YAML::Node &node, const QString &keyPath, double &out);
    bool toBool(const YAML::Node &node, const QString &keyPath, bool &out);

    // Shorthands reading map[key] at join(path, key).
    bool readString(const YAML::Node &map, const char *key, const QString &path, QString &out);
    bool readInt(const YAML::Node &map, const char *key, const QString &path, int &out);
    bool readInt64(const YAML::Node &map, const char *key, const QString &path, qint64 &out);
    bool readUInt64(const YAML::Node &map, const char *key, const QString &path, quint64 &out);
    bool readDouble(const YAML::Node &map, const char *key, const QString &path, double &out);
    bool readFloat(const YAML::Node &map, const char *key, const QString &path, float &out);
    bool readBool(const YAML::Node &map, const char *key, const QString &path, bool &out);
    bool readStringList(const YAML::Node &map, const char *key, const QString &path, QStringList &out);
    bool readIntList(const YAML::Node &map, const char *key, const QString &path, QList<int> &out);
    // Map of scalars, document order kept (header values are applied in order).
    bool readStringPairs(const YAML::Node &map, const char *key, const QString &path,
                         QList<QPair<QString, QString>> &out);
    bool readStringMap(const YAML::Node &map, const char *key, const QString &path, QMap<QString, QString> &out);

private:
    void typeIssue(const YAML::Node &node, const QString &keyPath, const char *expected);

    QList<ConfigIssue> m_issues;
};

} // namespace mort
