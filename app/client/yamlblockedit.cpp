#include "client/yamlblockedit.h"

#include "client/configkeyedit.h"

#include <yaml-cpp/yaml.h>

namespace mort {

namespace {

// The key node `name` of `map`, or an undefined node.
YAML::Node keyNode(const YAML::Node &map, const QString &name)
{
    if (map.IsMap()) {
        const std::string wanted = name.toStdString();
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (it->first.IsScalar() && it->first.Scalar() == wanted)
                return it->first;
        }
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

// The value node of key `name` of `map` (the same pair as keyNode()).
YAML::Node valueNode(const YAML::Node &map, const QString &name)
{
    if (map.IsMap()) {
        const std::string wanted = name.toStdString();
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (it->first.IsScalar() && it->first.Scalar() == wanted)
                return it->second;
        }
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

Error cannotWrite(const QString &keyPath, const QString &detail)
{
    return Error::client("config.invalid", 422, QStringLiteral("%1 cannot be written").arg(keyPath),
                         QStringLiteral("%1: %2").arg(keyPath, detail));
}

} // namespace

Expected<QString> YamlBlockEdit::replaceBlock(const QString &text, const QStringList &parentPath, const QString &key,
                                              const QStringList &block, const QString &after)
{
    const QString keyPath = (parentPath + QStringList{key}).join(u'.');
    YAML::Node root;
    try {
        root = YAML::Load(text.toStdString());
    } catch (const YAML::Exception &e) {
        return cannotWrite(keyPath,
                           QStringLiteral("the YAML does not parse (line %1): %2; fix it in the YAML view first")
                               .arg(e.mark.line + 1)
                               .arg(QString::fromStdString(e.msg)));
    }
    if (root.IsDefined() && !root.IsNull() && !root.IsMap())
        return cannotWrite(keyPath, QStringLiteral("the document is not a map; fix it in the YAML view"));

    // Down to the parent map; its key's line and column place a new child.
    YAML::Node parent;
    parent.reset(root);
    int parentLine = -1;
    int parentColumn = -1;
    for (int i = 0; i < parentPath.size(); ++i) {
        const YAML::Node k = keyNode(parent, parentPath.at(i));
        if (!k.IsDefined())
            return cannotWrite(keyPath,
                               QStringLiteral("%1 is missing; add it in the YAML view first")
                                   .arg(parentPath.mid(0, i + 1).join(u'.')));
        parentLine = k.Mark().line;
        parentColumn = k.Mark().column;
        parent.reset(valueNode(parent, parentPath.at(i))); // reset: `=` would write into the tree
    }
    if (!parentPath.isEmpty() && !parent.IsMap() && !parent.IsNull())
        return cannotWrite(keyPath,
                           QStringLiteral("%1 is not a map; fix it in the YAML view").arg(parentPath.join(u'.')));
    // A flow map ({a: 1}) has no lines of its own to replace.
    if (parent.IsMap() && parent.Style() == YAML::EmitterStyle::Flow)
        return cannotWrite(keyPath,
                           QStringLiteral("%1 is written in flow style ({...}); write it as a block in the "
                                          "YAML view first")
                               .arg(parentPath.isEmpty() ? QStringLiteral("the document") : parentPath.join(u'.')));

    const QString eol = text.contains(QLatin1String("\r\n")) ? QStringLiteral("\r\n") : QStringLiteral("\n");
    QStringList lines = text.split(eol);
    const YAML::Node target = keyNode(parent, key);
    int column = 0;
    int at = -1;
    bool blankBefore = false;
    if (target.IsDefined()) {
        // The old block goes, comments inside it too; the new one takes its place.
        at = target.Mark().line;
        column = target.Mark().column;
        lines.erase(lines.begin() + at, lines.begin() + ConfigKeyEdit::blockEnd(lines, at, column));
    } else if (block.isEmpty()) {
        return text;
    } else if (parentPath.isEmpty()) {
        at = lines.size();
        while (at > 0 && lines.at(at - 1).trimmed().isEmpty())
            --at;
        const YAML::Node afterKey = after.isEmpty() ? YAML::Node(YAML::NodeType::Undefined) : keyNode(root, after);
        if (afterKey.IsDefined())
            at = ConfigKeyEdit::blockEnd(lines, afterKey.Mark().line, afterKey.Mark().column);
        blankBefore = at > 0 && !lines.at(at - 1).trimmed().isEmpty(); // as Mort's examples
    } else {
        // The siblings' column, else two deeper than the parent.
        column = parentColumn + 2;
        if (parent.IsMap() && parent.size() > 0)
            column = parent.begin()->first.Mark().column;
        at = ConfigKeyEdit::blockEnd(lines, parentLine, parentColumn);
    }
    const QString indent(column, u' ');
    if (blankBefore)
        lines.insert(at++, QString());
    for (int i = 0; i < block.size(); ++i)
        lines.insert(at + i, block.at(i).isEmpty() ? QString() : indent + block.at(i));
    return lines.join(eol);
}

} // namespace mort
