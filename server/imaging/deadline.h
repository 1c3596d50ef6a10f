#pragma once
// Deadline and cancellation inside libvips evaluation (DESIGN §5): while an
// image is being computed, libvips emits "eval" on it; the handler kills the
// computation when the request's CancelToken says stop, so a worker is freed
// mid-image instead of after it.
#include "core/cancellation.h"
#include "core/error.h"

#include <vips/vips.h>

#include <optional>

namespace mort {

class EvalWatch
{
public:
    // Connects to `image` (which must outlive the watch); `token` too.
    EvalWatch(VipsImage *image, const CancelToken &token);
    ~EvalWatch();
    EvalWatch(const EvalWatch &) = delete;
    EvalWatch &operator=(const EvalWatch &) = delete;

private:
    VipsImage *m_image;
    const CancelToken &m_token;
    gulong m_handler = 0;
};

// 499 request.cancelled or 504 image.deadline when `token` says stop.
std::optional<Error> stopError(const CancelToken &token);

} // namespace mort
