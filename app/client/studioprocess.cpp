#include "client/studioprocess.h"

#include "monitoring/processstats.h"

namespace mort {

qint64 studioResidentBytes()
{
    return readProcessStats().residentBytes;
}

} // namespace mort
