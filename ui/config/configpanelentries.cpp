// ConfigPanel: presets and storages added and removed from the tree (issue
// 21). An added entry is the smallest valid one; a removed one takes only its
// own lines. The engine's validator checks the result as for any edit.
#include "ui/config/configpanel.h"

#include "client/configkeyedit.h"
#include "client/yamlblockedit.h"
#include "ui/config/configtreeroles.h"

#include <QInputDialog>
#include <QMenu>
#include <QPlainTextEdit>
#include <QTreeWidget>

namespace mort {

namespace {

QStringList presetsPath(const QString &bucket)
{
    return {QStringLiteral("buckets"), bucket, QStringLiteral("transform"), QStringLiteral("presets")};
}

QStringList storagesPath(const QString &bucket)
{
    return {QStringLiteral("buckets"), bucket, QStringLiteral("storages")};
}

} // namespace

bool ConfigPanel::addPreset(const QString &bucket, const QString &name)
{
    const QString text = m_yaml->toPlainText();
    if (name.trimmed().isEmpty() || name.contains(u'.')) {
        setStatus(tr("Not added: a preset needs a name without dots."), true);
        return false;
    }
    if (ConfigKeyEdit::present(text, presetsPath(bucket) << name)) {
        setStatus(tr("Not added: bucket %1 has a preset %2 already.").arg(bucket, name), true);
        return false;
    }
    // A thumbnail 100 wide: the smallest preset the engine accepts, a start to edit in its form.
    const Expected<QString> edited =
        ConfigKeyEdit::setValue(text,
                                presetsPath(bucket) << name << QStringLiteral("filters") << QStringLiteral("thumbnail")
                                                    << QStringLiteral("width"),
                                QStringLiteral("100"));
    setEditResult(edited);
    return edited && selectPreset(bucket, name);
}

bool ConfigPanel::removePreset(const QString &bucket, const QString &name)
{
    const Expected<QString> edited = YamlBlockEdit::replaceBlock(m_yaml->toPlainText(), presetsPath(bucket), name, {});
    setEditResult(edited);
    return bool(edited);
}

bool ConfigPanel::addStorage(const QString &bucket, const QString &name)
{
    const QString text = m_yaml->toPlainText();
    if (name.trimmed().isEmpty() || name.contains(u'.')) {
        setStatus(tr("Not added: a storage needs a name without dots."), true);
        return false;
    }
    if (ConfigKeyEdit::present(text, storagesPath(bucket) << name)) {
        setStatus(tr("Not added: bucket %1 has a storage %2 already.").arg(bucket, name), true);
        return false;
    }
    // noop keeps nothing and needs nothing: valid at once, its kind then set in the YAML view.
    const Expected<QString> edited =
        ConfigKeyEdit::setValue(text, storagesPath(bucket) << name << QStringLiteral("kind"), QStringLiteral("noop"));
    setEditResult(edited);
    return bool(edited);
}

bool ConfigPanel::removeStorage(const QString &bucket, const QString &name)
{
    const Expected<QString> edited = YamlBlockEdit::replaceBlock(m_yaml->toPlainText(), storagesPath(bucket), name, {});
    setEditResult(edited);
    return bool(edited);
}

void ConfigPanel::showTreeMenu(const QPoint &pos)
{
    QTreeWidgetItem *item = m_tree->itemAt(pos);
    if (!item)
        return;
    const int kind = item->data(0, KindRole).toInt();
    const QString bucket = item->data(0, BucketRole).toString();
    const QString name = item->data(0, NameRole).toString();
    QMenu menu(this);
    const bool presets = (kind == GroupNode && name == kPresetsGroup) || kind == PresetNode || kind == BucketNode;
    const bool storages = (kind == GroupNode && name == kStoragesGroup) || kind == StorageNode || kind == BucketNode;
    if (presets) {
        menu.addAction(tr("Add preset..."), this, [this, bucket] {
            const QString added = QInputDialog::getText(this, tr("Add preset"), tr("Name of the new preset:"));
            if (!added.isEmpty())
                addPreset(bucket, added.trimmed());
        });
    }
    if (kind == PresetNode)
        menu.addAction(tr("Remove preset %1").arg(name), this, [this, bucket, name] { removePreset(bucket, name); });
    if (storages) {
        menu.addAction(tr("Add storage..."), this, [this, bucket] {
            const QString added = QInputDialog::getText(this, tr("Add storage"), tr("Name of the new storage:"));
            if (!added.isEmpty())
                addStorage(bucket, added.trimmed());
        });
    }
    if (kind == StorageNode)
        menu.addAction(tr("Remove storage %1").arg(name), this, [this, bucket, name] { removeStorage(bucket, name); });
    if (!menu.isEmpty())
        menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

} // namespace mort
