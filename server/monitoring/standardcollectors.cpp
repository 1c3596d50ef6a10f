#include "monitoring/standardcollectors.h"

#include "core/taskregistry.h"
#include "monitoring/processstats.h"

namespace mort {

MetricsRegistry::Collector processStatsCollector()
{
    return [](MetricsSnapshotWriter &out) {
        const ProcessStats p = readProcessStats();
        out.gauge("process_resident_memory_bytes", "Resident memory size in bytes.", double(p.residentBytes));
        out.gauge("process_virtual_memory_bytes", "Virtual memory size in bytes.", double(p.virtualBytes));
        out.gauge("process_open_fds", "Number of open file descriptors.", p.openFds);
        out.counter("process_cpu_seconds_total", "Total user and system CPU time spent in seconds.", p.cpuSeconds);
        out.gauge("process_start_time_seconds", "Start time of the process since unix epoch in seconds.",
                  double(p.startTimeSeconds));
    };
}

MetricsRegistry::Collector taskCollector(const TaskRegistry &tasks)
{
    return [&tasks](MetricsSnapshotWriter &out) {
        // One snapshot for both families so live and started agree.
        const QList<TaskCounts> counts = tasks.snapshot();
        for (const TaskCounts &t : counts) {
            out.gauge("mort_tasks_live", "Tasks alive now, by kind (our goroutine count).", double(t.live),
                      {{"kind", taskKindName(t.kind)}});
        }
        for (const TaskCounts &t : counts) {
            out.counter("mort_tasks_started_total", "Tasks started, by kind.", double(t.started),
                        {{"kind", taskKindName(t.kind)}});
        }
    };
}

} // namespace mort
