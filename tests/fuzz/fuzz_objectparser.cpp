// Fuzz target: request path + query -> ObjectRef (object/objectparser), the
// first thing every public request meets. Input: "<path>?<query>" as bytes,
// the path taken as already percent-decoded UTF-8 (what the transport hands
// over). One config with a bucket of every transform kind Mort has.
// Checks: no crash, no sanitizer report; an error is 400 or 404 with a code;
// a parsed object and every parent in its chain has a key without '..'
// segments or control characters (they reach storages) and a bounded chain;
// parsing the same input twice gives the same collapse key (cache and lock key).
#include "fuzzfailure.h"

#include "config/config.h"
#include "object/objectparser.h"

#include <QCoreApplication>

#include <cstdio>

namespace {

const char kConfig[] = R"yaml(
server:
  listens: [":8080"]
buckets:
  q:
    transform: {kind: "query", resultKey: "hash"}
    storages: {basic: {kind: "noop"}}
  p:
    transform:
      kind: "presets"
      path: "\\/(?P<presetName>[a-z0-9_]+)\\/(?P<parent>.*)"
      parentBucket: "q"
      presets:
        small: {quality: 80, filters: {thumbnail: {width: 320}, strip: true}}
        square: {format: webp, filters: {crop: {width: 400, height: 400, gravity: smart}}}
        blurred: {filters: {resize: {width: 100, height: 100}, blur: {sigma: 2}, grayscale: true, rotate: {angle: 90}}}
        stamped: {filters: {thumbnail: {width: 200}, watermark: {image: "/q/logo.png", position: "top-left", opacity: 0.5}}}
    storages: {basic: {kind: "noop"}}
  pq:
    transform:
      kind: "presets-query"
      path: "\\/(?P<presetName>[a-z0-9_]+)\\/(?P<parent>[a-zA-Z0-9_\\-\\/\\.]+)$"
      presets:
        small: {filters: {thumbnail: {width: 100}}}
    storages: {basic: {kind: "noop"}}
  b64:
    transform:
      kind: "base64_presets"
      path: "\\/(?P<presetName>[a-z0-9_]+)\\/(?P<parent>.*)"
      parentBucket: "q"
      presets:
        small: {filters: {thumbnail: {width: 100}}}
    storages: {basic: {kind: "noop"}}
  cl:
    transform:
      kind: "cloudinary"
      path: "^/image/upload/(?P<transformations>[^/]*)/(?P<parent>.+)$"
      parentBucket: "q"
    storages: {basic: {kind: "noop"}}
  self:
    transform:
      kind: "presets"
      path: "\\/(?P<presetName>[a-z0-9_]+)\\/(?P<parent>.*)"
      presets:
        small: {filters: {thumbnail: {width: 10}}}
    storages: {basic: {kind: "noop"}}
)yaml";

const mort::ObjectParser &parser()
{
    static int argc = 1;
    static char name[] = "fuzz_objectparser";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv); // QRegularExpression needs none, but keep Qt's globals alive
    static const mort::ObjectParser instance = [] {
        mort::Expected<mort::ConfigPtr> config = mort::ConfigLoader::fromText(QString::fromUtf8(kConfig));
        if (!config.ok()) {
            std::fprintf(stderr, "fuzz config does not load: %s\n", qPrintable(config.error().toString()));
            std::abort();
        }
        return mort::ObjectParser(*config);
    }();
    return instance;
}

// "" when the object and its ancestors are safe to hand to a storage.
std::string unsafeKey(const mort::ObjectRef &object)
{
    int depth = 0;
    for (const mort::ObjectRef *o = &object; o; o = o->parent.get(), ++depth) {
        if (depth > mort::ObjectParser::kMaxChainDepth + 1)
            return "parent chain deeper than kMaxChainDepth";
        for (const QChar c : o->key) {
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                return "control character in key " + o->key.toStdString();
        }
        for (QStringView segment : QStringView(o->key).split(u'/')) {
            if (segment == u"..")
                return "'..' segment in key " + o->key.toStdString();
        }
        if (!o->key.isEmpty() && !o->key.startsWith(u'/'))
            return "key without leading '/': " + o->key.toStdString();
    }
    return {};
}

std::string outcome(const mort::Expected<mort::ObjectRef> &parsed)
{
    if (parsed.ok())
        return "ok " + mort::collapseKey(*parsed).toStdString();
    return "error " + std::to_string(parsed.error().httpStatus) + ' ' + parsed.error().code.toStdString();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype question = input.indexOf('?');
    const QString path = QString::fromUtf8(question < 0 ? input : input.left(question));
    const QByteArray query = question < 0 ? QByteArray() : input.mid(question + 1);

    const mort::Expected<mort::ObjectRef> parsed = parser().parse(path, query);
    if (parsed.ok()) {
        const std::string unsafe = unsafeKey(*parsed);
        if (!unsafe.empty())
            mort::fuzz::failWithInput("object parser", unsafe, data, size);
    } else {
        const mort::Error &e = parsed.error();
        if ((e.httpStatus != 400 && e.httpStatus != 404) || e.code.isEmpty())
            mort::fuzz::failWithInput("object parser", "error outside 400/404 or without a code: " + outcome(parsed),
                                      data, size);
    }
    const std::string first = outcome(parsed);
    const std::string second = outcome(parser().parse(path, query));
    if (first != second)
        mort::fuzz::failWithInput("object parser", "two parses differ: " + first + " / " + second, data, size);
    return 0;
}
