#pragma once
// A one-line label for text of any length (request URLs, error lines): shows
// what fits, elided, with the whole text as its tooltip. Its size hints come
// from a few characters, never from the text, so no URL or message can set a
// window's minimum width (issue 25: a long URL widened the Preview window past
// the screen).
#include <QLabel>

namespace mort {

class ElidedLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ElidedLabel(Qt::TextElideMode mode = Qt::ElideRight, QWidget *parent = nullptr);

    // `toolTip`: shown on hover; empty = the full text when it does not fit.
    void setFullText(const QString &text, const QString &toolTip = {});
    QString fullText() const { return m_fullText; }
    bool isElided() const { return text() != m_fullText; }

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateShownText();

    Qt::TextElideMode m_mode;
    QString m_fullText;
    QString m_toolTip;
};

} // namespace mort
