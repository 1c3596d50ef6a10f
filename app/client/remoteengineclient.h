#pragma once
// A running mort-server (or headless mort-studio) watched through its admin
// API on the internal listener (service/adminapi.h). Stats arrive on the
// Server-Sent Events stream; when the stream cannot be held open (a buffering
// proxy, an older server) the client polls /api/v1/stats instead and keeps
// trying to get the stream back, with exponential backoff.
#include "client/engineclient.h"
#include "client/sseparser.h"

#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>

class QJsonObject;
class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace mort {

class RemoteEngineClient : public EngineClient
{
    Q_OBJECT
public:
    enum class Mode { Disconnected, Streaming, Polling };
    Q_ENUM(Mode)

    static constexpr int kDefaultIntervalMs = 1000;
    static constexpr int kRequestTimeoutMs = 10'000;

    // `baseUrl`: the internal listener, "http://127.0.0.1:8081" (a missing
    // scheme means http). `token`: the admin token, empty when the API is open.
    RemoteEngineClient(const QUrl &baseUrl, const QString &token, QObject *parent = nullptr);
    ~RemoteEngineClient() override;

    // "host:port" and "http://host:port/" alike -> "http://host:port".
    static QUrl normalizedUrl(const QString &text);

    QString description() const override;
    bool isRunning() const override;
    void refresh() override;
    bool pushesStats() const override { return true; }
    bool isConnected() const override { return m_mode != Mode::Disconnected; }
    QString connectionError() const override { return m_connectionError; }
    void reconnect() override { connectToServer(); }

    void listCache(int limit) override;
    void evict(const QString &key) override;
    void clearCache() override;
    void fetchCacheEntry(const QString &key) override;

    // remotestudiocalls.cpp: the admin API's studio routes (adminapi.h).
    void listObjects(const QString &bucket, int limit, QObject *context, Done<QStringList> done) override;
    void readObject(const QString &bucket, const QString &key, QObject *context, Done<QByteArray> done) override;
    void renderPreview(const PreviewRequest &request, const CancelToken &cancel, QObject *context,
                       Done<RenderedPreview> done) override;
    void decodeForDisplay(const QByteArray &bytes, bool autoRotate, int maxSide, QObject *context,
                          Done<QImage> done) override;
    void readConfig(QObject *context, Done<ConfigSnapshot> done) override;
    // The server edits its own config text (the studio never sees its secrets).
    void savePreset(const QString &bucket, const QString &snippet, QObject *context, Done<SavedPreset> done) override;
    // remoteconfigcalls.cpp: POST config/validate and config/apply. A text
    // still holding the masked secrets of GET config is refused here, unsent.
    void validateConfig(const QString &yaml, QObject *context, Done<ConfigCheck> done) override;
    void applyConfig(const QString &yaml, QObject *context, Done<ConfigCheck> done) override;
    // GET presets/stale, POST and DELETE presets/stale/<id>/purge.
    void listStalePresets(QObject *context, Done<QList<StalePreset>> done) override;
    void purgeStaleResults(quint64 id, QObject *context, Done<StalePreset> done) override;
    void cancelStaleResultsPurge(quint64 id, QObject *context, Done<bool> done) override;

    // Opens the event stream; statsUpdated() follows once a second.
    void connectToServer();
    void disconnectFromServer();
    void setToken(const QString &token);
    QUrl baseUrl() const { return m_base; }
    Mode mode() const { return m_mode; }

    void setStreamIntervalMs(int ms) { m_intervalMs = ms; }
    // Reconnect delays: the first, doubled per failure up to the last.
    void setReconnectDelays(int firstMs, int maxMs);

Q_SIGNALS:
    void modeChanged(mort::RemoteEngineClient::Mode mode);

private:
    enum class Failure { None, Auth, Unreachable, Other };

    QNetworkRequest request(const QString &route) const;
    // One call; `onSuccess` gets the body when the status is 200 and returns
    // false when it cannot use it (reported like a failed call).
    void callRaw(const QByteArray &verb, const QString &route, const QByteArray &body,
                 std::function<bool(const QByteArray &)> onSuccess);
    // One JSON call; `onSuccess` gets the answer's object when the status is 200.
    void call(const QByteArray &verb, const QString &route, const QByteArray &body,
              std::function<void(const QJsonObject &)> onSuccess);
    // One studio call (GET, POST or DELETE): `done` gets the finished reply
    // (a 2xx status) or the server's error (its status, code and message)
    // while `context` lives.
    void studioCall(const QByteArray &verb, const QString &route, const QByteArray &body, const QByteArray &contentType,
                    QObject *context, std::function<void(const Expected<QNetworkReply *> &)> done);
    Error errorOf(QNetworkReply *reply, const QByteArray &body) const;
    // POST `yaml` to config/validate or config/apply; 422 and 409 are answers (ConfigCheck).
    void postConfig(bool apply, const QString &yaml, QObject *context, Done<ConfigCheck> done);
    void openStream();
    void onStreamData();
    void onStreamFinished();
    void poll();
    void scheduleReconnect();
    void acceptStats(const QJsonObject &object, Mode via);
    void setMode(Mode mode);
    // The server cannot be reached (or refused the token): Disconnected, with why.
    void lostConnection(const QString &message);
    Failure classify(QNetworkReply *reply) const;
    QString describe(QNetworkReply *reply, const QByteArray &body) const;
    void fail(const QString &message);

    QNetworkAccessManager *m_nam;
    QUrl m_base;
    QString m_token;
    QPointer<QNetworkReply> m_stream;
    SseParser m_parser;
    QTimer m_reconnect;
    QTimer m_poll;
    int m_intervalMs = kDefaultIntervalMs;
    int m_firstDelayMs = 1000;
    int m_maxDelayMs = 30'000;
    int m_delayMs = 1000;
    bool m_wanted = false; // connectToServer() called, not disconnected since
    bool m_pollInFlight = false;
    Mode m_mode = Mode::Disconnected;
    bool m_running = false;    // as the last snapshot said
    QString m_lastError;       // not repeated while it stays the same
    QString m_connectionError; // why the last connection attempt failed; empty once connected
};

} // namespace mort
