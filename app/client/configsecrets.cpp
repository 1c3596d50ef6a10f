#include "client/configsecrets.h"

#include "client/configkeyedit.h"
#include "service/adminsecurity.h"

#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace mort {

namespace {

struct Found
{
    QStringList path;
    int line = 0;
    int column = 0; // byte offset in the line (yaml-cpp's mark)
    bool inFlow = false;
    QString value;
};

void collect(const YAML::Node &node, QStringList &path, std::vector<Found> &out)
{
    if (node.IsMap()) {
        const bool flow = node.Style() == YAML::EmitterStyle::Flow;
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (!it->first.IsScalar())
                continue;
            const QString key = QString::fromStdString(it->first.Scalar());
            path << key;
            if (it->second.IsScalar() && ConfigSecrets::isSecretKey(key)) {
                const QString text = QString::fromStdString(it->second.Scalar());
                if (!text.isEmpty() && !text.contains(u'$') && text != QLatin1String("***"))
                    out.push_back(Found{path, it->second.Mark().line, it->second.Mark().column, flow, text});
            } else {
                collect(it->second, path, out);
            }
            path.removeLast();
        }
    } else if (node.IsSequence()) {
        for (std::size_t i = 0; i < node.size(); ++i) {
            path << QString::number(i);
            collect(node[i], path, out);
            path.removeLast();
        }
    }
}

QString describe(const QStringList &path)
{
    QString out;
    for (const QString &step : path) {
        bool index = false;
        step.toInt(&index);
        out += index ? QStringLiteral("[%1]").arg(step) : (out.isEmpty() ? step : u'.' + step);
    }
    return out;
}

} // namespace

bool ConfigSecrets::isSecretKey(const QString &key)
{
    return maskedConfigKeys().contains(key, Qt::CaseInsensitive);
}

QString ConfigSecrets::variableName(const QStringList &keyPath)
{
    QString name = kPrefix;
    for (const QString &step : keyPath) {
        if (name.size() > kPrefix.size())
            name += u'_';
        for (const QChar c : step.toUpper())
            name += (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ? c : QChar(u'_');
    }
    return name;
}

SecretExtraction ConfigSecrets::extract(const QString &text)
{
    SecretExtraction result{text, {}, {}};
    std::vector<Found> found;
    try {
        QStringList path;
        collect(YAML::Load(text.toStdString()), path, found);
    } catch (const YAML::Exception &) {
        return result; // the editor shows the syntax error; nothing to move
    }
    const QString eol = text.contains(QLatin1String("\r\n")) ? QStringLiteral("\r\n") : QStringLiteral("\n");
    QStringList lines = text.split(eol);
    QStringList taken = referencedNames(text);
    // From the end, so earlier columns on a line stay right.
    std::sort(found.begin(), found.end(),
              [](const Found &a, const Found &b) { return a.line != b.line ? a.line > b.line : a.column > b.column; });
    for (const Found &f : found) {
        const QByteArray line = lines.value(f.line).toUtf8();
        const int end = ConfigKeyEdit::scalarEnd(line, f.column, f.inFlow);
        if (end <= f.column) {
            result.problems.prepend(
                ConfigIssue{describe(f.path),
                            QStringLiteral("a secret written over several lines cannot be moved out of the "
                                           "file; write it on one line or as ${VARIABLE} in the YAML view")});
            continue;
        }
        // Two paths may give one name (a-b and a_b): the later one is numbered.
        QString name = variableName(f.path);
        for (int n = 2; taken.contains(name); ++n)
            name = variableName(f.path) + QStringLiteral("_%1").arg(n);
        taken << name;
        // Double-quoted: a plain ${...} would end a flow mapping at its "}".
        const QByteArray reference = "\"${" + name.toLatin1() + "}\"";
        lines[f.line] = QString::fromUtf8(line.left(f.column) + reference + line.mid(end));
        result.secrets.prepend(ConfigSecret{describe(f.path), name, f.value});
    }
    if (result.problems.isEmpty())
        result.text = lines.join(eol);
    else
        result.secrets.clear();
    return result;
}

QStringList ConfigSecrets::referencedNames(const QString &text)
{
    static const QRegularExpression reference(QStringLiteral("\\$\\{?(MORT_SECRET_[A-Z0-9_]+)"));
    QStringList names;
    for (auto it = reference.globalMatch(text); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (!names.contains(name))
            names << name;
    }
    return names;
}

QByteArray ConfigSecrets::envFileText(const QList<ConfigSecret> &secrets, const QString &configPath)
{
    QByteArray out = "# Secrets of " + configPath.toUtf8()
        + ", written by mort-studio. Keep this file private (mode 0600).\n"
          "# mort-server reads them from its environment: `set -a; . THIS_FILE; set +a` or systemd's "
          "EnvironmentFile=.\n";
    for (const ConfigSecret &s : secrets) {
        QByteArray value = s.value.toUtf8();
        value.replace('\'', "'\\''");
        out += s.name.toLatin1() + "='" + value + "'\n";
    }
    return out;
}

} // namespace mort
