#include "ui/preview/previewpanel.h"

#include "object/presettransforms.h"
#include "ui/preview/contactsheetdialog.h"
#include "ui/shared/elidedlabel.h"
#include "client/engineclient.h"
#include "ui/preview/presetroute.h"
#include "ui/preview/previewimageview.h"
#include "ui/preview/previewsizebox.h"
#include "ui/shared/recentlist.h"
#include "ui/preview/savepresetdialog.h"
#include "ui/preview/splitcompareview.h"

#include <algorithm>

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QRegularExpression>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QMenu>
#include <QToolButton>
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
        return PreviewPanel::tr("keep the input's");
    return value;
}

} // namespace

PreviewPanel::PreviewPanel(QWidget *parent)
    : QWidget(parent)
    , m_controller(new PreviewController(this))
    , m_compare(new PreviewController(this))
{
    setAcceptDrops(true);

    // Top row: source, bucket, preset, zoom.
    // Click: a file dialog; the arrow: the images opened before.
    m_openButton = new QToolButton;
    m_openButton->setText(tr("Open image…"));
    m_openButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_openButton->setPopupMode(QToolButton::MenuButtonPopup);
    m_openButton->setMenu(new QMenu(m_openButton));
    m_openButton->setToolTip(tr("Open an image from disk (Ctrl+O); the arrow lists recent ones"));
    // File name, URL, info and error lines are elided (full text in the
    // tooltip): no text may set the window's minimum width (issue 25).
    m_fileLabel = new ElidedLabel(Qt::ElideMiddle);
    m_fileLabel->setFullText(tr("No image: open one or drop it here"));
    m_bucketCombo = new QComboBox;
    m_bucketCombo->setToolTip(tr("Bucket whose presets, limits and watermark storage are used"));
    m_presetCombo = new QComboBox;
    m_presetCombo->setToolTip(tr("A preset of the bucket, or your own query parameters"));
    m_presetCombo->setMinimumContentsLength(16);
    m_zoomCombo = new QComboBox;
    m_zoomCombo->addItem(tr("Fit"), int(Zoom::Fit));
    m_zoomCombo->addItem(tr("100%"), int(Zoom::Actual));
    m_zoomCombo->setToolTip(tr("Zoom of both images"));
    m_compareCombo = new QComboBox;
    m_compareCombo->setToolTip(tr("What the left side shows: the original, or another preset on the same image"));
    m_viewCombo = new QComboBox;
    m_viewCombo->addItem(tr("Side by side"), int(ViewMode::SideBySide));
    m_viewCombo->addItem(tr("Split"), int(ViewMode::Split));
    m_viewCombo->addItem(tr("Toggle"), int(ViewMode::Toggle));
    m_viewCombo->setToolTip(tr("Side by side (zoom and pan together), one frame split by a divider, "
                               "or one frame flipped by a click"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_openButton);
    top->addWidget(m_fileLabel, 1);
    top->addWidget(new QLabel(tr("Bucket:")));
    top->addWidget(m_bucketCombo);
    top->addWidget(new QLabel(tr("Preset:")));
    top->addWidget(m_presetCombo);
    top->addWidget(new QLabel(tr("Left:")));
    top->addWidget(m_compareCombo);
    top->addWidget(new QLabel(tr("View:")));
    top->addWidget(m_viewCombo);
    top->addWidget(new QLabel(tr("Zoom:")));
    top->addWidget(m_zoomCombo);

    // Before / after.
    m_before = new PreviewImageView;
    m_after = new PreviewImageView;
    m_before->setPlaceholder(tr("Open an image to preview presets on it."));
    m_after->setPlaceholder(tr("The result appears here."));
    PreviewImageView::synchronize(m_before, m_after);
    m_beforeTitle = new ElidedLabel;
    m_beforeTitle->setFullText(tr("Before"));
    auto *afterTitle = new QLabel(tr("After (as the server sends it)"));
    auto *images = new QWidget;
    auto *imagesLayout = new QGridLayout(images);
    imagesLayout->setContentsMargins(0, 0, 0, 0);
    imagesLayout->addWidget(m_beforeTitle, 0, 0);
    imagesLayout->addWidget(afterTitle, 0, 1);
    imagesLayout->addWidget(m_before, 1, 0);
    imagesLayout->addWidget(m_after, 1, 1);
    imagesLayout->setRowStretch(1, 1);

    auto *formScroll = new QScrollArea;
    formScroll->setWidget(buildForm());
    formScroll->setWidgetResizable(true);
    formScroll->setMinimumWidth(280);

    m_split = new SplitCompareView;
    m_views = new QStackedWidget;
    m_views->addWidget(images);
    m_views->addWidget(m_split);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(formScroll);
    splitter->addWidget(m_views);
    splitter->setStretchFactor(1, 1);

    // Bottom: info, notes, copy buttons.
    m_infoLabel = new ElidedLabel;
    m_infoLabel->setObjectName(QStringLiteral("previewInfo"));
    m_noteLabel = new QLabel;
    m_noteLabel->setObjectName(QStringLiteral("previewNote"));
    m_noteLabel->setWordWrap(true);
    // Wraps at the width it is given instead of asking for its longest word.
    QSizePolicy notePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    notePolicy.setHeightForWidth(true);
    m_noteLabel->setSizePolicy(notePolicy);
    m_noteLabel->setVisible(false);
    m_urlLabel = new ElidedLabel(Qt::ElideMiddle); // both ends of a URL say the most
    m_urlLabel->setObjectName(QStringLiteral("previewUrl"));
    m_copyUrlButton = new QPushButton(tr("Copy URL"));
    m_copyUrlButton->setObjectName(QStringLiteral("previewCopyUrl"));
    m_copyUrlButton->setToolTip(tr("Copy the server's URL that returns this image"));
    m_copyYamlButton = new QPushButton(tr("Copy YAML"));
    m_copyYamlButton->setToolTip(tr("Copy a presets: entry for the bucket's transform section"));
    m_contactSheetButton = new QPushButton(tr("Contact sheet…"));
    m_contactSheetButton->setObjectName(QStringLiteral("previewContactSheet"));
    m_contactSheetButton->setToolTip(tr("Every preset of the bucket on this image, side by side; exportable as PNG"));
    m_savePresetButton = new QPushButton(tr("Save as preset…"));
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_urlLabel, 1);
    bottom->addWidget(m_copyUrlButton);
    bottom->addWidget(m_copyYamlButton);
    bottom->addWidget(m_contactSheetButton);
    bottom->addWidget(m_savePresetButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_infoLabel);
    layout->addWidget(m_noteLabel);
    layout->addLayout(bottom);

    connect(m_openButton, &QToolButton::clicked, this, &PreviewPanel::openFileDialog);
    refillRecentFiles();
    connect(m_copyUrlButton, &QPushButton::clicked, this, &PreviewPanel::copyUrl);
    connect(m_copyYamlButton, &QPushButton::clicked, this, &PreviewPanel::copyYaml);
    connect(m_savePresetButton, &QPushButton::clicked, this, &PreviewPanel::savePresetDialog);
    connect(m_contactSheetButton, &QPushButton::clicked, this, &PreviewPanel::showContactSheet);
    connect(m_zoomCombo, &QComboBox::currentIndexChanged, this,
            [this] { setZoom(Zoom(m_zoomCombo->currentData().toInt())); });
    connect(m_viewCombo, &QComboBox::currentIndexChanged, this,
            [this] { setViewMode(ViewMode(m_viewCombo->currentData().toInt())); });
    connect(m_compareCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updatingForm)
            setCompareWith(m_compareCombo->currentData().toString());
    });
    connect(m_compare, &PreviewController::rendered, this, [this](const QImage &preview, const PreviewInfo &info) {
        if (m_comparePreset.isEmpty() || info.presetName != m_comparePreset)
            return; // back to the original, or superseded
        showBefore(preview, tr("Preset %1: %2 · %3 × %4 · %5")
                                .arg(info.presetName, info.format)
                                .arg(info.width)
                                .arg(info.height)
                                .arg(QLocale().formattedDataSize(info.bytes)));
    });
    connect(m_compare, &PreviewController::failed, this, [this](const QString &message) {
        if (!m_comparePreset.isEmpty())
            showBefore({}, tr("Preset %1 failed: %2").arg(m_comparePreset, message));
    });
    connect(m_bucketCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updatingForm)
            return;
        m_controller->setBucket(m_bucketCombo->currentText());
        applyOutputLimit();
        refillPresets();
        refillCompare();
        updateSaveButton();
    });
    connect(m_presetCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updatingForm)
            selectPreset(m_presetCombo->currentData().toString());
    });
    connect(m_controller, &PreviewController::sourceDecoded, this,
            [this](const QImage &image, int width, int height, qint64 bytes) {
                m_sourceImage = image;
                m_sourceTitle = tr("Before: %1 × %2, %3").arg(width).arg(height).arg(QLocale().formattedDataSize(bytes));
                if (m_comparePreset.isEmpty())
                    showBefore(m_sourceImage, m_sourceTitle);
            });
    connect(m_controller, &PreviewController::rendered, this, &PreviewPanel::onRendered);
    connect(m_controller, &PreviewController::failed, this, &PreviewPanel::onFailed);
    connect(m_controller, &PreviewController::busyChanged, this, [this](bool busy) {
        if (busy && !m_controller->source().isEmpty())
            m_infoLabel->setFullText(m_infoLabel->fullText().isEmpty() ? tr("Rendering…") : m_infoLabel->fullText());
    });

    buildMenuActions();
    showParameters(m_controller->parameters());
    updateEnabledFields();
    updateSaveButton();
    updateImageActions();
}

