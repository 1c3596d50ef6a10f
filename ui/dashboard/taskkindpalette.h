#pragma once
// One colour per task kind, wherever the studio draws kinds (the dashboard's
// "Live tasks by kind" chart): the chart theme's five colours repeated, so
// "request" and "collapse-wait" were both blue (issue 25 finding 10).
// A table, not a generated hue, so each kind keeps its colour across versions.
#include "core/taskregistry.h"

#include <QColor>

namespace mort {

QColor taskKindColor(TaskKind kind);

} // namespace mort
