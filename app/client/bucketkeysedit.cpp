#include "client/bucketkeysedit.h"

#include "client/yamlblockedit.h"

#include <yaml-cpp/yaml.h>

namespace mort {

namespace {

QString scalarText(const YAML::Node &node)
{
    return node.IsDefined() && node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
}

// A value as YAML writes it: plain when it can be, quoted when it must (": ", "#", leading "$" stays plain).
QString emitted(const QString &value)
{
    YAML::Emitter out;
    out << value.toStdString();
    return QString::fromUtf8(out.c_str());
}

} // namespace

QList<BucketKeyText> BucketKeysEdit::keys(const QString &text, const QString &bucket)
{
    QList<BucketKeyText> out;
    YAML::Node root;
    try {
        root = YAML::Load(text.toStdString());
    } catch (const YAML::Exception &) {
        return out;
    }
    // Const lookups never insert; a missing key's node is invalid: only IsDefined() may be asked.
    const YAML::Node &constRoot = root;
    if (!constRoot.IsMap())
        return out;
    const YAML::Node buckets = constRoot["buckets"];
    if (!buckets.IsDefined() || !buckets.IsMap())
        return out;
    const YAML::Node b = buckets[bucket.toStdString()];
    if (!b.IsDefined() || !b.IsMap())
        return out;
    const YAML::Node list = b["keys"];
    if (!list.IsDefined() || !list.IsSequence())
        return out;
    for (const YAML::Node &item : list) {
        if (item.IsMap())
            out.append(BucketKeyText{scalarText(item["accessKey"]), scalarText(item["secretAccessKey"])});
        else
            out.append(BucketKeyText{});
    }
    return out;
}

QStringList BucketKeysEdit::block(const QList<BucketKeyText> &keys)
{
    if (keys.isEmpty())
        return {};
    QStringList lines{QStringLiteral("keys:")};
    for (const BucketKeyText &key : keys) {
        lines << QStringLiteral("  - accessKey: %1").arg(emitted(key.accessKey.trimmed()))
              << QStringLiteral("    secretAccessKey: %1").arg(emitted(key.secretAccessKey));
    }
    return lines;
}

Expected<QString> BucketKeysEdit::setKeys(const QString &text, const QString &bucket, const QList<BucketKeyText> &keys)
{
    return YamlBlockEdit::replaceBlock(text, {QStringLiteral("buckets"), bucket}, QStringLiteral("keys"), block(keys));
}

} // namespace mort
