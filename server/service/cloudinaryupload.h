#pragma once
// Cloudinary-style upload (spec s3-api.md §7): `POST /<bucket>[/...]` with a
// multipart form to a bucket whose transform kind is `cloudinary`. Checked
// like Cloudinary's signed upload (api_key, timestamp window, SHA-1
// signature over the sorted form fields + api_secret), stored in the bucket's
// `basic` storage under a random 20-character public_id, answered with
// Cloudinary's JSON. The image is then served at
// /<bucket>/<transformations>/<public_id> by the bucket's regex.
//
// Beyond Mort: the signature is compared in constant time (peer S2), a file
// field not named `file` is a 400 instead of a dropped connection (S11), and
// the bytes must be an image we can decode (415 otherwise) -- the declared
// Content-Type alone would let an "image/svg+xml" script be stored and served.
#include "config/config.h"
#include "core/expected.h"
#include "http/httpmessage.h"
#include "storage/storage.h"

#include <QDateTime>

#include <functional>
#include <utility>

namespace mort {

// The bucket a POST to `path` uploads to, or null when `path` is not a
// Cloudinary upload (another method, or the bucket's kind is not cloudinary).
const BucketConfig *cloudinaryUploadBucket(const Config &config, const HttpRequest &request);

// Lower-case hex SHA-1 of "k1=v1&k2=v2..." (every field but api_key and
// signature, sorted by name, not URL-encoded) followed by `secret`.
QByteArray cloudinarySignature(const QList<std::pair<QString, QString>> &fields, const QString &secret);

// Writes the upload. `body` is a view into the request body (no copy of the
// upload is made): valid during the call only, so copy what must outlive it.
using UploadStore =
    std::function<Expected<void>(const QString &key, const QByteArray &body, const ObjectMetadata &meta)>;

// The whole upload: checks in Mort's order, then `store` (the basic storage).
// Always a response: errors are text/plain with Mort's texts plus X-Mort-Error.
HttpResponse cloudinaryUpload(const HttpRequest &request, const BucketConfig &bucket, const UploadStore &store,
                              const QDateTime &now);

} // namespace mort
