#include "ui/config/configpanel.h"

#include "ui/config/bucketkeysbox.h"
#include "ui/config/bucketpage.h"
#include "ui/config/bucketpathtester.h"
#include "ui/config/configdiffdialog.h"
#include "ui/config/configfilebar.h"
#include "ui/config/configsecretstore.h"
#include "ui/config/configtreeroles.h"
#include "ui/config/headerrulespage.h"
#include "ui/config/keyfieldsform.h"
#include "ui/config/presetfieldsform.h"
#include "ui/config/staleresultsbox.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mort {

namespace {

QTreeWidgetItem *node(QTreeWidgetItem *parent, const QString &text, ConfigNodeKind kind, const QString &bucket = {},
                      const QString &name = {})
{
    auto *item = new QTreeWidgetItem(parent, {text});
    item->setData(0, KindRole, kind);
    item->setData(0, BucketRole, bucket);
    item->setData(0, NameRole, name);
    return item;
}

} // namespace

ConfigPanel::ConfigPanel(EngineClient *client, QWidget *parent)
    : QWidget(parent), m_client(client), m_tree(new QTreeWidget(this)), m_forms(new QStackedWidget(this)),
      m_nodeSummary(new QLabel(this)), m_presetForm(new PresetFieldsForm(this)), m_keyForm(new KeyFieldsForm(this)),
      m_headerRules(new HeaderRulesPage(this)), m_bucketPage(new BucketPage(this)), m_yaml(new QPlainTextEdit(this)),
      m_issues(new QListWidget(this)), m_status(new QLabel(this)),
      m_load(new QPushButton(tr("Load running config"), this)), m_apply(new QPushButton(tr("Apply..."), this)),
      m_file(new ConfigFileBar(this)), m_stale(new StaleResultsBox(client, this)), m_validate(new QTimer(this))
{
    m_load->setToolTip(tr("Replace the editor's text with the config the server runs now"));
    m_apply->setObjectName(QStringLiteral("configApply"));
    m_apply->setToolTip(tr("Show the change, then hot-reload it into the running server (no restart)"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_tree->setHeaderHidden(true);
    m_tree->setMinimumWidth(210);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setToolTip(tr("Right-click Presets or Storages to add one, a preset or storage to remove it"));
    m_nodeSummary->setWordWrap(true);
    m_nodeSummary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_nodeSummary->setMargin(8);
    m_forms->addWidget(m_nodeSummary);
    m_forms->addWidget(m_presetForm);
    m_forms->addWidget(m_keyForm);
    m_forms->addWidget(m_headerRules);
    m_forms->addWidget(m_bucketPage);

    m_yaml->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_yaml->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_yaml->setTabChangesFocus(false);
    m_yaml->setPlaceholderText(tr("The config's YAML (Mort's format). Load the running config or type one."));

    m_issues->setMaximumHeight(110);
    m_issues->hide();

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_forms);
    splitter->addWidget(m_yaml);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    splitter->setStretchFactor(2, 3);
    splitter->setChildrenCollapsible(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_file);
    buttons->addWidget(m_load);
    buttons->addWidget(m_apply);
    buttons->addWidget(m_status, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_issues);
    layout->addWidget(m_stale);

    m_validate->setSingleShot(true);
    m_validate->setInterval(400);
    connect(m_validate, &QTimer::timeout, this, &ConfigPanel::validateNow);
    connect(m_yaml, &QPlainTextEdit::textChanged, this, &ConfigPanel::onTextEdited);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &ConfigPanel::showSelection);
    connect(m_presetForm, &PresetFieldsForm::fieldEdited, this, &ConfigPanel::onPresetFieldEdited);
    connect(m_presetForm, &PresetFieldsForm::fieldsEdited, this, &ConfigPanel::onPresetFieldsEdited);
    connect(m_keyForm, &KeyFieldsForm::fieldEdited, this, &ConfigPanel::onKeyFieldEdited);
    connect(m_keyForm, &KeyFieldsForm::presenceEdited, this, &ConfigPanel::onKeyPresenceEdited);
    connect(m_headerRules, &HeaderRulesPage::rulesEdited, this, &ConfigPanel::onHeaderRulesEdited);
    connect(m_bucketPage->transformForm(), &KeyFieldsForm::fieldEdited, this, &ConfigPanel::onKeyFieldEdited);
    connect(m_bucketPage->transformForm(), &KeyFieldsForm::presenceEdited, this, &ConfigPanel::onKeyPresenceEdited);
    connect(m_bucketPage->keysBox(), &BucketKeysBox::keysEdited, this, &ConfigPanel::onBucketKeysEdited);
    connect(m_tree, &QTreeWidget::customContextMenuRequested, this, &ConfigPanel::showTreeMenu);
    connect(m_load, &QPushButton::clicked, this, &ConfigPanel::loadFromEngine);
    connect(m_apply, &QPushButton::clicked, this, &ConfigPanel::apply);
    connect(m_file, &ConfigFileBar::message, this, &ConfigPanel::setStatus);
    connect(m_stale, &StaleResultsBox::problem, this, [this](const QString &message) { setStatus(message, true); });
    connect(m_issues, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        // An issue of a preset selects that preset's form, one of a header rule the rules, one of
        // a bucket's transform or keys the bucket's page.
        const QString keyPath = item->data(Qt::UserRole).toString();
        const QStringList parts = keyPath.split(u'.');
        if (parts.size() >= 5 && parts.at(0) == QLatin1String("buckets") && parts.at(3) == QLatin1String("presets"))
            selectPreset(parts.at(1), parts.at(4));
        else if (keyPath == QLatin1String("headers") || keyPath.startsWith(QLatin1String("headers[")))
            selectHeaderRules();
        else if (parts.size() >= 3 && parts.at(0) == QLatin1String("buckets")
                 && (parts.at(2) == QLatin1String("transform") || parts.at(2).startsWith(QLatin1String("keys"))))
            selectBucket(parts.at(1)); // the bucket page has the transform's fields and the keys
    });
    showSelection();
}

