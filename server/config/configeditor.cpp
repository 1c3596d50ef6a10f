#include "config/configeditor.h"

#include <QFile>
#include <QSaveFile>

#include <yaml-cpp/yaml.h>

#include <optional>

namespace mort {

namespace {

Error invalid(const QString &keyPath, const QString &what)
{
    return Error::client("config.invalid", 422, QStringLiteral("the preset cannot be saved"),
                         keyPath.isEmpty() ? what : keyPath + QStringLiteral(": ") + what);
}

int indentOf(const QString &line)
{
    int i = 0;
    while (i < line.size() && line.at(i) == u' ')
        ++i;
    return i;
}

bool isBlank(const QString &line)
{
    return line.trimmed().isEmpty();
}

bool isComment(const QString &line)
{
    return line.trimmed().startsWith(u'#');
}

// One past the last line that belongs to the block of the mapping key at
// (`keyLine`, `keyColumn`): the lines after it that are indented deeper.
// Blank lines and comments between blocks belong to whatever follows, so they
// are not taken along.
int blockEnd(const QStringList &lines, int keyLine, int keyColumn)
{
    int last = keyLine;
    for (int i = keyLine + 1; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (isBlank(line))
            continue;
        const bool deeper = indentOf(line) > keyColumn;
        if (isComment(line)) {
            if (deeper)
                last = i;
            continue;
        }
        if (!deeper || line.startsWith(QLatin1String("---")) || line.startsWith(QLatin1String("...")))
            break;
        last = i;
    }
    return last + 1;
}

struct KeyPosition
{
    int line = 0;
    int column = 0;
};

// The key node `name` of block mapping `map`, with its position in the text.
std::optional<KeyPosition> keyOf(const YAML::Node &map, const std::string &name)
{
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (it->first.IsScalar() && it->first.Scalar() == name)
            return KeyPosition{it->first.Mark().line, it->first.Mark().column};
    }
    return std::nullopt;
}

std::optional<KeyPosition> lastKeyOf(const YAML::Node &map)
{
    std::optional<KeyPosition> last;
    for (auto it = map.begin(); it != map.end(); ++it) {
        const YAML::Mark mark = it->first.Mark();
        if (!last || mark.line > last->line)
            last = KeyPosition{mark.line, mark.column};
    }
    return last;
}

// The snippet's one preset: its name and its lines with the name at column 0.
struct SnippetEntry
{
    QString name;
    QStringList lines;
    YAML::Node body;
};

Expected<SnippetEntry> parseSnippet(const QString &snippet)
{
    YAML::Node root;
    try {
        root = YAML::Load(snippet.toStdString());
    } catch (const YAML::Exception &e) {
        return invalid(QStringLiteral("presets"), QString::fromStdString(e.msg));
    }
    const YAML::Node presets = root.IsMap() ? root["presets"] : YAML::Node();
    if (!presets || !presets.IsMap() || presets.size() != 1 || root.size() != 1)
        return invalid(QStringLiteral("presets"), QStringLiteral("the snippet must hold exactly one preset"));
    SnippetEntry entry;
    entry.name = QString::fromStdString(presets.begin()->first.Scalar());
    entry.body = presets.begin()->second;
    if (entry.name.isEmpty())
        return invalid(QStringLiteral("presets"), QStringLiteral("the preset needs a name"));
    QStringList lines = snippet.split(u'\n');
    while (!lines.isEmpty() && isBlank(lines.constLast()))
        lines.removeLast();
    lines.removeFirst(); // "presets:"
    int base = -1;
    for (const QString &line : std::as_const(lines)) {
        if (!isBlank(line))
            base = base < 0 ? indentOf(line) : std::min(base, indentOf(line));
    }
    for (QString &line : lines)
        line = isBlank(line) ? QString() : line.mid(base);
    entry.lines = lines;
    return entry;
}

QStringList indented(const QStringList &lines, int column)
{
    QStringList out;
    const QString pad(column, u' ');
    for (const QString &line : lines)
        out << (line.isEmpty() ? line : pad + line);
    return out;
}

bool isBlockMap(const YAML::Node &node)
{
    return node && node.IsMap() && node.Style() != YAML::EmitterStyle::Flow && node.size() > 0;
}

} // namespace

Expected<PresetEdit> ConfigEditor::setPreset(const QString &configText, const QString &bucket,
                                             const QString &presetSnippet, const QString &sourcePath)
{
    Expected<PresetEdit> edit = splicePreset(configText, bucket, presetSnippet);
    if (!edit)
        return edit;
    const QString presetPath = QStringLiteral("buckets.%1.transform.presets.%2").arg(bucket, edit->name);
    Expected<ConfigPtr> loaded = ConfigLoader::fromText(edit->text, sourcePath);
    if (!loaded)
        return invalid(presetPath, QStringLiteral("the config would not load:\n") + loaded.error().detail);
    edit->config = *loaded;
    return edit;
}

