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

// Prints the banner and listening addresses to stdout, as Mort does.
void printBanner(const Engine &engine, const QString &program);

} // namespace mort
