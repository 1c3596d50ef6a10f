#include "ui/preview/viewtransform.h"

#include <algorithm>
#include <cmath>

namespace mort {

namespace {

constexpr double kSteps[] = {0.125, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0};

// One axis of displayRect(): where an image `size` long starts in a view
// `length` long whose middle shows the image's fraction `center`.
double startOn(double viewStart, double length, double size, double center)
{
    if (size <= length)
        return viewStart + (length - size) / 2.0;
    return viewStart + length / 2.0 - center * size;
}

double clampAxis(double center, double size, double length)
{
    if (size <= length)
        return 0.5;
    const double margin = length / (2.0 * size);
    return std::clamp(center, margin, 1.0 - margin);
}

} // namespace

ViewTransform::ViewTransform(QObject *parent) : QObject(parent) {}

void ViewTransform::setFit()
{
    if (m_fit && m_center == QPointF(0.5, 0.5))
        return;
    m_fit = true;
    m_center = QPointF(0.5, 0.5);
    Q_EMIT changed();
}

void ViewTransform::setZoom(double factor)
{
    factor = std::clamp(factor, kMinZoom, kMaxZoom);
    if (!m_fit && m_zoom == factor)
        return;
    m_fit = false;
    m_zoom = factor;
    Q_EMIT changed();
}

double ViewTransform::nextStep(double from, int direction)
{
    if (direction > 0) {
        for (double step : kSteps) {
            if (step > from * (1.0 + 1e-6))
                return step;
        }
        return kMaxZoom;
    }
    for (auto it = std::rbegin(kSteps); it != std::rend(kSteps); ++it) {
        if (*it < from * (1.0 - 1e-6))
            return *it;
    }
    return kMinZoom;
}

void ViewTransform::zoomIn(double shownScale)
{
    setZoom(nextStep(shownScale, +1));
}

void ViewTransform::zoomOut(double shownScale)
{
    setZoom(nextStep(shownScale, -1));
}

void ViewTransform::setCenter(const QPointF &fraction)
{
    const QPointF center(std::clamp(fraction.x(), 0.0, 1.0), std::clamp(fraction.y(), 0.0, 1.0));
    if (center == m_center)
        return;
    m_center = center;
    Q_EMIT changed();
}

void ViewTransform::setSameScale(bool on)
{
    if (m_sameScale == on)
        return;
    m_sameScale = on;
    Q_EMIT changed();
}

double ViewTransform::scaleFor(const QSize &content, const QSize &available, double fitLimit) const
{
    if (content.isEmpty())
        return 1.0;
    if (!m_fit)
        return m_zoom;
    const double fit = std::min(double(std::max(available.width(), 1)) / content.width(),
                                double(std::max(available.height(), 1)) / content.height());
    return std::min({1.0, fitLimit, fit});
}

QPointF ViewTransform::clampedCenter(const QPointF &center, const QSizeF &size, const QSizeF &view) const
{
    return {clampAxis(center.x(), size.width(), view.width()), clampAxis(center.y(), size.height(), view.height())};
}

QPointF ViewTransform::exactTopLeft(const QSizeF &size, const QRectF &view) const
{
    const QPointF center = clampedCenter(m_center, size, view.size());
    return {startOn(view.left(), view.width(), size.width(), center.x()),
            startOn(view.top(), view.height(), size.height(), center.y())};
}

QRectF ViewTransform::displayRect(const QSize &content, const QRectF &view, double scale) const
{
    const QSizeF size = QSizeF(content) * scale;
    const QPointF topLeft = exactTopLeft(size, view);
    // Whole pixels: at 100% and 200% every image pixel lands on device pixels.
    return {QPointF(std::round(topLeft.x()), std::round(topLeft.y())), size};
}

void ViewTransform::panBy(const QPointF &delta, const QRectF &shown, const QRectF &view)
{
    if (shown.isEmpty())
        return;
    // From the centre as this view shows it (limited to its edges), not as
    // rounded to whole pixels: every view moves by exactly the drag.
    const QPointF now = clampedCenter(m_center, shown.size(), view.size());
    const QPointF moved(now.x() - delta.x() / shown.width(), now.y() - delta.y() / shown.height());
    setCenter(clampedCenter(moved, shown.size(), view.size()));
}

void ViewTransform::zoomAt(double factor, const QPointF &anchor, const QSize &content, const QRectF &shown,
                           const QRectF &view)
{
    factor = std::clamp(factor, kMinZoom, kMaxZoom);
    if (shown.isEmpty() || content.isEmpty()) {
        setZoom(factor);
        return;
    }
    // The image point under the mouse stays under it.
    const QPointF from = exactTopLeft(shown.size(), view);
    const QPointF under((anchor.x() - from.x()) / shown.width(), (anchor.y() - from.y()) / shown.height());
    const QSizeF size = QSizeF(content) * factor;
    const QPointF topLeft(anchor.x() - under.x() * size.width(), anchor.y() - under.y() * size.height());
    const QPointF center((view.center().x() - topLeft.x()) / size.width(),
                         (view.center().y() - topLeft.y()) / size.height());
    m_fit = false;
    m_zoom = factor;
    m_center = clampedCenter(center, size, view.size());
    Q_EMIT changed();
}

const QImage &ShrunkImage::forTarget(const QImage &image, const QSizeF &target)
{
    const QSize size = target.toSize();
    if (image.isNull() || size.isEmpty() || (size.width() >= image.width() && size.height() >= image.height()))
        return image;
    if (image.cacheKey() != m_key || size != m_size) {
        m_scaled = image.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        m_key = image.cacheKey();
        m_size = size;
    }
    return m_scaled;
}

} // namespace mort
