#include "service/activecontent.h"

#include "storage/contenttype.h"

namespace mort {

namespace {

bool isDocumentType(const QByteArray &type)
{
    return type == "image/svg+xml" || type == "text/html" || type == "application/xhtml+xml" || type == "text/xml"
        || type == "application/xml";
}

} // namespace

bool isActiveContent(const QByteArray &declared, const QByteArray &sniffed)
{
    const QByteArray served = contenttype::essence(declared);
    const QByteArray actual = contenttype::essence(sniffed);
    if (isDocumentType(served) || isDocumentType(actual))
        return true;
    return !actual.isEmpty() && actual != "application/octet-stream" && actual != served;
}

void guardActiveContent(HttpResponse &response, const QByteArray &head)
{
    const QByteArray sniffed = head.isEmpty() ? QByteArray() : contenttype::sniff(head);
    if (!isActiveContent(response.header("Content-Type"), sniffed))
        return;
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy", kActiveContentPolicy);
}

} // namespace mort
