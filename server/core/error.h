#pragma once
// The one error type of the engine (DESIGN §6). Modules return it; only the
// http/ layer turns it into a response, so status codes live in one place.
#include <QByteArray>
#include <QString>

namespace mort {

enum class ErrorCause {
    Client,   // the request was wrong: bad parameter, unknown bucket, ...
    Upstream, // a storage or remote origin failed
    Internal, // our bug or resource exhaustion
};

struct Error
{
    QByteArray code;       // stable, machine readable: "object.not_found"
    int httpStatus = 500;  // status the HTTP layer answers with
    QString publicMessage; // safe to show to any client
    QString detail;        // internal detail: logs, X-Mort-Debug, admin API
    ErrorCause cause = ErrorCause::Internal;

    static Error client(QByteArray code, int status, QString publicMessage, QString detail = {});
    static Error upstream(QByteArray code, int status, QString publicMessage, QString detail = {});
    static Error internal(QByteArray code, QString detail, int status = 500);

    // Common cases shared by several modules.
    static Error notFound(QString detail = {});
    static Error badRequest(QByteArray code, QString detail);

    bool isNotFound() const { return httpStatus == 404; }
    QString toString() const;
};

} // namespace mort
