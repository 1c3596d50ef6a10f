// The admin API routes for stored results of changed presets (issue #21):
// list the presets a config apply changed or removed, start and cancel the
// deletion of their old results (adminapi.h).
#include "service/adminapi.h"

#include "service/adminroute.h"
#include "service/stalepresetjson.h"
#include "service/staleresultspurge.h"

#include <QJsonDocument>

namespace mort {

void AdminApi::stalePresets(const HttpExchangePtr &exchange, const QString &route)
{
    // presets/stale | presets/stale/<id> | presets/stale/<id>/purge
    const QStringList parts = route.split(QLatin1Char('/'));
    const QByteArray &method = exchange->request().method;
    if (parts.size() == 2) {
        if (!isRead(method))
            return exchange->respond(methodNotAllowed("GET, HEAD"));
        Expected<QList<StalePreset>> stale = m_backend->stalePresets();
        if (!stale)
            return exchange->respond(adminErrorResponse(stale.error()));
        return exchange->respond(
            jsonResponse(200, QJsonObject{{QStringLiteral("presets"), stalePresetsToJson(*stale)}}));
    }
    bool ok = false;
    const quint64 id = parts.value(2).toULongLong(&ok);
    const bool purge = parts.size() == 4 && parts.at(3) == QLatin1String("purge");
    if (!ok || parts.size() > 4 || (parts.size() == 4 && !purge)) {
        return exchange->respond(adminErrorResponse(
            Error::client("admin.not_found", 404, QStringLiteral("no admin endpoint /api/v1/%1").arg(route))));
    }
    if (!purge) {
        if (!isRead(method))
            return exchange->respond(methodNotAllowed("GET, HEAD"));
        Expected<QList<StalePreset>> stale = m_backend->stalePresets();
        if (!stale)
            return exchange->respond(adminErrorResponse(stale.error()));
        for (const StalePreset &s : std::as_const(*stale)) {
            if (s.id == id)
                return exchange->respond(jsonResponse(200, stalePresetToJson(s)));
        }
        return exchange->respond(adminErrorResponse(
            Error::client("admin.not_found", 404, QStringLiteral("no changed preset with id %1").arg(id))));
    }
    if (method == "POST") {
        // Optional body {"maxOriginals": n}: a lower bound than the engine's.
        const QJsonObject body = QJsonDocument::fromJson(exchange->request().body).object();
        const int maxOriginals = body.value(QLatin1String("maxOriginals")).toInt(StaleResultsPurge::kMaxOriginals);
        if (maxOriginals < 1 || maxOriginals > StaleResultsPurge::kMaxOriginals) {
            return exchange->respond(
                badAdminRequest(QStringLiteral("maxOriginals must be 1..%1").arg(StaleResultsPurge::kMaxOriginals)));
        }
        Expected<StalePreset> started = m_backend->startStaleResultsPurge(id, maxOriginals);
        if (!started)
            return exchange->respond(adminErrorResponse(started.error()));
        return exchange->respond(jsonResponse(202, stalePresetToJson(*started)));
    }
    if (method == "DELETE") {
        Expected<bool> cancelled = m_backend->cancelStaleResultsPurge(id);
        if (!cancelled)
            return exchange->respond(adminErrorResponse(cancelled.error()));
        return exchange->respond(jsonResponse(200, QJsonObject{{QStringLiteral("cancelled"), *cancelled}}));
    }
    exchange->respond(methodNotAllowed("POST, DELETE"));
}

} // namespace mort
