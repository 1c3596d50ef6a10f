#include "http/errorresponse.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace mort {

HttpResponse errorResponse(const Error &error, bool debug)
{
    HttpResponse r;
    r.status = error.httpStatus;
    if (debug) {
        // Mort's X-Mort-Debug body: {"message":"<error text>"}.
        const QJsonObject o{{QStringLiteral("message"), error.detail.isEmpty() ? error.publicMessage : error.detail},
                            {QStringLiteral("code"), QString::fromLatin1(error.code)}};
        r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
        r.setHeader("Content-Type", "application/json");
    } else if (error.httpStatus == 404) {
        // Mort answers a missing object with this JSON-looking text/plain body.
        r.body = QByteArrayLiteral("{\"error\":\"item not found\"}");
        r.setHeader("Content-Type", "text/plain");
    } else if (error.httpStatus == 413 || error.httpStatus == 415 || error.httpStatus == 422
               || error.httpStatus == 431) {
        // Statuses Mort never sends: tell the client what was wrong.
        const QJsonObject o{{QStringLiteral("message"), error.publicMessage},
                            {QStringLiteral("code"), QString::fromLatin1(error.code)}};
        r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
        r.setHeader("Content-Type", "application/json");
    } else {
        r.body = QByteArrayLiteral("{\"message\": \"error\"}");
        r.setHeader("Content-Type", "application/json");
    }
    r.setHeader("X-Mort-Error", error.code);
    if (error.httpStatus == 503)
        r.setHeader("Retry-After", "1"); // peer-differences R4
    return r;
}

} // namespace mort
