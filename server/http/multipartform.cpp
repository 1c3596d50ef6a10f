#include "http/multipartform.h"

#include <optional>

namespace mort {

namespace {

constexpr qsizetype kMaxPartHeaderBytes = 16 * 1024;

Error malformed(const QString &why)
{
    return Error::badRequest("form.bad_multipart", why);
}

// The value of `name` in a header's parameters (`; name="value"` or
// `; name=value`), unquoted; nullopt when absent.
std::optional<QByteArray> headerParameter(QByteArrayView header, QByteArrayView name)
{
    qsizetype pos = 0;
    while (pos < header.size()) {
        qsizetype semicolon = header.indexOf(';', pos);
        if (semicolon < 0)
            return std::nullopt;
        qsizetype start = semicolon + 1;
        while (start < header.size() && header.at(start) == ' ')
            ++start;
        const qsizetype eq = header.indexOf('=', start);
        if (eq < 0)
            return std::nullopt;
        const QByteArrayView key = header.sliced(start, eq - start).trimmed();
        qsizetype valueStart = eq + 1;
        QByteArray value;
        if (valueStart < header.size() && header.at(valueStart) == '"') {
            // Quoted string; a backslash escapes the next character.
            qsizetype i = valueStart + 1;
            for (; i < header.size() && header.at(i) != '"'; ++i) {
                if (header.at(i) == '\\' && i + 1 < header.size())
                    ++i;
                value.append(header.at(i));
            }
            pos = i + 1;
        } else {
            qsizetype end = header.indexOf(';', valueStart);
            if (end < 0)
                end = header.size();
            value = header.sliced(valueStart, end - valueStart).trimmed().toByteArray();
            pos = end;
        }
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return std::nullopt;
}

struct PartHeaders
{
    QByteArray disposition;
    QByteArray contentType;
};

Expected<PartHeaders> parsePartHeaders(QByteArrayView block)
{
    PartHeaders headers;
    const QList<QByteArray> lines = block.toByteArray().split('\n'); // headers only: at most 16 KiB
    for (QByteArrayView line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return malformed(QStringLiteral("a part header line has no ':'"));
        const QByteArrayView name = line.first(colon).trimmed();
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        if (name.compare("Content-Disposition", Qt::CaseInsensitive) == 0)
            headers.disposition = value.toByteArray();
        else if (name.compare("Content-Type", Qt::CaseInsensitive) == 0)
            headers.contentType = value.toByteArray();
    }
    return headers;
}

} // namespace

Expected<MultipartForm> parseMultipartForm(const QByteArray &body, const QByteArray &contentType, int maxParts)
{
    const qsizetype semicolon = contentType.indexOf(';');
    const QByteArrayView type =
        QByteArrayView(contentType).first(semicolon < 0 ? contentType.size() : semicolon).trimmed();
    if (type.compare("multipart/form-data", Qt::CaseInsensitive) != 0)
        return malformed(QStringLiteral("request Content-Type isn't multipart/form-data"));
    const QByteArray boundary = headerParameter(contentType, "boundary").value_or(QByteArray());
    if (boundary.isEmpty() || boundary.size() > 70) // RFC 2046: 1..70 characters
        return malformed(QStringLiteral("no multipart boundary"));

    const QByteArray delimiter = "--" + boundary;
    const QByteArray nextDelimiter = "\r\n" + delimiter;
    MultipartForm form;
    // The first delimiter may follow a preamble; every later one follows CRLF.
    qsizetype pos = 0;
    if (body.startsWith(delimiter)) {
        pos = delimiter.size();
    } else {
        pos = body.indexOf(nextDelimiter);
        if (pos < 0)
            return malformed(QStringLiteral("multipart: NextPart: EOF"));
        pos += nextDelimiter.size();
    }
    int parts = 0;
    for (;;) {
        // After a delimiter: "--" ends the body, CRLF starts a part.
        if (body.mid(pos, 2) == "--")
            return form;
        if (body.mid(pos, 2) != "\r\n")
            return malformed(QStringLiteral("multipart: bad delimiter line"));
        pos += 2;
        if (++parts > maxParts)
            return malformed(QStringLiteral("more than %1 parts").arg(maxParts));

        // Headers up to an empty line (a part may have none at all).
        QByteArrayView headerBlock;
        qsizetype contentStart = pos + 2;
        if (body.mid(pos, 2) != "\r\n") {
            const qsizetype headerEnd = body.indexOf("\r\n\r\n", pos);
            if (headerEnd < 0 || headerEnd - pos > kMaxPartHeaderBytes)
                return malformed(QStringLiteral("multipart: part headers not terminated"));
            headerBlock = QByteArrayView(body).sliced(pos, headerEnd - pos);
            contentStart = headerEnd + 4;
        }
        const qsizetype contentEnd = body.indexOf(nextDelimiter, contentStart);
        if (contentEnd < 0)
            return malformed(QStringLiteral("multipart: NextPart: EOF"));

        Expected<PartHeaders> headers = parsePartHeaders(headerBlock);
        if (!headers)
            return headers.takeError();
        const QByteArray disposition = headers->disposition;
        if (!disposition.trimmed().toLower().startsWith("form-data"))
            return malformed(QStringLiteral("a part is not form-data"));
        const QString name = QString::fromUtf8(headerParameter(disposition, "name").value_or(QByteArray()));
        const std::optional<QByteArray> fileName = headerParameter(disposition, "filename");
        const QByteArrayView content = QByteArrayView(body).sliced(contentStart, contentEnd - contentStart);
        if (fileName) {
            form.files.append(MultipartFile{name, QString::fromUtf8(*fileName), headers->contentType,
                                            QByteArray::fromRawData(content.data(), content.size())});
        } else {
            form.values.append({name, QString::fromUtf8(content)});
        }
        pos = contentEnd + nextDelimiter.size();
    }
}

} // namespace mort
