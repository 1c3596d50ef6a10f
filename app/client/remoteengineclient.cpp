#include "client/remoteengineclient.h"

#include "service/adminjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace mort {

RemoteEngineClient::RemoteEngineClient(const QUrl &baseUrl, const QString &token, QObject *parent)
    : EngineClient(parent), m_nam(new QNetworkAccessManager(this)), m_base(baseUrl), m_token(token)
{
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &RemoteEngineClient::openStream);
    connect(&m_poll, &QTimer::timeout, this, &RemoteEngineClient::poll);
}

RemoteEngineClient::~RemoteEngineClient()
{
    disconnectFromServer();
}

QUrl RemoteEngineClient::normalizedUrl(const QString &text)
{
    QString t = text.trimmed();
    if (!t.contains(QLatin1String("://")))
        t.prepend(QLatin1String("http://"));
    QUrl url(t, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return {};
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    return url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment);
}

QString RemoteEngineClient::description() const
{
    return m_base.toString();
}

bool RemoteEngineClient::isRunning() const
{
    return m_mode != Mode::Disconnected && m_running;
}

void RemoteEngineClient::setToken(const QString &token)
{
    m_token = token;
}

void RemoteEngineClient::setReconnectDelays(int firstMs, int maxMs)
{
    m_firstDelayMs = firstMs;
    m_maxDelayMs = std::max(firstMs, maxMs);
    m_delayMs = firstMs;
}

QNetworkRequest RemoteEngineClient::request(const QString &route) const
{
    QUrl url = m_base;
    const int query = route.indexOf(QLatin1Char('?'));
    url.setPath(m_base.path() + QStringLiteral("/api/v1/") + route.left(query));
    if (query >= 0)
        url.setQuery(route.mid(query + 1));
    QNetworkRequest r(url);
    if (!m_token.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    r.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    r.setTransferTimeout(kRequestTimeoutMs);
    return r;
}

void RemoteEngineClient::connectToServer()
{
    m_wanted = true;
    m_delayMs = m_firstDelayMs;
    m_lastError.clear();
    openStream();
}

void RemoteEngineClient::disconnectFromServer()
{
    m_wanted = false;
    m_reconnect.stop();
    m_poll.stop();
    if (QNetworkReply *stream = m_stream.data()) {
        m_stream = nullptr; // onStreamFinished() ignores replies that are not m_stream
        stream->abort();
        stream->deleteLater();
    }
    setMode(Mode::Disconnected);
}

void RemoteEngineClient::openStream()
{
    if (!m_wanted)
        return;
    if (QNetworkReply *old = m_stream.data()) {
        m_stream = nullptr;
        old->abort();
        old->deleteLater();
    }
    m_parser.reset();
    QNetworkRequest r = request(QStringLiteral("stream?intervalMs=%1").arg(m_intervalMs));
    r.setRawHeader("Accept", "text/event-stream");
    // The transfer timeout counts idle time: a stream that stops delivering
    // events for three intervals is as good as gone (a buffering proxy, a hung server).
    r.setTransferTimeout(std::max(5000, 3 * m_intervalMs));
    QNetworkReply *reply = m_nam->get(r);
    m_stream = reply;
    connect(reply, &QNetworkReply::readyRead, this, &RemoteEngineClient::onStreamData);
    connect(reply, &QNetworkReply::finished, this, &RemoteEngineClient::onStreamFinished);
}

void RemoteEngineClient::onStreamData()
{
    QNetworkReply *reply = m_stream.data();
    if (!reply || sender() != reply)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200
        || !reply->header(QNetworkRequest::ContentTypeHeader)
                .toString()
                .startsWith(QLatin1String("text/event-stream"))) {
        return; // an error body: onStreamFinished() reads it
    }
    for (const SseEvent &event : m_parser.feed(reply->readAll())) {
        const QJsonDocument doc = QJsonDocument::fromJson(event.data);
        if (!doc.isObject())
            continue;
        if (event.type == QLatin1String("stats")) {
            acceptStats(doc.object(), Mode::Streaming);
        } else if (event.type == QLatin1String("log")) {
            QList<LogLine> lines;
            for (const QJsonValue &line : doc.object().value(QLatin1String("lines")).toArray())
                lines.append(logLineFromJson(line.toObject()));
            if (!lines.isEmpty())
                Q_EMIT logLinesReceived(lines);
        }
    }
    if (m_parser.overflowed())
        reply->abort(); // not an event stream we understand: poll instead
}

