#pragma once
// Pure helpers behind EngineClient::validateConfig() and applyConfig(), the
// same for the embedded engine and a remote server.
#include "config/config.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace mort {

// The key paths whose change the engine takes only with a restart (it answers
// a hot reload of them with 409 config.restart_required): the cache's type and
// size, the lock's type. Empty = `next` can be applied to a server running `running`.
QStringList restartKeysBetween(const Config &running, const Config &next);

// Keys of `yaml` that still hold the admin API's mask ("***", see
// GET /api/v1/config) instead of a secret: applying that text would make the
// mask the new secret. One issue per key, naming its key path.
QList<ConfigIssue> maskedSecretIssues(const QString &yaml);

} // namespace mort