void PreviewPanel::buildMenuActions()
{
    // The shortcuts live on the actions (not the buttons): they work while the
    // panel is shown, and the window's menu lists them (issue 25).
    auto add = [this](const QString &text, const QKeySequence &key, auto slot) {
        auto *action = new QAction(text, this);
        action->setShortcut(key);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        m_menuActions << action;
        return action;
    };
    add(tr("&Open image…"), QKeySequence::Open, &PreviewPanel::openFileDialog);
    m_openFromBucketAction = add(tr("Open image from &bucket…"), {}, &PreviewPanel::openFromBucketDialog);
    m_saveAction = add(tr("&Save as preset…"), QKeySequence::Save, &PreviewPanel::savePresetDialog);
    m_copyUrlAction = add(tr("Copy &URL"), {}, &PreviewPanel::copyUrl);
    m_contactSheetAction = add(tr("&Contact sheet…"), {}, &PreviewPanel::showContactSheet);
    m_openFromBucketAction->setEnabled(hasBucketSource());
}

PreviewPanel::~PreviewPanel() = default;

QWidget *PreviewPanel::buildForm()
{
    auto *form = new QWidget;
    auto *layout = new QVBoxLayout(form);

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
    layout->addWidget(opsBox);
    connect(m_operations, &QListWidget::itemChanged, this, &PreviewPanel::formChanged);
    connect(m_operations->model(), &QAbstractItemModel::rowsMoved, this, &PreviewPanel::formChanged);

    auto *paramsBox = new QGroupBox(tr("Parameters"));
    auto *formLayout = new QFormLayout(paramsBox);
    m_paramsLayout = formLayout;
    for (const PreviewParameters::ParamSpec &spec : PreviewParameters::specs()) {
        QWidget *editor = nullptr;
        switch (spec.kind) {
        case Kind::Integer: {
            const bool size = spec.param == Param::Width || spec.param == Param::Height;
            auto *box = size ? new PreviewSizeBox : new QSpinBox;
            if (size) {
                connect(static_cast<PreviewSizeBox *>(box), &PreviewSizeBox::refused, this,
                        [this, label = spec.label](qint64 typed) { sizeRefused(label, typed); });
            }
            box->setRange(int(spec.minimum), int(spec.maximum));
            box->setSingleStep(int(spec.step));
            box->setSuffix(spec.unit);
            if (spec.param == Param::Quality)
                box->setSpecialValueText(tr("default"));
            connect(box, &QSpinBox::valueChanged, this, &PreviewPanel::formChanged);
            editor = box;
            break;
        }
        case Kind::Decimal: {
            auto *box = new QDoubleSpinBox;
            box->setDecimals(spec.decimals);
            box->setRange(spec.minimum, spec.maximum);
            box->setSingleStep(spec.step);
            box->setSuffix(spec.unit);
            connect(box, &QDoubleSpinBox::valueChanged, this, &PreviewPanel::formChanged);
            editor = box;
            break;
        }
        case Kind::Choice: {
            auto *combo = new QComboBox;
            for (const QString &choice : spec.choices)
                combo->addItem(choiceText(spec.param, choice) + (choice.isEmpty() ? QString() : spec.unit), choice);
            connect(combo, &QComboBox::currentIndexChanged, this, &PreviewPanel::formChanged);
            editor = combo;
            break;
        }
        case Kind::Flag: {
            auto *check = new QCheckBox;
            connect(check, &QCheckBox::toggled, this, &PreviewPanel::formChanged);
            editor = check;
            break;
        }
        case Kind::Text: {
            auto *line = new QLineEdit;
            line->setPlaceholderText(tr("key in the bucket, e.g. logo.png"));
            connect(line, &QLineEdit::editingFinished, this, &PreviewPanel::formChanged);
            editor = line;
            break;
        }
        }
        editor->setToolTip(spec.toolTip + QStringLiteral(" (%1)").arg(spec.queryKey));
        auto *label = new QLabel(spec.label);
        label->setToolTip(editor->toolTip());
        formLayout->addRow(label, editor);
        m_fields.insert(int(spec.param), editor);
    }
    layout->addWidget(paramsBox);
    layout->addStretch(1);
    return form;
}