void RemoteEngineClient::onStreamFinished()
{
    auto *reply = qobject_cast<QNetworkReply *>(sender());
    if (!reply)
        return;
    reply->deleteLater();
    if (reply != m_stream.data())
        return; // replaced or disconnected on purpose
    m_stream = nullptr;
    const QByteArray body = reply->readAll();
    switch (classify(reply)) {
    case Failure::Auth:
        // A wrong token does not fix itself: stop until the user changes it.
        m_wanted = false;
        lostConnection(describe(reply, body));
        return;
    case Failure::Unreachable: lostConnection(describe(reply, body)); break;
    case Failure::None:
    case Failure::Other:
        // The server answers but the stream did not hold (ended, timed out,
        // not offered): keep the numbers coming by polling meanwhile.
        if (!m_poll.isActive()) {
            m_poll.start(m_intervalMs);
            poll();
        }
        break;
    }
    scheduleReconnect();
}

void RemoteEngineClient::scheduleReconnect()
{
    if (!m_wanted)
        return;
    m_reconnect.start(m_delayMs);
    m_delayMs = std::min(m_delayMs * 2, m_maxDelayMs);
}

void RemoteEngineClient::poll()
{
    if (m_pollInFlight)
        return; // a slow server: do not stack requests
    m_pollInFlight = true;
    QNetworkReply *reply = m_nam->get(request(QStringLiteral("stats")));
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_pollInFlight = false;
        const QByteArray body = reply->readAll();
        const Failure failure = classify(reply);
        if (failure == Failure::None) {
            const QJsonDocument doc = QJsonDocument::fromJson(body);
            if (doc.isObject()) {
                acceptStats(doc.object(), m_stream ? m_mode : Mode::Polling);
                return;
            }
        }
        if (failure == Failure::Auth)
            m_wanted = false;
        if (failure == Failure::Auth || failure == Failure::Unreachable)
            lostConnection(describe(reply, body));
        else
            fail(describe(reply, body));
    });
}

void RemoteEngineClient::refresh()
{
    poll();
}

void RemoteEngineClient::acceptStats(const QJsonObject &object, Mode via)
{
    if (via == Mode::Streaming) {
        m_poll.stop();
        m_delayMs = m_firstDelayMs; // the stream works again
    }
    m_lastError.clear();
    m_connectionError.clear();
    setMode(via == Mode::Disconnected ? Mode::Polling : via);
    const bool wasRunning = isRunning();
    const EngineStats stats = engineStatsFromJson(object);
    m_running = stats.running;
    if (isRunning() != wasRunning)
        Q_EMIT stateChanged(isRunning());
    Q_EMIT statsUpdated(stats);
}

void RemoteEngineClient::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    const bool wasRunning = isRunning();
    const bool wasConnected = isConnected();
    m_mode = mode;
    Q_EMIT modeChanged(mode);
    if (isConnected() != wasConnected)
        Q_EMIT connectionChanged(isConnected());
    if (isRunning() != wasRunning)
        Q_EMIT stateChanged(isRunning());
}

void RemoteEngineClient::lostConnection(const QString &message)
{
    m_poll.stop();
    m_connectionError = message;
    if (isConnected())
        setMode(Mode::Disconnected); // connectionChanged(false)
    else
        Q_EMIT connectionChanged(false); // a first or repeated attempt failed: the reason may be new
    fail(message);
}

RemoteEngineClient::Failure RemoteEngineClient::classify(QNetworkReply *reply) const
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 401)
        return Failure::Auth;
    if (status == 0) {
        // No HTTP answer at all.
        return reply->error() == QNetworkReply::NoError ? Failure::Other : Failure::Unreachable;
    }
    if (status == 200 && reply->error() == QNetworkReply::NoError)
        return Failure::None;
    return Failure::Other;
}

