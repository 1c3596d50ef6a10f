#include "service/adminsecurity.h"

#include "service/adminjson.h"

#include <QHostAddress>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <array>

namespace mort {

QByteArray adminToken(const ServerConfig &server)
{
    if (!server.adminToken.isEmpty())
        return server.adminToken.toUtf8();
    return qgetenv("MORT_ADMIN_TOKEN");
}

QByteArray randomAdminToken()
{
    std::array<quint32, 8> words;
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    return QByteArray(reinterpret_cast<const char *>(words.data()), sizeof(words))
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    // No early exit on a mismatch: every position of the longer input is
    // visited and folded into `diff`; the shorter one reads as zero bytes past
    // its end. volatile keeps the compiler from turning the loop into memcmp.
    const qsizetype n = std::max(a.size(), b.size());
    volatile unsigned char diff = a.size() == b.size() ? 0 : 1;
    for (qsizetype i = 0; i < n; ++i) {
        const unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
        const unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
        diff = diff | static_cast<unsigned char>(x ^ y);
    }
    return diff == 0;
}

std::optional<QByteArray> bearerToken(const QByteArray &authorization)
{
    const QByteArray value = authorization.trimmed();
    constexpr QByteArrayView scheme("bearer");
    if (value.size() <= scheme.size() || !value.first(scheme.size()).toLower().startsWith(scheme)
        || (value.at(scheme.size()) != ' ' && value.at(scheme.size()) != '\t'))
        return std::nullopt;
    return value.mid(scheme.size()).trimmed();
}

bool isLoopbackListen(const QString &listen)
{
    if (listen.startsWith(QLatin1String("unix:")))
        return true;
    const int colon = listen.lastIndexOf(QLatin1Char(':'));
    QString host = colon < 0 ? listen : listen.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    // ":8081" (every interface) and host names other than localhost are not
    // loopback: no DNS lookups at start-up for a security decision.
    QHostAddress address;
    return !host.isEmpty() && address.setAddress(host) && address.isLoopback();
}

Expected<void> checkAdminExposure(const ServerConfig &server)
{
    if (server.internalListen.isEmpty() || isLoopbackListen(server.internalListen) || !adminToken(server).isEmpty())
        return {};
    return Error::internal("config.admin_exposed",
                           QStringLiteral("internalListen \"%1\" is not a loopback address: the admin API there needs "
                                          "a token (server.adminToken or the MORT_ADMIN_TOKEN environment variable)")
                               .arg(server.internalListen),
                           500);
}

namespace {

HttpResponse unauthorized(const QString &message, bool invalidToken)
{
    HttpResponse r = adminErrorResponse(Error::client("admin.unauthorized", 401, message));
    // RFC 6750 §3: tell a client that sent a token that it was the token.
    r.setHeader("WWW-Authenticate",
                invalidToken ? QByteArrayLiteral("Bearer realm=\"mort-admin\", error=\"invalid_token\"")
                             : QByteArrayLiteral("Bearer realm=\"mort-admin\""));
    return r;
}

} // namespace

std::optional<HttpResponse> authorizeAdmin(const HttpRequest &request, const ServerConfig &server)
{
    const QByteArray token = adminToken(server);
    if (token.isEmpty()) {
        // Open only where the start-up rule allows it (also guards an engine
        // that did not run checkAdminExposure()).
        if (checkAdminExposure(server))
            return std::nullopt;
        return unauthorized(QStringLiteral("the admin API on a non-loopback listener needs a configured token"), false);
    }
    const std::optional<QByteArray> presented = bearerToken(request.header("Authorization"));
    if (!presented)
        return unauthorized(QStringLiteral("missing bearer token (Authorization: Bearer <token>)"), false);
    if (!constantTimeEquals(*presented, token))
        return unauthorized(QStringLiteral("invalid bearer token"), true);
    return std::nullopt;
}

const QStringList &maskedConfigKeys()
{
    static const QStringList keys{
        QStringLiteral("secretAccessKey"), QStringLiteral("adminToken"),   QStringLiteral("password"),
        QStringLiteral("passwd"),          QStringLiteral("secret"),       QStringLiteral("clientSecret"),
        QStringLiteral("secretKey"),       QStringLiteral("sessionToken"), QStringLiteral("accountKey"),
        QStringLiteral("privateKey"),      QStringLiteral("apiKey"),       QStringLiteral("token"),
        QStringLiteral("authorization")};
    return keys;
}

namespace {

bool isMaskedKey(const QString &key)
{
    return maskedConfigKeys().contains(key, Qt::CaseInsensitive);
}

int indentOf(const QString &line)
{
    int n = 0;
    while (n < line.size() && line.at(n) == QLatin1Char(' '))
        ++n;
    return n;
}

} // namespace

QString maskConfigSecrets(const QString &yaml)
{
    // `  - "key": value` at the start of a line (block style).
    static const QRegularExpression blockKey(
        QStringLiteral(R"(^(\s*(?:-\s+)?)(["']?)([A-Za-z_][A-Za-z0-9_-]*)\2(\s*:)(?:\s+(.*))?$)"));
    // `{a: b, key: value}` inside a flow mapping.
    static const QRegularExpression flowKey(QStringLiteral(
        R"(([{,]\s*)(["']?)([A-Za-z_][A-Za-z0-9_-]*)\2(\s*:\s*)("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^,}\]\r\n]*))"));

    const QStringList lines = yaml.split(QLatin1Char('\n'));
    QStringList out;
    out.reserve(lines.size());
    int maskedIndent = -1; // lines more indented than this belong to a masked value
    for (QString line : lines) {
        const bool cr = line.endsWith(QLatin1Char('\r'));
        if (cr)
            line.chop(1);
        if (maskedIndent >= 0) {
            // A value's continuation (block scalar, multi-line scalar, nested
            // content) is more indented than its key: drop it with the value.
            if (line.trimmed().isEmpty()) {
                out.append(cr ? line + QLatin1Char('\r') : line); // no content to hide; keeps the layout
                continue;
            }
            if (indentOf(line) > maskedIndent)
                continue;
            maskedIndent = -1;
        }
        const QRegularExpressionMatch block = blockKey.match(line);
        if (block.hasMatch() && isMaskedKey(block.captured(3))) {
            maskedIndent = int(block.capturedLength(1));
            line = block.captured(1) + block.captured(2) + block.captured(3) + block.captured(2) + block.captured(4)
                + QLatin1Char(' ') + kMaskedValue;
        } else if (line.contains(QLatin1Char('{'))) {
            QString rebuilt;
            qsizetype last = 0;
            QRegularExpressionMatchIterator it = flowKey.globalMatch(line);
            while (it.hasNext()) {
                const QRegularExpressionMatch m = it.next();
                if (!isMaskedKey(m.captured(3)))
                    continue;
                rebuilt += QStringView(line).sliced(last, m.capturedStart(5) - last);
                rebuilt += kMaskedValue;
                last = m.capturedEnd(5);
            }
            if (last > 0) {
                rebuilt += QStringView(line).sliced(last);
                line = rebuilt;
            }
        }
        if (cr)
            line += QLatin1Char('\r');
        out.append(line);
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace mort
