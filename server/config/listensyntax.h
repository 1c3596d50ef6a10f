#pragma once
// Syntax check of server.listens / internalListen entries (spec config.md §2):
// `host:port`, `:port`, `[ipv6]:port` or `unix:/abs/path.sock`. Only the shape
// is checked here; http/ListenAddress resolves and binds the address later.
#include <QString>

namespace mort {

// Empty when the address is well-formed, otherwise what is wrong with it.
QString listenSyntaxProblem(const QString &address);

} // namespace mort
