#include "client/headerrulesedit.h"

#include "client/configkeyedit.h"
#include "client/yamlblockedit.h"

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
    // Where Mort's examples have it when missing: after the server block.
    return YamlBlockEdit::replaceBlock(text, {}, QStringLiteral("headers"), block(rules), QStringLiteral("server"));
}

} // namespace mort
