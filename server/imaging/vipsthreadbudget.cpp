#include "imaging/vipsthreadbudget.h"

#include <vips/vips.h>

#include <QThread>

#include <mutex>

namespace mort {

namespace {

std::mutex g_budgetMutex; // orders the count and the setting together
int g_running = 0;

void applyLocked()
{
    vips_concurrency_set(VipsThreadBudget::threadsFor(g_running));
}

} // namespace

VipsThreadBudget::Lease::Lease()
{
    std::lock_guard lock(g_budgetMutex);
    ++g_running;
    applyLocked();
}

VipsThreadBudget::Lease::~Lease()
{
    std::lock_guard lock(g_budgetMutex);
    --g_running;
    applyLocked();
}

int VipsThreadBudget::running()
{
    std::lock_guard lock(g_budgetMutex);
    return g_running;
}

namespace {
int cores()
{
    static const int count = qMax(1, QThread::idealThreadCount());
    return count;
}
} // namespace

int VipsThreadBudget::threadsFor(int running)
{
    return running <= 1 ? cores() : 1;
}

int VipsThreadBudget::transformWorkers()
{
    return cores() + 1;
}

int VipsThreadBudget::heavyTransformSlots()
{
    return qMax(1, cores() - 1);
}

} // namespace mort
