#pragma once
// The Preview's before/after area: the two images side by side, or one frame
// split by a divider or flipped by a click (SplitCompareView). Every view
// follows one ViewTransform: zoom (Fit, 100%, in and out by steps: the
// buttons, Ctrl+= / Ctrl+- and Ctrl+wheel) and pan (drag) act on all of
// them, and side by side can show both images at the same scale. The panel
// decides what is shown; this shows it.
#include <QImage>
#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QStackedWidget;

namespace mort {

class ElidedLabel;
class PreviewImageView;
class SplitCompareView;
class ViewTransform;

class CompareArea : public QWidget
{
    Q_OBJECT
public:
    enum class Zoom { Fit, Actual };
    enum class ViewMode { SideBySide, Split, Toggle };

    explicit CompareArea(QWidget *parent = nullptr);

    // The left side: an image, or (null image) `title` as the placeholder.
    void setBefore(const QImage &image, const QString &title);
    QString beforeTitle() const;
    void setAfter(const QImage &image);
    // No result: the after side says `text` instead.
    void setAfterMissing(const QString &text);
    // The names written on the split view's halves.
    void setLabels(const QString &left, const QString &right);
    void setZoom(Zoom zoom);
    void zoomIn();
    void zoomOut();
    // Side by side: both images at one scale (at Fit, the one that fits both).
    void setSameScale(bool on);
    void setViewMode(ViewMode mode);
    ViewMode viewMode() const { return m_mode; }
    // The scale the visible view shows the result at (1.0 = 100%).
    double shownScale() const;

    ViewTransform *transform() const { return m_transform; }
    SplitCompareView *splitView() const { return m_split; }
    PreviewImageView *beforeView() const { return m_before; }
    PreviewImageView *afterView() const { return m_after; }
    // Fit, 100% and the current factor; the panel shows it in its top row.
    QComboBox *zoomCombo() const { return m_zoomCombo; }
    // Zoom in, Zoom out (with their shortcuts), for the window's menu.
    QList<QAction *> zoomActions() const { return m_zoomActions; }

private:
    QWidget *buildZoomBar();
    void transformChanged();
    // Same scale: both views' Fit limited to the smaller of their fitted scales.
    void updateFitLimits();

    ViewTransform *m_transform = nullptr;
    QStackedWidget *m_views = nullptr;
    PreviewImageView *m_before = nullptr;
    PreviewImageView *m_after = nullptr;
    ElidedLabel *m_beforeTitle = nullptr;
    SplitCompareView *m_split = nullptr;
    QComboBox *m_zoomCombo = nullptr;
    QLabel *m_scaleLabel = nullptr;
    QCheckBox *m_sameScale = nullptr;
    QList<QAction *> m_zoomActions;
    QImage m_afterImage;
    ViewMode m_mode = ViewMode::SideBySide;
    bool m_updating = false;
};

} // namespace mort
