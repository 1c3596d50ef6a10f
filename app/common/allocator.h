#pragma once

namespace mort {

// glibc gives every thread that allocates its own arena; with libvips workers
// and I/O threads that fragments into hundreds of MB that are never returned.
// Two arenas keep RSS close to what is live (MALLOC_ARENA_MAX in the
// environment still wins). Call first thing in main().
void tuneAllocator();

} // namespace mort
