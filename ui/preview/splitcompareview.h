#pragma once
// Before/after in one frame: both images fitted into the same rectangle (the
// "after" image's shape, never enlarged), either split by a divider the user
// drags (arrow keys move it too) or shown one at a time, flipped by a click or
// Space. Complements the side-by-side views of the preview.
#include <QImage>
#include <QWidget>

namespace mort {

class SplitCompareView : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Split, Toggle };

    explicit SplitCompareView(QWidget *parent = nullptr);

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

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void splitAt(int x);

    QImage m_left;
    QImage m_right;
    QString m_leftLabel;
    QString m_rightLabel;
    Mode m_mode = Mode::Split;
    double m_split = 0.5;
    bool m_showLeft = false;
};

} // namespace mort
