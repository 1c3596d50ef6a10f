#include "ui/preview/splitcompareview.h"

#include "ui/preview/viewtransform.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace mort {

namespace {

constexpr int kMargin = 8;
constexpr double kDividerGrip = 10; // px either side of the divider that drag it

// `image` scaled into `frame` keeping its own shape, centred (a preset with
// another aspect ratio is not stretched to the compared one's; one with the
// same shape fills `frame` exactly).
QRectF fittedInto(const QImage &image, const QRectF &frame)
{
    if (image.isNull() || frame.isEmpty())
        return {};
    const double scale = std::min(frame.width() / image.width(), frame.height() / image.height());
    const QSizeF size(image.width() * scale, image.height() * scale);
    return {frame.left() + (frame.width() - size.width()) / 2.0, frame.top() + (frame.height() - size.height()) / 2.0,
            size.width(), size.height()};
}

} // namespace

SplitCompareView::SplitCompareView(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(200, 160);
    setMouseTracking(false);
    setBackgroundRole(QPalette::Dark);
    setAutoFillBackground(true);
    setTransform(new ViewTransform(this));
}

void SplitCompareView::setTransform(ViewTransform *transform)
{
    if (m_transform)
        disconnect(m_transform, nullptr, this, nullptr);
    m_transform = transform;
    connect(m_transform, &ViewTransform::changed, this, qOverload<>(&QWidget::update));
    update();
}

void SplitCompareView::setImages(const QImage &left, const QImage &right)
{
    m_left = left;
    m_right = right;
    update();
}

void SplitCompareView::setLabels(const QString &left, const QString &right)
{
    m_leftLabel = left;
    m_rightLabel = right;
    update();
}

void SplitCompareView::setMode(Mode mode)
{
    m_mode = mode;
    setCursor(mode == Mode::Split ? Qt::SplitHCursor : Qt::PointingHandCursor);
    update();
}

void SplitCompareView::setSplit(double fraction)
{
    m_split = std::clamp(fraction, 0.0, 1.0);
    update();
}

void SplitCompareView::toggle()
{
    m_showLeft = !m_showLeft;
    update();
}

QRectF SplitCompareView::viewRect() const
{
    return QRectF(rect().adjusted(kMargin, kMargin, -kMargin, -kMargin));
}

const QImage &SplitCompareView::shape() const
{
    return m_right.isNull() ? m_left : m_right;
}

double SplitCompareView::scale() const
{
    return m_transform->scaleFor(shape().size(), viewRect().size().toSize());
}

QRectF SplitCompareView::frameRectF() const
{
    if (shape().isNull())
        return {};
    return m_transform->displayRect(shape().size(), viewRect(), scale());
}

QRect SplitCompareView::frameRect() const
{
    const QRectF frame = frameRectF();
    return QRect(qRound(frame.x()), qRound(frame.y()), qRound(frame.width()), qRound(frame.height()));
}

QRectF SplitCompareView::leftRect() const
{
    return fittedInto(m_left, frameRectF());
}

QPointF SplitCompareView::imagePointAt(const QPointF &pos) const
{
    const QRectF frame = frameRectF();
    if (frame.isEmpty())
        return {};
    return {(pos.x() - frame.left()) / scale(), (pos.y() - frame.top()) / scale()};
}

