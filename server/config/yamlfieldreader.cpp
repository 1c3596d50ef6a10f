#include "config/yamlfieldreader.h"

#include <limits>

namespace mort {

namespace {

QString describeNode(const YAML::Node &node)
{
    if (node.IsMap())
        return QStringLiteral("a map");
    if (node.IsSequence())
        return QStringLiteral("a list");
    return QLatin1Char('"') + QString::fromStdString(node.Scalar()) + QLatin1Char('"');
}

} // namespace

QString YamlFieldReader::join(const QString &path, const char *key)
{
    return join(path, QString::fromUtf8(key));
}

QString YamlFieldReader::join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString YamlFieldReader::indexed(const QString &path, qsizetype index)
{
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

void YamlFieldReader::addIssue(const QString &keyPath, const QString &message)
{
    m_issues.append(ConfigIssue{keyPath, message});
}

YAML::Node YamlFieldReader::child(const YAML::Node &map, const char *key)
{
    if (!map.IsMap())
        return YAML::Node(YAML::NodeType::Undefined);
    // const operator[] never inserts; a missing key yields an undefined node.
    const YAML::Node &constMap = map;
    return constMap[key];
}

bool YamlFieldReader::present(const YAML::Node &node)
{
    return node.IsDefined() && !node.IsNull();
}

void YamlFieldReader::typeIssue(const YAML::Node &node, const QString &keyPath, const char *expected)
{
    QString message = QStringLiteral("expected %1, got %2").arg(QString::fromLatin1(expected), describeNode(node));
    const YAML::Mark mark = node.Mark();
    if (!mark.is_null())
        message += QStringLiteral(" (line %1)").arg(mark.line + 1);
    addIssue(keyPath, message);
}

bool YamlFieldReader::expectMap(const YAML::Node &node, const QString &keyPath)
{
    if (!present(node))
        return false;
    if (!node.IsMap()) {
        typeIssue(node, keyPath, "a map");
        return false;
    }
    return true;
}

bool YamlFieldReader::expectSequence(const YAML::Node &node, const QString &keyPath)
{
    if (!present(node))
        return false;
    if (!node.IsSequence()) {
        typeIssue(node, keyPath, "a list");
        return false;
    }
    return true;
}

bool YamlFieldReader::toString(const YAML::Node &node, const QString &keyPath, QString &out)
{
    if (!present(node))
        return false;
    if (!node.IsScalar()) {
        typeIssue(node, keyPath, "a string");
        return false;
    }
    out = QString::fromStdString(node.Scalar());
    return true;
}

bool YamlFieldReader::toInt64(const YAML::Node &node, const QString &keyPath, qint64 &out)
{
    if (!present(node))
        return false;
    bool ok = false;
    qint64 value = 0;
    if (node.IsScalar()) {
        // yaml.v2 resolves plain integers with Go's ParseInt(s, 0, 64) after
        // dropping '_' separators: decimal, 0x hex and 0-prefixed octal.
        QString text = QString::fromStdString(node.Scalar()).trimmed();
        text.remove(QLatin1Char('_'));
        value = text.toLongLong(&ok, 0);
    }
    if (!ok) {
        typeIssue(node, keyPath, "an integer");
        return false;
    }
    out = value;
    return true;
}

bool YamlFieldReader::toInt(const YAML::Node &node, const QString &keyPath, int &out)
{
    qint64 value = 0;
    if (!toInt64(node, keyPath, value))
        return false;
    if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max()) {
        addIssue(keyPath, QStringLiteral("integer %1 is out of range").arg(value));
        return false;
    }
    out = int(value);
    return true;
}

bool YamlFieldReader::toUInt64(const YAML::Node &node, const QString &keyPath, quint64 &out)
{
    if (!present(node))
        return false;
    bool ok = false;
    quint64 value = 0;
    if (node.IsScalar()) {
        QString text = QString::fromStdString(node.Scalar()).trimmed();
        text.remove(QLatin1Char('_'));
        // QString::toULongLong accepts a leading '-' and wraps; a negative count is a type error.
        if (!text.startsWith(QLatin1Char('-')))
            value = text.toULongLong(&ok, 0);
    }
    if (!ok) {
        typeIssue(node, keyPath, "a non-negative integer");
        return false;
    }
    out = value;
    return true;
}

bool YamlFieldReader::toDouble(const YAML::Node &node, const QString &keyPath, double &out)
{
    if (!present(node))
        return false;
    bool ok = false;
    double value = 0;
    if (node.IsScalar())
        value = QString::fromStdString(node.Scalar()).trimmed().toDouble(&ok);
    if (!ok) {
        typeIssue(node, keyPath, "a number");
        return false;
    }
    out = value;
    return true;
}

bool YamlFieldReader::toBool(const YAML::Node &node, const QString &keyPath, bool &out)
{
    if (!present(node))
        return false;
    bool value = false;
    // yaml-cpp accepts the YAML 1.1 spellings (true/yes/on/y ...) as yaml.v2 does.
    if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value)) {
        typeIssue(node, keyPath, "a boolean");
        return false;
    }
    out = value;
    return true;
}

