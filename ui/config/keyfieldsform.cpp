#include "ui/config/keyfieldsform.h"

#include "client/configkeyedit.h"
#include "client/configsecrets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

#include <algorithm>

namespace mort {

namespace {

QLabel *issueLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true); // a long message must not widen the form
    label->hide();
    return label;
}

QString textOf(QWidget *editor)
{
    if (auto *line = qobject_cast<QLineEdit *>(editor))
        return line->text().trimmed();
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        return combo->currentText().trimmed();
    if (auto *check = qobject_cast<QCheckBox *>(editor))
        return check->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

// What a field shows for the text: its value, or "true"/"false" for a check box.
QString shownValue(const KeyField &field, const std::function<QString(const QStringList &)> &value,
                   const std::function<bool(const QStringList &)> &present)
{
    switch (field.kind) {
    case KeyFieldKind::Check:
        return ConfigKeyEdit::isTrue(value(field.key)) ? QStringLiteral("true") : QStringLiteral("false");
    case KeyFieldKind::Presence: return present(field.key) ? QStringLiteral("true") : QStringLiteral("false");
    case KeyFieldKind::Text: break;
    }
    return value(field.key);
}

} // namespace

KeyFieldsForm::KeyFieldsForm(QWidget *parent)
    : QWidget(parent), m_scroll(new QScrollArea(this)), m_layout(nullptr), m_title(new QLabel(this)),
      m_note(new QLabel(this)), m_generalIssue(issueLabel(this))
{
    // Many fields (the server has over thirty): they scroll down, each keeps its
    // height; never sideways, the form is as wide as its labels and editors need (fitWidth).
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *inner = new QWidget(m_scroll);
    m_layout = new QFormLayout(inner);
    m_scroll->setWidget(inner);
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_note->setWordWrap(true);
    m_generalIssue->setWordWrap(true);
    // Wrapped texts above the scrolled rows: inside, they would squeeze the rows.
    auto *outer = new QVBoxLayout(this);
    outer->addWidget(m_title);
    outer->addWidget(m_note);
    outer->addWidget(m_generalIssue);
    outer->addWidget(m_scroll, 1);
}

void KeyFieldsForm::showFields(const QString &title, const QString &base, const QList<KeyField> &fields,
                               const QString &note, const std::function<QString(const QStringList &)> &value,
                               const std::function<bool(const QStringList &)> &present)
{
    m_showing = true;
    m_title->setText(title);
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
    bool same = base == m_base && fields.size() == m_rows.size();
    for (int i = 0; same && i < fields.size(); ++i)
        same = fields.at(i).key == m_rows.at(i).field.key;
    m_base = base;
    if (same) { // the same node after a text edit: new values, the same editors (one may be emitting)
        for (Row &row : m_rows) {
            row.shown = shownValue(row.field, value, present);
            if (auto *line = qobject_cast<QLineEdit *>(row.editor); line && line->text().trimmed() != row.shown)
                line->setText(row.shown);
            else if (auto *combo = qobject_cast<QComboBox *>(row.editor); combo && combo->currentText() != row.shown)
                combo->setCurrentText(row.shown);
            else if (auto *check = qobject_cast<QCheckBox *>(row.editor))
                check->setChecked(row.shown == QLatin1String("true"));
        }
        m_showing = false;
        return;
    }
    while (m_layout->rowCount() > 0) {
        const QFormLayout::TakeRowResult taken = m_layout->takeRow(0);
        for (QLayoutItem *item : {taken.labelItem, taken.fieldItem}) {
            if (item && item->widget()) {
                item->widget()->hide();
                item->widget()->deleteLater(); // later: a signal of it may be running
            }
            delete item;
        }
    }
    m_rows.clear();
    for (const KeyField &field : fields) {
        const QString current = shownValue(field, value, present);
        Row row{field, nullptr, issueLabel(this), current};
        if (field.kind != KeyFieldKind::Text) {
            auto *check = new QCheckBox(this);
            check->setChecked(current == QLatin1String("true"));
            row.editor = check;
        } else if (!field.choices.isEmpty()) {
            auto *combo = new QComboBox(this);
            combo->setEditable(true);
            // As narrow as a line edit, however long a choice: the form must not outgrow its column.
            combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
            combo->setMinimumContentsLength(8);
            combo->addItems(field.choices);
            combo->setCurrentText(current);
            combo->lineEdit()->setPlaceholderText(tr("not set (the default)"));
            row.editor = combo;
        } else {
            auto *line = new QLineEdit(current, this);
            line->setPlaceholderText(tr("not set (the default)"));
            if (ConfigSecrets::isSecretKey(field.key.constLast()))
                line->setEchoMode(QLineEdit::Password); // no secret on screen or in a screenshot
            row.editor = line;
        }
        row.editor->setToolTip(field.toolTip);
        row.editor->setObjectName(field.key.join(u'.'));
        auto *cell = new QWidget(this);
        auto *stack = new QVBoxLayout(cell);
        stack->setContentsMargins(0, 0, 0, 0);
        stack->setSpacing(2);
        stack->addWidget(row.editor);
        stack->addWidget(row.issue);
        m_layout->addRow(field.label, cell);
        m_rows.append(row);
        const Row &added = m_rows.constLast();
        if (auto *line = qobject_cast<QLineEdit *>(added.editor))
            connect(line, &QLineEdit::editingFinished, this, [this, key = field.key] {
                for (Row &r : m_rows)
                    if (r.field.key == key)
                        edited(r);
            });
        else if (auto *combo = qobject_cast<QComboBox *>(added.editor))
            connect(combo, &QComboBox::textActivated, this, [this, key = field.key] {
                for (Row &r : m_rows)
                    if (r.field.key == key)
                        edited(r);
            });
        else if (auto *check = qobject_cast<QCheckBox *>(added.editor))
            connect(check, &QCheckBox::clicked, this, [this, key = field.key] {
                for (Row &r : m_rows)
                    if (r.field.key == key)
                        edited(r);
            });
    }
    fitWidth();
    fitHeight();
    m_showing = false;
}

