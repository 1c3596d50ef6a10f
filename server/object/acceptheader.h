#pragma once
// The Accept request header (RFC 9110 §12.5.1), as far as the webp plugin
// needs it (issue 23 finding 5).
#include <QByteArrayView>

namespace mort {

// Whether `accept` names `mediaType` ("image/webp") itself as acceptable:
// a range equal to it (compared case-insensitively, parameters other than q
// ignored) with q > 0, and no range equal to it with q = 0 (an explicit
// refusal wins wherever it stands). Wildcards (image/*, */*) do not count,
// so a client that lists no image/webp keeps the original format as in Mort.
// A malformed q ("q=2", "q=abc") makes its range count for nothing.
bool acceptsMediaType(QByteArrayView accept, QByteArrayView mediaType);

} // namespace mort
