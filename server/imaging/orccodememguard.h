// Serialises liborc's code-memory bookkeeping, which liborc 0.4.33 (Debian 12)
// leaves unlocked on the free side (orccodememguard.cpp says how and why).
#pragma once

namespace mort {

// True when libvips' calls to orc_program_compile/orc_program_free reach the
// guarded versions defined in this process. False when the executable does not
// export them (mortcore linked into a shared library, a static link): then
// liborc's vector paths must stay off, or concurrent transforms can corrupt
// liborc's heap (tests/bench/orc-codemem-race.c).
bool orcCodeMemoryGuarded();

// Compiles and frees that went through the guard since the process started
// (tests: proof that libvips' calls really land there).
unsigned long long orcCodeMemoryGuardedCalls();

} // namespace mort
