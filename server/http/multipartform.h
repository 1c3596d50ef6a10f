#pragma once
// multipart/form-data (RFC 7578) request bodies, parsed in place: file parts
// are views into the request body, so an upload is held in memory once.
// Used by the Cloudinary-style upload (spec s3-api.md §7).
#include "core/expected.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace mort {

struct MultipartFile
{
    QString fieldName;      // name="..."
    QString fileName;       // filename="..."
    QByteArray contentType; // the part's Content-Type ("" when absent)
    // A view into the body given to parseMultipartForm(): valid while that
    // body is (QByteArray::fromRawData, no copy).
    QByteArray data;
};

struct MultipartForm
{
    QList<std::pair<QString, QString>> values; // parts without a filename, in body order
    QList<MultipartFile> files;                // parts with a filename
};

// `contentType`: the request's Content-Type header (must be
// multipart/form-data with a boundary). At most `maxParts` parts and 16 KiB of
// headers per part. Errors: 400 form.bad_multipart with what was wrong.
Expected<MultipartForm> parseMultipartForm(const QByteArray &body, const QByteArray &contentType, int maxParts = 1000);

} // namespace mort
