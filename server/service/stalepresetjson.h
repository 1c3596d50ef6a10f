#pragma once
// JSON of stale presets and their purge progress (GET /api/v1/presets/stale,
// adminapi.h), and its reader for the attached studio.
#include "service/stalepresets.h"

#include <QJsonArray>
#include <QJsonObject>

namespace mort {

// {"id":n,"bucket":str,"preset":str,"removed":bool,"changedAt":ts,
//  "purge":{"state":"idle|running|done|cancelled|failed","total":n,"done":n,
//           "deleted":n,"skipped":n,"failed":n[,"errorCode":str,"errorMessage":str]}}
QJsonObject stalePresetToJson(const StalePreset &stale);
QJsonArray stalePresetsToJson(const QList<StalePreset> &stale);
StalePreset stalePresetFromJson(const QJsonObject &object);
QList<StalePreset> stalePresetsFromJson(const QJsonArray &array);

} // namespace mort