bool YamlFieldReader::readString(const YAML::Node &map, const char *key, const QString &path, QString &out)
{
    return toString(child(map, key), join(path, key), out);
}

bool YamlFieldReader::readInt(const YAML::Node &map, const char *key, const QString &path, int &out)
{
    return toInt(child(map, key), join(path, key), out);
}

bool YamlFieldReader::readInt64(const YAML::Node &map, const char *key, const QString &path, qint64 &out)
{
    return toInt64(child(map, key), join(path, key), out);
}

bool YamlFieldReader::readUInt64(const YAML::Node &map, const char *key, const QString &path, quint64 &out)
{
    return toUInt64(child(map, key), join(path, key), out);
}

bool YamlFieldReader::readDouble(const YAML::Node &map, const char *key, const QString &path, double &out)
{
    return toDouble(child(map, key), join(path, key), out);
}

bool YamlFieldReader::readFloat(const YAML::Node &map, const char *key, const QString &path, float &out)
{
    double value = 0;
    if (!readDouble(map, key, path, value))
        return false;
    out = float(value);
    return true;
}

bool YamlFieldReader::readBool(const YAML::Node &map, const char *key, const QString &path, bool &out)
{
    return toBool(child(map, key), join(path, key), out);
}

bool YamlFieldReader::readStringList(const YAML::Node &map, const char *key, const QString &path, QStringList &out)
{
    const YAML::Node list = child(map, key);
    const QString listPath = join(path, key);
    if (!expectSequence(list, listPath))
        return false;
    QStringList values;
    for (std::size_t i = 0; i < list.size(); ++i) {
        QString value;
        if (toString(list[i], indexed(listPath, qsizetype(i)), value))
            values.append(value);
    }
    out = values;
    return true;
}

bool YamlFieldReader::readIntList(const YAML::Node &map, const char *key, const QString &path, QList<int> &out)
{
    const YAML::Node list = child(map, key);
    const QString listPath = join(path, key);
    if (!expectSequence(list, listPath))
        return false;
    QList<int> values;
    for (std::size_t i = 0; i < list.size(); ++i) {
        int value = 0;
        if (toInt(list[i], indexed(listPath, qsizetype(i)), value))
            values.append(value);
    }
    out = values;
    return true;
}

bool YamlFieldReader::readStringPairs(const YAML::Node &map, const char *key, const QString &path,
                                      QList<QPair<QString, QString>> &out)
{
    const YAML::Node values = child(map, key);
    const QString mapPath = join(path, key);
    if (!expectMap(values, mapPath))
        return false;
    QList<QPair<QString, QString>> pairs;
    for (auto it = values.begin(); it != values.end(); ++it) {
        QString name;
        if (!toString(it->first, mapPath, name))
            continue;
        QString value;
        // `Header: ~` is an empty string in Go's map[string]string.
        if (present(it->second) && !toString(it->second, join(mapPath, name), value))
            continue;
        pairs.append({name, value});
    }
    out = pairs;
    return true;
}

bool YamlFieldReader::readStringMap(const YAML::Node &map, const char *key, const QString &path,
                                    QMap<QString, QString> &out)
{
    QList<QPair<QString, QString>> pairs;
    if (!readStringPairs(map, key, path, pairs))
        return false;
    QMap<QString, QString> values;
    for (const auto &[name, value] : pairs)
        values.insert(name, value);
    out = values;
    return true;
}

} // namespace mort
