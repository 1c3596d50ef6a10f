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

} // namespace mort
