#include "ui/preview/comparearea.h"

#include "ui/preview/previewimageview.h"
#include "ui/preview/splitcompareview.h"
#include "ui/preview/viewtransform.h"
#include "ui/shared/elidedlabel.h"

#include <algorithm>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace mort {

namespace {

// Zoom combo entries: Fit, 100%, and the factor in use when it is another.
constexpr int kFitItem = 0;
constexpr int kActualItem = 1;
constexpr int kFactorItem = 2;

QString percent(double scale)
{
    return QLocale().toString(scale * 100.0, 'f', 0) + QLatin1Char('%');
}

} // namespace

CompareArea::CompareArea(QWidget *parent) : QWidget(parent), m_transform(new ViewTransform(this))
{
    m_before = new PreviewImageView;
    m_after = new PreviewImageView;
    m_before->setTransform(m_transform);
    m_after->setTransform(m_transform);
    m_before->setPlaceholder(tr("Open an image to preview presets on it."));
    m_after->setPlaceholder(tr("The result appears here."));
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

    m_split = new SplitCompareView;
    m_split->setTransform(m_transform);
    m_views = new QStackedWidget;
    m_views->addWidget(images);
    m_views->addWidget(m_split);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_views, 1);
    layout->addWidget(buildZoomBar());

    connect(m_transform, &ViewTransform::changed, this, &CompareArea::transformChanged);
    for (PreviewImageView *view : {m_before, m_after})
        connect(view, &PreviewImageView::resized, this, &CompareArea::updateFitLimits);
    transformChanged();
}

QWidget *CompareArea::buildZoomBar()
{
    // The Fit / 100% combo sits in the panel's top row (zoomCombo()); the
    // steps, the scale shown and "same scale" under the images.
    m_zoomCombo = new QComboBox;
    m_zoomCombo->addItem(tr("Fit"));
    m_zoomCombo->addItem(tr("100%"));
    m_zoomCombo->setToolTip(tr("Zoom of every view (Ctrl+= and Ctrl+- step, Ctrl+wheel zooms at the mouse)"));
    connect(m_zoomCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_updating || index == kFactorItem)
            return;
        setZoom(index == kFitItem ? Zoom::Fit : Zoom::Actual);
    });

    const auto makeAction = [this](const QString &text, const QList<QKeySequence> &keys, void (CompareArea::*slot)()) {
        auto *action = new QAction(text, this);
        // Without duplicates: two equal shortcuts on one action are ambiguous and trigger nothing.
        QList<QKeySequence> unique;
        for (const QKeySequence &key : keys) {
            if (!unique.contains(key))
                unique << key;
        }
        action->setShortcuts(unique);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        m_zoomActions << action;
        return action;
    };
    QAction *in =
        makeAction(tr("Zoom &in"), {QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence(QKeySequence::ZoomIn)},
                   &CompareArea::zoomIn);
    QAction *out =
        makeAction(tr("Zoom &out"), {QKeySequence(Qt::CTRL | Qt::Key_Minus), QKeySequence(QKeySequence::ZoomOut)},
                   &CompareArea::zoomOut);
    auto *outButton = new QToolButton;
    outButton->setDefaultAction(out);
    outButton->setText(QStringLiteral("−"));
    outButton->setToolTip(tr("Zoom out (Ctrl+-)"));
    auto *inButton = new QToolButton;
    inButton->setDefaultAction(in);
    inButton->setText(QStringLiteral("+"));
    inButton->setToolTip(tr("Zoom in (Ctrl+=)"));
    m_scaleLabel = new QLabel;
    m_scaleLabel->setObjectName(QStringLiteral("previewScale"));
    m_scaleLabel->setToolTip(tr("The scale the result is shown at"));
    m_sameScale = new QCheckBox(tr("Same scale"));
    m_sameScale->setToolTip(tr("Side by side: both images at one scale, so a 300 px result looks smaller than a "
                               "400 px one"));
    connect(m_sameScale, &QCheckBox::toggled, this, &CompareArea::setSameScale);
    auto *hint = new QLabel(tr("Drag to pan"));
    hint->setEnabled(false);

    auto *bar = new QWidget;
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 2, 0, 0);
    row->addWidget(outButton);
    row->addWidget(m_scaleLabel);
    row->addWidget(inButton);
    row->addSpacing(12);
    row->addWidget(m_sameScale);
    row->addStretch(1);
    row->addWidget(hint);
    return bar;
}

