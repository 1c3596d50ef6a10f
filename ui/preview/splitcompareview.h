#pragma once
// Before/after in one frame, either split by a divider the user drags (arrow
// keys move it too) or shown one at a time, flipped by a click or Space.
// Complements the side-by-side views of the preview.
//
// Both images are mapped into one displayed geometry: the "after" image's,
// at the scale and pan of the shared ViewTransform (Fit: never enlarged), and
// the "before" image scaled into that same rectangle keeping its shape, so
// the halves line up on a common origin even when the original is 1920 px
// and the result 300 px (issue 25 finding 8). Drag pans when the image is
// larger than the view (near the divider, or when it fits, a drag moves the
// divider); Ctrl+wheel zooms at the mouse.
#include "ui/preview/viewtransform.h"

#include <QImage>
#include <QWidget>

namespace mort {

class SplitCompareView : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Split, Toggle };

    explicit SplitCompareView(QWidget *parent = nullptr);

    // Without one the view has its own transform.
    void setTransform(ViewTransform *transform);
    ViewTransform *transform() const { return m_transform; }
    void setImages(const QImage &left, const QImage &right);
    void setLabels(const QString &left, const QString &right);
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    // Split: the fraction of the frame, from the left, that shows the left image.
    void setSplit(double fraction);
    double split() const { return m_split; }
    // Toggle: whether the left image is the one shown.
    bool showsLeft() const { return m_showLeft; }
    void toggle();
    // Where the images are drawn, in widget coordinates (empty without images).
    QRect frameRect() const;
    QRectF frameRectF() const;
    // Where the left image is drawn: inside frameRectF(), its own shape.
    QRectF leftRect() const;
    // The scale of the "after" image as shown (1.0 = 100%).
    double scale() const;
    // The "after" image's pixel under `pos` (widget coordinates).
    QPointF imagePointAt(const QPointF &pos) const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    enum class Drag { None, Divider, Pan, Click };
    // The rectangle images may use: the widget less a margin.
    QRectF viewRect() const;
    const QImage &shape() const;
    void splitAt(double x);

    ViewTransform *m_transform = nullptr; // shared; outlives the view (its owner or the view itself)
    QImage m_left;
    QImage m_right;
    ShrunkImage m_shrunkLeft;
    ShrunkImage m_shrunkRight;
    QString m_leftLabel;
    QString m_rightLabel;
    Mode m_mode = Mode::Split;
    double m_split = 0.5;
    bool m_showLeft = false;
    Drag m_drag = Drag::None;
    QPointF m_pressAt;
    QPointF m_dragFrom;
};

} // namespace mort
