#include "ui/preview/previewimageview.h"

#include "ui/preview/viewtransform.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

namespace mort {

PreviewImageView::PreviewImageView(QWidget *parent) : QWidget(parent)
{
    setBackgroundRole(QPalette::Dark);
    setAutoFillBackground(true);
    setMinimumSize(160, 160);
    setTransform(new ViewTransform(this));
}

void PreviewImageView::setTransform(ViewTransform *transform)
{
    if (m_transform)
        disconnect(m_transform, nullptr, this, nullptr);
    m_transform = transform;
    connect(m_transform, &ViewTransform::changed, this, qOverload<>(&QWidget::update));
    update();
}

void PreviewImageView::setImage(const QImage &image)
{
    m_image = image;
    m_placeholder.clear();
    setCursor(Qt::OpenHandCursor);
    update();
}

void PreviewImageView::setPlaceholder(const QString &text)
{
    m_image = QImage();
    m_placeholder = text;
    unsetCursor();
    update();
}

void PreviewImageView::setFit(bool fit)
{
    if (fit)
        m_transform->setFit();
    else
        m_transform->setZoom(1.0);
}

bool PreviewImageView::isFit() const
{
    return m_transform->isFit();
}

double PreviewImageView::scale() const
{
    return m_transform->scaleFor(m_image.size(), size(), m_fitLimit);
}

double PreviewImageView::fitScale() const
{
    if (m_image.isNull())
        return 1.0;
    return std::min({1.0, double(width()) / m_image.width(), double(height()) / m_image.height()});
}

void PreviewImageView::setFitLimit(double limit)
{
    if (qFuzzyCompare(m_fitLimit, limit))
        return;
    m_fitLimit = limit;
    update();
}

QRectF PreviewImageView::imageRect() const
{
    if (m_image.isNull())
        return {};
    return m_transform->displayRect(m_image.size(), QRectF(rect()), scale());
}

QPointF PreviewImageView::imagePointAt(const QPointF &pos) const
{
    const QRectF shown = imageRect();
    if (shown.isEmpty())
        return {};
    const double s = scale();
    return {(pos.x() - shown.left()) / s, (pos.y() - shown.top()) / s};
}

void PreviewImageView::synchronize(PreviewImageView *a, PreviewImageView *b)
{
    b->setTransform(a->transform());
}

void PreviewImageView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    if (m_image.isNull()) {
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        return;
    }
    const QRectF shown = imageRect();
    // Smooth when shrinking; enlarged pixels stay square, so 200% shows the pixels.
    p.setRenderHint(QPainter::SmoothPixmapTransform, scale() < 1.0);
    p.drawImage(shown, m_shrunk.forTarget(m_image, shown.size()));
}

void PreviewImageView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    Q_EMIT resized();
}

void PreviewImageView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_image.isNull())
        return QWidget::mousePressEvent(event);
    m_dragging = true;
    m_dragFrom = event->position();
    setCursor(Qt::ClosedHandCursor);
}

void PreviewImageView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging)
        return QWidget::mouseMoveEvent(event);
    const QPointF delta = event->position() - m_dragFrom;
    m_dragFrom = event->position();
    m_transform->panBy(delta, imageRect(), QRectF(rect()));
}

void PreviewImageView::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_dragging)
        return QWidget::mouseReleaseEvent(event);
    m_dragging = false;
    setCursor(Qt::OpenHandCursor);
}

void PreviewImageView::wheelEvent(QWheelEvent *event)
{
    if (m_image.isNull())
        return QWidget::wheelEvent(event);
    if (event->modifiers() & Qt::ControlModifier) {
        const int direction = event->angleDelta().y() > 0 ? +1 : -1;
        m_transform->zoomAt(ViewTransform::nextStep(scale(), direction), event->position(), m_image.size(), imageRect(),
                            QRectF(rect()));
    } else {
        // A wheel scrolls (Shift: sideways), as the scroll area it replaced did.
        const QPoint step = event->angleDelta() / 3;
        m_transform->panBy(event->modifiers() & Qt::ShiftModifier ? QPointF(step.y(), 0) : QPointF(step), imageRect(),
                           QRectF(rect()));
    }
    event->accept();
}

} // namespace mort