void CompareArea::setBefore(const QImage &image, const QString &title)
{
    if (image.isNull())
        m_before->setPlaceholder(title.isEmpty() ? tr("Open an image to preview presets on it.") : title);
    else
        m_before->setImage(image);
    m_beforeTitle->setFullText(title.isEmpty() ? tr("Before") : title);
    m_split->setImages(image, m_afterImage);
    updateFitLimits();
}

QString CompareArea::beforeTitle() const
{
    return m_beforeTitle->fullText();
}

void CompareArea::setAfter(const QImage &image)
{
    m_after->setImage(image);
    m_afterImage = image;
    m_split->setImages(m_before->image(), m_afterImage);
    updateFitLimits();
}

void CompareArea::setAfterMissing(const QString &text)
{
    m_afterImage = QImage();
    m_after->setPlaceholder(text);
    updateFitLimits();
}

void CompareArea::setLabels(const QString &left, const QString &right)
{
    m_split->setLabels(left, right);
}

void CompareArea::setZoom(Zoom zoom)
{
    if (zoom == Zoom::Fit)
        m_transform->setFit();
    else
        m_transform->setZoom(1.0);
}

double CompareArea::shownScale() const
{
    if (m_mode != ViewMode::SideBySide)
        return m_split->scale();
    return m_after->image().isNull() ? m_before->scale() : m_after->scale();
}

void CompareArea::zoomIn()
{
    m_transform->zoomIn(shownScale());
}

void CompareArea::zoomOut()
{
    m_transform->zoomOut(shownScale());
}

void CompareArea::setSameScale(bool on)
{
    m_sameScale->setChecked(on);
    m_transform->setSameScale(on);
    updateFitLimits();
}

void CompareArea::setViewMode(ViewMode mode)
{
    m_mode = mode;
    m_views->setCurrentIndex(mode == ViewMode::SideBySide ? 0 : 1);
    if (mode != ViewMode::SideBySide)
        m_split->setMode(mode == ViewMode::Split ? SplitCompareView::Mode::Split : SplitCompareView::Mode::Toggle);
    // One frame has one scale anyway.
    m_sameScale->setEnabled(mode == ViewMode::SideBySide);
    transformChanged();
}

void CompareArea::updateFitLimits()
{
    const bool both = m_transform->sameScale() && !m_before->image().isNull() && !m_after->image().isNull();
    const double limit = both ? std::min(m_before->fitScale(), m_after->fitScale()) : 1.0;
    m_before->setFitLimit(limit);
    m_after->setFitLimit(limit);
    transformChanged();
}

void CompareArea::transformChanged()
{
    m_updating = true;
    const double factor = m_transform->zoom();
    if (m_transform->isFit()) {
        m_zoomCombo->setCurrentIndex(kFitItem);
    } else if (factor == 1.0) {
        m_zoomCombo->setCurrentIndex(kActualItem);
    } else {
        if (m_zoomCombo->count() == kFactorItem)
            m_zoomCombo->addItem(QString());
        m_zoomCombo->setItemText(kFactorItem, percent(factor));
        m_zoomCombo->setCurrentIndex(kFactorItem);
    }
    if (m_zoomCombo->currentIndex() != kFactorItem && m_zoomCombo->count() > kFactorItem)
        m_zoomCombo->removeItem(kFactorItem);
    m_updating = false;
    m_scaleLabel->setText(percent(shownScale()));
}

} // namespace mort