void ConfigPanel::setValidationDelayMs(int ms)
{
    m_validate->setInterval(ms);
}

void ConfigPanel::loadFromEngine()
{
    if (!m_file->maybeSave())
        return;
    setStatus(tr("Reading the running config..."), false);
    m_client->readConfig(this, [this](const Expected<ConfigSnapshot> &snapshot) {
        if (!snapshot) {
            setStatus(tr("Could not read the running config: %1. Check the connection, then press Load again.")
                          .arg(snapshot.error().publicMessage),
                      true);
            return;
        }
        m_running = snapshot->text;
        setEditedText(snapshot->text);
        // Save writes the embedded engine's own file; a remote server's path is not ours.
        m_file->setBaseline(snapshot->text, m_client->controlsServer() ? snapshot->sourcePath : QString());
        setStatus(snapshot->sourcePath.isEmpty() ? tr("The running config.")
                                                 : tr("The running config, loaded from %1.").arg(snapshot->sourcePath),
                  false);
        m_stale->refresh(); // presets changed before (Apply here, the Preview, another studio)
        Q_EMIT loaded();
    });
}

void ConfigPanel::setEditedText(const QString &yaml)
{
    if (yaml == m_yaml->toPlainText())
        return;
    // Through a cursor, so Undo in the YAML view takes a form edit back too.
    m_settingText = true;
    QTextCursor cursor(m_yaml->document());
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(yaml);
    cursor.endEditBlock();
    m_settingText = false;
    rebuildTree();
    m_validate->start();
}

QString ConfigPanel::editedText() const
{
    return m_yaml->toPlainText();
}

void ConfigPanel::onTextEdited()
{
    if (m_settingText)
        return;
    m_validate->start();
}

void ConfigPanel::rebuildTree()
{
    QList<ConfigIssue> ignored; // the engine's validator reports them (validateNow)
    m_parsed = std::make_shared<const Config>(ConfigLoader::parse(m_yaml->toPlainText(), ignored));
    const Config &config = *m_parsed;
    // Keep the selection across rebuilds (a form edit rewrites the text).
    QTreeWidgetItem *current = m_tree->currentItem();
    const int kind = current ? current->data(0, KindRole).toInt() : ServerNode;
    const QString bucket = current ? current->data(0, BucketRole).toString() : QString();
    const QString name = current ? current->data(0, NameRole).toString() : QString();

    const QSignalBlocker block(m_tree);
    m_tree->clear();
    QTreeWidgetItem *root = m_tree->invisibleRootItem();
    QTreeWidgetItem *select = node(root, tr("Server"), ServerNode);
    QTreeWidgetItem *headerRules = node(root, tr("Header rules"), HeaderRulesNode);
    if (kind == HeaderRulesNode)
        select = headerRules;
    bool firstPreset = false;
    for (auto b = config.buckets.cbegin(); b != config.buckets.cend(); ++b) {
        QTreeWidgetItem *bucketItem = node(root, tr("Bucket %1").arg(b.key()), BucketNode, b.key());
        if (kind == BucketNode && bucket == b.key())
            select = bucketItem;
        if (b->transform) { // shown empty too: its menu adds the first
            QTreeWidgetItem *presets = node(bucketItem, tr("Presets"), GroupNode, b.key(), kPresetsGroup);
            for (const QString &preset : b->transform->presets.keys()) {
                QTreeWidgetItem *item = node(presets, preset, PresetNode, b.key(), preset);
                // The first preset on first show: a form with values, not a hint.
                if ((kind == PresetNode && bucket == b.key() && name == preset) || (!current && !firstPreset))
                    select = item;
                firstPreset = true;
            }
        }
        QTreeWidgetItem *storages = node(bucketItem, tr("Storages"), GroupNode, b.key(), kStoragesGroup);
        for (auto s = b->storages.cbegin(); s != b->storages.cend(); ++s) {
            QTreeWidgetItem *item =
                node(storages, QStringLiteral("%1 (%2)").arg(s.key(), s->kind), StorageNode, b.key(), s.key());
            if (kind == StorageNode && bucket == b.key() && name == s.key())
                select = item;
        }
    }
    m_tree->expandAll();
    m_tree->setCurrentItem(select);
    showSelection();
}

