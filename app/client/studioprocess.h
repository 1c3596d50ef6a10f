#pragma once
// The studio's own process, for its dashboard: attached to a remote server,
// the charts show that server's memory, and the studio's own resident memory
// is shown beside it (issue 25 finding 11). Linux /proc, as the server's
// process_resident_memory_bytes.
#include <QtGlobal>

namespace mort {

// Resident bytes of this process now; 0 when the system does not say.
qint64 studioResidentBytes();

} // namespace mort
