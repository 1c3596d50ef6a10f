// Process-wide libvips set-up (DESIGN §5).
#include "imaging/imageprocessor.h"

#include "imaging/orccodememguard.h"

#include <vips/vips.h>
#include <vips/vector.h>

#include <QLoggingCategory>

#include <mutex>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace mort {

Q_LOGGING_CATEGORY(lcVips, "mort.imaging.vips")

namespace {

// libvips reports warnings (e.g. "Premature end of JPEG file") through GLib's
// log for the "VIPS" domain. By default GLib prints them to stderr, once per
// row for some hostile files (the pixel-flood PNG emits thousands). Route them
// to a Qt category at debug level instead: they never decide the outcome,
// the fail_on option of the loaders does.
void routeVipsLog(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer)
{
    if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL))
        qCWarning(lcVips, "%s: %s", domain ? domain : "vips", message);
    else
        qCDebug(lcVips, "%s: %s", domain ? domain : "vips", message);
}

std::once_flag g_initOnce;
QString g_initError;

} // namespace

Expected<void> initImaging(const char *argv0)
{
    std::call_once(g_initOnce, [argv0] {
        if (VIPS_INIT(argv0 ? argv0 : "mort") != 0) {
            g_initError = QString::fromUtf8(vips_error_buffer());
            vips_error_clear();
            return;
        }
        // Loaders marked untrusted (ImageMagick, svg, pdf, jxl, ...) can read
        // local files or run interpreters; the sniffing allow-list already
        // keeps them out, this is the second lock.
        vips_block_untrusted_set(TRUE);
        // The operation cache keys on argument values and would hold decoded
        // images of earlier requests; with N workers it only costs memory.
        vips_cache_set_max(0);
        vips_cache_set_max_mem(0);
        vips_cache_set_max_files(0);
        // We run N workers ourselves; libvips' own thread pool per image would
        // multiply the thread count and fight for the same cores. A transform
        // running alone gets every core (imaging/vipsthreadbudget.h).
        vips_concurrency_set(1);
        // liborc's run-time compiled vector code (libvips' reduce, convolution)
        // costs ~1.37x less CPU on 2 MP cold transforms. liborc 0.4.33 frees
        // compiled code without a lock, which corrupted its heap under
        // concurrent transforms (tst_collapsefaults under ASan, 1 in 20 runs);
        // orccodememguard.cpp serialises those frees, and where that guard
        // cannot take effect the vector paths stay off. Pixels differ from the
        // C paths by about 1/255; the golden references are made with it on.
        // MORT_VIPS_VECTOR=0 turns it off (any other value, or none: on).
        const bool vectorWanted = qEnvironmentVariable("MORT_VIPS_VECTOR").trimmed() != QLatin1String("0");
        const bool vectorSafe = orcCodeMemoryGuarded();
        if (vectorWanted && !vectorSafe)
            qCWarning(lcVips,
                      "libvips vector paths (liborc) are off: this process does not route liborc's "
                      "code frees through mortcore's lock (orccodememguard.cpp); transforms use the "
                      "slower C paths");
        vips_vector_set_enabled(vectorWanted && vectorSafe);
        // Info and debug stay with GLib's default handler, which drops them
        // unless G_MESSAGES_DEBUG asks for them.
        g_log_set_handler("VIPS", GLogLevelFlags(G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_CRITICAL),
                          routeVipsLog, nullptr);
    });
    if (!g_initError.isEmpty())
        return Error::internal("image.init_failed", QStringLiteral("VIPS_INIT: ") + g_initError);
    return {};
}

void dropImagingCaches()
{
    // Setting the limit trims whatever the operation cache holds (it should
    // hold nothing, but a debugging session may have enabled it). We do not
    // call vips_cache_drop_all(): it frees the cache table itself and is meant
    // for shutdown only.
    vips_cache_set_max(0);
#ifdef __GLIBC__
    // Large decodes leave freed pages in glibc's arenas; hand them back to the
    // system while the server is idle.
    malloc_trim(0);
#endif
}

} // namespace mort
