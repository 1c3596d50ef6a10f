#pragma once
// A pixel-size spin box of the Preview form that says when it refuses what
// was typed: QSpinBox drops a keystroke that would pass its maximum without a
// word, so 99999 silently became 999 (issue 25). refused() carries the number
// typed; the box keeps its last valid value.
#include <QSpinBox>

namespace mort {

class PreviewSizeBox : public QSpinBox
{
    Q_OBJECT
public:
    using QSpinBox::QSpinBox;

    QValidator::State validate(QString &input, int &pos) const override;

Q_SIGNALS:
    void refused(qint64 typed);
};

} // namespace mort
