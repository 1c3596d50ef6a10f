// ConfigPanel: the form beside the tree for the selected node (a preset, the
// server, the header rules, a storage, a bucket's transform, keys and URL tester) and the text
// edits its fields make.
#include "ui/config/configpanel.h"

#include "client/configkeyedit.h"
#include "client/configtextedit.h"
#include "client/headerrulesedit.h"
#include "ui/config/bucketpage.h"
#include "ui/config/configformfields.h"
#include "ui/config/configtreeroles.h"
#include "ui/config/headerrulespage.h"
#include "ui/config/keyfieldsform.h"
#include "ui/config/presetfieldsform.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QTreeWidget>

namespace mort {

void ConfigPanel::showSelection()
{
    QTreeWidgetItem *item = m_tree->currentItem();
    const int kind = item ? item->data(0, KindRole).toInt() : -1;
    const QString text = m_yaml->toPlainText();
    const QString bucket = item ? item->data(0, BucketRole).toString() : QString();
    const QString name = item ? item->data(0, NameRole).toString() : QString();
    if (kind == PresetNode) {
        const BucketConfig *b = m_parsed ? m_parsed->bucket(bucket) : nullptr;
        const PresetConfig *parsed = nullptr;
        if (b && b->transform && b->transform->presets.contains(name))
            parsed = &*b->transform->presets.constFind(name);
        // The page keeps the reader: it reads fields again when an operation is selected.
        m_presetForm->showPreset(bucket, name, parsed, ConfigTextEdit::presetFields(text, bucket, name));
        m_presetForm->showIssues(m_lastIssues);
        m_forms->setCurrentWidget(m_presetForm);
        return;
    }
    if (text.trimmed().isEmpty()) {
        m_nodeSummary->setText(tr("No config yet: press Load running config, or type one in the YAML view."));
        m_forms->setCurrentWidget(m_nodeSummary);
        return;
    }
    if (kind == ServerNode || kind == StorageNode) {
        QStringList base{QStringLiteral("server")};
        QList<KeyField> fields = ConfigFormFields::serverFields();
        QString title = tr("Server");
        QString note = tr("Keys without a field here (trustedProxies, adminToken, cache.clientConfig, ...) stay as "
                          "written; edit them in the YAML view. Header rules have their own page.");
        if (kind == StorageNode) {
            const BucketConfig *b = m_parsed ? m_parsed->bucket(bucket) : nullptr;
            const StorageConfig *storage = b ? b->storage(name) : nullptr;
            const QString storageKind = storage ? storage->kind : QString();
            base = QStringList{QStringLiteral("buckets"), bucket, QStringLiteral("storages"), name};
            fields = ConfigFormFields::storageFields(storageKind);
            title = tr("Storage %1 of bucket %2").arg(name, bucket);
            note = ConfigFormFields::storageNote(storageKind);
        }
        m_keyForm->showFields(
            title, base.join(u'.'), fields, note,
            [&](const QStringList &key) { return ConfigKeyEdit::value(text, base + key); },
            [&](const QStringList &key) { return ConfigKeyEdit::present(text, base + key); });
        m_keyForm->showIssues(m_lastIssues);
        m_forms->setCurrentWidget(m_keyForm);
        return;
    }
    if (kind == HeaderRulesNode) {
        m_headerRules->showRules(HeaderRulesEdit::rules(text));
        m_headerRules->showIssues(m_lastIssues);
        m_forms->setCurrentWidget(m_headerRules);
        return;
    }
    m_bucketPage->showBucket(text, m_parsed, bucket);
    m_bucketPage->showIssues(m_lastIssues);
    m_forms->setCurrentWidget(m_bucketPage);
}

void ConfigPanel::onPresetFieldEdited(const QStringList &field, const QString &value)
{
    setEditResult(ConfigTextEdit::setPresetField(m_yaml->toPlainText(), m_presetForm->bucket(), m_presetForm->preset(),
                                                 field, value));
}

void ConfigPanel::onPresetFieldsEdited(const QList<QPair<QStringList, QString>> &fields)
{
    setEditResult(
        ConfigTextEdit::setPresetFields(m_yaml->toPlainText(), m_presetForm->bucket(), m_presetForm->preset(), fields));
}

void ConfigPanel::onKeyFieldEdited(const QStringList &keyPath, const QString &value, bool list)
{
    setEditResult(ConfigKeyEdit::setValue(m_yaml->toPlainText(), keyPath, value, list));
}

void ConfigPanel::onKeyPresenceEdited(const QStringList &keyPath, bool present)
{
    const QString text = m_yaml->toPlainText();
    setEditResult(present ? ConfigKeyEdit::setPresent(text, keyPath) : ConfigKeyEdit::setValue(text, keyPath, {}));
}

void ConfigPanel::onHeaderRulesEdited(const QList<HeaderRuleText> &rules)
{
    setEditResult(HeaderRulesEdit::setRules(m_yaml->toPlainText(), rules));
}

void ConfigPanel::onBucketKeysEdited(const QString &bucket, const QList<BucketKeyText> &keys)
{
    setEditResult(BucketKeysEdit::setKeys(m_yaml->toPlainText(), bucket, keys));
}

void ConfigPanel::setEditResult(const Expected<QString> &text)
{
    if (!text) {
        setStatus(tr("Not changed: %1. Fix the YAML view first, or undo there.").arg(text.error().detail), true);
        return;
    }
    setEditedText(*text); // validated by the engine like any edit; issues land under the field
}

} // namespace mort
