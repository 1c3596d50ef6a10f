#pragma once
// The Config tab (issue 21): the config as a tree (Server, Header rules, each
// bucket with its presets and storages), a form for the selected node, and the YAML view
// beside it, in sync both ways. Every edit is checked by the engine's own
// validator (debounced), its issues shown next to their keys; Apply shows the
// change as a diff, then hot-reloads it into the running engine.
#include "client/bucketkeysedit.h"
#include "client/engineclient.h"
#include "client/headerrulesedit.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace mort {

class BucketPage;
class BucketPathTester;
class ConfigFileBar;
class HeaderRulesPage;
class KeyFieldsForm;
class PresetFieldsForm;
class StaleResultsBox;

class ConfigPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ConfigPanel(EngineClient *client, QWidget *parent = nullptr);

    // The running config from the engine: editor text and the baseline Apply compares with.
    void loadFromEngine();
    // The editor's text (undoable in the YAML view); the tree and form follow.
    void setEditedText(const QString &yaml);
    QString editedText() const;
    QString runningText() const { return m_running; }

    bool selectPreset(const QString &bucket, const QString &preset);
    bool selectBucket(const QString &bucket);
    // The bucket's page: its transform form, access keys and URL tester.
    BucketPage *bucketPage() const { return m_bucketPage; }
    BucketPathTester *bucketTester() const;
    PresetFieldsForm *presetForm() const { return m_presetForm; }
    // The Server form and a storage's form.
    KeyFieldsForm *keyForm() const { return m_keyForm; }
    // The top-level headers rules.
    HeaderRulesPage *headerRulesPage() const { return m_headerRules; }
    bool selectHeaderRules();
    // A preset or storage added with a minimal valid definition, or removed
    // (only its lines); false with the reason in the status line. The tree's
    // context menu asks the name and calls these.
    bool addPreset(const QString &bucket, const QString &name);
    bool removePreset(const QString &bucket, const QString &name);
    bool addStorage(const QString &bucket, const QString &name);
    bool removeStorage(const QString &bucket, const QString &name);
    ConfigFileBar *fileBar() const { return m_file; }
    // Presets an Apply changed, with the offer to delete their stored results.
    StaleResultsBox *staleResults() const { return m_stale; }
    QPlainTextEdit *yamlView() const { return m_yaml; }
    QTreeWidget *tree() const { return m_tree; }
    // "keyPath: message" of every issue shown now.
    QStringList shownIssues() const;
    QString statusText() const;
    void setValidationDelayMs(int ms);

public Q_SLOTS:
    // Diff dialog, then applyNow() when accepted.
    void apply();
    // Applies the editor's text without asking (the dialog's accept; tests).
    void applyNow();
    // Validates the editor's text now (the debounce's end).
    void validateNow();

Q_SIGNALS:
    void loaded();
    void validated(const mort::ConfigCheck &check);
    void applyFinished(const mort::ConfigCheck &check);

private:
    void onTextEdited();
    void rebuildTree();
    void showSelection();
    void onPresetFieldEdited(const QStringList &field, const QString &value);
    void onPresetFieldsEdited(const QList<QPair<QStringList, QString>> &fields);
    void onKeyFieldEdited(const QStringList &keyPath, const QString &value, bool list);
    void onKeyPresenceEdited(const QStringList &keyPath, bool present);
    void onHeaderRulesEdited(const QList<HeaderRuleText> &rules);
    void onBucketKeysEdited(const QString &bucket, const QList<BucketKeyText> &keys);
    // Add and remove presets and storages at the tree item under `pos`.
    void showTreeMenu(const QPoint &pos);
    // A form edit's new text into the editor, or why it could not be made.
    void setEditResult(const Expected<QString> &text);
    void showIssues(const QList<ConfigIssue> &issues);
    void setStatus(const QString &text, bool problem);

    EngineClient *m_client;
    QTreeWidget *m_tree;
    QStackedWidget *m_forms;
    QLabel *m_nodeSummary;
    PresetFieldsForm *m_presetForm;
    KeyFieldsForm *m_keyForm;
    HeaderRulesPage *m_headerRules;
    BucketPage *m_bucketPage;
    ConfigPtr m_parsed; // the editor's text as last parsed (the tree, the URL tester)
    QPlainTextEdit *m_yaml;
    QListWidget *m_issues;
    QLabel *m_status;
    QPushButton *m_load;
    QPushButton *m_apply;
    ConfigFileBar *m_file;
    StaleResultsBox *m_stale;
    QTimer *m_validate;
    QString m_running; // what the engine runs, as last read or applied
    QList<ConfigIssue> m_lastIssues;
    bool m_settingText = false; // the panel writes the YAML view: no echo into the form
    quint64 m_validation = 0;   // newest validation asked for; older answers are dropped
};

} // namespace mort
