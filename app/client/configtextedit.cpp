#include "client/configtextedit.h"

#include "config/configeditor.h"

#include <yaml-cpp/yaml.h>

namespace mort {

namespace {

Error invalid(const QString &keyPath, const QString &what)
{
    return Error::client("config.invalid", 422, QStringLiteral("the value cannot be set"),
                         keyPath + QStringLiteral(": ") + what);
}

// The preset's node of `root`, or an undefined node.
YAML::Node presetNode(const YAML::Node &root, const QString &bucket, const QString &preset)
{
    if (!root.IsMap())
        return YAML::Node(YAML::NodeType::Undefined);
    const YAML::Node buckets = root["buckets"];
    if (!buckets.IsMap() || !buckets[bucket.toStdString()].IsMap())
        return YAML::Node(YAML::NodeType::Undefined);
    const YAML::Node transform = buckets[bucket.toStdString()]["transform"];
    if (!transform.IsMap() || !transform["presets"].IsMap())
        return YAML::Node(YAML::NodeType::Undefined);
    return transform["presets"][preset.toStdString()];
}

// The scalar at `path` (from `depth` on) below `node`, "" when there is none.
QString scalarAt(const YAML::Node &node, const QStringList &path, int depth)
{
    if (depth == path.size())
        return node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
    if (!node.IsMap())
        return {};
    return scalarAt(node[path.at(depth).toStdString()], path, depth + 1);
}

} // namespace

std::function<QString(const QStringList &)> ConfigTextEdit::presetFields(const QString &text, const QString &bucket,
                                                                         const QString &preset)
{
    try {
        // Parsed once; a const node's operator[] only reads, so lookups never change it.
        const YAML::Node node = YAML::Clone(presetNode(YAML::Load(text.toStdString()), bucket, preset));
        return [node](const QStringList &field) {
            try {
                return scalarAt(node, field, 0);
            } catch (const YAML::Exception &) { // an invalid node on the way (no such preset)
                return QString();
            }
        };
    } catch (const YAML::Exception &) {
        return [](const QStringList &) { return QString(); };
    }
}

Expected<QString> ConfigTextEdit::setPresetField(const QString &text, const QString &bucket, const QString &preset,
                                                 const QStringList &field, const QString &value)
{
    return setPresetFields(text, bucket, preset, {{field, value}});
}

Expected<QString> ConfigTextEdit::setPresetFields(const QString &text, const QString &bucket, const QString &preset,
                                                  const QList<QPair<QStringList, QString>> &fields)
{
    const QString presetPath = QStringLiteral("buckets.%1.transform.presets.%2").arg(bucket, preset);
    YAML::Node body;
    try {
        const YAML::Node found = presetNode(YAML::Load(text.toStdString()), bucket, preset);
        if (!found.IsDefined() || found.IsNull())
            return invalid(presetPath, QStringLiteral("no such preset in the text; add it there first"));
        body = YAML::Clone(found);
    } catch (const YAML::Exception &e) {
        return invalid(QString(),
                       QStringLiteral("the YAML does not parse (line %1): %2; fix it in the YAML view")
                           .arg(e.mark.line + 1)
                           .arg(QString::fromStdString(e.msg)));
    }
    if (!body.IsMap())
        return invalid(presetPath, QStringLiteral("must be a mapping"));
    bool changed = false;
    for (const auto &[field, value] : fields) {
        if (field.isEmpty())
            return invalid(presetPath, QStringLiteral("no field named"));
        // Walk down (making maps on the way), then set or remove the last key.
        std::vector<YAML::Node> chain{body};
        bool missing = false;
        for (int i = 0; i + 1 < field.size() && !missing; ++i) {
            YAML::Node next = chain.back()[field.at(i).toStdString()];
            if (!next.IsMap()) {
                missing = value.isEmpty(); // nothing to remove
                next = YAML::Node(YAML::NodeType::Map);
                if (!missing)
                    chain.back()[field.at(i).toStdString()] = next;
            }
            chain.push_back(next);
        }
        if (missing)
            continue;
        const std::string last = field.constLast().toStdString();
        if (value.isEmpty()) {
            chain.back().remove(last);
            // Filters emptied by the removal go with it (`thumbnail: {}` would stay on).
            for (int i = int(chain.size()) - 1; i > 0; --i) {
                if (chain.at(i).size() != 0)
                    break;
                chain.at(i - 1).remove(field.at(i - 1).toStdString());
            }
        } else {
            chain.back()[last] = value.toStdString();
        }
        changed = true;
    }
    if (!changed)
        return text;
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::BeginMap << YAML::Key << "presets" << YAML::Value << YAML::BeginMap << YAML::Key
        << preset.toStdString() << YAML::Value << body << YAML::EndMap << YAML::EndMap;
    Expected<PresetEdit> edit = ConfigEditor::splicePreset(text, bucket, QString::fromUtf8(out.c_str()));
    if (!edit)
        return edit.takeError();
    return edit->text;
}

} // namespace mort