void PreviewPanel::setConfig(ConfigPtr config)
{
    m_controller->setConfig(std::move(config));
    refillBuckets();
    refillPresets();
    refillCompare();
    updateSaveButton();
    applyOutputLimit();
}

int PreviewPanel::maxOutputDimension() const
{
    const ConfigPtr config = m_controller->config();
    if (!config)
        return LimitsConfig().maxOutputDimension;
    const BucketConfig *bucket = config->bucket(m_controller->bucket());
    return bucket ? bucket->effectiveLimits(config->server.limits).maxOutputDimension
                  : config->server.limits.maxOutputDimension;
}

void PreviewPanel::applyOutputLimit()
{
    const int limit = maxOutputDimension();
    for (Param param : {Param::Width, Param::Height})
        static_cast<QSpinBox *>(m_fields.value(int(param)))->setMaximum(limit);
}

void PreviewPanel::sizeRefused(const QString &field, qint64 typed)
{
    showNote(tr("%1 %2 px is more than the server renders: bucket %3 allows at most %4 px per side "
                "(limits.maxOutputDimension). Enter %4 or less, or raise the limit in the config.")
                 .arg(field)
                 .arg(typed)
                 .arg(m_controller->bucket())
                 .arg(maxOutputDimension()));
}

void PreviewPanel::updateImageActions()
{
    const bool image = !m_controller->source().isEmpty();
    const QString why = tr("Open an image first (Ctrl+O)");
    m_copyUrlButton->setEnabled(image);
    m_contactSheetButton->setEnabled(image);
    m_copyUrlAction->setEnabled(image);
    m_contactSheetAction->setEnabled(image);
    m_copyUrlButton->setToolTip(image ? tr("Copy the server's URL that returns this image") : why);
    m_contactSheetButton->setToolTip(
        image ? tr("Every preset of the bucket on this image, side by side; exportable as PNG") : why);
    if (!image)
        m_infoLabel->setFullText(tr("No image open: open one (Ctrl+O), pick one from the bucket or drop it here."));
}

