#include "ui/config/configdiffdialog.h"

#include "ui/config/configdiff.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QVBoxLayout>

namespace mort {

ConfigDiffDialog::ConfigDiffDialog(const QString &running, const QString &edited, QWidget *parent)
    : QDialog(parent), m_view(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Apply the config"));
    const QStringList lines = unifiedDiff(diffLines(running, edited));
    m_changed = !lines.isEmpty();

    auto *intro = new QLabel(m_changed ? tr("The running server changes as shown (- its config now, + after Apply). "
                                            "Nothing is written to a file.")
                                       : tr("The editor holds the running config: there is nothing to apply."),
                             this);
    intro->setWordWrap(true);

    m_view->setReadOnly(true);
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->setPlainText(lines.join(u'\n'));
    // Removed lines red, added lines green, as any diff tool shows them.
    for (QTextBlock block = m_view->document()->begin(); block.isValid(); block = block.next()) {
        const QString text = block.text();
        if (!text.startsWith(u'-') && !text.startsWith(u'+'))
            continue;
        QTextCursor cursor(block);
        cursor.select(QTextCursor::LineUnderCursor);
        QTextCharFormat format;
        format.setBackground(text.startsWith(u'-') ? QColor(255, 220, 220) : QColor(215, 245, 215));
        format.setForeground(Qt::black);
        cursor.mergeCharFormat(format);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *apply = buttons->addButton(tr("Apply to the running server"), QDialogButtonBox::AcceptRole);
    apply->setEnabled(m_changed);
    apply->setDefault(m_changed);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(760, 520);
}

QString ConfigDiffDialog::shownDiff() const
{
    return m_view->toPlainText();
}

} // namespace mort
