#pragma once
// Process-wide log output (a Qt message handler, installed once by main).
// logLevel "debug" -> human-readable lines at debug level; anything else ->
// JSON lines at info level, as Mort's production logger (spec http-behaviour.md §12).
#include <QString>

namespace mort {

void installLogHandler(const QString &logLevel);

} // namespace mort
