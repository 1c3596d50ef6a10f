#pragma once
// Where a bucket serves a preset: the request path of one original under one
// preset, found by asking the bucket's own URL parser, and the preset names
// its transform.path admits (for messages). Shared by the preview's URL and
// "Save as preset", which refuses names no URL can reach (issue 25).
#include "config/config.h"

#include <QString>

namespace mort {

// "/bucket/<preset>/<key>" or "/bucket/<key>/<preset>" (Mort's two usual
// layouts), kept only when the bucket's parser maps it to exactly that preset
// and original; "" when transform.path cannot reach the preset.
QString presetRequestPath(const ConfigPtr &config, const QString &bucket, const QString &preset, const QString &key);

// "http://host:port" of the server's first TCP listener ("127.0.0.1" for an
// any-address host), to make request paths URLs one can open; "" when the
// config has none with a known port (unix sockets, port 0).
QString serverBaseUrl(const ConfigPtr &config);

// The sub-pattern of the `presetName` group of a transform.path
// ("[a-z0-9_]+"); "" when the path has no such group.
QString presetNamePattern(const QString &transformPath);

} // namespace mort
