#include "ui/preview/splitcompareview.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace mort {

SplitCompareView::SplitCompareView(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(200, 160);
    setMouseTracking(false);
    setBackgroundRole(QPalette::Dark);
    setAutoFillBackground(true);
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

QRect SplitCompareView::frameRect() const
{
    const QImage &shape = m_right.isNull() ? m_left : m_right;
    if (shape.isNull())
        return {};
    QSize size = shape.size();
    const QSize available = rect().adjusted(8, 8, -8, -8).size();
    if (size.width() > available.width() || size.height() > available.height())
        size.scale(available, Qt::KeepAspectRatio);
    return QRect(QPoint((width() - size.width()) / 2, (height() - size.height()) / 2), size);
}

namespace {

// `image` fitted into `frame` keeping its own shape, centred (a preset with
// another aspect ratio is not stretched to the compared one's).
QRect fittedInto(const QImage &image, const QRect &frame)
{
    QSize size = image.size();
    size.scale(frame.size(), Qt::KeepAspectRatio);
    return QRect(frame.center() - QPoint(size.width() / 2, size.height() / 2), size);
}

} // namespace

void SplitCompareView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QRect frame = frameRect();
    if (frame.isEmpty()) {
        p.setPen(palette().color(QPalette::BrightText));
        p.drawText(rect(), Qt::AlignCenter, tr("Open an image to compare."));
        return;
    }
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    const auto drawLabel = [&p, &frame](const QString &text, bool left) {
        if (text.isEmpty())
            return;
        const QFontMetrics metrics = p.fontMetrics();
        QRect box = metrics.boundingRect(text).adjusted(-6, -3, 6, 3);
        box.moveTopLeft(left ? frame.topLeft() + QPoint(6, 6)
                             : QPoint(frame.right() - box.width() - 6, frame.top() + 6));
        p.fillRect(box, QColor(0, 0, 0, 150));
        p.setPen(Qt::white);
        p.drawText(box, Qt::AlignCenter, text);
    };
    if (m_mode == Mode::Toggle) {
        const QImage &shown = m_showLeft ? m_left : m_right;
        if (!shown.isNull())
            p.drawImage(fittedInto(shown, frame), shown);
        drawLabel((m_showLeft ? m_leftLabel : m_rightLabel) + tr(" (click or Space to flip)"), m_showLeft);
        return;
    }
    const int divider = frame.left() + int(m_split * frame.width());
    if (!m_right.isNull())
        p.drawImage(frame, m_right);
    if (!m_left.isNull()) {
        p.save();
        p.setClipRect(QRect(frame.topLeft(), QPoint(divider, frame.bottom())));
        p.fillRect(frame, palette().color(QPalette::Dark)); // the right image does not show around the left one
        p.drawImage(fittedInto(m_left, frame), m_left);
        p.restore();
    }
    p.setPen(QPen(Qt::white, 2));
    p.drawLine(divider, frame.top(), divider, frame.bottom());
    p.setBrush(Qt::white);
    p.drawEllipse(QPoint(divider, frame.center().y()), 7, 7);
    drawLabel(m_leftLabel, true);
    drawLabel(m_rightLabel, false);
}

void SplitCompareView::splitAt(int x)
{
    const QRect frame = frameRect();
    if (frame.width() > 0)
        setSplit(double(x - frame.left()) / double(frame.width()));
}

void SplitCompareView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    if (m_mode == Mode::Toggle)
        toggle();
    else
        splitAt(int(event->position().x()));
}

void SplitCompareView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_mode == Mode::Split && (event->buttons() & Qt::LeftButton))
        splitAt(int(event->position().x()));
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