void SplitCompareView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QRectF frame = frameRectF();
    if (frame.isEmpty()) {
        p.setPen(palette().color(QPalette::BrightText));
        p.drawText(rect(), Qt::AlignCenter, tr("Open an image to compare."));
        return;
    }
    const QRectF visible = frame.intersected(QRectF(rect()));
    const auto drawLabel = [&p, &visible](const QString &text, bool left) {
        if (text.isEmpty())
            return;
        const QFontMetrics metrics = p.fontMetrics();
        QRectF box = QRectF(metrics.boundingRect(text)).adjusted(-6, -3, 6, 3);
        box.moveTopLeft(left ? visible.topLeft() + QPointF(6, 6)
                             : QPointF(visible.right() - box.width() - 6, visible.top() + 6));
        p.fillRect(box, QColor(0, 0, 0, 150));
        p.setPen(Qt::white);
        p.drawText(box, Qt::AlignCenter, text);
    };
    // Smooth when shrinking; enlarged pixels stay square, so 200% shows the pixels.
    const auto draw = [this, &p](const QRectF &target, const QImage &image) {
        p.setRenderHint(QPainter::SmoothPixmapTransform, target.width() < image.width());
        ShrunkImage &shrunk = &image == &m_left ? m_shrunkLeft : m_shrunkRight;
        p.drawImage(target, shrunk.forTarget(image, target.size()));
    };
    if (m_mode == Mode::Toggle) {
        const QImage &shown = m_showLeft ? m_left : m_right;
        if (!shown.isNull())
            draw(m_showLeft ? leftRect() : frame, shown);
        drawLabel((m_showLeft ? m_leftLabel : m_rightLabel) + tr(" (click or Space to flip)"), m_showLeft);
        return;
    }
    const double divider = frame.left() + m_split * frame.width();
    if (!m_right.isNull())
        draw(frame, m_right);
    if (!m_left.isNull()) {
        p.save();
        p.setClipRect(QRectF(frame.topLeft(), QPointF(divider, frame.bottom())));
        p.fillRect(frame, palette().color(QPalette::Dark)); // the right image does not show around the left one
        draw(leftRect(), m_left);
        p.restore();
    }
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(Qt::white, 2));
    p.drawLine(QPointF(divider, visible.top()), QPointF(divider, visible.bottom()));
    p.setBrush(Qt::white);
    p.drawEllipse(QPointF(divider, visible.center().y()), 7, 7);
    drawLabel(m_leftLabel, true);
    drawLabel(m_rightLabel, false);
}

void SplitCompareView::splitAt(double x)
{
    const QRectF frame = frameRectF();
    if (frame.width() > 0)
        setSplit((x - frame.left()) / frame.width());
}

void SplitCompareView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_pressAt = m_dragFrom = event->position();
    const QRectF frame = frameRectF();
    const QRectF view = viewRect();
    const bool pannable = frame.width() > view.width() || frame.height() > view.height();
    const double divider = frame.left() + m_split * frame.width();
    if (m_mode == Mode::Split && (!pannable || std::abs(event->position().x() - divider) <= kDividerGrip)) {
        m_drag = Drag::Divider;
        splitAt(event->position().x());
    } else {
        m_drag = Drag::Click; // a click, or a pan once the mouse moves
    }
}

void SplitCompareView::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton))
        return;
    if (m_drag == Drag::Divider) {
        splitAt(event->position().x());
        return;
    }
    if (m_drag == Drag::Click && (event->position() - m_pressAt).manhattanLength() >= QApplication::startDragDistance())
        m_drag = Drag::Pan;
    if (m_drag == Drag::Pan) {
        m_transform->panBy(event->position() - m_dragFrom, frameRectF(), viewRect());
        m_dragFrom = event->position();
    }
}

void SplitCompareView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    if (m_drag == Drag::Click) {
        // A click: Toggle flips; Split moves the divider there.
        if (m_mode == Mode::Toggle)
            toggle();
        else
            splitAt(event->position().x());
    }
    m_drag = Drag::None;
}

void SplitCompareView::wheelEvent(QWheelEvent *event)
{
    if (shape().isNull())
        return QWidget::wheelEvent(event);
    if (event->modifiers() & Qt::ControlModifier) {
        const int direction = event->angleDelta().y() > 0 ? +1 : -1;
        m_transform->zoomAt(ViewTransform::nextStep(scale(), direction), event->position(), shape().size(),
                            frameRectF(), viewRect());
    } else {
        const QPoint step = event->angleDelta() / 3;
        m_transform->panBy(event->modifiers() & Qt::ShiftModifier ? QPointF(step.y(), 0) : QPointF(step), frameRectF(),
                           viewRect());
    }
    event->accept();
}

void SplitCompareView::keyPressEvent(QKeyEvent *event)
{
    if (m_mode == Mode::Toggle && event->key() == Qt::Key_Space)
        toggle();
    else if (m_mode == Mode::Split && event->key() == Qt::Key_Left)
        setSplit(m_split - 0.05);
    else if (m_mode == Mode::Split && event->key() == Qt::Key_Right)
        setSplit(m_split + 0.05);
    else
        QWidget::keyPressEvent(event);
}

} // namespace mort
