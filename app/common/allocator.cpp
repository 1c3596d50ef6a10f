#include "common/allocator.h"

#include <QtGlobal>

#include <malloc.h>

namespace mort {

void tuneAllocator()
{
    if (qEnvironmentVariableIsEmpty("MALLOC_ARENA_MAX"))
        mallopt(M_ARENA_MAX, 2);
}

} // namespace mort
