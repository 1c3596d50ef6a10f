#include "ui/shared/elidedlabel.h"

#include <QResizeEvent>

namespace mort {

namespace {

// Wide enough to show that there is text and where it starts.
constexpr int kMinimumChars = 8;
// What the label asks for when space is shared: about a short URL.
constexpr int kPreferredChars = 40;

} // namespace

ElidedLabel::ElidedLabel(Qt::TextElideMode mode, QWidget *parent) : QLabel(parent), m_mode(mode)
{
    setTextFormat(Qt::PlainText); // URLs and messages are never markup
    setWordWrap(false);
}

void ElidedLabel::setFullText(const QString &text, const QString &toolTip)
{
    m_fullText = text;
    m_toolTip = toolTip;
    updateShownText();
    updateGeometry();
}

QSize ElidedLabel::minimumSizeHint() const
{
    const QFontMetrics metrics = fontMetrics();
    const int width = std::min(metrics.horizontalAdvance(m_fullText), metrics.averageCharWidth() * kMinimumChars);
    const QMargins margins = contentsMargins();
    return {width + margins.left() + margins.right() + 2 * margin(), QLabel::minimumSizeHint().height()};
}

QSize ElidedLabel::sizeHint() const
{
    const QFontMetrics metrics = fontMetrics();
    const int width = std::min(metrics.horizontalAdvance(m_fullText), metrics.averageCharWidth() * kPreferredChars);
    const QMargins margins = contentsMargins();
    return {width + margins.left() + margins.right() + 2 * margin(), QLabel::sizeHint().height()};
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    updateShownText();
}

void ElidedLabel::updateShownText()
{
    const QString shown = fontMetrics().elidedText(m_fullText, m_mode, contentsRect().width() - 2 * margin());
    if (shown != text())
        QLabel::setText(shown); // only the shown text: the hints above do not depend on it
    setToolTip(!m_toolTip.isEmpty() ? m_toolTip : shown != m_fullText ? m_fullText : QString());
}

} // namespace mort
