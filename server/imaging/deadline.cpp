#include "imaging/deadline.h"

namespace mort {

namespace {

void onEval(VipsImage *image, VipsProgress *, gpointer data)
{
    const auto *token = static_cast<const CancelToken *>(data);
    if (token->shouldStop())
        vips_image_set_kill(image, TRUE);
}

} // namespace

EvalWatch::EvalWatch(VipsImage *image, const CancelToken &token) : m_image(image), m_token(token)
{
    // Progress signals are off by default; they cost one callback per tile.
    vips_image_set_progress(m_image, TRUE);
    m_handler = g_signal_connect(m_image, "eval", G_CALLBACK(onEval), const_cast<CancelToken *>(&m_token));
}

EvalWatch::~EvalWatch()
{
    if (m_handler)
        g_signal_handler_disconnect(m_image, m_handler);
}

std::optional<Error> stopError(const CancelToken &token)
{
    if (token.isCancelled())
        return Error::client("request.cancelled", 499, QStringLiteral("request cancelled"),
                             QStringLiteral("cancelled during image processing"));
    if (token.isExpired())
        return Error::internal("image.deadline", QStringLiteral("deadline expired during image processing"), 504);
    return std::nullopt;
}

} // namespace mort
