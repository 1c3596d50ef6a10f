// liborc code-memory race: the minimal reproducer (tests/bench/RESULTS.md,
// "liborc's unlocked code frees"), liborc alone, no libvips.
//
// liborc 0.4.33 (Debian 12) keeps compiled code in a list of chunks. Compiling
// a program takes a chunk under liborc's global mutex (orc_code_allocate_codemem);
// freeing it (orc_program_free -> orc_code_free -> orc_code_chunk_free, which
// merges free neighbours and frees their list nodes) takes no lock. libvips
// calls liborc exactly this way: vips_vector_compile() holds libvips' global
// lock around orc_program_compile(), vips_vector_free() calls orc_program_free()
// with none. So one thread freeing while another compiles corrupts the list.
//
//   gcc -O1 -g -fsanitize=address tests/bench/orc-codemem-race.c -o /tmp/orc-race
//       $(pkg-config --cflags --libs orc-0.4) -lpthread       (one command line)
//   /tmp/orc-race [THREADS [ITERATIONS]]        (default 16 x 5000)
//   LOCK_FREE=1 /tmp/orc-race                   (frees under the same lock: "ok")
//
// Seen on this 2-core machine (liborc 1:0.4.33-2, gcc 12, ASan), otherwise
// idle: 16 x 5000, a SEGV in orc_code_allocate_codemem
// (liborc-0.4.so.0+0x102fb) in 3 of 3 runs, after 2-16 s; 32 x 2500, 1 of 3;
// 4 x 20000, 0 of 3 (but 5 of 5 while another process kept both cores busy:
// the race needs a free preempted mid-merge). LOCK_FREE=1: "ok" in every run
// (3 of 3 at 4 x 20000 under that load, 2 of 2 at 32 x 2500). Without ASan the corruption is
// mostly silent. Called after vips_init() the crash is rarer (1 of 3 at
// 16 x 5000): libvips' own programs already hold code memory. mort-server works
// around it by routing libvips' orc_program_compile/orc_program_free through
// one mutex (server/imaging/orccodememguard.cpp).
#include <orc/orc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_mutex_t compile_lock = PTHREAD_MUTEX_INITIALIZER;
static int iterations = 5000;
static int lock_free;

static void *worker(void *arg)
{
    unsigned seed = (unsigned)(size_t)arg;
    for (int i = 0; i < iterations; i++) {
        // d1 = s1 doubled n times: programs of 1-8 additions take chunks of
        // different sizes, so frees split and merge neighbours.
        OrcProgram *p = orc_program_new_ds(1, 1);
        int n = 1 + rand_r(&seed) % 8;
        orc_program_add_temporary(p, 1, "t");
        orc_program_append_ds_str(p, "copyb", "t", "s1");
        for (int k = 0; k < n; k++)
            orc_program_append_str(p, "addb", "t", "t", "t");
        orc_program_append_ds_str(p, "copyb", "d1", "t");
        pthread_mutex_lock(&compile_lock); // as vips_vector_compile()
        OrcCompileResult r = orc_program_compile(p);
        pthread_mutex_unlock(&compile_lock);
        if (!ORC_COMPILE_RESULT_IS_SUCCESSFUL(r)) {
            fprintf(stderr, "compile failed: %d\n", r);
            exit(2);
        }
        if (lock_free)
            pthread_mutex_lock(&compile_lock);
        orc_program_free(p); // as vips_vector_free(): no lock
        if (lock_free)
            pthread_mutex_unlock(&compile_lock);
    }
    return NULL;
}

int main(int argc, char **argv)
{
    orc_init();
    int threads = argc > 1 ? atoi(argv[1]) : 16;
    if (argc > 2)
        iterations = atoi(argv[2]);
    lock_free = getenv("LOCK_FREE") && atoi(getenv("LOCK_FREE"));
    if (threads < 1 || threads > 64)
        threads = 16;
    pthread_t t[64];
    for (int i = 0; i < threads; i++)
        pthread_create(&t[i], NULL, worker, (void *)(size_t)(i + 1));
    for (int i = 0; i < threads; i++)
        pthread_join(t[i], NULL);
    puts("ok");
    return 0;
}
