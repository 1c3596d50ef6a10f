#pragma once
// The value types of a preview render as the studio and the admin API
// exchange them: what to render and what came out. Plain data (Qt Core only),
// so screens can hold them without seeing the imaging pipeline.
#include <QByteArray>
#include <QString>

namespace mort {

// One render: an image (given, or a key of the bucket's `basic` storage) and
// either a preset of the bucket or a query string.
struct PreviewRequest
{
    QString bucket;    // presets, limits and watermark storage; "" = server limits, no watermarks
    QString preset;    // a preset of `bucket`; "" = render `query`
    QByteArray query;  // undecoded, without '?' ("width=300&operation=resize"); "" with a preset
    QByteArray source; // the image bytes; empty = read `storedKey`
    QString storedKey; // a key of the bucket's `basic` storage, when `source` is empty
};

// The exact bytes the server would send for the request, and what they are.
struct RenderedPreview
{
    QByteArray body;
    QByteArray contentType; // "image/jpeg", ...
    int width = 0;
    int height = 0;
    double renderMs = 0;    // building the passes + the libvips run, on the server
    qint64 sourceBytes = 0; // size of the source rendered
};

} // namespace mort
