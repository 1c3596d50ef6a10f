#include "monitoring/metricnames.h"

#include <QString>

namespace mort {

namespace {

bool isNameStart(char c, bool allowColon)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (allowColon && c == ':');
}

bool isNameChar(char c, bool allowColon)
{
    return isNameStart(c, allowColon) || (c >= '0' && c <= '9');
}

bool isValidName(QByteArrayView name, bool allowColon)
{
    if (name.isEmpty() || !isNameStart(name.front(), allowColon))
        return false;
    for (char c : name) {
        if (!isNameChar(c, allowColon))
            return false;
    }
    return true;
}

} // namespace

bool isValidMetricName(QByteArrayView name)
{
    return isValidName(name, true);
}

bool isValidLabelName(QByteArrayView name)
{
    return isValidName(name, false) && !name.startsWith("__");
}

QByteArray sanitizedLabelValue(const QByteArray &value)
{
    if (QByteArrayView(value).isValidUtf8())
        return value;
    return QString::fromUtf8(value).toUtf8();
}

} // namespace mort
