#include "service/engine.h"

#include "http/httpserver.h"
#include "imaging/imageprocessor.h"
#include "monitoring/processstats.h"
#include "service/internalapi.h"
#include "service/objecthandler.h"
#include "storage/storageclientcache.h"

#include <QLoggingCategory>
#include <QThread>

#include <vips/vips.h>

Q_LOGGING_CATEGORY(lcEngine, "mort.engine")

namespace mort {

namespace {
constexpr int kStorageClientCapacity = 64;
constexpr int kBackgroundQueueCapacity = 256; // result stores queued or running
constexpr int kBackgroundThreads = 2;

HttpLimits httpLimits(const LimitsConfig &l)
{
    HttpLimits h;
    h.maxHeaderBytes = l.maxHeaderBytes;
    h.maxBodyBytes = l.maxBodyBytes;
    h.headerTimeoutMs = l.headerTimeoutMs;
    h.idleTimeoutMs = l.idleTimeoutMs;
    return h;
}
} // namespace

Engine::Engine(ConfigPtr config)
    : m_config(std::move(config)),
      m_storages(std::make_unique<StorageClientCache>(kStorageClientCapacity)),
      m_background(std::make_unique<BackgroundQueue>(kBackgroundQueueCapacity, kBackgroundThreads, &m_tasks))
{
    m_handler = std::make_unique<ObjectHandler>(m_config, &m_tasks, m_storages.get(), m_background.get(),
                                                QThread::idealThreadCount());
    m_internalApi = std::make_unique<InternalApi>([this] { return stats(); });
    m_handler->setInternalApi(m_internalApi.get());
}

Engine::~Engine()
{
    stop();
}

Expected<void> Engine::start()
{
    if (m_http)
        return {};
    if (Expected<void> vips = initImaging("mort"); !vips)
        return vips;
    QList<ListenAddress> addresses;
    for (const QString &text : m_config->server.listens) {
        auto a = ListenAddress::parse(text, false);
        if (!a)
            return a.takeError();
        addresses.append(*a);
    }
    if (!m_config->server.internalListen.isEmpty()) {
        auto a = ListenAddress::parse(m_config->server.internalListen, true);
        if (!a)
            return a.takeError();
        addresses.append(*a);
    }
    auto http = std::make_unique<HttpServer>(httpLimits(m_config->server.limits), m_handler.get(), &m_tasks);
    if (Expected<void> bound = http->listen(addresses); !bound)
        return bound;
    m_http = std::move(http);
    m_startedAt = QDateTime::currentDateTimeUtc();
    return {};
}

void Engine::stop(int graceMs)
{
    if (!m_http)
        return;
    m_http->stop(graceMs < 0 ? m_config->server.limits.shutdownGraceMs : graceMs);
    m_http.reset();
    m_handler->waitForDone(-1);
    m_background->waitForIdle(-1);
    m_storages->clear();
}

bool Engine::isRunning() const
{
    return m_http != nullptr;
}

ConfigPtr Engine::config() const
{
    return m_config;
}

void Engine::waitForBackground(int timeoutMs)
{
    m_background->waitForIdle(timeoutMs);
}

EngineStats Engine::stats() const
{
    EngineStats s;
    s.running = m_http != nullptr;
    s.startedAt = m_startedAt;
    if (m_http) {
        s.publicAddresses = m_http->boundAddresses(false);
        s.internalAddresses = m_http->boundAddresses(true);
        s.http = m_http->stats();
    }
    s.tasks = m_tasks.snapshot();
    const PipelineCounters &c = m_handler->counters();
    s.transformsExecuted = c.transformsExecuted.load();
    s.transformsFailed = c.transformsFailed.load();
    s.throttled = c.throttled.load();
    s.downloads = c.downloads.load();
    s.resultsStored = c.resultsStored.load();
    s.storeFailures = c.storeFailures.load();
    s.taskExceptions = c.taskExceptions.load();
    s.transformsInFlight = c.transformsInFlight.load();
    s.backgroundPending = m_background->pending();
    s.backgroundDropped = m_background->dropped();
    s.storageClients = m_storages->size();
    s.residentBytes = readProcessStats().residentBytes;
    s.imagingMemoryBytes = static_cast<qint64>(vips_tracked_get_mem());
    return s;
}

} // namespace mort
