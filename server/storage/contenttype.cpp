#include "storage/contenttype.h"

#include <QByteArrayList>

#include <array>
#include <cstring>
#include <string_view>

namespace mort::contenttype {

namespace {

struct ExtensionType
{
    std::string_view extension;
    const char *type;
};

// Go's built-in table (mime/type.go) plus the common entries of Debian's
// /etc/mime.types that Go would also load there; text/* get charset=utf-8
// because Go's setExtensionType adds it.
constexpr std::array<ExtensionType, 32> kExtensions{{
    {".avif", "image/avif"},
    {".bmp", "image/bmp"},
    {".css", "text/css; charset=utf-8"},
    {".csv", "text/csv; charset=utf-8"},
    {".gif", "image/gif"},
    {".gz", "application/gzip"},
    {".heic", "image/heic"},
    {".heif", "image/heif"},
    {".htm", "text/html; charset=utf-8"},
    {".html", "text/html; charset=utf-8"},
    {".ico", "image/vnd.microsoft.icon"},
    {".jpeg", "image/jpeg"},
    {".jpg", "image/jpeg"},
    {".js", "text/javascript; charset=utf-8"},
    {".json", "application/json"},
    {".jxl", "image/jxl"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".mp3", "audio/mpeg"},
    {".mp4", "video/mp4"},
    {".pdf", "application/pdf"},
    {".png", "image/png"},
    {".svg", "image/svg+xml"},
    {".tif", "image/tiff"},
    {".tiff", "image/tiff"},
    {".txt", "text/plain; charset=utf-8"},
    {".wasm", "application/wasm"},
    {".webm", "video/webm"},
    {".webp", "image/webp"},
    {".woff", "font/woff"},
    {".woff2", "font/woff2"},
    {".xml", "text/xml; charset=utf-8"},
    {".zip", "application/zip"},
}};

bool startsWith(const QByteArray &data, std::string_view prefix, qsizetype at = 0)
{
    // QByteArrayView, not memcmp: GCC 12 -O2 misreads an empty QByteArray's
    // shared null as a 1-byte source (-Wstringop-overread).
    return data.size() >= at + qsizetype(prefix.size())
        && QByteArrayView(data).sliced(at, qsizetype(prefix.size()))
        == QByteArrayView(prefix.data(), qsizetype(prefix.size()));
}

bool isWhitespace(char c)
{
    return c == '\t' || c == '\n' || c == '\x0c' || c == '\r' || c == ' ';
}

// Go's htmlSig: case-insensitive tag prefix followed by space or '>'.
bool matchesHtml(const QByteArray &data, qsizetype at, std::string_view tag)
{
    if (data.size() < at + qsizetype(tag.size()) + 1)
        return false;
    for (size_t i = 0; i < tag.size(); ++i) {
        char c = data[at + qsizetype(i)];
        if (c >= 'a' && c <= 'z')
            c = char(c - 'a' + 'A');
        if (c != tag[i])
            return false;
    }
    const char next = data[at + qsizetype(tag.size())];
    return next == ' ' || next == '>';
}

// ISO base media: "ftyp" box with the given brands (major or compatible).
QByteArray isoBaseMediaType(const QByteArray &data)
{
    if (data.size() < 12 || !startsWith(data, "ftyp", 4))
        return {};
    const auto boxSize = (quint32(quint8(data[0])) << 24) | (quint32(quint8(data[1])) << 16)
        | (quint32(quint8(data[2])) << 8) | quint32(quint8(data[3]));
    if (boxSize % 4 != 0 || qsizetype(boxSize) > data.size() || boxSize < 12)
        return {};
    bool mp4 = false;
    for (qsizetype at = 8; at + 4 <= qsizetype(boxSize); at += 4) {
        if (at == 12)
            continue; // minor version, not a brand
        if (startsWith(data, "mp4", at))
            mp4 = true;
    }
    // Go only knows mp4; avif/heic are ours (Go answers octet-stream) and
    // matter for an image server.
    if (startsWith(data, "avif", 8) || startsWith(data, "avis", 8))
        return "image/avif";
    if (startsWith(data, "heic", 8) || startsWith(data, "heix", 8) || startsWith(data, "mif1", 8))
        return "image/heic";
    if (mp4)
        return "video/mp4";
    return {};
}

bool hasBinaryByte(const QByteArray &data)
{
    for (const char ch : data) {
        const auto c = quint8(ch);
        if (c <= 0x08 || c == 0x0B || (c >= 0x0E && c <= 0x1A) || (c >= 0x1C && c <= 0x1F))
            return true;
    }
    return false;
}

} // namespace

QByteArray byExtension(const QString &key)
{
    // Go's path.Ext: from the last '.' of the last segment.
    const qsizetype slash = key.lastIndexOf(QLatin1Char('/'));
    const qsizetype dot = key.lastIndexOf(QLatin1Char('.'));
    if (dot < 0 || dot < slash)
        return {};
    const QByteArray ext = key.mid(dot).toLower().toUtf8();
    for (const auto &entry : kExtensions) {
        if (std::string_view(ext.constData(), size_t(ext.size())) == entry.extension)
            return QByteArray(entry.type);
    }
    return {};
}

QByteArray essence(const QByteArray &contentType)
{
    return contentType.split(';').constFirst().trimmed().toLower();
}

QByteArray sniff(const QByteArray &fullHead)
{
    const QByteArray data = fullHead.left(SniffLength);

    // Markup signatures skip leading whitespace (Go: htmlSig, "<?xml").
    qsizetype ws = 0;
    while (ws < data.size() && isWhitespace(data[ws]))
        ++ws;
    static constexpr std::array<std::string_view, 17> kHtmlTags{
        "<!DOCTYPE HTML", "<HTML",  "<HEAD", "<SCRIPT", "<IFRAME", "<H1", "<DIV", "<FONT", "<TABLE", "<A",
        "<STYLE",         "<TITLE", "<B",    "<BODY",   "<BR",     "<P",  "<!--"};
    for (const auto tag : kHtmlTags) {
        if (matchesHtml(data, ws, tag))
            return "text/html; charset=utf-8";
    }
    if (startsWith(data, "<?xml", ws))
        return "text/xml; charset=utf-8";

    struct Magic
    {
        std::string_view bytes;
        const char *type;
    };
    static constexpr std::array<Magic, 20> kMagic{{
        {"%PDF-", "application/pdf"},
        {"%!PS-Adobe-", "application/postscript"},
        {"\xFE\xFF", "text/plain; charset=utf-16be"},
        {"\xFF\xFE", "text/plain; charset=utf-16le"},
        {"\xEF\xBB\xBF", "text/plain; charset=utf-8"},
        {std::string_view("\x00\x00\x01\x00", 4), "image/x-icon"},
        {std::string_view("\x00\x00\x02\x00", 4), "image/x-icon"},
        {"BM", "image/bmp"},
        {"GIF87a", "image/gif"},
        {"GIF89a", "image/gif"},
        {"\x89PNG\r\n\x1a\n", "image/png"},
        {"\xFF\xD8\xFF", "image/jpeg"},
        {"ID3", "audio/mpeg"},
        {std::string_view("OggS\x00", 5), "application/ogg"},
        {"\x1A\x45\xDF\xA3", "video/webm"},
        {"wOFF", "font/woff"},
        {"wOF2", "font/woff2"},
        {"\x1F\x8B\x08", "application/x-gzip"},
        {"PK\x03\x04", "application/zip"},
        {std::string_view("\x00"
                          "asm",
                          4),
         "application/wasm"},
    }};
    for (const auto &magic : kMagic) {
        if (startsWith(data, magic.bytes))
            return QByteArray(magic.type);
    }
    if (startsWith(data, "RIFF") && startsWith(data, "WEBPVP", 8))
        return "image/webp";
    if (startsWith(data, "RIFF") && startsWith(data, "WAVE", 8))
        return "audio/wave";
    if (startsWith(data, "RIFF") && startsWith(data, "AVI ", 8))
        return "video/avi";
    if (const QByteArray iso = isoBaseMediaType(data); !iso.isEmpty())
        return iso;
    if (startsWith(data, std::string_view("Rar!\x1A\x07\x00", 7))
        || startsWith(data, std::string_view("Rar!\x1A\x07\x01\x00", 8)))
        return "application/x-rar-compressed";

    if (data.isEmpty() || hasBinaryByte(data))
        return "application/octet-stream";
    return "text/plain; charset=utf-8";
}

} // namespace mort::contenttype
