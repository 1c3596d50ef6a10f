// liborc keeps the executable memory of compiled programs in a linked list of
// chunks. In liborc 0.4.33 (Debian 12) allocating a chunk (orc_program_compile)
// takes liborc's global mutex, but freeing one (orc_program_free ->
// orc_code_free -> orc_code_chunk_free, which merges neighbouring chunks) takes
// none. libvips 8.14 compiles under its own global lock and frees under none,
// so with the operation cache off (vipsinit.cpp) two transforms ending and
// starting at once corrupt the list: a SEGV or a glibc "corrupted double-linked
// list" inside orc_code_allocate_codemem. tests/bench/orc-codemem-race.c
// reproduces it with liborc alone; newer liborc sources lock the free side.
//
// The fix from outside: this file defines orc_program_compile and
// orc_program_free. The executable is first in the dynamic linker's lookup
// order and exports a definition that a linked shared library (libvips)
// references, so libvips' calls land here; each takes one mutex and calls
// liborc's own function, found with dlsym(RTLD_NEXT). Compiles are already
// serialised by libvips, so the mutex costs nothing measurable; it only adds
// the frees to the same critical section. Lock order: libvips' global lock,
// then this one; liborc calls back into neither.
#include "imaging/orccodememguard.h"

#include <orc/orc.h>

#include <dlfcn.h>

#include <atomic>
#include <mutex>

namespace {

std::mutex g_codeMemoryMutex;
std::atomic<unsigned long long> g_guardedCalls{0};

template<typename Function>
Function nextDefinition(const char *name)
{
    // RTLD_NEXT: the definition after this executable's, i.e. liborc's.
    return reinterpret_cast<Function>(dlsym(RTLD_NEXT, name));
}

using CompileFunction = OrcCompileResult (*)(OrcProgram *);
using FreeFunction = void (*)(OrcProgram *);

CompileFunction liborcCompile()
{
    static const CompileFunction function = nextDefinition<CompileFunction>("orc_program_compile");
    return function;
}

FreeFunction liborcFree()
{
    static const FreeFunction function = nextDefinition<FreeFunction>("orc_program_free");
    return function;
}

} // namespace

extern "C" {

__attribute__((visibility("default"))) OrcCompileResult orc_program_compile(OrcProgram *program)
{
    const CompileFunction compile = liborcCompile();
    if (!compile)
        return ORC_COMPILE_RESULT_UNKNOWN_COMPILE; // no liborc: libvips falls back to C
    g_guardedCalls.fetch_add(1, std::memory_order_relaxed);
    std::lock_guard lock(g_codeMemoryMutex);
    return compile(program);
}

__attribute__((visibility("default"))) void orc_program_free(OrcProgram *program)
{
    const FreeFunction release = liborcFree();
    if (!release)
        return;
    g_guardedCalls.fetch_add(1, std::memory_order_relaxed);
    std::lock_guard lock(g_codeMemoryMutex);
    release(program);
}

} // extern "C"

namespace mort {

bool orcCodeMemoryGuarded()
{
    // Whatever the dynamic linker binds libvips' references to is what
    // RTLD_DEFAULT finds first; both must be ours, and liborc's must exist.
    return dlsym(RTLD_DEFAULT, "orc_program_free") == reinterpret_cast<void *>(&orc_program_free)
        && dlsym(RTLD_DEFAULT, "orc_program_compile") == reinterpret_cast<void *>(&orc_program_compile)
        && liborcCompile() && liborcFree();
}

unsigned long long orcCodeMemoryGuardedCalls()
{
    return g_guardedCalls.load(std::memory_order_relaxed);
}

} // namespace mort
