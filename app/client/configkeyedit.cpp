#include "client/configkeyedit.h"

#include <yaml-cpp/yaml.h>

#include <optional>

namespace mort {

namespace {

Error invalid(const QStringList &keyPath, const QString &what)
{
    return Error::client("config.invalid", 422, QStringLiteral("the value cannot be set"),
                         keyPath.join(u'.') + QStringLiteral(": ") + what);
}

int indentOf(const QString &line)
{
    int i = 0;
    while (i < line.size() && line.at(i) == u' ')
        ++i;
    return i;
}

struct Entry
{
    YAML::Node key;
    YAML::Node value;
};

std::optional<Entry> entryOf(const YAML::Node &map, const QString &name)
{
    if (!map.IsMap())
        return std::nullopt;
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (it->first.IsScalar() && it->first.Scalar() == name.toStdString())
            return Entry{it->first, it->second};
    }
    return std::nullopt;
}

std::string emitted(const QString &value, bool list)
{
    YAML::Emitter out;
    if (list) {
        out << YAML::Flow << YAML::BeginSeq;
        for (const QString &item : value.split(u',', Qt::SkipEmptyParts)) {
            if (!item.trimmed().isEmpty())
                out << YAML::DoubleQuoted << item.trimmed().toStdString();
        }
        out << YAML::EndSeq;
    } else {
        out << value.toStdString();
    }
    return out.c_str();
}

} // namespace

int ConfigKeyEdit::blockEnd(const QStringList &lines, int keyLine, int keyColumn)
{
    int last = keyLine;
    for (int i = keyLine + 1; i < lines.size(); ++i) {
        const QString trimmed = lines.at(i).trimmed();
        if (trimmed.isEmpty())
            continue;
        const int indent = indentOf(lines.at(i));
        const bool deeper = indent > keyColumn;
        if (trimmed.startsWith(u'#')) {
            if (deeper)
                last = i;
            continue;
        }
        // `key:` then `- item` at the key's column: YAML's compact list, still this key's value.
        const bool item =
            indent == keyColumn && (trimmed == QLatin1String("-") || trimmed.startsWith(QLatin1String("- ")));
        if (!deeper && !item)
            break;
        last = i;
    }
    return last + 1;
}

int ConfigKeyEdit::scalarEnd(const QByteArray &line, int start, bool inFlow)
{
    if (start >= line.size())
        return -1;
    const char first = line.at(start);
    if (first == '|' || first == '>')
        return -1;
    if (first == '"') {
        for (int i = start + 1; i < line.size(); ++i) {
            if (line.at(i) == '\\')
                ++i;
            else if (line.at(i) == '"')
                return i + 1;
        }
        return -1;
    }
    if (first == '\'') {
        for (int i = start + 1; i < line.size(); ++i) {
            if (line.at(i) == '\'' && i + 1 < line.size() && line.at(i + 1) == '\'')
                ++i;
            else if (line.at(i) == '\'')
                return i + 1;
        }
        return -1;
    }
    int end = start;
    for (int i = start; i < line.size(); ++i) {
        const char c = line.at(i);
        if (c == '#' && i > start && (line.at(i - 1) == ' ' || line.at(i - 1) == '\t'))
            break;
        if (inFlow && (c == ',' || c == '}' || c == ']'))
            break;
        if (c != ' ' && c != '\t' && c != '\r')
            end = i + 1;
    }
    return end;
}

namespace {

// The value at keyPath[i...] below `node`. By recursion: assigning a
// YAML::Node would rewrite the tree it refers into.
QString valueBelow(const YAML::Node &node, const QStringList &keyPath, int i)
{
    if (i < keyPath.size()) {
        const std::optional<Entry> entry = entryOf(node, keyPath.at(i));
        return entry ? valueBelow(entry->value, keyPath, i + 1) : QString();
    }
    if (node.IsScalar())
        return QString::fromStdString(node.Scalar());
    if (node.IsSequence()) {
        QStringList items;
        for (const YAML::Node &item : node)
            items << (item.IsScalar() ? QString::fromStdString(item.Scalar()) : QString());
        return items.join(QStringLiteral(", "));
    }
    return {};
}

} // namespace

QString ConfigKeyEdit::value(const QString &text, const QStringList &keyPath)
{
    try {
        return valueBelow(YAML::Load(text.toStdString()), keyPath, 0);
    } catch (const YAML::Exception &) {
        return {};
    }
}

bool ConfigKeyEdit::present(const QString &text, const QStringList &keyPath)
{
    try {
        YAML::Node node = YAML::Load(text.toStdString());
        // Nodes are collected, never assigned (that would rewrite the tree).
        std::vector<YAML::Node> path{node};
        for (const QString &name : keyPath) {
            const std::optional<Entry> entry = entryOf(path.back(), name);
            if (!entry)
                return false;
            path.push_back(entry->value);
        }
        return !keyPath.isEmpty();
    } catch (const YAML::Exception &) {
        return false;
    }
}

bool ConfigKeyEdit::isTrue(const QString &scalar)
{
    bool out = false;
    return YAML::convert<bool>::decode(YAML::Node(scalar.toStdString()), out) && out;
}

Expected<QString> ConfigKeyEdit::setPresent(const QString &text, const QStringList &keyPath)
{
    if (present(text, keyPath))
        return text;
    return setWritten(text, keyPath, QStringLiteral("~"));
}

Expected<QString> ConfigKeyEdit::setValue(const QString &text, const QStringList &keyPath, const QString &value,
                                          bool list)
{
    return setWritten(text, keyPath, value.isEmpty() ? QString() : QString::fromStdString(emitted(value, list)));
}

