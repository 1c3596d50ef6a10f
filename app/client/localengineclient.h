#pragma once
// The engine embedded in the studio process: owns it, starts and stops it.
#include "client/engineclient.h"

#include "service/adminrender.h"
#include "service/engine.h"

#include <QThreadPool>

class QNetworkAccessManager;

#include <functional>
#include <memory>

namespace mort {

class LocalEngineClient : public EngineClient
{
    Q_OBJECT
public:
    LocalEngineClient(ConfigPtr config, QString configPath, QObject *parent = nullptr);
    ~LocalEngineClient() override; // waits for cache jobs, then stops the engine

    QString description() const override;
    bool isRunning() const override;
    void refresh() override;
    bool controlsServer() const override { return true; }

    // Walking and clearing a large cache takes its mutex for a while: done on
    // a worker thread, the result delivered back on this object's thread.
    void listCache(int limit) override;
    void evict(const QString &key) override;
    void clearCache() override;
    void fetchCacheEntry(const QString &key) override;
    // Over loopback to the first TCP listener, with X-Mort-Debug (honoured
    // for local clients) so the answer says whether a transform was parsed.
    void probeObject(const QString &path) override;

    // localstudiocalls.cpp: the engine's storages, pipeline and config, on
    // worker threads (renders on a pool of their own, so a slow cache walk
    // never holds up the preview).
    void listObjects(const QString &bucket, int limit, QObject *context, Done<QStringList> done) override;
    void readObject(const QString &bucket, const QString &key, QObject *context, Done<QByteArray> done) override;
    void renderPreview(const PreviewRequest &request, const CancelToken &cancel, QObject *context,
                       Done<RenderedPreview> done) override;
    void decodeForDisplay(const QByteArray &bytes, bool autoRotate, int maxSide, QObject *context,
                          Done<QImage> done) override;
    void readConfig(QObject *context, Done<ConfigSnapshot> done) override;
    // Edits the config file the studio runs on (other lines kept, the old
    // one kept as .bak), then the engine takes it.
    void savePreset(const QString &bucket, const QString &snippet, QObject *context, Done<SavedPreset> done) override;
    bool canSavePresets(QString *why = nullptr) const override;
    // localconfigcalls.cpp: the engine's validator and hot reload, in process.
    void validateConfig(const QString &yaml, QObject *context, Done<ConfigCheck> done) override;
    void applyConfig(const QString &yaml, QObject *context, Done<ConfigCheck> done) override;
    void listStalePresets(QObject *context, Done<QList<StalePreset>> done) override;
    void purgeStaleResults(quint64 id, QObject *context, Done<StalePreset> done) override;
    void cancelStaleResultsPurge(quint64 id, QObject *context, Done<bool> done) override;
    bool servesImages() const override { return true; } // running or not

    bool start();
    void stop();
    Engine *engine() { return m_engine.get(); }

private:
    // Runs `work` on m_pool; `deliver` then runs on this object's thread
    // (dropped if the client is gone by then).
    template<typename Result>
    void runJob(std::function<Result()> work, std::function<void(const Result &)> deliver);
    // `work` on `pool`; `done` on this object's thread while `context` lives.
    template<typename T>
    void answer(QThreadPool &pool, QObject *context, std::function<Expected<T>()> work, Done<T> done);

    std::unique_ptr<Engine> m_engine;
    QString m_configPath;
    quint64 m_logSeq = 0;                       // newest log line delivered
    QNetworkAccessManager *m_network = nullptr; // made by the first probeObject()
    std::unique_ptr<AdminRender> m_render;      // the admin API's renderer, over this engine
    QThreadPool m_pool;                         // declared after m_engine: destroyed (joined) first
    QThreadPool m_renderPool;                   // renders and display decodes
};

} // namespace mort