QString RemoteEngineClient::describe(QNetworkReply *reply, const QByteArray &body) const
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 401)
        return tr("The server refused the token (401): check MORT_ADMIN_TOKEN or the saved token.");
    if (status == 0) {
        QString reason;
        switch (reply->error()) {
        case QNetworkReply::ConnectionRefusedError: reason = tr("connection refused"); break;
        case QNetworkReply::HostNotFoundError: reason = tr("host not found"); break;
        case QNetworkReply::TimeoutError:
        case QNetworkReply::OperationCanceledError: reason = tr("no answer in time"); break;
        case QNetworkReply::RemoteHostClosedError: reason = tr("the connection was closed"); break;
        case QNetworkReply::SslHandshakeFailedError: reason = tr("the TLS handshake failed"); break;
        default: reason = reply->errorString(); break;
        }
        return tr("Cannot reach %1: %2. Is mort-server running and is internalListen reachable?")
            .arg(m_base.toString(), reason);
    }
    // The API's own error shape: {"code": ..., "message": ...}.
    const QJsonObject error = QJsonDocument::fromJson(body).object();
    const QString message = error.value(QLatin1String("message")).toString();
    if (status == 200)
        return tr("%1 sent an answer the studio does not understand.").arg(m_base.toString());
    return message.isEmpty() ? tr("%1 answered HTTP %2.").arg(m_base.toString()).arg(status)
                             : tr("%1 answered HTTP %2: %3").arg(m_base.toString()).arg(status).arg(message);
}

void RemoteEngineClient::fail(const QString &message)
{
    if (message == m_lastError)
        return; // a server that stays down is reported once, not every retry
    m_lastError = message;
    Q_EMIT errorOccurred(message);
}

void RemoteEngineClient::callRaw(const QByteArray &verb, const QString &route, const QByteArray &body,
                                 std::function<bool(const QByteArray &)> onSuccess)
{
    QNetworkRequest r = request(route);
    if (verb == "POST")
        r.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = verb == "POST" ? m_nam->post(r, body) : m_nam->get(r);
    connect(reply, &QNetworkReply::finished, this, [this, reply, onSuccess = std::move(onSuccess)] {
        reply->deleteLater();
        const QByteArray answer = reply->readAll();
        if (classify(reply) == Failure::None && onSuccess(answer))
            return;
        // Operator actions always report, even when the same error was shown before.
        m_lastError.clear();
        fail(describe(reply, answer));
    });
}

void RemoteEngineClient::call(const QByteArray &verb, const QString &route, const QByteArray &body,
                              std::function<void(const QJsonObject &)> onSuccess)
{
    callRaw(verb, route, body, [onSuccess = std::move(onSuccess)](const QByteArray &answer) {
        const QJsonDocument doc = QJsonDocument::fromJson(answer);
        if (!doc.isObject())
            return false;
        onSuccess(doc.object());
        return true;
    });
}

void RemoteEngineClient::listCache(int limit)
{
    call("GET", QStringLiteral("cache?limit=%1").arg(limit), {}, [this](const QJsonObject &answer) {
        Q_EMIT cacheListed(cacheEntriesFromJson(answer.value(QLatin1String("entries")).toArray()));
    });
}

void RemoteEngineClient::evict(const QString &key)
{
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("key"), key}}).toJson(QJsonDocument::Compact);
    call("POST", QStringLiteral("cache/evict"), body, [this, key](const QJsonObject &answer) {
        Q_EMIT cacheEvicted(key, answer.value(QLatin1String("removed")).toBool());
    });
}

void RemoteEngineClient::fetchCacheEntry(const QString &key)
{
    const QString query = QStringLiteral("?key=") + QString::fromLatin1(QUrl::toPercentEncoding(key));
    call("GET", QStringLiteral("cache/entry") + query, {}, [this, query](const QJsonObject &answer) {
        const QList<CacheEntryInfo> rows =
            cacheEntriesFromJson(QJsonArray{answer.value(QLatin1String("entry")).toObject()});
        const CacheEntryInfo info = rows.value(0);
        const HttpHeaders headers = cacheEntryHeadersFromJson(answer);
        if (!info.contentType.startsWith("image/")) { // only images are previewed: no body
            Q_EMIT cacheEntryFetched({info, headers, {}});
            return;
        }
        callRaw("GET", QStringLiteral("cache/entry/body") + query, {}, [this, info, headers](const QByteArray &body) {
            Q_EMIT cacheEntryFetched({info, headers, body});
            return true;
        });
    });
}

void RemoteEngineClient::clearCache()
{
    call("POST", QStringLiteral("cache/clear"), {}, [this](const QJsonObject &) { Q_EMIT cacheCleared(); });
}

} // namespace mort