Expected<PresetEdit> ConfigEditor::splicePreset(const QString &configText, const QString &bucket,
                                                const QString &presetSnippet)
{
    Expected<SnippetEntry> entry = parseSnippet(presetSnippet);
    if (!entry)
        return entry.error();
    const QString transformPath = QStringLiteral("buckets.%1.transform").arg(bucket);
    const QString presetPath = transformPath + QStringLiteral(".presets.") + entry->name;

    YAML::Node root;
    try {
        root = YAML::Load(configText.toStdString());
    } catch (const YAML::Exception &e) {
        return invalid({}, QStringLiteral("line %1: %2").arg(e.mark.line + 1).arg(QString::fromStdString(e.msg)));
    }
    const YAML::Node buckets = root.IsMap() ? root["buckets"] : YAML::Node();
    const YAML::Node bucketNode = buckets && buckets.IsMap() ? buckets[bucket.toStdString()] : YAML::Node();
    if (!bucketNode || !bucketNode.IsMap())
        return invalid(QStringLiteral("buckets.") + bucket, QStringLiteral("no such bucket"));
    YAML::Node transform = bucketNode["transform"];
    if (!transform || !transform.IsMap())
        return invalid(transformPath,
                       QStringLiteral("the bucket has no transform section; add one with kind \"presets\""));
    const QString kind = transform["kind"] && transform["kind"].IsScalar()
        ? QString::fromStdString(transform["kind"].Scalar())
        : QString();
    if (kind != QLatin1String("presets") && kind != QLatin1String("presets-query"))
        return invalid(
            transformPath + QStringLiteral(".kind"),
            QStringLiteral("is \"%1\"; presets are used only by kinds \"presets\" and \"presets-query\"").arg(kind));

    const QString eol = configText.contains(QLatin1String("\r\n")) ? QStringLiteral("\r\n") : QStringLiteral("\n");
    QStringList lines = QString(configText).replace(QLatin1String("\r\n"), QLatin1String("\n")).split(u'\n');

    PresetEdit edit;
    const YAML::Node presets = transform["presets"];
    const std::string name = entry->name.toStdString();
    if (isBlockMap(presets)) {
        const std::optional<KeyPosition> existing = keyOf(presets, name);
        const std::optional<KeyPosition> anchor = existing ? existing : lastKeyOf(presets);
        const int end = blockEnd(lines, anchor->line, anchor->column);
        const QStringList replacement = indented(entry->lines, anchor->column);
        if (existing) {
            lines.erase(lines.begin() + existing->line, lines.begin() + end);
            edit.replacedExisting = true;
        }
        const int at = existing ? existing->line : end;
        for (int i = 0; i < replacement.size(); ++i)
            lines.insert(at + i, replacement.at(i));
    } else if (!presets && isBlockMap(transform)) {
        // No presets yet: a `presets:` key after the transform's last key.
        const std::optional<KeyPosition> last = lastKeyOf(transform);
        const int end = blockEnd(lines, last->line, last->column);
        QStringList block{QString(last->column, u' ') + QStringLiteral("presets:")};
        block << indented(entry->lines, last->column + 2);
        for (int i = 0; i < block.size(); ++i)
            lines.insert(end + i, block.at(i));
    } else {
        // Flow style (`presets: {}`) or an empty block: no lines to splice
        // into, so the document is emitted again (its comments are lost).
        transform["presets"][name] = entry->body;
        YAML::Emitter out;
        out << root;
        lines = QString::fromStdString(out.c_str()).split(u'\n');
        edit.formattingKept = false;
        edit.replacedExisting = presets && presets.IsMap() && keyOf(presets, name).has_value();
    }
    edit.text = lines.join(eol);
    if (!edit.text.endsWith(eol))
        edit.text += eol;

    // Read as the loader reads it, issues or not: the preset must be where it was put.
    QList<ConfigIssue> issues;
    const Config spliced = ConfigLoader::parse(edit.text, issues);
    const BucketConfig *savedBucket = spliced.bucket(bucket);
    if (!savedBucket || !savedBucket->transform || !savedBucket->transform->presets.contains(entry->name))
        return invalid(presetPath, QStringLiteral("the preset did not land in the bucket (unusual indentation?)"));
    edit.name = entry->name;
    return edit;
}

Expected<void> ConfigEditor::writeFile(const QString &path, const QString &text)
{
    const auto failed = [&path](const QString &what) {
        return Error::internal(
            "config.write_failed",
            QStringLiteral("%1: %2; check that the file and its folder are writable").arg(path, what));
    };
    if (QFile::exists(path)) {
        const QString backup = path + QStringLiteral(".bak");
        QFile::remove(backup);
        if (!QFile::copy(path, backup))
            return failed(QStringLiteral("cannot keep a backup as ") + backup);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failed(file.errorString());
    const QByteArray bytes = text.toUtf8();
    if (file.write(bytes) != bytes.size())
        return failed(file.errorString());
    if (!file.commit())
        return failed(file.errorString());
    return {};
}

} // namespace mort
