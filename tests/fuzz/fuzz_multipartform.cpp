// Fuzz target: multipart/form-data bodies (http/multipartform), the upload
// body an anonymous client may send to a Cloudinary-style bucket.
// Input: the first line is the Content-Type header value, the rest the body.
// Checks: no crash, no sanitizer report; an error is 400 form.bad_multipart;
// at most maxParts parts; every file part is a view inside the body (the
// parser promises no copy, so a view outside it would be a read out of bounds).
#include "fuzzfailure.h"

#include "http/multipartform.h"

namespace {
constexpr int kMaxParts = 64;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = input.indexOf('\n');
    const QByteArray contentType = newline < 0 ? input : input.left(newline);
    // A deep copy: the views must point into this body, not into the input.
    const QByteArray body =
        newline < 0 ? QByteArray() : QByteArray(input.constData() + newline + 1, size - newline - 1);

    const mort::Expected<mort::MultipartForm> form = mort::parseMultipartForm(body, contentType, kMaxParts);
    if (!form.ok()) {
        if (form.error().httpStatus != 400 || form.error().code != "form.bad_multipart")
            mort::fuzz::failWithInput("multipart form",
                                      "error is not 400 form.bad_multipart: " + form.error().code.toStdString(), data,
                                      size);
        return 0;
    }
    if (form->values.size() + form->files.size() > kMaxParts)
        mort::fuzz::failWithInput("multipart form", "more parts than maxParts", data, size);
    const char *begin = body.constData();
    const char *end = begin + body.size();
    for (const mort::MultipartFile &file : form->files) {
        if (file.data.isEmpty())
            continue;
        if (file.data.constData() < begin || file.data.constData() + file.data.size() > end)
            mort::fuzz::failWithInput("multipart form", "a file part is not a view inside the body", data, size);
    }
    return 0;
}