void PreviewPanel::refillCompare()
{
    m_updatingForm = true;
    m_compareCombo->clear();
    m_compareCombo->addItem(tr("Original"), QString());
    for (const QString &name : m_controller->presets())
        m_compareCombo->addItem(tr("Preset %1").arg(name), name);
    m_updatingForm = false;
    // The compared preset may be gone (another bucket, a new config).
    if (!setCompareWith(m_comparePreset))
        setCompareWith(QString());
}

bool PreviewPanel::setCompareWith(const QString &preset)
{
    if (!preset.isEmpty() && !m_controller->presets().contains(preset))
        return false;
    m_comparePreset = preset;
    m_updatingForm = true;
    m_compareCombo->setCurrentIndex(std::max(0, m_compareCombo->findData(preset)));
    m_updatingForm = false;
    if (preset.isEmpty()) {
        showBefore(m_sourceImage, m_sourceTitle); // the compare controller's results are ignored now
        return true;
    }
    m_compare->setConfig(m_controller->config(), m_controller->bucket());
    if (m_compare->source() != m_controller->source())
        m_compare->setSource(m_controller->source(), m_controller->sourceName());
    m_compare->setPreset(preset);
    return true;
}

void PreviewPanel::showBefore(const QImage &image, const QString &title)
{
    if (image.isNull())
        m_before->setPlaceholder(title.isEmpty() ? tr("Open an image to preview presets on it.") : title);
    else
        m_before->setImage(image);
    m_beforeTitle->setFullText(title.isEmpty() ? tr("Before") : title);
    m_split->setImages(image, m_afterImage);
    m_split->setLabels(m_comparePreset.isEmpty() ? tr("Original") : m_comparePreset,
                       m_controller->preset().isEmpty() ? tr("Custom") : m_controller->preset());
}

