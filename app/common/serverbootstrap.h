#pragma once
// Start-up steps both programs share: load the config named on the command
// line and start an Engine on it, with messages that say what to do next.
#include "config/config.h"
#include "service/engine.h"

#include <QString>

#include <memory>

namespace mort {

// Loads and validates; on failure returns nullptr and fills *message.
ConfigPtr loadConfigOrExplain(const QString &path, QString *message);

// One warning per variable the config at `path` refers to that the
// environment does not set (Mort reads it as empty, and so do we): names
// only, never values.
QStringList unsetVariableWarnings(const QString &path);

// Prints the banner and listening addresses to stdout, as Mort does.
void printBanner(const Engine &engine, const QString &program);

} // namespace mort
