#pragma once
// How every compare view of the Preview shows its images, shared by all of
// them (side by side, split, toggle; issue 25 finding 8): the zoom (Fit, or a
// factor: 1.0 = one image pixel per device-independent pixel) and the pan
// (which point of the image is at the centre of the view, as a fraction of
// the image, so views of images of different sizes show the same region).
// Side by side, "same scale" makes both panes use one scale at Fit too, so a
// 300 px result looks smaller than a 400 px one.
//
// Geometry is computed here for every view, so the views agree to the pixel:
// an image of `content` pixels shown at `scale` in a view rectangle `view` is
// displayRect(content, view, scale); its top-left is on whole pixels, so 100%
// and 200% stay sharp.
#include <QImage>
#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QSize>

namespace mort {

class ViewTransform : public QObject
{
    Q_OBJECT
public:
    static constexpr double kMinZoom = 0.125;
    static constexpr double kMaxZoom = 8.0;

    explicit ViewTransform(QObject *parent = nullptr);

    bool isFit() const { return m_fit; }
    // The factor when not at Fit.
    double zoom() const { return m_zoom; }
    // Fit: each image (or, same scale, the pair) fills its view, never
    // enlarged; centred.
    void setFit();
    // A fixed scale (clamped to kMinZoom..kMaxZoom); the centre stays.
    void setZoom(double factor);
    // The next step up or down from `shownScale` (what the views show now,
    // which at Fit is the fitted scale): 12.5% 25% 50% 75% 100% 150% 200%
    // 300% 400% 600% 800%.
    void zoomIn(double shownScale);
    void zoomOut(double shownScale);
    static double nextStep(double from, int direction);

    // The image point (fractions of width and height) at the view's centre.
    QPointF center() const { return m_center; }
    void setCenter(const QPointF &fraction);

    bool sameScale() const { return m_sameScale; }
    void setSameScale(bool on);

    // The scale of an image of `content` pixels in a view of `available`
    // pixels: at Fit the largest that shows it whole, at most 1 and at most
    // `fitLimit` (same scale: the pair's); otherwise zoom().
    double scaleFor(const QSize &content, const QSize &available, double fitLimit = 1.0) const;
    // Where that image is drawn in `view` (widget coordinates): centred on
    // center(), kept inside the view's edges when larger than the view,
    // centred when smaller; top-left on whole pixels.
    QRectF displayRect(const QSize &content, const QRectF &view, double scale) const;

    // Drag-to-pan: the image shown at `shown` in `view` follows the mouse by
    // `delta` widget pixels.
    void panBy(const QPointF &delta, const QRectF &shown, const QRectF &view);
    // Ctrl+wheel: zooms to `factor` keeping the image point under `anchor`
    // (widget coordinates) where it is.
    void zoomAt(double factor, const QPointF &anchor, const QSize &content, const QRectF &shown, const QRectF &view);

Q_SIGNALS:
    void changed();

private:
    // center() limited to what keeps an image shown `size` large inside `view`.
    QPointF clampedCenter(const QPointF &center, const QSizeF &size, const QSizeF &view) const;
    // Where an image shown `size` large starts in `view`, before rounding to whole pixels.
    QPointF exactTopLeft(const QSizeF &size, const QRectF &view) const;

    bool m_fit = true;
    double m_zoom = 1.0;
    QPointF m_center{0.5, 0.5};
    bool m_sameScale = false;
};

// A shrunk copy of an image for drawing, made once per displayed size:
// QPainter's smooth transform samples and so aliases on large reductions (a
// 1920 px original shown 500 px wide looked grainy), QImage::scaled averages.
class ShrunkImage
{
public:
    // What to draw for `image` into a `target` that large: the image itself
    // when it is not reduced, else the copy made for that size.
    const QImage &forTarget(const QImage &image, const QSizeF &target);

private:
    qint64 m_key = 0;
    QSize m_size;
    QImage m_scaled;
};

} // namespace mort
