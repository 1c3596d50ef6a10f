#include "service/adminorigin.h"

#include "service/adminjson.h"
#include "storage/contenttype.h"

#include <QHostAddress>
#include <QUrl>

namespace mort {

namespace {

// host (lower case, IPv6 without brackets) and port (80 when absent) of an
// http authority; std::nullopt when it is not a plain http origin.
struct Authority
{
    QString host;
    int port = 80;
    bool operator==(const Authority &) const = default;
};

std::optional<Authority> httpAuthority(const QUrl &url)
{
    if (!url.isValid() || url.scheme() != QLatin1String("http") || url.host().isEmpty() || !url.userInfo().isEmpty()
        || !url.path().isEmpty() || url.hasQuery() || url.hasFragment())
        return std::nullopt;
    return Authority{url.host(), url.port(80)};
}

// internalListen's host ("10.0.0.5" of "10.0.0.5:8081"), empty for ":8081" and unix sockets.
QString internalListenHost(const ServerConfig &server)
{
    const QString &listen = server.internalListen;
    if (listen.startsWith(QLatin1String("unix:")))
        return {};
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    QString host = colon < 0 ? listen : listen.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    return host.toLower();
}

bool namesThisMachine(const QString &host, const ServerConfig &server)
{
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress address(host);
    if (!address.isNull() && address.isLoopback())
        return true;
    const QString listenHost = internalListenHost(server);
    return !listenHost.isEmpty() && host == listenHost;
}

} // namespace

bool isOwnAdminOrigin(const QByteArray &origin, const QByteArray &host, const ServerConfig &server)
{
    const std::optional<Authority> from = httpAuthority(QUrl(QString::fromLatin1(origin.trimmed()), QUrl::StrictMode));
    const std::optional<Authority> to =
        httpAuthority(QUrl(QStringLiteral("http://") + QString::fromLatin1(host.trimmed()), QUrl::StrictMode));
    return from && to && *from == *to && namesThisMachine(to->host, server);
}

bool isAdminBodyType(const QByteArray &contentType)
{
    const QByteArray essence = contenttype::essence(contentType);
    // application/octet-stream carries the images of /render and /display;
    // like JSON and YAML it is not a type a page sends without a preflight.
    return essence == "application/json" || essence == "application/yaml" || essence == "application/x-yaml"
        || essence == "text/yaml" || essence == "text/x-yaml" || essence == "application/octet-stream";
}

std::optional<HttpResponse> refuseBrowserForgery(const HttpRequest &request, const ServerConfig &server)
{
    if (hasHeader(request.headers, "Origin")
        && !isOwnAdminOrigin(request.header("Origin"), request.header("Host"), server)) {
        return adminErrorResponse(Error::client(
            "admin.cross_origin", 403,
            QStringLiteral("the admin API refuses requests from web pages of another origin (Origin: %1); "
                           "use mort-studio --attach, curl or a script, which send no Origin header")
                .arg(QString::fromLatin1(request.header("Origin")))));
    }
    if (!request.body.isEmpty() && !isAdminBodyType(request.header("Content-Type"))) {
        return adminErrorResponse(Error::client(
            "admin.unsupported_media_type", 415,
            QStringLiteral("the admin API takes JSON, YAML or image bodies only: send Content-Type: "
                           "application/json (application/yaml for a config, application/octet-stream for an image)")));
    }
    return std::nullopt;
}

} // namespace mort