bool ConfigPanel::selectPreset(const QString &bucket, const QString &preset)
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(0, KindRole).toInt() == PresetNode && (*it)->data(0, BucketRole) == bucket
            && (*it)->data(0, NameRole) == preset) {
            m_tree->setCurrentItem(*it);
            return true;
        }
    }
    return false;
}

BucketPathTester *ConfigPanel::bucketTester() const
{
    return m_bucketPage->tester();
}

bool ConfigPanel::selectHeaderRules()
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(0, KindRole).toInt() == HeaderRulesNode) {
            m_tree->setCurrentItem(*it);
            return true;
        }
    }
    return false;
}

bool ConfigPanel::selectBucket(const QString &bucket)
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(0, KindRole).toInt() == BucketNode && (*it)->data(0, BucketRole) == bucket) {
            m_tree->setCurrentItem(*it);
            return true;
        }
    }
    return false;
}

void ConfigPanel::validateNow()
{
    m_validate->stop();
    rebuildTree();
    const quint64 ticket = ++m_validation;
    m_client->validateConfig(m_yaml->toPlainText(), this, [this, ticket](const Expected<ConfigCheck> &check) {
        if (ticket != m_validation)
            return; // the text changed since; a newer answer follows
        if (!check) {
            setStatus(tr("The server could not check the config: %1").arg(check.error().publicMessage), true);
            return;
        }
        showIssues(check->issues);
        if (const int n = int(check->issues.size()); n > 0)
            setStatus(n == 1 ? tr("1 problem: fix it before applying (it names its key).")
                             : tr("%n problems: fix them before applying (each names its key).", nullptr, n),
                      true);
        else if (!check->restartKeys.isEmpty())
            setStatus(tr("Valid, but %1 change only with a restart: Apply refuses them.")
                          .arg(check->restartKeys.join(QStringLiteral(", "))),
                      true);
        else
            setStatus(m_yaml->toPlainText() == m_running ? tr("Valid; the server runs this config.")
                                                         : tr("Valid; press Apply to run it."),
                      false);
        Q_EMIT validated(*check);
    });
}

void ConfigPanel::showIssues(const QList<ConfigIssue> &issues)
{
    m_lastIssues = issues;
    m_issues->clear();
    for (const ConfigIssue &issue : issues) {
        auto *item = new QListWidgetItem(describe(issue), m_issues);
        item->setData(Qt::UserRole, issue.keyPath);
        item->setForeground(QColor(0xb0, 0x00, 0x20));
    }
    m_issues->setVisible(!issues.isEmpty());
    m_presetForm->showIssues(issues);
    m_keyForm->showIssues(issues);
    m_headerRules->showIssues(issues);
    m_bucketPage->showIssues(issues);
    m_apply->setEnabled(issues.isEmpty()); // the status line says what to fix
}

QStringList ConfigPanel::shownIssues() const
{
    QStringList out;
    for (int i = 0; i < m_issues->count(); ++i)
        out << m_issues->item(i)->text();
    return out;
}

QString ConfigPanel::statusText() const
{
    return m_status->text();
}

void ConfigPanel::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color: #b00020;") : QString());
}

void ConfigPanel::apply()
{
    ConfigDiffDialog dialog(m_running, m_yaml->toPlainText(), this);
    if (dialog.exec() == QDialog::Accepted)
        applyNow();
}

void ConfigPanel::applyNow()
{
    const QString text = m_yaml->toPlainText();
    if (m_client->controlsServer()) { // the engine in this process: secrets of the text from the keychain
        for (const QString &warning : ConfigSecretStore::exportMissing(text))
            qWarning("mort-studio: %s", qPrintable(warning));
    }
    m_apply->setEnabled(false);
    setStatus(tr("Applying..."), false);
    m_client->applyConfig(text, this, [this, text](const Expected<ConfigCheck> &check) {
        m_apply->setEnabled(true);
        if (!check) {
            setStatus(tr("Not applied: the server could not be asked (%1). Check the connection and apply again.")
                          .arg(check.error().publicMessage),
                      true);
            return;
        }
        showIssues(check->issues);
        if (check->applied) {
            m_running = text;
            setStatus(tr("Applied: the server runs the new config now (no restart)."), false);
            m_stale->refresh(); // a changed preset's stored results: offer to delete them
        } else if (!check->issues.isEmpty()) {
            setStatus(tr("Not applied: %1. Fix it and apply again.").arg(describe(check->issues.constFirst())), true);
        } else if (check->restartRequired) {
            setStatus(check->restartKeys.isEmpty()
                          ? tr("Not applied: cache and lock settings change only with a restart. Save the file and "
                               "restart the server, or undo that change.")
                          : tr("Not applied: %1 change only with a restart. Save the file and restart the server, or "
                               "undo that change.")
                                .arg(check->restartKeys.join(QStringLiteral(", "))),
                      true);
        } else {
            setStatus(tr("Not applied: %1").arg(check->refusal), true);
        }
        Q_EMIT applyFinished(*check);
    });
}

} // namespace mort
