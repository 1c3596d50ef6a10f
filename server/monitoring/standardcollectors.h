#pragma once
// Collectors for values that already live elsewhere and are read on demand at
// scrape time, so nobody has to push them into the registry.
#include "monitoring/metricsregistry.h"

namespace mort {

class TaskRegistry;

// process_resident_memory_bytes, process_virtual_memory_bytes,
// process_open_fds, process_cpu_seconds_total, process_start_time_seconds
// (the Go client's names, so existing dashboards keep working).
MetricsRegistry::Collector processStatsCollector();

// mort_tasks_live{kind} and mort_tasks_started_total{kind}: our stand-in for
// goroutine counts. `tasks` must outlive the collector's registration.
MetricsRegistry::Collector taskCollector(const TaskRegistry &tasks);

} // namespace mort
