#pragma once
// Who may use the admin API (/api/v1 on the internal listener): the bearer
// token, its constant-time check, the start-up exposure rule, and masking of
// secrets in the config text the API hands out.
#include "config/config.h"
#include "http/httpmessage.h"

#include <optional>

namespace mort {

// server.adminToken, or the environment variable MORT_ADMIN_TOKEN when the
// config sets none (a config value is never silently overridden). Empty: no
// token, the admin API is open -- allowed only on a loopback internal listener.
QByteArray adminToken(const ServerConfig &server);

// 32 random bytes from the system's generator, base64url: a token for an
// engine whose admin API only its own process uses (Engine::setDefaultAdminToken).
QByteArray randomAdminToken();

// Compares every byte of the longer input whatever the contents, so the time
// taken does not reveal how many leading bytes of a guess were right. Only the
// lengths' equality is observable (it decides how many bytes are compared).
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

// The token of an "Authorization: Bearer <token>" header (scheme case-insensitive);
// std::nullopt when the header is missing or another scheme.
std::optional<QByteArray> bearerToken(const QByteArray &authorization);

// Start-up rule: the admin API must not be reachable off the host without a
// token. Fails (config.admin_exposed) when internalListen is not loopback
// (host in 127.0.0.0/8, ::1, "localhost", or a unix: socket) and adminToken()
// is empty. An empty internalListen (no internal listener) passes.
Expected<void> checkAdminExposure(const ServerConfig &server);
// Same rule on the text alone (no DNS): true for loopback hosts and unix sockets.
bool isLoopbackListen(const QString &listen);

// Whether `request` may use the admin API: std::nullopt when allowed, else the
// 401 to answer (code admin.unauthorized, WWW-Authenticate: Bearer).
std::optional<HttpResponse> authorizeAdmin(const HttpRequest &request, const ServerConfig &server);

// Keys whose values maskConfigSecrets() replaces (compared case-insensitively):
// secretAccessKey (s3 storages, bucket keys), adminToken, password, passwd,
// secret, clientSecret, secretKey, sessionToken, accountKey, privateKey,
// apiKey, token, authorization (http storage headers). accessKey is an
// identifier, not a secret, and stays visible.
const QStringList &maskedConfigKeys();
inline constexpr QLatin1StringView kMaskedValue{"\"***\""};
// Replaces the value of every masked key with "***": block style
// (`key: value`, also `- key: value`), block scalars (`key: |` and the more
// indented lines after it) and flow mappings (`{key: value, ...}`). Everything
// else, comments and layout included, stays as written.
QString maskConfigSecrets(const QString &yaml);

} // namespace mort
