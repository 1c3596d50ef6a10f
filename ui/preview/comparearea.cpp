#include "ui/preview/comparearea.h"

#include "ui/preview/previewimageview.h"
#include "ui/preview/splitcompareview.h"
#include "ui/shared/elidedlabel.h"

#include <QGridLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace mort {

CompareArea::CompareArea(QWidget *parent) : QWidget(parent)
{
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

    m_split = new SplitCompareView;
    m_views = new QStackedWidget;
    m_views->addWidget(images);
    m_views->addWidget(m_split);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_views);
}

void CompareArea::setBefore(const QImage &image, const QString &title)
{
    if (image.isNull())
        m_before->setPlaceholder(title.isEmpty() ? tr("Open an image to preview presets on it.") : title);
    else
        m_before->setImage(image);
    m_beforeTitle->setFullText(title.isEmpty() ? tr("Before") : title);
    m_split->setImages(image, m_afterImage);
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
}

void CompareArea::setAfterMissing(const QString &text)
{
    m_afterImage = QImage();
    m_after->setPlaceholder(text);
}

void CompareArea::setLabels(const QString &left, const QString &right)
{
    m_split->setLabels(left, right);
}

void CompareArea::setZoom(Zoom zoom)
{
    m_before->setFit(zoom == Zoom::Fit);
    m_after->setFit(zoom == Zoom::Fit);
}

void CompareArea::setViewMode(ViewMode mode)
{
    m_views->setCurrentIndex(mode == ViewMode::SideBySide ? 0 : 1);
    if (mode != ViewMode::SideBySide)
        m_split->setMode(mode == ViewMode::Split ? SplitCompareView::Mode::Split : SplitCompareView::Mode::Toggle);
}

} // namespace mort
