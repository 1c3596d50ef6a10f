#pragma once
// One side of the before/after comparison: an image drawn at the scale and
// pan of the ViewTransform it shares with the other views (fitted, never
// enlarged, or at a zoom factor: 1.0 = one image pixel per device-
// independent pixel). Drag to pan, Ctrl+wheel to zoom at the mouse.
#include "ui/preview/viewtransform.h"

#include <QImage>
#include <QWidget>

namespace mort {

class PreviewImageView : public QWidget
{
    Q_OBJECT
public:
    // Without `transform` the view has its own.
    explicit PreviewImageView(QWidget *parent = nullptr);

    void setTransform(ViewTransform *transform);
    ViewTransform *transform() const { return m_transform; }
    void setImage(const QImage &image);
    QImage image() const { return m_image; }
    void setPlaceholder(const QString &text);
    QString placeholder() const { return m_placeholder; }
    // Fit or 100% (the shared transform's; kept for callers of the two-step zoom).
    void setFit(bool fit);
    bool isFit() const;
    // Scale currently shown (1.0 at 100%).
    double scale() const;
    // At Fit, the largest scale that shows this image whole in this view (at most 1).
    double fitScale() const;
    // Same scale side by side: the scale at Fit is at most `limit`.
    void setFitLimit(double limit);
    // Where the image is drawn, in widget coordinates (empty without one).
    QRectF imageRect() const;
    // The image pixel under `pos` (widget coordinates).
    QPointF imagePointAt(const QPointF &pos) const;

    // Side by side: both views follow one transform (zoom and pan together).
    static void synchronize(PreviewImageView *a, PreviewImageView *b);

Q_SIGNALS:
    void resized();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    ViewTransform *m_transform = nullptr; // shared; outlives the view (its owner or the view itself)
    QImage m_image;
    ShrunkImage m_shrunk;
    QString m_placeholder;
    double m_fitLimit = 1.0;
    QPointF m_dragFrom;
    bool m_dragging = false;
};

} // namespace mort
