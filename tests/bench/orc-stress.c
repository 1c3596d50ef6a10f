// Minimal libvips + liborc stress (tests/bench/RESULTS.md, "liborc vector
// paths"): threads build and run resizes with distinct scales, the operation
// cache off, so every reducev compiles new orc programs while others run.
// LOCK=1 serialises only the graph construction (the vips_resize call, where
// libvips compiles), not the evaluation.
//   gcc -O1 -g [-fsanitize=address] tests/bench/orc-stress.c -o /tmp/orc-stress \
//       $(pkg-config --cflags --libs vips) -lpthread
//   /tmp/orc-stress IMAGE [THREADS [ITERATIONS]]   (prints "ok"; a heap error aborts)
//   IMAGE=/path/x.jpg /tmp/orc-stress [THREADS [ITERATIONS]]   (same, IMAGE from the environment)
// IMAGE is any JPEG; there is no default.  One way to get one (the run-bench.sh
// images, written to /tmp/imgs; photo-1600x1200.jpg is a good size):
//   tests/bench/make-images.sh /tmp/imgs
#include <vips/vips.h>
#include <pthread.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
static pthread_mutex_t build = PTHREAD_MUTEX_INITIALIZER;
static int use_lock, iters;
static VipsImage *src;
static void *worker(void *arg) {
  unsigned seed = (unsigned)(size_t)arg * 7919u + 1;
  for (int i = 0; i < iters; i++) {
    double scale = 0.05 + (rand_r(&seed) % 900) / 1000.0;
    VipsImage *out = NULL;
    if (use_lock) pthread_mutex_lock(&build);
    int rc = vips_resize(src, &out, scale, NULL);
    if (use_lock) pthread_mutex_unlock(&build);
    if (rc) { fprintf(stderr, "resize: %s\n", vips_error_buffer()); exit(2); }
    double avg; if (vips_avg(out, &avg, NULL)) { fprintf(stderr, "avg failed\n"); exit(2); }
    g_object_unref(out);
  }
  return NULL;
}
int main(int argc, char **argv) {
  if (VIPS_INIT(argv[0])) return 1;
  vips_cache_set_max(0);
  vips_concurrency_set(1);
  use_lock = getenv("LOCK") && atoi(getenv("LOCK"));
  // IMAGE is argv[1] unless that is a number (THREADS), else $IMAGE
  const char *image = getenv("IMAGE");
  int arg = 1;
  if (argc > 1 && argv[1][strspn(argv[1], "0123456789")] != '\0') image = argv[arg++];
  if (!image || !*image) {
    fprintf(stderr, "usage: %s IMAGE [THREADS [ITERATIONS]]  (or IMAGE=file %s [THREADS [ITERATIONS]])\n"
                    "  make an image with: tests/bench/make-images.sh DIR\n", argv[0], argv[0]);
    return 2;
  }
  int nthreads = argc > arg ? atoi(argv[arg]) : 8;
  iters = argc > arg + 1 ? atoi(argv[arg + 1]) : 200;
  src = vips_image_new_from_file(image, "access", VIPS_ACCESS_RANDOM, NULL);
  if (!src) { fprintf(stderr, "load: %s\n", vips_error_buffer()); return 1; }
  VipsImage *mem = vips_image_copy_memory(src); g_object_unref(src); src = mem;
  if (nthreads < 1 || nthreads > 64) nthreads = 8;
  pthread_t t[64];
  for (int i = 0; i < nthreads; i++) pthread_create(&t[i], NULL, worker, (void *)(size_t)i);
  for (int i = 0; i < nthreads; i++) pthread_join(t[i], NULL);
  printf("ok\n");
  return 0;
}
