#include "ui/preview/previewimageview.h"

#include <QLabel>
#include <QPixmap>
#include <QScrollBar>

namespace mort {

PreviewImageView::PreviewImageView(QWidget *parent)
    : QScrollArea(parent)
    , m_label(new QLabel)
{
    m_label->setAlignment(Qt::AlignCenter);
    m_label->setBackgroundRole(QPalette::Dark);
    m_label->setAutoFillBackground(true);
    setBackgroundRole(QPalette::Dark);
    setAlignment(Qt::AlignCenter);
    setWidget(m_label);
    setWidgetResizable(false);
    setMinimumSize(160, 160);
}

void PreviewImageView::setImage(const QImage &image)
{
    m_image = image;
    relayout();
}

void PreviewImageView::setPlaceholder(const QString &text)
{
    m_image = QImage();
    m_label->setPixmap(QPixmap());
    m_label->setText(text);
    m_label->setWordWrap(true);
    m_label->resize(viewport()->size());
}

void PreviewImageView::setFit(bool fit)
{
    m_fit = fit;
    relayout();
}

void PreviewImageView::resizeEvent(QResizeEvent *event)
{
    QScrollArea::resizeEvent(event);
    relayout();
}

void PreviewImageView::relayout()
{
    if (m_image.isNull()) {
        m_label->resize(viewport()->size());
        return;
    }
    const QSize available = viewport()->size();
    QPixmap pixmap = QPixmap::fromImage(m_image);
    m_scale = 1.0;
    if (m_fit && (m_image.width() > available.width() || m_image.height() > available.height())) {
        pixmap = pixmap.scaled(available, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        m_scale = double(pixmap.width()) / double(m_image.width());
    }
    // 100% means image pixels = device-independent pixels on any screen.
    pixmap.setDevicePixelRatio(1.0);
    m_label->setText(QString());
    m_label->setPixmap(pixmap);
    m_label->resize(pixmap.size().expandedTo(available));
    setHorizontalScrollBarPolicy(m_fit ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(m_fit ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
}

void PreviewImageView::synchronize(PreviewImageView *a, PreviewImageView *b)
{
    for (auto [from, to] : {std::pair{a, b}, std::pair{b, a}}) {
        QObject::connect(from->horizontalScrollBar(), &QScrollBar::valueChanged, to->horizontalScrollBar(),
                         &QScrollBar::setValue);
        QObject::connect(from->verticalScrollBar(), &QScrollBar::valueChanged, to->verticalScrollBar(),
                         &QScrollBar::setValue);
    }
}

} // namespace mort
