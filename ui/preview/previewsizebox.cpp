#include "ui/preview/previewsizebox.h"

namespace mort {

QValidator::State PreviewSizeBox::validate(QString &input, int &pos) const
{
    const QValidator::State state = QSpinBox::validate(input, pos);
    if (state != QValidator::Invalid)
        return state;
    QString digits = input.trimmed();
    if (!suffix().isEmpty() && digits.endsWith(suffix().trimmed()))
        digits.chop(suffix().trimmed().size());
    bool number = false;
    const qint64 typed = digits.trimmed().toLongLong(&number);
    if (number && typed > maximum())
        Q_EMIT const_cast<PreviewSizeBox *>(this)->refused(typed); // validate() is const in Qt's API
    return state;
}

} // namespace mort
