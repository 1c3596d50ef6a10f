#include "service/maskedsecrets.h"

#include "service/adminsecurity.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <variant>
#include <vector>

namespace mort {

namespace {

using Step = std::variant<std::string, std::size_t>; // map key or list index
using Path = std::vector<Step>;

struct Masked
{
    Path path;
    std::size_t pos = 0; // byte offset of the quoted mask in the posted text
};

QString describe(const Path &path)
{
    QString out;
    for (const Step &step : path) {
        if (const auto *key = std::get_if<std::string>(&step))
            out += (out.isEmpty() ? QString() : QStringLiteral(".")) + QString::fromStdString(*key);
        else
            out += QStringLiteral("[%1]").arg(std::get<std::size_t>(step));
    }
    return out;
}

bool isMask(const YAML::Node &value)
{
    // Only a quoted "***" (a plain *** would be an alias): its tag is "!".
    return value.IsScalar() && value.Scalar() == "***" && value.Tag() == "!";
}

void collect(const YAML::Node &node, Path &path, std::vector<Masked> &out)
{
    if (node.IsMap()) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (!it->first.IsScalar())
                continue;
            const std::string key = it->first.Scalar();
            path.emplace_back(key);
            if (isMask(it->second) && maskedConfigKeys().contains(QString::fromStdString(key), Qt::CaseInsensitive))
                out.push_back(Masked{path, it->second.Mark().pos < 0 ? 0 : std::size_t(it->second.Mark().pos)});
            else
                collect(it->second, path, out);
            path.pop_back();
        }
    } else if (node.IsSequence()) {
        for (std::size_t i = 0; i < node.size(); ++i) {
            path.emplace_back(i);
            collect(node[i], path, out);
            path.pop_back();
        }
    }
}

// The running node at `path` (from step `i`), or an undefined node. By
// recursion: assigning a YAML::Node would rewrite the tree it refers into.
YAML::Node lookup(const YAML::Node &node, const Path &path, std::size_t i = 0)
{
    if (i == path.size())
        return node;
    if (const auto *key = std::get_if<std::string>(&path.at(i))) {
        if (node.IsMap()) {
            for (auto it = node.begin(); it != node.end(); ++it) {
                if (it->first.IsScalar() && it->first.Scalar() == *key)
                    return lookup(it->second, path, i + 1);
            }
        }
        return YAML::Node(YAML::NodeType::Undefined);
    }
    const std::size_t index = std::get<std::size_t>(path.at(i));
    if (!node.IsSequence() || index >= node.size())
        return YAML::Node(YAML::NodeType::Undefined);
    return lookup(node[index], path, i + 1);
}

QByteArray emitted(const std::string &value)
{
    YAML::Emitter out;
    out << YAML::DoubleQuoted << value;
    return QByteArray(out.c_str(), qsizetype(out.size()));
}

ConfigIssue unresolved(const Path &path)
{
    return ConfigIssue{describe(path),
                       QStringLiteral("holds the mask \"***\" but the running config has no value here to keep; "
                                      "write the secret itself or ${ENV}")};
}

} // namespace

RestoredSecrets restoreMaskedSecrets(const QString &posted, const QString &running)
{
    RestoredSecrets result{posted, {}};
    if (!posted.contains(QLatin1String("***")))
        return result;
    QByteArray text = posted.toUtf8();
    std::vector<Masked> masked;
    try {
        Path path;
        collect(YAML::Load(text.toStdString()), path, masked);
    } catch (const YAML::Exception &) {
        return result; // not YAML: the validator says where
    }
    std::vector<YAML::Node> runningRoot; // empty when the running text does not parse
    try {
        runningRoot.push_back(YAML::Load(running.toStdString()));
    } catch (const YAML::Exception &) {
    }
    // From the end, so earlier offsets stay right.
    std::sort(masked.begin(), masked.end(), [](const Masked &a, const Masked &b) { return a.pos > b.pos; });
    for (const Masked &m : masked) {
        const YAML::Node value =
            runningRoot.empty() ? YAML::Node(YAML::NodeType::Undefined) : lookup(runningRoot.front(), m.path);
        const QByteArray at = text.mid(qsizetype(m.pos), 5);
        if (!value.IsScalar() || isMask(value) || (at != "\"***\"" && at != "'***'")) {
            result.issues.prepend(unresolved(m.path));
            continue;
        }
        text.replace(qsizetype(m.pos), 5, emitted(value.Scalar()));
    }
    result.yaml = QString::fromUtf8(text);
    return result;
}

} // namespace mort
