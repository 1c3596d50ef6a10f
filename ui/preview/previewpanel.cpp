#include "ui/preview/previewpanel.h"

#include "ui/preview/previewform.h"
#include "ui/preview/previewimagecache.h"
#include "ui/preview/splitcompareview.h"
#include "ui/shared/elidedlabel.h"

#include <algorithm>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace mort {

PreviewPanel::PreviewPanel(QWidget *parent)
    : QWidget(parent), m_images(new PreviewImageCache(this)), m_controller(new PreviewController(this)),
      m_compare(new PreviewController(this))
{
    m_controller->setImageCache(m_images);
    m_compare->setImageCache(m_images);
    setAcceptDrops(true);

    m_form = new PreviewForm;
    auto *formScroll = new QScrollArea;
    formScroll->setWidget(m_form);
    formScroll->setWidgetResizable(true);
    formScroll->setMinimumWidth(280);
    m_compareArea = new CompareArea;
    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(formScroll);
    splitter->addWidget(m_compareArea);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buildTopRow());
    layout->addWidget(splitter, 1);
    QLayout *bottom = buildBottomRow(); // also makes the info and note lines
    layout->addWidget(m_infoLabel);
    layout->addWidget(m_noteLabel);
    layout->addLayout(bottom);

    connect(m_form, &PreviewForm::changed, this, [this] {
        // Editing the form leaves the preset: what is shown is now the query.
        if (!m_updatingForm)
            selectPreset(QString());
    });
    connect(m_form, &PreviewForm::sizeRefused, this, &PreviewPanel::sizeRefused);
    connect(m_openButton, &QToolButton::clicked, this, &PreviewPanel::openFileDialog);
    refillRecentFiles();
    connect(m_copyUrlButton, &QPushButton::clicked, this, &PreviewPanel::copyUrl);
    connect(m_copyYamlButton, &QPushButton::clicked, this, &PreviewPanel::copyYaml);
    connect(m_savePresetButton, &QPushButton::clicked, this, &PreviewPanel::savePresetDialog);
    connect(m_contactSheetButton, &QPushButton::clicked, this, &PreviewPanel::showContactSheet);
    connect(m_viewCombo, &QComboBox::currentIndexChanged, this,
            [this] { setViewMode(ViewMode(m_viewCombo->currentData().toInt())); });
    connect(m_compareCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updatingForm)
            setCompareWith(m_compareCombo->currentData().toString());
    });
    connect(m_compare, &PreviewController::rendered, this, [this](const QImage &preview, const PreviewInfo &info) {
        if (m_comparePreset.isEmpty() || info.presetName != m_comparePreset)
            return; // back to the original, or superseded
        showBefore(preview,
                   tr("Preset %1: %2 · %3 × %4 · %5")
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
                m_sourceTitle =
                    tr("Before: %1 × %2, %3").arg(width).arg(height).arg(QLocale().formattedDataSize(bytes));
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
    m_form->showParameters(m_controller->parameters());
    updateSaveButton();
    updateImageActions();
}

QLayout *PreviewPanel::buildTopRow()
{
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
    m_zoomCombo = m_compareArea->zoomCombo(); // Fit, 100% or the factor zoomed to
    m_compareCombo = new QComboBox;
    m_compareCombo->setToolTip(tr("What the left side shows: the original, or another preset on the same image"));
    m_viewCombo = new QComboBox;
    m_viewCombo->addItem(tr("Side by side"), int(ViewMode::SideBySide));
    m_viewCombo->addItem(tr("Split"), int(ViewMode::Split));
    m_viewCombo->addItem(tr("Toggle"), int(ViewMode::Toggle));
    m_viewCombo->setToolTip(tr("Side by side, one frame split by a divider, or one frame flipped by a click; "
                               "every view zooms and pans together"));

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

    return top;
}

QLayout *PreviewPanel::buildBottomRow()
{
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

    return bottom;
}

PreviewPanel::~PreviewPanel() = default;

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
    m_form->setMaximumDimension(maxOutputDimension());
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
    m_compareArea->setBefore(image, title);
    m_compareArea->setLabels(m_comparePreset.isEmpty() ? tr("Original") : m_comparePreset,
                             m_controller->preset().isEmpty() ? tr("Custom") : m_controller->preset());
}

QString PreviewPanel::beforeTitle() const
{
    return m_compareArea->beforeTitle();
}

void PreviewPanel::setViewMode(ViewMode mode)
{
    const int index = m_viewCombo->findData(int(mode));
    if (m_viewCombo->currentIndex() != index)
        m_viewCombo->setCurrentIndex(index); // comes back here through the signal
    m_compareArea->setViewMode(mode);
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
        m_controller->setParameters(m_form->parameters());
    } else {
        const BucketConfig *bucket = m_controller->config()->bucket(m_controller->bucket());
        QStringList lost;
        const PreviewParameters p = PreviewParameters::fromPreset(bucket->transform->presets.value(name), &lost);
        m_form->showParameters(p);
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
    m_form->showParameters(parameters);
    selectPreset(QString());
}

void PreviewPanel::setZoom(Zoom zoom)
{
    m_compareArea->setZoom(zoom); // the combo follows
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
    m_compareArea->setAfter(preview);
    m_compareArea->setLabels(m_comparePreset.isEmpty() ? tr("Original") : m_comparePreset,
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
    m_compareArea->setAfterMissing(tr("No result (see below)."));
    m_infoLabel->setFullText(message);
}

} // namespace mort