QString PreviewPanel::beforeTitle() const
{
    return m_beforeTitle->fullText();
}

void PreviewPanel::setViewMode(ViewMode mode)
{
    const int index = m_viewCombo->findData(int(mode));
    if (m_viewCombo->currentIndex() != index)
        m_viewCombo->setCurrentIndex(index); // comes back here through the signal
    m_views->setCurrentIndex(mode == ViewMode::SideBySide ? 0 : 1);
    if (mode != ViewMode::SideBySide)
        m_split->setMode(mode == ViewMode::Split ? SplitCompareView::Mode::Split : SplitCompareView::Mode::Toggle);
}

void PreviewPanel::showContactSheet()
{
    if (m_controller->source().isEmpty()) {
        showNote(tr("Open an image first: the contact sheet applies every preset to it."));
        return;
    }
    auto *dialog = new ContactSheetDialog(this);
    dialog->renderer()->setEngineClient(m_client);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->start(m_controller->config(), m_controller->bucket(), m_controller->source(), m_controller->sourceName());
    dialog->show();
}

void PreviewPanel::showNote(const QString &text)
{
    m_noteLabel->setText(text);
    m_noteLabel->setVisible(!text.isEmpty());
}

void PreviewPanel::refillBuckets()
{
    m_updatingForm = true;
    m_bucketCombo->clear();
    m_bucketCombo->addItems(m_controller->buckets());
    m_bucketCombo->setCurrentText(m_controller->bucket());
    m_bucketCombo->setEnabled(m_bucketCombo->count() > 1);
    m_updatingForm = false;
}

void PreviewPanel::refillPresets()
{
    m_updatingForm = true;
    m_presetCombo->clear();
    m_presetCombo->addItem(tr("Custom (query parameters)"), QString());
    for (const QString &name : m_controller->presets())
        m_presetCombo->addItem(name, name);
    m_presetCombo->setCurrentIndex(std::max(0, m_presetCombo->findData(m_controller->preset())));
    m_updatingForm = false;
}

bool PreviewPanel::selectPreset(const QString &name)
{
    if (!name.isEmpty() && !m_controller->presets().contains(name))
        return false;
    m_updatingForm = true;
    m_presetCombo->setCurrentIndex(std::max(0, m_presetCombo->findData(name)));
    m_updatingForm = false;
    if (name.isEmpty()) {
        m_noteLabel->setVisible(false);
        m_controller->setParameters(formParameters());
    } else {
        const BucketConfig *bucket = m_controller->config()->bucket(m_controller->bucket());
        QStringList lost;
        const PreviewParameters p = PreviewParameters::fromPreset(bucket->transform->presets.value(name), &lost);
        showParameters(p);
        m_controller->setPreset(name);
        m_noteLabel->setText(lost.isEmpty() ? QString()
                                            : tr("This preset also uses %1, which query parameters cannot express: "
                                                 "editing the form renders without them.")
                                                  .arg(lost.join(QStringLiteral(", "))));
        m_noteLabel->setVisible(!lost.isEmpty());
    }
    m_urlLabel->setFullText(m_controller->requestUrl());
    return true;
}

void PreviewPanel::setParameters(const PreviewParameters &parameters)
{
    showParameters(parameters);
    selectPreset(QString());
}

