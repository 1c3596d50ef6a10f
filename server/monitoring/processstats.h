#pragma once
// What the kernel says about this process (Linux /proc): the numbers behind
// process_resident_memory_bytes, process_open_fds and friends.
#include <QtGlobal>

namespace mort {

struct ProcessStats
{
    qint64 residentBytes = 0;
    qint64 virtualBytes = 0;
    qint64 peakResidentBytes = 0; // VmHWM
    int openFds = 0;
    int threads = 0;
    double cpuSeconds = 0.0;     // user + system
    qint64 startTimeSeconds = 0; // since the epoch
};

ProcessStats readProcessStats();

} // namespace mort
