// Fuzz target: the XML bodies S3 clients send (s3/s3xml: DeleteObjects), read
// by our own small reader. Input: the body.
// Checks: no crash, no sanitizer report, no stack overflow; a document with a
// DOCTYPE is refused (no entity can be declared, so none can expand or load
// anything); an accepted document stays within the depth and element limits
// and parses the same twice.
#include "fuzzfailure.h"

#include "s3/s3xml.h"

namespace {

int depthOf(const mort::s3::XmlNode &node)
{
    int deepest = 0;
    for (const auto &child : node.children)
        deepest = std::max(deepest, depthOf(*child));
    return deepest + 1;
}

int countOf(const mort::s3::XmlNode &node)
{
    int n = 1;
    for (const auto &child : node.children)
        n += countOf(*child);
    return n;
}

bool same(const mort::s3::XmlNode &a, const mort::s3::XmlNode &b)
{
    if (a.name != b.name || a.text != b.text || a.children.size() != b.children.size())
        return false;
    for (qsizetype i = 0; i < a.children.size(); ++i) {
        if (!same(*a.children[i], *b.children[i]))
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    mort::s3::XmlLimits limits;
    limits.maxDepth = 8;
    limits.maxElements = 200;
    const std::optional<mort::s3::XmlNode> doc = mort::s3::parseXml(input, limits);
    if (!doc)
        return 0;
    // Walk the prolog as XML defines it (whitespace, processing instructions,
    // comments): a DOCTYPE met there is a DTD, which must have been refused.
    qsizetype at = input.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    bool dtd = false;
    while (at < input.size()) {
        const QByteArrayView rest = input.sliced(at);
        if (rest.front() == ' ' || rest.front() == '\t' || rest.front() == '\r' || rest.front() == '\n') {
            ++at;
        } else if (rest.startsWith("<?")) {
            const qsizetype end = input.indexOf("?>", at + 2);
            at = end < 0 ? input.size() : end + 2;
        } else if (rest.startsWith("<!--")) {
            const qsizetype end = input.indexOf("-->", at + 4);
            at = end < 0 ? input.size() : end + 3;
        } else {
            dtd = rest.startsWith("<!DOCTYPE");
            break;
        }
    }
    if (dtd)
        mort::fuzz::failWithInput("s3 xml", "a document with a DTD was accepted", data, size);
    if (depthOf(*doc) > limits.maxDepth)
        mort::fuzz::failWithInput("s3 xml", "deeper than maxDepth", data, size);
    if (countOf(*doc) > limits.maxElements)
        mort::fuzz::failWithInput("s3 xml", "more elements than maxElements", data, size);
    const std::optional<mort::s3::XmlNode> again = mort::s3::parseXml(input, limits);
    if (!again || !same(*doc, *again))
        mort::fuzz::failWithInput("s3 xml", "parsed differently twice", data, size);
    return 0;
}
