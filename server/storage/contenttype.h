#pragma once
// Content-Type for stored objects without a stored type (http-behaviour.md
// §3.2): by the key's extension with Go's mime table (what Mort answers),
// else sniffed from the first bytes like Go's http.DetectContentType.
#include <QByteArray>
#include <QString>

namespace mort::contenttype {

// Go sniffs at most this many bytes.
constexpr qsizetype SniffLength = 512;

// Type for the extension of the key's last segment (case-insensitive), or
// empty when unknown. Text types carry "; charset=utf-8" as Go adds it.
QByteArray byExtension(const QString &key);

// The media type without parameters, lower case: "Text/HTML; charset=x" -> "text/html".
QByteArray essence(const QByteArray &contentType);

// Never empty: falls back to "application/octet-stream" (binary) or
// "text/plain; charset=utf-8" (no binary bytes), as Go.
QByteArray sniff(const QByteArray &head);

} // namespace mort::contenttype
