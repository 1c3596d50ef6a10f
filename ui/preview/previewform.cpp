#include "ui/preview/previewform.h"

#include "ui/preview/previewsizebox.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSpinBox>
#include <QVBoxLayout>

namespace mort {

namespace {

using Param = PreviewParameters::Param;
using Kind = PreviewParameters::Kind;
using Operation = PreviewParameters::Operation;

constexpr int kOperationRole = Qt::UserRole + 1;

QString choiceText(Param param, const QString &value)
{
    if (param == Param::Format && value.isEmpty())
        return PreviewForm::tr("keep the input's");
    return value;
}

} // namespace

PreviewForm::PreviewForm(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildOperations());
    layout->addWidget(buildParameters());
    layout->addStretch(1);
}

QWidget *PreviewForm::buildOperations()
{
    auto *opsBox = new QGroupBox(tr("Operations (in order; drag to reorder)"));
    auto *opsLayout = new QVBoxLayout(opsBox);
    m_operations = new QListWidget;
    m_operations->setDragDropMode(QAbstractItemView::InternalMove);
    m_operations->setToolTip(tr("None checked: width/height resize the image (the query's implicit resize)"));
    for (Operation op : PreviewParameters::allOperations()) {
        auto *item = new QListWidgetItem(PreviewParameters::operationLabel(op), m_operations);
        item->setData(kOperationRole, int(op));
        item->setToolTip(QStringLiteral("operation=%1").arg(PreviewParameters::operationName(op)));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsDragEnabled);
        item->setFlags(item->flags() & ~Qt::ItemIsDropEnabled);
        item->setCheckState(Qt::Unchecked);
    }
    // Exactly its rows: the form fits 1137 x 720 without scrolling (issue 25).
    m_operations->setFixedHeight(m_operations->sizeHintForRow(0) * m_operations->count()
                                 + 2 * m_operations->frameWidth());
    opsLayout->addWidget(m_operations);
    connect(m_operations, &QListWidget::itemChanged, this, &PreviewForm::edited);
    connect(m_operations->model(), &QAbstractItemModel::rowsMoved, this, &PreviewForm::edited);
    return opsBox;
}

QWidget *PreviewForm::buildParameters()
{
    auto *paramsBox = new QGroupBox(tr("Parameters"));
    m_paramsLayout = new QFormLayout(paramsBox);
    for (const PreviewParameters::ParamSpec &spec : PreviewParameters::specs()) {
        QWidget *editor = editorFor(spec);
        editor->setToolTip(spec.toolTip + QStringLiteral(" (%1)").arg(spec.queryKey));
        auto *label = new QLabel(spec.label);
        label->setToolTip(editor->toolTip());
        m_paramsLayout->addRow(label, editor);
        m_fields.insert(int(spec.param), editor);
    }
    return paramsBox;
}

QWidget *PreviewForm::editorFor(const PreviewParameters::ParamSpec &spec)
{
    switch (spec.kind) {
    case Kind::Integer: {
        const bool size = spec.param == Param::Width || spec.param == Param::Height || spec.param == Param::CropWidth
            || spec.param == Param::CropHeight;
        auto *box = size ? new PreviewSizeBox : new QSpinBox;
        if (size) {
            connect(static_cast<PreviewSizeBox *>(box), &PreviewSizeBox::refused, this,
                    [this, label = spec.label](qint64 typed) { Q_EMIT sizeRefused(label, typed); });
        }
        box->setRange(int(spec.minimum), int(spec.maximum));
        box->setSingleStep(int(spec.step));
        box->setSuffix(spec.unit);
        if (spec.param == Param::Quality)
            box->setSpecialValueText(tr("default"));
        connect(box, &QSpinBox::valueChanged, this, &PreviewForm::edited);
        return box;
    }
    case Kind::Decimal: {
        auto *box = new QDoubleSpinBox;
        box->setDecimals(spec.decimals);
        box->setRange(spec.minimum, spec.maximum);
        box->setSingleStep(spec.step);
        box->setSuffix(spec.unit);
        connect(box, &QDoubleSpinBox::valueChanged, this, &PreviewForm::edited);
        return box;
    }
    case Kind::Choice: {
        auto *combo = new QComboBox;
        for (const QString &choice : spec.choices)
            combo->addItem(choiceText(spec.param, choice) + (choice.isEmpty() ? QString() : spec.unit), choice);
        connect(combo, &QComboBox::currentIndexChanged, this, &PreviewForm::edited);
        return combo;
    }
    case Kind::Flag: {
        auto *check = new QCheckBox;
        connect(check, &QCheckBox::toggled, this, &PreviewForm::edited);
        return check;
    }
    case Kind::Text: {
        auto *line = new QLineEdit;
        line->setPlaceholderText(tr("key in the bucket, e.g. logo.png"));
        connect(line, &QLineEdit::editingFinished, this, &PreviewForm::edited);
        return line;
    }
    }
    Q_UNREACHABLE();
}

