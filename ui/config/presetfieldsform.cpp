#include "ui/config/presetfieldsform.h"

#include "imaging/presetoperations.h"
#include "object/presettransforms.h"
#include "ui/config/keyfieldsform.h"
#include "ui/config/presetoperationfields.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace mort {

namespace {

QLabel *issueLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

QLabel *boldLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

const QString kFilters = QStringLiteral("filters");

} // namespace

PresetFieldsForm::PresetFieldsForm(QWidget *parent)
    : QWidget(parent), m_layout(new QFormLayout), m_title(boldLabel(QString(), this)), m_generalIssue(issueLabel(this)),
      m_engineProblem(issueLabel(this)), m_operations(new QListWidget(this)), m_add(new QToolButton(this)),
      m_remove(new QPushButton(tr("Remove operation"), this)), m_noOperation(new QLabel(this)),
      m_operationForm(new KeyFieldsForm(this))
{
    // The page scrolls as a whole: the operation's fields take the height they need.
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *page = new QWidget(scroll);
    auto *column = new QVBoxLayout(page);
    scroll->setWidget(page);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    column->addWidget(m_title);
    column->addWidget(m_generalIssue);
    column->addWidget(m_engineProblem);
    m_layout->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    column->addLayout(m_layout);

    auto *quality = new QSpinBox(this);
    quality->setRange(0, 100);
    quality->setSpecialValueText(tr("encoder default"));
    quality->setKeyboardTracking(false); // one edit per value, not per keystroke
    addRow({QStringLiteral("quality")}, tr("Quality"), quality, tr("1 to 100; lower is smaller and blurrier"));

    auto *format = new QComboBox(this);
    format->addItem(tr("keep the original's"), QString());
    for (const char *name : {"jpeg", "webp", "png", "gif", "avif", "heif"})
        format->addItem(QString::fromLatin1(name), QString::fromLatin1(name));
    addRow({QStringLiteral("format")}, tr("Format"), format, tr("The format the preset answers in"));

    column->addWidget(boldLabel(tr("Operations"), this));
    auto *order = new QLabel(tr("In the order the engine applies them to the image; the order of the keys in the "
                                "YAML does not change it."),
                             this);
    order->setWordWrap(true);
    order->setEnabled(false);
    column->addWidget(order);
    m_operations->setObjectName(QStringLiteral("presetOperations"));
    m_operations->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_operations->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // A long value (a watermark's URL) is cut, never scrolled sideways; its tooltip has it whole.
    m_operations->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_operations->setTextElideMode(Qt::ElideMiddle);
    column->addWidget(m_operations);
    m_noOperation->setWordWrap(true);
    m_noOperation->setText(tr("No operation: the preset re-encodes the original at its size. Add one below."));
    m_noOperation->setEnabled(false);
    column->addWidget(m_noOperation);

    m_add->setObjectName(QStringLiteral("presetAddOperation"));
    m_add->setText(tr("Add operation"));
    m_add->setPopupMode(QToolButton::InstantPopup);
    m_add->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *menu = new QMenu(m_add);
    menu->setToolTipsVisible(true);
    for (const PresetOperationKind &kind : PresetOperationFields::kinds()) {
        QAction *action = menu->addAction(kind.label);
        action->setObjectName(kind.filter);
        action->setToolTip(kind.description);
        connect(action, &QAction::triggered, this, [this, filter = kind.filter] { addOperation(filter); });
    }
    m_add->setMenu(menu);
    m_remove->setObjectName(QStringLiteral("presetRemoveOperation"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    column->addLayout(buttons);

    m_operationForm->setScrollsOwnRows(false);
    column->addWidget(m_operationForm, 1); // the rest of the height: its rows and their issues

    connect(m_operations, &QListWidget::currentRowChanged, this, [this](int row) {
        if (m_showing || row < 0)
            return;
        m_selected = m_operations->item(row)->data(Qt::UserRole).toString();
        showSelectedOperation();
    });
    connect(m_remove, &QPushButton::clicked, this, [this] { removeSelectedOperation(); });
    connect(m_operationForm, &KeyFieldsForm::fieldEdited, this,
            [this](const QStringList &keyPath, const QString &value, bool) {
                // The form's key paths are whole; the panel wants them below the preset.
                const int below = presetPath().count(u'.') + 1;
                Q_EMIT fieldEdited(keyPath.mid(below), value);
            });
}

void PresetFieldsForm::addRow(const QStringList &field, const QString &label, QWidget *editor, const QString &toolTip)
{
    editor->setToolTip(toolTip + QStringLiteral("\n") + field.join(u'.'));
    Row row{field, editor, issueLabel(this)};
    m_layout->addRow(label, editor);
    m_layout->addRow(QString(), row.issue);
    m_rows.append(row);
    const auto emitEdit = [this, field] {
        if (m_showing)
            return;
        for (const Row &r : std::as_const(m_rows)) {
            if (r.field == field)
                Q_EMIT fieldEdited(field, textOf(r));
        }
    };
    if (auto *spin = qobject_cast<QSpinBox *>(editor))
        connect(spin, &QSpinBox::valueChanged, this, emitEdit);
    else if (auto *combo = qobject_cast<QComboBox *>(editor))
        connect(combo, &QComboBox::currentIndexChanged, this, emitEdit);
}

QString PresetFieldsForm::textOf(const Row &row) const
{
    if (auto *spin = qobject_cast<QSpinBox *>(row.editor))
        return spin->value() == 0 ? QString() : QString::number(spin->value());
    if (auto *combo = qobject_cast<QComboBox *>(row.editor))
        return combo->currentData().toString();
    return {};
}

void PresetFieldsForm::showPreset(const QString &bucket, const QString &preset, const PresetConfig *parsed,
                                  const std::function<QString(const QStringList &)> &value)
{
    const bool another = bucket != m_bucket || preset != m_preset;
    if (another) {
        m_selected.clear(); // its first operation
        m_on.clear();
    }
    m_bucket = bucket;
    m_preset = preset;
    m_value = value;
    m_title->setText(tr("Preset %1 of bucket %2").arg(preset, bucket));
    m_showing = true;
    for (const Row &row : std::as_const(m_rows)) {
        const QString text = value(row.field);
        if (auto *spin = qobject_cast<QSpinBox *>(row.editor)) {
            spin->setValue(text.toInt());
        } else if (auto *combo = qobject_cast<QComboBox *>(row.editor)) {
            int index = combo->findData(text);
            if (index < 0) { // a value the list does not have: shown as written
                combo->addItem(text, text);
                index = combo->count() - 1;
            }
            combo->setCurrentIndex(index);
        }
    }
    m_showing = false;

    QString problem;
    if (parsed) {
        if (Expected<Transforms> transforms = presetToTransforms(*parsed); !transforms)
            problem =
                tr("Every request for this preset answers 400 now: %1. Fix it below.").arg(transforms.error().detail);
    }
    m_engineProblem->setText(problem);
    m_engineProblem->setVisible(!problem.isEmpty());

    // What is on: the engine's reading when the preset parses, else the last list shown.
    if (parsed)
        m_on = presetOperations(*parsed);
    showOperations(value);
}

void PresetFieldsForm::showOperations(const std::function<QString(const QStringList &)> &value)
{
    const QStringList &on = m_on;
    if (!on.contains(m_selected))
        m_selected = on.value(0);
    m_showing = true;
    m_operations->clear();
    for (int i = 0; i < on.size(); ++i) {
        const PresetOperationKind kind = PresetOperationFields::kind(on.at(i));
        const QString summary = PresetOperationFields::summary(kind, [&](const QStringList &key) {
            return value(QStringList{kFilters, kind.filter} + key);
        });
        const QString text = summary.isEmpty() ? tr("%1. %2").arg(i + 1).arg(kind.label)
                                               : tr("%1. %2: %3").arg(i + 1).arg(kind.label, summary);
        auto *item = new QListWidgetItem(text, m_operations);
        item->setData(Qt::UserRole, kind.filter);
        item->setToolTip(text + QStringLiteral("\n") + kind.description);
        if (kind.filter == m_selected)
            m_operations->setCurrentItem(item);
    }
    m_showing = false;
    m_operations->setVisible(!on.isEmpty());
    m_noOperation->setVisible(on.isEmpty());
    m_remove->setEnabled(!m_selected.isEmpty());
    updateAddMenu();
    showSelectedOperation();
}

void PresetFieldsForm::updateAddMenu()
{
    // Each filter once: it is a key of the map. The actions stay (one may be
    // the one triggering this re-show).
    for (QAction *action : m_add->menu()->actions())
        action->setEnabled(!m_on.contains(action->objectName()));
}

void PresetFieldsForm::showSelectedOperation()
{
    const PresetOperationKind kind = PresetOperationFields::kind(m_selected);
    if (kind.filter.isEmpty()) {
        m_operationForm->hide();
        return;
    }
    const QStringList base{kFilters, kind.filter};
    const int position = shownOperations().indexOf(kind.filter) + 1;
    QString note = kind.description;
    if (kind.isSwitch)
        note += u' ' + tr("It has no fields: remove it to turn it off.");
    const auto value = [this, base](const QStringList &key) { return m_value ? m_value(base + key) : QString(); };
    m_operationForm->showFields(tr("%1. %2").arg(position).arg(kind.label), presetPath() + u'.' + base.join(u'.'),
                                kind.fields, note, value,
                                [value](const QStringList &key) { return !value(key).isEmpty(); });
    m_operationForm->showIssues(m_issues);
    m_operationForm->show();
}

QStringList PresetFieldsForm::shownOperations() const
{
    QStringList shown;
    for (int i = 0; i < m_operations->count(); ++i)
        shown << m_operations->item(i)->data(Qt::UserRole).toString();
    return shown;
}

QString PresetFieldsForm::selectedOperation() const
{
    return m_selected;
}

bool PresetFieldsForm::selectOperation(const QString &filter)
{
    const int row = shownOperations().indexOf(filter);
    if (row < 0)
        return false;
    m_operations->setCurrentRow(row);
    return m_selected == filter;
}

QString PresetFieldsForm::engineProblem() const
{
    return m_engineProblem->text();
}

bool PresetFieldsForm::addOperation(const QString &filter)
{
    const PresetOperationKind kind = PresetOperationFields::kind(filter);
    if (kind.filter.isEmpty() || shownOperations().contains(filter))
        return false;
    m_selected = filter; // shown selected once the text has it
    Q_EMIT fieldsEdited(kind.added);
    return true;
}

bool PresetFieldsForm::removeSelectedOperation()
{
    if (m_selected.isEmpty())
        return false;
    // The whole filter goes: `grayscale: false` and no key read the same.
    Q_EMIT fieldEdited({kFilters, m_selected}, QString());
    return true;
}

QString PresetFieldsForm::presetPath() const
{
    return QStringLiteral("buckets.%1.transform.presets.%2").arg(m_bucket, m_preset);
}

void PresetFieldsForm::showIssues(const QList<ConfigIssue> &issues)
{
    m_issues = issues;
    const QString base = presetPath();
    const QString filters = base + u'.' + kFilters + u'.';
    QStringList general;
    QHash<int, QStringList> byRow;
    QSet<QString> filtersWithIssues;
    for (const ConfigIssue &issue : issues) {
        if (issue.keyPath != base && !issue.keyPath.startsWith(base + u'.'))
            continue;
        if (issue.keyPath.startsWith(filters)) {
            const QString filter = issue.keyPath.mid(filters.size()).section(u'.', 0, 0);
            if (shownOperations().contains(filter)) { // the operation's form shows it
                filtersWithIssues.insert(filter);
                continue;
            }
        }
        const QString relative = issue.keyPath.mid(base.size() + 1);
        bool placed = false;
        for (int r = 0; r < m_rows.size() && !placed; ++r) {
            if (relative == m_rows.at(r).field.join(u'.')) {
                byRow[r] << issue.message;
                placed = true;
            }
        }
        if (!placed)
            general << issue.keyPath + QStringLiteral(": ") + issue.message;
    }
    for (int r = 0; r < m_rows.size(); ++r) {
        const QStringList messages = byRow.value(r);
        m_rows.at(r).issue->setText(messages.join(u'\n'));
        m_rows.at(r).issue->setVisible(!messages.isEmpty());
    }
    m_generalIssue->setText(general.join(u'\n'));
    m_generalIssue->setVisible(!general.isEmpty());
    // An operation with an issue is marked in the list, whichever is selected.
    for (int i = 0; i < m_operations->count(); ++i) {
        QListWidgetItem *item = m_operations->item(i);
        const bool bad = filtersWithIssues.contains(item->data(Qt::UserRole).toString());
        item->setForeground(bad ? QColor(0xb0, 0x00, 0x20) : m_operations->palette().color(QPalette::Text));
    }
    m_operationForm->showIssues(issues);
}

bool PresetFieldsForm::setFieldValue(const QStringList &field, const QString &value)
{
    if (field.size() >= 3 && field.first() == kFilters) {
        if (!selectOperation(field.at(1)))
            return false;
        return m_operationForm->setFieldValue(field.mid(2), value);
    }
    for (const Row &row : std::as_const(m_rows)) {
        if (row.field != field)
            continue;
        if (auto *spin = qobject_cast<QSpinBox *>(row.editor))
            spin->setValue(value.toInt());
        else if (auto *combo = qobject_cast<QComboBox *>(row.editor))
            combo->setCurrentIndex(combo->findData(value));
        return true;
    }
    return false;
}

QString PresetFieldsForm::issueText(const QStringList &field) const
{
    if (field.size() >= 3 && field.first() == kFilters)
        return field.at(1) == m_selected ? m_operationForm->issueText(field.mid(2)) : QString();
    for (const Row &row : m_rows) {
        if (row.field == field)
            return row.issue->text();
    }
    return {};
}

} // namespace mort
