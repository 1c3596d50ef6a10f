#include "ui/preview/savepresetdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace mort {

SavePresetDialog::SavePresetDialog(const QString &bucket, const QString &configFile, Check check, Exists exists,
                                   QWidget *parent)
    : QDialog(parent), m_bucket(bucket), m_configFile(configFile), m_check(std::move(check)),
      m_exists(std::move(exists)), m_name(new QLineEdit), m_problem(new QLabel)
{
    setWindowTitle(tr("Save as preset"));
    auto *prompt = new QLabel(tr("Name of the new preset in bucket %1:").arg(bucket));
    prompt->setBuddy(m_name);
    m_name->setPlaceholderText(tr("e.g. hero_banner"));
    m_name->setObjectName(QStringLiteral("presetName"));
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020")); // an error, not a hint
    m_problem->setVisible(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &SavePresetDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SavePresetDialog::reject);
    connect(m_name, &QLineEdit::textEdited, this, [this] { showProblem({}); });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(prompt);
    layout->addWidget(m_name);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    // Messages wrap at this width instead of widening the dialog.
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
    m_problem->setMinimumWidth(minimumWidth() - 2 * layout->contentsMargins().left());
}

QString SavePresetDialog::name() const
{
    return m_name->text().trimmed();
}

QString SavePresetDialog::problem() const
{
    return m_problem->isVisible() ? m_problem->text() : QString();
}

void SavePresetDialog::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    adjustSize();
}

void SavePresetDialog::accept()
{
    const QString chosen = name();
    if (chosen.isEmpty()) {
        showProblem(tr("Enter a name for the new preset, e.g. hero_banner."));
        m_name->setFocus();
        return;
    }
    if (const QString why = m_check ? m_check(chosen) : QString(); !why.isEmpty()) {
        showProblem(why);
        m_name->selectAll();
        m_name->setFocus();
        return;
    }
    m_replacing = m_exists && m_exists(chosen);
    if (m_replacing
        && QMessageBox::question(this, tr("Replace preset"),
                                 tr("Bucket %1 already has a preset \"%2\", and the server serves it. "
                                    "Replace it in %3?")
                                     .arg(m_bucket, chosen, m_configFile),
                                 QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            != QMessageBox::Yes) {
        // Back to the name: pick another one, or Cancel.
        m_name->selectAll();
        m_name->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace mort
