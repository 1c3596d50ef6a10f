#pragma once
// Image bytes -> QImage for display in the preview, decoded by the same libvips
// the engine uses. Qt 6.4 on Debian 12 decodes jpeg/png/gif itself but webp
// only with qt6-image-formats-plugins (not a dependency); decoding with libvips
// covers every format the server reads or writes without a new package.
// Display only: the bytes the server would send are never re-encoded.
// Every function here initialises libvips itself (once per process): the
// studio attached to a remote server starts no engine that would (issue 25).
// Thread-safe; call from a worker thread for large images.
#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>

namespace mort {

// `autoRotate`: apply the EXIF orientation (the server does it before any
// transform, so the "before" view shows what the transforms start from).
// Returns a null QImage and sets `error` when the bytes cannot be decoded.
// `maxSide` > 0 shrinks (on load where the format allows) so that neither
// side exceeds it -- for huge originals shown in a window.
QImage decodePreviewImage(const QByteArray &bytes, bool autoRotate, int maxSide = 0, QString *error = nullptr);

// Width and height from the image's header alone (nothing decoded); invalid
// when the bytes are no image the server reads.
QSize previewImageSize(const QByteArray &bytes);

} // namespace mort
