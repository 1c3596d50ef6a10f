#include "object/acceptheader.h"

#include <QByteArray>
#include <QByteArrayList>

#include <optional>

namespace mort {

namespace {

// RFC 9110 qvalue: "0" ["." 0*3DIGIT] / "1" ["." 0*3("0")]; std::nullopt otherwise.
std::optional<double> qvalue(const QByteArray &text)
{
    if (text.isEmpty() || text.size() > 5 || (text[0] != '0' && text[0] != '1'))
        return std::nullopt;
    if (text.size() > 1 && text[1] != '.')
        return std::nullopt;
    for (qsizetype i = 2; i < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9' || (text[0] == '1' && text[i] != '0'))
            return std::nullopt;
    }
    return text.toDouble();
}

} // namespace

bool acceptsMediaType(QByteArrayView accept, QByteArrayView mediaType)
{
    const QByteArray wanted = mediaType.toByteArray().toLower();
    bool accepted = false;
    for (const QByteArray &range : accept.toByteArray().split(',')) {
        const QByteArrayList parts = range.split(';');
        if (parts.constFirst().trimmed().toLower() != wanted)
            continue;
        std::optional<double> q = 1.0;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray param = parts.at(i).trimmed();
            const qsizetype eq = param.indexOf('=');
            if (eq > 0 && param.left(eq).trimmed().toLower() == "q")
                q = qvalue(param.mid(eq + 1).trimmed());
        }
        if (!q)
            continue;
        if (*q == 0.0)
            return false;
        accepted = true;
    }
    return accepted;
}

} // namespace mort