void PreviewForm::setMaximumDimension(int pixels)
{
    for (Param param : {Param::Width, Param::Height, Param::CropWidth, Param::CropHeight})
        static_cast<QSpinBox *>(m_fields.value(int(param)))->setMaximum(pixels);
}

void PreviewForm::showParameters(const PreviewParameters &p)
{
    m_updating = true;
    // Checked operations first, in order; the rest after them.
    QList<Operation> order = p.operations;
    for (Operation op : PreviewParameters::allOperations()) {
        if (!order.contains(op))
            order.append(op);
    }
    for (int row = 0; row < order.size(); ++row) {
        QListWidgetItem *item = m_operations->item(row);
        item->setText(PreviewParameters::operationLabel(order.at(row)));
        item->setData(kOperationRole, int(order.at(row)));
        item->setToolTip(QStringLiteral("operation=%1").arg(PreviewParameters::operationName(order.at(row))));
        item->setCheckState(p.hasOperation(order.at(row)) ? Qt::Checked : Qt::Unchecked);
    }
    auto setInt = [this](Param param, int v) { static_cast<QSpinBox *>(m_fields.value(int(param)))->setValue(v); };
    auto setDouble = [this](Param param, double v) {
        static_cast<QDoubleSpinBox *>(m_fields.value(int(param)))->setValue(v);
    };
    auto setChoice = [this](Param param, const QString &v) {
        auto *combo = static_cast<QComboBox *>(m_fields.value(int(param)));
        combo->setCurrentIndex(std::max(0, combo->findData(v)));
    };
    auto setFlag = [this](Param param, bool v) { static_cast<QCheckBox *>(m_fields.value(int(param)))->setChecked(v); };
    setInt(Param::Width, p.width);
    setInt(Param::Height, p.height);
    setInt(Param::CropWidth, p.cropWidth);
    setInt(Param::CropHeight, p.cropHeight);
    setChoice(Param::Gravity, p.gravity);
    setFlag(Param::Embed, p.embed);
    setInt(Param::Top, p.top);
    setInt(Param::Left, p.left);
    setInt(Param::AreaWidth, p.areaWidth);
    setInt(Param::AreaHeight, p.areaHeight);
    setDouble(Param::Sigma, p.sigma);
    setDouble(Param::MinAmpl, p.minAmpl);
    setChoice(Param::Angle, QString::number(p.angle));
    static_cast<QLineEdit *>(m_fields.value(int(Param::WatermarkImage)))->setText(p.watermarkImage);
    setChoice(Param::WatermarkPosition, p.watermarkPosition);
    setDouble(Param::Opacity, p.opacity);
    setInt(Param::Quality, p.quality);
    setChoice(Param::Format, p.format);
    setFlag(Param::Grayscale, p.grayscale);
    m_updating = false;
    updateVisibleRows();
}

PreviewParameters PreviewForm::parameters() const
{
    PreviewParameters p;
    for (int row = 0; row < m_operations->count(); ++row) {
        const QListWidgetItem *item = m_operations->item(row);
        if (item->checkState() == Qt::Checked)
            p.operations.append(Operation(item->data(kOperationRole).toInt()));
    }
    auto intOf = [this](Param param) { return static_cast<QSpinBox *>(m_fields.value(int(param)))->value(); };
    auto doubleOf = [this](Param param) { return static_cast<QDoubleSpinBox *>(m_fields.value(int(param)))->value(); };
    auto choiceOf = [this](Param param) {
        return static_cast<QComboBox *>(m_fields.value(int(param)))->currentData().toString();
    };
    auto flagOf = [this](Param param) { return static_cast<QCheckBox *>(m_fields.value(int(param)))->isChecked(); };
    p.width = intOf(Param::Width);
    p.height = intOf(Param::Height);
    p.cropWidth = intOf(Param::CropWidth);
    p.cropHeight = intOf(Param::CropHeight);
    p.gravity = choiceOf(Param::Gravity);
    p.embed = flagOf(Param::Embed);
    p.top = intOf(Param::Top);
    p.left = intOf(Param::Left);
    p.areaWidth = intOf(Param::AreaWidth);
    p.areaHeight = intOf(Param::AreaHeight);
    p.sigma = doubleOf(Param::Sigma);
    p.minAmpl = doubleOf(Param::MinAmpl);
    p.angle = choiceOf(Param::Angle).toInt();
    p.watermarkImage = static_cast<QLineEdit *>(m_fields.value(int(Param::WatermarkImage)))->text().trimmed();
    p.watermarkPosition = choiceOf(Param::WatermarkPosition);
    p.opacity = doubleOf(Param::Opacity);
    p.quality = intOf(Param::Quality);
    p.format = choiceOf(Param::Format);
    p.grayscale = flagOf(Param::Grayscale);
    return p;
}

void PreviewForm::edited()
{
    if (m_updating)
        return;
    updateVisibleRows();
    Q_EMIT changed();
}

void PreviewForm::updateVisibleRows()
{
    const PreviewParameters p = parameters();
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        // Only what reaches the server is shown: the form fits without scrolling.
        m_paramsLayout->setRowVisible(it.value(), p.isUsed(Param(it.key())));
    }
}

} // namespace mort
