#pragma once
// Process-wide log output (a Qt message handler, installed once by main).
// logLevel "debug" -> human-readable lines at debug level; anything else ->
// JSON lines at info level, as Mort's production logger (spec http-behaviour.md §12).
#include <QString>

namespace mort {

class LogRing;

// `ring` (optional) also keeps the recent lines for the admin API and studio;
// it must outlive the process's logging (create it first thing in main).
void installLogHandler(const QString &logLevel, LogRing *ring = nullptr);

} // namespace mort
