#pragma once
// The admin API's JSON shapes (documented in service/adminapi.h): engine
// stats, tasks, config summary and issues, errors. Pure functions of their
// inputs, so the shapes are unit-tested without a server.
#include "config/config.h"
#include "http/httpmessage.h"
#include "service/adminbackend.h"
#include "service/enginestats.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

namespace mort {

// ISO-8601 UTC with milliseconds ("2024-05-01T10:00:00.000Z"); null for an invalid time.
QJsonValue isoUtc(const QDateTime &time);

QJsonObject statsToJson(const EngineStats &stats, const QDateTime &at = QDateTime::currentDateTimeUtc());
QJsonArray tasksToJson(const QList<TaskCounts> &tasks);
// Listeners as configured and as bound, plus a summary of the config (no secrets).
QJsonObject infoToJson(const Config &config, const EngineStats &stats, bool tokenRequired);
QJsonObject configSummaryToJson(const Config &config);
QJsonArray issuesToJson(const QList<ConfigIssue> &issues);
QJsonArray cacheEntriesToJson(const QList<CacheEntryInfo> &entries);
QJsonObject logLineToJson(const AdminLogLine &line);
// {"entry": {...as in the listing}, "headers": [[name, value], ...]} (no body).
QJsonObject cacheEntryDetailToJson(const CacheEntryDetail &detail);

// Readers for clients of the API (the studio attached to a server): the inverse
// of statsToJson / tasksToJson / cacheEntriesToJson. Missing fields read as 0.
QDateTime dateTimeFromJson(const QJsonValue &value);
EngineStats engineStatsFromJson(const QJsonObject &object);
QList<TaskCounts> tasksFromJson(const QJsonArray &array);
QList<CacheEntryInfo> cacheEntriesFromJson(const QJsonArray &array);
AdminLogLine logLineFromJson(const QJsonObject &object);
HttpHeaders cacheEntryHeadersFromJson(const QJsonObject &detail);

// `object` as compact JSON with Content-Type application/json and no caching.
HttpResponse jsonResponse(int status, const QJsonObject &object);
// {"code": "...", "message": "..."} with the Error's status and X-Mort-Error.
// The admin caller is trusted, so the detail is shown when there is one.
HttpResponse adminErrorResponse(const Error &error);

} // namespace mort
