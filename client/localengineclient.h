#pragma once
// The engine embedded in the studio process: owns it, starts and stops it.
#include "ui/engineclient.h"

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

    bool start();
    void stop();
    Engine *engine() { return m_engine.get(); }

private:
    // Runs `work` on m_pool; `deliver` then runs on this object's thread
    // (dropped if the client is gone by then).
    template<typename Result>
    void runJob(std::function<Result()> work, std::function<void(const Result &)> deliver);

    std::unique_ptr<Engine> m_engine;
    QString m_configPath;
    quint64 m_logSeq = 0; // newest log line delivered
    QNetworkAccessManager *m_network = nullptr; // made by the first probeObject()
    QThreadPool m_pool; // declared after m_engine: destroyed (joined) first
};

} // namespace mort
