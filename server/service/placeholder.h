#pragma once
// `server.placeholder` (spec http-behaviour.md §10, config.md §2): an image
// served instead of the JSON error body when a *transform* request fails on
// the server side (throttled, timed out, storage trouble). Loaded once, when
// the engine starts or a reload names another one: a placeholder that cannot
// be read or is not an image stops the start, as in Mort.
#include "config/config.h"
#include "core/expected.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace mort {

struct PlaceholderImage
{
    QString source;         // as configured: a URL (http/https) or a local path
    QByteArray body;        // the image bytes
    QByteArray contentType; // sniffed from the bytes ("image/png", ...)
};
using PlaceholderPtr = std::shared_ptr<const PlaceholderImage>;

// Reads a local file or fetches an http(s) URL (at most `timeoutMs`, at most
// `limits.maxParentBytes`), then checks the bytes are an image within
// `limits`. Blocking: the fetch runs on a private thread with its own event
// loop, so the caller's event loop (the studio's GUI) is not re-entered.
// Errors: 503 config.placeholder_unavailable, naming the source and the cause.
Expected<PlaceholderPtr> loadPlaceholder(const QString &source, const LimitsConfig &limits, int timeoutMs = 10000);

// Whether an error of a transform request is answered with the placeholder:
// server-side failures (5xx) and the client-gone 499 -- never 4xx, which
// describe the request itself (a missing parent stays 404, bad input 400).
bool placeholderAnswers(int httpStatus);

} // namespace mort