void KeyFieldsForm::setScrollsOwnRows(bool scrolls)
{
    m_scrollsOwnRows = scrolls;
    m_scroll->setVerticalScrollBarPolicy(scrolls ? Qt::ScrollBarAsNeeded : Qt::ScrollBarAlwaysOff);
    fitHeight();
}

void KeyFieldsForm::fitHeight()
{
    if (m_scrollsOwnRows) {
        m_scroll->setMinimumHeight(0);
        return;
    }
    QWidget *rows = m_scroll->widget();
    const int width = std::max(m_scroll->viewport()->width(), rows->minimumSizeHint().width());
    const int height = rows->hasHeightForWidth() ? rows->heightForWidth(width) : rows->sizeHint().height();
    m_scroll->setMinimumHeight(std::max(height, rows->sizeHint().height()) + 2 * m_scroll->frameWidth());
}

void KeyFieldsForm::fitWidth()
{
    // The scrolled rows' minimum is no minimum of the scroll area: say it, so the
    // splitter never gives the form less and a label or editor is cut.
    const int rows = m_scroll->widget()->minimumSizeHint().width();
    m_scroll->setMinimumWidth(rows + m_scroll->verticalScrollBar()->sizeHint().width() + 2 * m_scroll->frameWidth());
}

void KeyFieldsForm::edited(Row &row)
{
    const QString text = textOf(row.editor);
    if (m_showing || text == row.shown)
        return; // focus left without a change: the text keeps its quoting
    row.shown = text;
    QStringList keyPath = m_base.split(u'.');
    keyPath << row.field.key;
    if (row.field.kind == KeyFieldKind::Presence)
        Q_EMIT presenceEdited(keyPath, text == QLatin1String("true"));
    else
        Q_EMIT fieldEdited(keyPath, text, row.field.list);
}

void KeyFieldsForm::showIssues(const QList<ConfigIssue> &issues)
{
    QStringList general;
    QHash<int, QStringList> byRow;
    for (const ConfigIssue &issue : issues) {
        if (issue.keyPath != m_base && !issue.keyPath.startsWith(m_base + u'.'))
            continue;
        const QString relative = issue.keyPath.mid(m_base.size() + 1);
        int placed = -1;
        qsizetype longest = -1; // the deepest field: compress.gzip.level is the level's, not gzip's
        for (int r = 0; r < m_rows.size(); ++r) {
            const QString key = m_rows.at(r).field.key.join(u'.');
            // listens[1] belongs to the listens field.
            if ((relative == key || relative.startsWith(key + u'[') || relative.startsWith(key + u'.'))
                && key.size() > longest) {
                placed = r;
                longest = key.size();
            }
        }
        if (placed >= 0)
            byRow[placed] << issue.message;
        else
            general << issue.keyPath + QStringLiteral(": ") + issue.message;
    }
    for (int r = 0; r < m_rows.size(); ++r) {
        const QStringList messages = byRow.value(r);
        m_rows.at(r).issue->setText(messages.join(u'\n'));
        m_rows.at(r).issue->setVisible(!messages.isEmpty());
    }
    m_generalIssue->setText(general.join(u'\n'));
    m_generalIssue->setVisible(!general.isEmpty());
    fitHeight(); // an issue under a field makes its row taller
}

bool KeyFieldsForm::setFieldValue(const QStringList &key, const QString &value)
{
    for (const Row &row : std::as_const(m_rows)) {
        if (row.field.key != key)
            continue;
        if (auto *line = qobject_cast<QLineEdit *>(row.editor)) {
            line->setText(value);
            Q_EMIT line->editingFinished();
        } else if (auto *combo = qobject_cast<QComboBox *>(row.editor)) {
            combo->setCurrentText(value);
            Q_EMIT combo->textActivated(value); // chosen, or typed then Enter
        } else if (auto *check = qobject_cast<QCheckBox *>(row.editor)) {
            if (check->isChecked() != ConfigKeyEdit::isTrue(value))
                check->click();
        }
        return true;
    }
    return false;
}

QString KeyFieldsForm::fieldValue(const QStringList &key) const
{
    for (const Row &row : m_rows)
        if (row.field.key == key)
            return textOf(row.editor);
    return {};
}

QString KeyFieldsForm::issueText(const QStringList &key) const
{
    for (const Row &row : m_rows)
        if (row.field.key == key)
            return row.issue->text();
    return {};
}

} // namespace mort
