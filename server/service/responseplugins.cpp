#include "service/responseplugins.h"

#include "http/compression.h"
#include "http/conditionalresponse.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcPlugins, "mort.plugins")

namespace mort {

namespace {

// Mort compresses only bodies of at least this many bytes (spec §8).
constexpr qsizetype kMinCompressBytes = 1000;

bool typeMatches(const CompressAlgorithmConfig &config, const QByteArray &contentType)
{
    for (const QString &type : config.types) {
        if (contentType.contains(type.toLatin1()))
            return true;
    }
    return false;
}

void compressIfWanted(const PluginsConfig &plugins, const HttpRequest &request, HttpResponse &response)
{
    const QByteArray acceptEncoding = request.header("Accept-Encoding");
    const QByteArray contentType = response.header("Content-Type");
    const bool compressible = !contentType.isEmpty() && response.body.size() >= kMinCompressBytes
        && !hasHeader(response.headers, "Content-Encoding") && !hasHeader(response.headers, "Content-Length")
        && ((plugins.brotli && typeMatches(*plugins.brotli, contentType))
            || (plugins.gzip && typeMatches(*plugins.gzip, contentType)));
    if (!compressible)
        return;
    // Compressed or not, this answer depends on Accept-Encoding: without Vary
    // a shared cache could keep the plain copy for clients that asked for gzip
    // or the reverse (issue 23, battery item 7; nginx's gzip_vary does the same).
    appendHeaderToken(response, "Vary", "Accept-Encoding");
    if (acceptEncoding.isEmpty() || request.isHead() || isConditionalOrRange(request))
        return;
    // Mort's order: br, then zstd, then gzip; substring test, q-values ignored.
    // zstd is not built in: a zstd-only client gets the body uncompressed.
    struct Choice
    {
        const char *token;
        const std::optional<CompressAlgorithmConfig> &config;
        Compression algorithm;
    };
    const Choice choices[] = {{"br", plugins.brotli, Compression::Brotli}, {"gzip", plugins.gzip, Compression::Gzip}};
    for (const Choice &c : choices) {
        if (!acceptEncoding.contains(c.token) || !c.config || !typeMatches(*c.config, contentType))
            continue;
        Expected<QByteArray> compressed = compressBody(response.body, c.algorithm, c.config->level);
        if (!compressed) {
            qCWarning(lcPlugins) << "compression failed, sending identity:" << compressed.error().toString();
            return;
        }
        response.body = std::move(compressed).value();
        response.setHeader("Content-Encoding", c.token);
        return;
    }
}

} // namespace

void appendHeaderToken(HttpResponse &response, const QByteArray &name, const QByteArray &token)
{
    const QByteArray current = response.header(name);
    if (current.isEmpty()) {
        response.setHeader(name, token);
        return;
    }
    for (const QByteArray &part : current.split(',')) {
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return;
    }
    response.setHeader(name, current + ", " + token);
}

void applyResponsePlugins(const PluginsConfig &plugins, const HttpRequest &request, bool transformed,
                          HttpResponse &response)
{
    if (plugins.webp && transformed && response.header("Content-Type").contains("image/"))
        appendHeaderToken(response, "Vary", "Accept"); // whether or not this request was converted (spec §7)
    if (plugins.gzip || plugins.brotli)
        compressIfWanted(plugins, request, response);
}

} // namespace mort
