#include "client/headerrulesedit.h"

#include "client/configkeyedit.h"

#include <yaml-cpp/yaml.h>

namespace mort {

namespace {

QString scalarText(const YAML::Node &node)
{
    // A missing key's node is invalid: every question but IsDefined() throws.
    return node.IsDefined() && node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
}

QString emitted(const QString &value, bool quoted)
{
    YAML::Emitter out;
    if (quoted)
        out << YAML::DoubleQuoted;
    out << value.toStdString();
    return QString::fromUtf8(out.c_str());
}

// The top-level `headers` key node, or an undefined one.
YAML::Node headersKey(const YAML::Node &root)
{
    if (root.IsMap()) {
        for (auto it = root.begin(); it != root.end(); ++it) {
            if (it->first.IsScalar() && it->first.Scalar() == "headers")
                return it->first;
        }
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

} // namespace

QList<HeaderRuleText> HeaderRulesEdit::rules(const QString &text)
{
    QList<HeaderRuleText> out;
    YAML::Node root;
    try {
        root = YAML::Load(text.toStdString());
    } catch (const YAML::Exception &) {
        return out;
    }
    if (!root.IsMap())
        return out;
    const YAML::Node &constRoot = root; // const lookups never insert
    const YAML::Node list = constRoot["headers"];
    if (!list.IsDefined() || !list.IsSequence())
        return out;
    for (const YAML::Node &item : list) {
        HeaderRuleText rule;
        if (item.IsMap()) {
            const YAML::Node codes = item["statusCodes"];
            if (codes.IsDefined() && codes.IsSequence()) {
                for (const YAML::Node &code : codes)
                    rule.statusCodes << scalarText(code);
            } else if (!scalarText(codes).isEmpty()) {
                rule.statusCodes << scalarText(codes);
            }
            const YAML::Node values = item["values"];
            if (values.IsDefined() && values.IsMap()) {
                for (auto it = values.begin(); it != values.end(); ++it)
                    rule.values.append({scalarText(it->first), scalarText(it->second)});
            }
            rule.override = ConfigKeyEdit::isTrue(scalarText(item["override"]));
        }
        out.append(rule);
    }
    return out;
}

QStringList HeaderRulesEdit::block(const QList<HeaderRuleText> &rules)
{
    if (rules.isEmpty())
        return {};
    QStringList lines{QStringLiteral("headers:")};
    for (const HeaderRuleText &rule : rules) {
        QStringList codes;
        for (const QString &code : rule.statusCodes)
            codes << emitted(code.trimmed(), false);
        lines << QStringLiteral("  - statusCodes: [%1]").arg(codes.join(QStringLiteral(", ")));
        if (rule.values.isEmpty()) {
            lines << QStringLiteral("    values: {}");
        } else {
            lines << QStringLiteral("    values:");
            for (const auto &[name, value] : rule.values)
                lines << QStringLiteral("      %1: %2").arg(emitted(name.trimmed(), true), emitted(value, true));
        }
        if (rule.override) // false is the default: not written
            lines << QStringLiteral("    override: true");
    }
    return lines;
}

Expected<QString> HeaderRulesEdit::setRules(const QString &text, const QList<HeaderRuleText> &rules)
{
    YAML::Node root;
    try {
        root = YAML::Load(text.toStdString());
    } catch (const YAML::Exception &e) {
        return Error::client("config.invalid", 422, QStringLiteral("the header rules cannot be written"),
                             QStringLiteral("headers: the YAML does not parse (line %1): %2; fix it in the YAML view "
                                            "first")
                                 .arg(e.mark.line + 1)
                                 .arg(QString::fromStdString(e.msg)));
    }
    if (root.IsDefined() && !root.IsNull() && !root.IsMap())
        return Error::client("config.invalid", 422, QStringLiteral("the header rules cannot be written"),
                             QStringLiteral("headers: the document is not a map; fix it in the YAML view"));
    const QString eol = text.contains(QLatin1String("\r\n")) ? QStringLiteral("\r\n") : QStringLiteral("\n");
    QStringList lines = text.split(eol);
    const QStringList written = block(rules);

    const YAML::Node key = headersKey(root);
    int at = -1;
    if (key.IsDefined()) {
        // The old block goes, comments inside it too; the new one takes its place.
        at = key.Mark().line;
        lines.erase(lines.begin() + at, lines.begin() + ConfigKeyEdit::blockEnd(lines, at, key.Mark().column));
    } else if (written.isEmpty()) {
        return text;
    } else {
        at = lines.size();
        while (at > 0 && lines.at(at - 1).trimmed().isEmpty())
            --at;
        // Where Mort's examples have it: after the server block.
        if (root.IsMap()) {
            for (auto it = root.begin(); it != root.end(); ++it) {
                if (it->first.IsScalar() && it->first.Scalar() == "server")
                    at = ConfigKeyEdit::blockEnd(lines, it->first.Mark().line, it->first.Mark().column);
            }
        }
    }
    if (!key.IsDefined() && at > 0 && !lines.at(at - 1).trimmed().isEmpty())
        lines.insert(at++, QString()); // a blank line between it and the block before, as Mort's examples
    for (int i = 0; i < written.size(); ++i)
        lines.insert(at + i, written.at(i));
    return lines.join(eol);
}

} // namespace mort
