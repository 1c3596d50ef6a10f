#pragma once
// One side of the before/after comparison: an image in a scroll area, either
// fitted to the view (never enlarged) or at 100% (one image pixel per device-
// independent pixel). Two views can share their scroll position.
#include <QImage>
#include <QScrollArea>

class QLabel;

namespace mort {

class PreviewImageView : public QScrollArea
{
    Q_OBJECT
public:
    explicit PreviewImageView(QWidget *parent = nullptr);

    void setImage(const QImage &image);
    QImage image() const { return m_image; }
    void setPlaceholder(const QString &text);
    void setFit(bool fit);
    bool isFit() const { return m_fit; }
    // Scale currently shown (1.0 at 100%).
    double scale() const { return m_scale; }

    // Keeps the scroll bars of both views at the same positions.
    static void synchronize(PreviewImageView *a, PreviewImageView *b);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void relayout();

    QLabel *m_label = nullptr;
    QImage m_image;
    bool m_fit = true;
    double m_scale = 1.0;
};

} // namespace mort