Expected<QString> ConfigKeyEdit::setWritten(const QString &text, const QStringList &keyPath, const QString &written)
{
    const bool remove = written.isEmpty();
    if (keyPath.isEmpty())
        return invalid(keyPath, QStringLiteral("no key named"));
    YAML::Node root;
    try {
        root = YAML::Load(text.toStdString());
    } catch (const YAML::Exception &e) {
        return invalid(keyPath,
                       QStringLiteral("the YAML does not parse (line %1): %2; fix it in the YAML view first")
                           .arg(e.mark.line + 1)
                           .arg(QString::fromStdString(e.msg)));
    }
    const QString eol = text.contains(QLatin1String("\r\n")) ? QStringLiteral("\r\n") : QStringLiteral("\n");
    QStringList lines = text.split(eol);

    // Down the path as far as it exists. Nodes are collected, never assigned
    // (assigning a YAML::Node would rewrite the tree it refers into).
    std::vector<YAML::Node> parents{root}; // parents.back(): the map holding keyPath[depth]
    std::vector<Entry> entries;            // entries[i]: keyPath[i], found
    int depth = 0;
    for (; depth < keyPath.size(); ++depth) {
        const std::optional<Entry> found = entryOf(parents.back(), keyPath.at(depth));
        if (!found)
            break;
        entries.push_back(*found);
        if (depth + 1 == keyPath.size())
            break;
        parents.push_back(found->value);
    }
    const YAML::Node &parent = parents.back();
    const Entry *entry = int(entries.size()) == keyPath.size() ? &entries.back() : nullptr;
    const Entry *parentEntry = !entry && depth > 0 ? &entries.at(depth - 1) : nullptr;

    if (entry) {
        // The key is there: replace its value's characters, else its block.
        const int keyLine = entry->key.Mark().line;
        const int keyColumn = entry->key.Mark().column;
        const bool flowParent = parent.Style() == YAML::EmitterStyle::Flow;
        const YAML::Node &v = entry->value;
        const int end = blockEnd(lines, keyLine, keyColumn);
        if (remove && !flowParent) {
            lines.erase(lines.begin() + keyLine, lines.begin() + end);
            return lines.join(eol);
        }
        if ((v.IsScalar() || (v.IsSequence() && v.Style() == YAML::EmitterStyle::Flow)) && v.Mark().line == keyLine) {
            const QByteArray line = lines.at(keyLine).toUtf8();
            const int start = v.Mark().column;
            int stop = v.IsScalar() ? scalarEnd(line, start, flowParent) : line.indexOf(']', start) + 1;
            if (stop > start && (v.IsScalar() || end == keyLine + 1)) {
                lines[keyLine] = QString::fromUtf8(line.left(start) + written.toUtf8() + line.mid(stop));
                return lines.join(eol);
            }
        }
        if (flowParent)
            return invalid(keyPath,
                           QStringLiteral("its map is written in flow style ({...}); edit it in the YAML view"));
        // Null, multi-line or block value: the key's lines become one.
        const QString keyLineText = lines.at(keyLine);
        const int colon = keyLineText.indexOf(u':', keyColumn);
        lines.erase(lines.begin() + keyLine, lines.begin() + end);
        lines.insert(keyLine, keyLineText.left(colon + 1) + u' ' + written);
        return lines.join(eol);
    }

    if (remove)
        return text; // nothing to remove
    // Missing from keyPath[depth] on: add it (and the parents it lacks)
    // after the last line of the deepest map that is there.
    int insertAt = lines.size();
    int indent = 0;
    if (parent.IsMap() && parent.size() > 0) {
        if (parent.Style() == YAML::EmitterStyle::Flow)
            return invalid(keyPath.mid(0, depth),
                           QStringLiteral("is written in flow style ({...}); add %1 in the YAML view")
                               .arg(keyPath.mid(depth).join(u'.')));
        int lastLine = -1;
        for (auto it = parent.begin(); it != parent.end(); ++it) {
            indent = it->first.Mark().column;
            lastLine = std::max(lastLine, it->first.Mark().line);
        }
        insertAt = blockEnd(lines, lastLine, indent);
    } else if (parentEntry) {
        if (!parent.IsNull())
            return invalid(keyPath.mid(0, depth), QStringLiteral("is not a map; edit it in the YAML view"));
        // `key:` with nothing under it; `key: ~` (a presence key) loses its `~`.
        const int keyLine = parentEntry->key.Mark().line;
        indent = parentEntry->key.Mark().column + 2;
        insertAt = keyLine + 1;
        const QByteArray line = lines.at(keyLine).toUtf8();
        const int colon = line.indexOf(':', parentEntry->key.Mark().column);
        int start = colon + 1;
        while (start < line.size() && line.at(start) == ' ')
            ++start;
        const int stop = scalarEnd(line, start, false);
        static const QList<QByteArray> nulls{"~", "null", "Null", "NULL"};
        if (colon > 0 && stop > start && nulls.contains(line.mid(start, stop - start)))
            lines[keyLine] = QString::fromUtf8(line.left(colon + 1) + line.mid(stop));
    } else if (root.IsDefined() && !root.IsNull() && !root.IsMap()) {
        return invalid(keyPath, QStringLiteral("the document is not a map; fix it in the YAML view"));
    } else {
        while (insertAt > 0 && lines.at(insertAt - 1).trimmed().isEmpty())
            --insertAt;
    }
    QStringList added;
    for (int i = depth; i < keyPath.size(); ++i) {
        const QString pad(indent + 2 * (i - depth), u' ');
        added << (i + 1 == keyPath.size() ? pad + keyPath.at(i) + QStringLiteral(": ") + written
                                          : pad + keyPath.at(i) + u':');
    }
    for (int i = 0; i < added.size(); ++i)
        lines.insert(insertAt + i, added.at(i));
    return lines.join(eol);
}

} // namespace mort
