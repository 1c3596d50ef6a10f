#pragma once
// The Preview's before/after area: the two images side by side (their scroll
// positions shared), or one frame split by a divider or flipped by a click
// (SplitCompareView). The panel decides what is shown; this shows it.
#include <QImage>
#include <QWidget>

class QStackedWidget;

namespace mort {

class ElidedLabel;
class PreviewImageView;
class SplitCompareView;

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
    void setViewMode(ViewMode mode);
    SplitCompareView *splitView() const { return m_split; }

private:
    QStackedWidget *m_views = nullptr;
    PreviewImageView *m_before = nullptr;
    PreviewImageView *m_after = nullptr;
    ElidedLabel *m_beforeTitle = nullptr;
    SplitCompareView *m_split = nullptr;
    QImage m_afterImage;
};

} // namespace mort
