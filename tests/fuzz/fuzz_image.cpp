// Fuzz target: untrusted image bytes through the server's own imaging path
// (imaging/imageprobe + ImageProcessor with a small resize), what every
// uploaded or fetched original goes through. libvips itself is not built with
// sanitizers, so this finds crashes, hangs and our own memory errors (pass
// planning on odd sizes, frame counts, orientations), not libvips' internals.
// Checks: no crash; a refusal is a 4xx with a code (415 unsupported, 422
// corrupt or over a limit, 400 for Mort's processing errors); an accepted
// image comes out no wider than asked and as a non-empty body; the 5 s
// deadline holds (504 image.deadline counts as an answer).
#include "fuzzfailure.h"

#include "core/cancellation.h"
#include "imaging/imageprocessor.h"

#include <cstdio>
#include <cstdlib>

namespace {

const mort::ImageProcessor &processor()
{
    static const mort::ImageProcessor instance = [] {
        const mort::Expected<void> init = mort::initImaging("fuzz_image");
        if (!init.ok()) {
            std::fprintf(stderr, "libvips does not start: %s\n", qPrintable(init.error().toString()));
            std::abort();
        }
        mort::LimitsConfig limits;
        limits.maxSourcePixels = 16'000'000; // keep each run short; the limit itself is under test
        return mort::ImageProcessor(limits);
    }();
    return instance;
}

bool isExpectedRefusal(const mort::Error &e)
{
    if (e.code.isEmpty())
        return false;
    return e.httpStatus == 400 || e.httpStatus == 415 || e.httpStatus == 422 || e.httpStatus == 504;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray source(reinterpret_cast<const char *>(data), qsizetype(size));
    const mort::Expected<mort::ImageInfo> info = processor().probe(source);
    if (!info.ok()) {
        if (!isExpectedRefusal(info.error()))
            mort::fuzz::failWithInput("image",
                                      "probe refused with " + std::to_string(info.error().httpStatus) + ' '
                                          + info.error().code.toStdString(),
                                      data, size);
        return 0;
    }
    mort::Transforms thumbnail;
    thumbnail.resize(32, 0, false, true, false);
    const mort::Expected<mort::ProcessedImage> out =
        processor().process(source, {thumbnail}, mort::CancelToken(QDeadlineTimer(5000)));
    if (!out.ok()) {
        if (!isExpectedRefusal(out.error()))
            mort::fuzz::failWithInput("image",
                                      "process refused with " + std::to_string(out.error().httpStatus) + ' '
                                          + out.error().code.toStdString(),
                                      data, size);
        return 0;
    }
    if (out->body.isEmpty() || out->width <= 0 || out->width > 32 || out->height <= 0)
        mort::fuzz::failWithInput("image",
                                  "accepted but produced " + std::to_string(out->width) + 'x'
                                      + std::to_string(out->height) + ", " + std::to_string(out->body.size())
                                      + " bytes",
                                  data, size);
    return 0;
}