void PreviewPanel::setZoom(Zoom zoom)
{
    const int index = m_zoomCombo->findData(int(zoom));
    if (m_zoomCombo->currentIndex() != index)
        m_zoomCombo->setCurrentIndex(index); // comes back here through the signal
    m_before->setFit(zoom == Zoom::Fit);
    m_after->setFit(zoom == Zoom::Fit);
}

void PreviewPanel::showParameters(const PreviewParameters &p)
{
    m_updatingForm = true;
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
    m_updatingForm = false;
    updateEnabledFields();
}

PreviewParameters PreviewPanel::formParameters() const
{
    PreviewParameters p;
    for (int row = 0; row < m_operations->count(); ++row) {
        const QListWidgetItem *item = m_operations->item(row);
        if (item->checkState() == Qt::Checked)
            p.operations.append(Operation(item->data(kOperationRole).toInt()));
    }
    auto intOf = [this](Param param) { return static_cast<QSpinBox *>(m_fields.value(int(param)))->value(); };
    auto doubleOf = [this](Param param) {
        return static_cast<QDoubleSpinBox *>(m_fields.value(int(param)))->value();
    };
    auto choiceOf = [this](Param param) {
        return static_cast<QComboBox *>(m_fields.value(int(param)))->currentData().toString();
    };
    auto flagOf = [this](Param param) { return static_cast<QCheckBox *>(m_fields.value(int(param)))->isChecked(); };
    p.width = intOf(Param::Width);
    p.height = intOf(Param::Height);
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

void PreviewPanel::formChanged()
{
    if (m_updatingForm)
        return;
    updateEnabledFields();
    // Editing the form leaves the preset: what is shown is now the query.
    selectPreset(QString());
}

void PreviewPanel::updateEnabledFields()
{
    const PreviewParameters p = formParameters();
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        // Only what reaches the server is shown: the form fits without scrolling.
        m_paramsLayout->setRowVisible(it.value(), p.isUsed(Param(it.key())));
    }
}

QString PreviewPanel::infoText() const
{
    return m_infoLabel->fullText();
}

QString PreviewPanel::noteText() const
{
    return m_noteLabel->isHidden() ? QString() : m_noteLabel->text();
}

void PreviewPanel::onRendered(const QImage &preview, const PreviewInfo &info)
{
    m_after->setImage(preview);
    m_afterImage = preview;
    m_split->setImages(m_before->image(), m_afterImage);
    m_split->setLabels(m_comparePreset.isEmpty() ? tr("Original") : m_comparePreset,
                       info.presetName.isEmpty() ? tr("Custom") : info.presetName);
    const QLocale locale;
    m_infoLabel->setFullText(tr("%1 · %2 × %3 · %4 bytes · %5% of the source · %6 ms")
                             .arg(info.format)
                             .arg(info.width)
                             .arg(info.height)
                             .arg(locale.toString(info.bytes))
                             .arg(locale.toString(info.ratio * 100.0, 'f', 1))
                             .arg(locale.toString(info.renderMs, 'f', 0)));
    m_urlLabel->setFullText(m_controller->requestUrl());
}

void PreviewPanel::onFailed(const QString &message)
{
    // Said once, in the info line; the result side only points to it.
    m_afterImage = QImage();
    m_after->setPlaceholder(tr("No result (see below)."));
    m_infoLabel->setFullText(message);
}

void PreviewPanel::copyUrl()
{
    const QString url = m_controller->requestUrl();
    if (url.isEmpty()) {
        showNote(tr("No URL for this preset: the bucket's transform.path does not use "
                    "/bucket/<preset>/<key> or /bucket/<key>/<preset>."));
        return;
    }
    const QString base = serverBaseUrl(m_controller->config());
    const QString copied = base.isEmpty() ? url : base + url;
    QApplication::clipboard()->setText(copied);
    showNote(tr("Copied %1 to the clipboard. The server answers it once %2 is stored in bucket %3.")
                 .arg(copied, m_controller->sourceName(), m_controller->bucket()));
}

void PreviewPanel::copyYaml()
{
    QApplication::clipboard()->setText(m_controller->presetYaml());
}

void PreviewPanel::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void PreviewPanel::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile()) {
        openFile(urls.first().toLocalFile());
        event->acceptProposedAction();
    }
}

} // namespace mort
