#include "ui/config/presetfieldsform.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

namespace mort {

namespace {

QSpinBox *sizeBox(QWidget *parent, const QString &none)
{
    auto *box = new QSpinBox(parent);
    box->setRange(0, 16384);
    box->setSuffix(QObject::tr(" px"));
    box->setSpecialValueText(none);
    box->setKeyboardTracking(false); // one edit per value, not per keystroke
    return box;
}

QLabel *issueLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

} // namespace

PresetFieldsForm::PresetFieldsForm(QWidget *parent)
    : QWidget(parent), m_layout(new QFormLayout(this)), m_title(new QLabel(this)), m_generalIssue(issueLabel(this))
{
    m_layout->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_layout->addRow(m_title);
    m_layout->addRow(m_generalIssue);

    auto *quality = new QSpinBox(this);
    quality->setRange(0, 100);
    quality->setSpecialValueText(tr("encoder default"));
    quality->setKeyboardTracking(false);
    addRow({QStringLiteral("quality")}, tr("Quality"), quality, tr("1 to 100; lower is smaller and blurrier"));

    auto *format = new QComboBox(this);
    format->addItem(tr("keep the original's"), QString());
    for (const char *name : {"jpeg", "webp", "png", "gif", "avif", "heif"})
        format->addItem(QString::fromLatin1(name), QString::fromLatin1(name));
    addRow({QStringLiteral("format")}, tr("Format"), format, tr("The format the preset answers in"));

    const QString none = tr("not set");
    addRow({QStringLiteral("filters"), QStringLiteral("thumbnail"), QStringLiteral("width")}, tr("Thumbnail width"),
           sizeBox(this, none), tr("Shrinks to fit this width, keeping the aspect ratio"));
    addRow({QStringLiteral("filters"), QStringLiteral("thumbnail"), QStringLiteral("height")}, tr("Thumbnail height"),
           sizeBox(this, none), tr("Shrinks to fit this height, keeping the aspect ratio"));
    addRow({QStringLiteral("filters"), QStringLiteral("crop"), QStringLiteral("width")}, tr("Crop width"),
           sizeBox(this, none), tr("Cuts to exactly this width"));
    addRow({QStringLiteral("filters"), QStringLiteral("crop"), QStringLiteral("height")}, tr("Crop height"),
           sizeBox(this, none), tr("Cuts to exactly this height"));

    auto *sigma = new QDoubleSpinBox(this);
    sigma->setRange(0, 100);
    sigma->setDecimals(2);
    sigma->setSingleStep(0.5);
    sigma->setSpecialValueText(none);
    sigma->setKeyboardTracking(false);
    addRow({QStringLiteral("filters"), QStringLiteral("blur"), QStringLiteral("sigma")}, tr("Blur sigma"), sigma,
           tr("Gaussian blur strength; not set = no blur"));

    auto *hint = new QLabel(tr("Other keys of the preset (strip, interlace, watermark, ...) stay as written; "
                               "edit them in the YAML view."),
                            this);
    hint->setWordWrap(true);
    hint->setEnabled(false);
    m_layout->addRow(hint);
}

QList<QStringList> PresetFieldsForm::fields()
{
    return {{QStringLiteral("quality")},
            {QStringLiteral("format")},
            {QStringLiteral("filters"), QStringLiteral("thumbnail"), QStringLiteral("width")},
            {QStringLiteral("filters"), QStringLiteral("thumbnail"), QStringLiteral("height")},
            {QStringLiteral("filters"), QStringLiteral("crop"), QStringLiteral("width")},
            {QStringLiteral("filters"), QStringLiteral("crop"), QStringLiteral("height")},
            {QStringLiteral("filters"), QStringLiteral("blur"), QStringLiteral("sigma")}};
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
    else if (auto *real = qobject_cast<QDoubleSpinBox *>(editor))
        connect(real, &QDoubleSpinBox::valueChanged, this, emitEdit);
    else if (auto *combo = qobject_cast<QComboBox *>(editor))
        connect(combo, &QComboBox::currentIndexChanged, this, emitEdit);
}

QString PresetFieldsForm::textOf(const Row &row) const
{
    if (auto *spin = qobject_cast<QSpinBox *>(row.editor))
        return spin->value() == 0 ? QString() : QString::number(spin->value());
    if (auto *real = qobject_cast<QDoubleSpinBox *>(row.editor))
        return real->value() == 0 ? QString() : QString::number(real->value());
    if (auto *combo = qobject_cast<QComboBox *>(row.editor))
        return combo->currentData().toString();
    return {};
}

void PresetFieldsForm::showPreset(const QString &bucket, const QString &preset,
                                  const std::function<QString(const QStringList &)> &value)
{
    m_bucket = bucket;
    m_preset = preset;
    m_title->setText(tr("Preset %1 of bucket %2").arg(preset, bucket));
    m_showing = true;
    for (const Row &row : std::as_const(m_rows)) {
        const QString text = value(row.field);
        if (auto *spin = qobject_cast<QSpinBox *>(row.editor)) {
            spin->setValue(text.toInt());
        } else if (auto *real = qobject_cast<QDoubleSpinBox *>(row.editor)) {
            real->setValue(text.toDouble());
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
}

QString PresetFieldsForm::presetPath() const
{
    return QStringLiteral("buckets.%1.transform.presets.%2").arg(m_bucket, m_preset);
}

void PresetFieldsForm::showIssues(const QList<ConfigIssue> &issues)
{
    const QString base = presetPath();
    QStringList general;
    QHash<int, QStringList> byRow;
    for (const ConfigIssue &issue : issues) {
        if (issue.keyPath != base && !issue.keyPath.startsWith(base + u'.'))
            continue;
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
}

bool PresetFieldsForm::setFieldValue(const QStringList &field, const QString &value)
{
    for (const Row &row : std::as_const(m_rows)) {
        if (row.field != field)
            continue;
        if (auto *spin = qobject_cast<QSpinBox *>(row.editor))
            spin->setValue(value.toInt());
        else if (auto *real = qobject_cast<QDoubleSpinBox *>(row.editor))
            real->setValue(value.toDouble());
        else if (auto *combo = qobject_cast<QComboBox *>(row.editor))
            combo->setCurrentIndex(combo->findData(value));
        return true;
    }
    return false;
}

QString PresetFieldsForm::issueText(const QStringList &field) const
{
    for (const Row &row : m_rows) {
        if (row.field == field)
            return row.issue->isVisible() || !row.issue->text().isEmpty() ? row.issue->text() : QString();
    }
    return {};
}

} // namespace mort
