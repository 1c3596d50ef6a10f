#include "core/error.h"

namespace mort {

Error Error::client(QByteArray code, int status, QString publicMessage, QString detail)
{
    return Error{std::move(code), status, std::move(publicMessage), std::move(detail), ErrorCause::Client};
}

Error Error::upstream(QByteArray code, int status, QString publicMessage, QString detail)
{
    return Error{std::move(code), status, std::move(publicMessage), std::move(detail), ErrorCause::Upstream};
}

Error Error::internal(QByteArray code, QString detail, int status)
{
    return Error{std::move(code), status, QStringLiteral("internal error"), std::move(detail), ErrorCause::Internal};
}

Error Error::notFound(QString detail)
{
    return client("object.not_found", 404, QStringLiteral("item not found"), std::move(detail));
}

Error Error::badRequest(QByteArray code, QString detail)
{
    return client(std::move(code), 400, QStringLiteral("error"), std::move(detail));
}

QString Error::toString() const
{
    QString s = QString::fromLatin1(code) + QLatin1Char(' ') + QString::number(httpStatus);
    if (!detail.isEmpty())
        s += QStringLiteral(": ") + detail;
    else if (!publicMessage.isEmpty())
        s += QStringLiteral(": ") + publicMessage;
    return s;
}

} // namespace mort
