#include "ui/config/configfilebar.h"

#include "ui/config/configpanel.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>

namespace mort {

ConfigFileBar::ConfigFileBar(ConfigPanel *panel)
    : QWidget(panel), m_panel(panel), m_name(new QLabel(this)), m_open(new QPushButton(tr("Open..."), this)),
      m_save(new QPushButton(tr("Save"), this)), m_saveAs(new QPushButton(tr("Save As..."), this))
{
    m_open->setToolTip(tr("Edit a config file (nothing is applied until you press Apply)"));
    m_save->setToolTip(tr("Write the YAML view to its file, exactly as shown"));
    m_saveAs->setToolTip(tr("Write the YAML view to another file"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_open);
    layout->addWidget(m_save);
    layout->addWidget(m_saveAs);
    layout->addWidget(m_name);
    // Each button and its usual key run one action; the key is live while
    // this bar is shown (the Config tab) and named in the button's tooltip.
    const auto addAction = [this](QPushButton *button, QKeySequence::StandardKey key, auto slot) {
        auto *action = new QAction(button->text(), this);
        action->setShortcut(key);
        connect(action, &QAction::triggered, this, [this, slot] { (this->*slot)(); });
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        QWidget::addAction(action);
        button->setToolTip(
            QStringLiteral("%1 (%2)").arg(button->toolTip(), action->shortcut().toString(QKeySequence::NativeText)));
    };
    addAction(m_open, QKeySequence::Open, &ConfigFileBar::open);
    addAction(m_save, QKeySequence::Save, &ConfigFileBar::save);
    addAction(m_saveAs, QKeySequence::SaveAs, &ConfigFileBar::saveAs);
    connect(panel->yamlView(), &QPlainTextEdit::textChanged, this, &ConfigFileBar::updateName);
    updateName();
}

bool ConfigFileBar::isModified() const
{
    return m_panel->editedText() != m_baseline;
}

void ConfigFileBar::setBaseline(const QString &text, const QString &path)
{
    m_baseline = text;
    m_path = path;
    updateName();
    Q_EMIT fileChanged(m_path);
}

void ConfigFileBar::updateName()
{
    const QString name = m_path.isEmpty() ? tr("not saved to a file") : QFileInfo(m_path).fileName();
    m_name->setText(isModified() ? tr("%1 (edited)").arg(name) : name);
    m_name->setToolTip(m_path);
}

QString ConfigFileBar::choose(bool save)
{
    if (m_chooser)
        return m_chooser(save);
    const QString filter = tr("YAML config (*.yml *.yaml);;All files (*)");
    return save ? QFileDialog::getSaveFileName(this, tr("Save config as"), m_path, filter)
                : QFileDialog::getOpenFileName(this, tr("Open config"), m_path, filter);
}

bool ConfigFileBar::openFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Q_EMIT message(tr("Could not open %1: %2. Choose another file.").arg(path, file.errorString()), true);
        return false;
    }
    const QString text = QString::fromUtf8(file.readAll());
    m_panel->setEditedText(text);
    setBaseline(text, path);
    Q_EMIT message(tr("Opened %1; the server still runs its own config until you press Apply.").arg(path), false);
    return true;
}

bool ConfigFileBar::saveTo(const QString &path)
{
    const SecretExtraction secrets = ConfigSecrets::extract(m_panel->editedText());
    if (!secrets.problems.isEmpty()) {
        const ConfigIssue &first = secrets.problems.constFirst();
        Q_EMIT message(tr("Not saved: %1: %2").arg(first.keyPath, first.message), true);
        return false;
    }
    QString kept;
    if (!secrets.secrets.isEmpty()
        && !ConfigSecretKeeper::keep(this, secrets.secrets, path, m_secretsFallback, &kept)) {
        Q_EMIT message(kept, true);
        return false;
    }
    const QString &text = secrets.text;
    QSaveFile file(path); // all or nothing: a failed write leaves the old file
    const QByteArray bytes = text.toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        Q_EMIT message(tr("Not saved: %1 (%2). Choose another place with Save As.").arg(path, file.errorString()),
                       true);
        return false;
    }
    if (text != m_panel->editedText())
        m_panel->setEditedText(text); // the view shows what the file holds
    setBaseline(text, path);
    Q_EMIT message(kept.isEmpty() ? tr("Saved to %1.").arg(path) : tr("Saved to %1. %2").arg(path, kept), false);
    return true;
}

bool ConfigFileBar::maybeSave()
{
    if (!isModified())
        return true;
    const QMessageBox::StandardButton answer = m_prompt
        ? m_prompt()
        : QMessageBox::question(this, tr("Unsaved config"),
                                tr("The YAML view has edits that are not saved. Save them first?"),
                                QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void ConfigFileBar::open()
{
    if (!maybeSave())
        return;
    const QString path = choose(false);
    if (!path.isEmpty())
        openFile(path);
}

bool ConfigFileBar::save()
{
    return m_path.isEmpty() ? saveAs() : saveTo(m_path);
}

bool ConfigFileBar::saveAs()
{
    const QString path = choose(true);
    return !path.isEmpty() && saveTo(path);
}

} // namespace mort
