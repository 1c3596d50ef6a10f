#pragma once
// The one place an Error becomes an HTTP response (DESIGN §6). Bodies are
// Mort's for the statuses Mort has; our own limits (413/415/422/431) carry
// the public message. Every error names its stable code in X-Mort-Error.
#include "core/error.h"
#include "http/httpmessage.h"

namespace mort {

// `debug`: the caller is trusted (internal listener), so the detail is shown.
HttpResponse errorResponse(const Error &error, bool debug = false);

} // namespace mort
