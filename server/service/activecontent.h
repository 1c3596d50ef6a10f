#pragma once
// Originals a browser could run as a document (issue 23 finding 3). An SVG
// with a <script>, or HTML stored under an image name, served from the image
// domain is a stored script there. Such responses get
//   X-Content-Type-Options: nosniff
//   Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; sandbox
// as imgproxy and weserv send them: the browser takes the type as given, the
// document loads nothing and runs no script, in an origin of its own. Images
// that are what their type says keep Mort's headers unchanged.
#include "http/httpmessage.h"

namespace mort {

inline constexpr char kActiveContentPolicy[] = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

// True when a body served as `declared` (its Content-Type, maybe empty) whose
// first bytes sniff as `sniffed` (contenttype::sniff; empty when not read, as
// for HEAD) needs the headers above: either type is a document a browser runs
// scripts in (SVG, HTML, XHTML, XML), or the sniffer recognised the bytes as
// another type than the declared one (media types compared without
// parameters, case-insensitively; "application/octet-stream" is no opinion).
bool isActiveContent(const QByteArray &declared, const QByteArray &sniffed);

// Adds both headers when isActiveContent(Content-Type of `response`,
// sniff(`head`)); `head` is the body or its first contenttype::SniffLength
// bytes (empty: judged on the declared type alone).
void guardActiveContent(HttpResponse &response, const QByteArray &head);

} // namespace mort
