#include "client/localengineclient.h"

#include "service/adminsecurity.h"

#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace mort {

namespace {

constexpr int kProbeTimeoutMs = 10000;

// The first TCP listener among bound addresses ("127.0.0.1:8080", "[::]:80",
// "unix:/path") as a URL this process can reach: wildcards become loopback.
QUrl loopbackUrl(const QStringList &addresses)
{
    for (const QString &address : addresses) {
        if (address.startsWith(QLatin1String("unix:")))
            continue; // QNetworkAccessManager speaks TCP only
        const qsizetype colon = address.lastIndexOf(QLatin1Char(':'));
        QString host = address.left(colon);
        if (host.startsWith(QLatin1Char('[')))
            host = host.mid(1, host.size() - 2);
        const QHostAddress parsed(host);
        if (parsed == QHostAddress::AnyIPv4)
            host = QStringLiteral("127.0.0.1");
        else if (parsed == QHostAddress::AnyIPv6 || parsed == QHostAddress::Any)
            host = QStringLiteral("::1");
        QUrl url;
        url.setScheme(QStringLiteral("http"));
        url.setHost(host);
        url.setPort(address.mid(colon + 1).toInt());
        return url;
    }
    return {};
}

} // namespace

namespace {

// The file's text as written (comments, ${ENV} references): what the Config
// tab edits and readConfig() answers. "" when there is no file.
QString textOf(const QString &path)
{
    QFile file(path);
    return !path.isEmpty() && file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

LocalEngineClient::LocalEngineClient(ConfigPtr config, QString configPath, QObject *parent)
    : EngineClient(parent), m_engine(std::make_unique<Engine>(std::move(config), textOf(configPath))),
      m_configPath(std::move(configPath)), m_render(std::make_unique<AdminRender>(m_engine.get()))
{
    // This process drives the engine directly, never through its admin API:
    // a random token nobody is told keeps other programs (and web pages) out,
    // unless the config or MORT_ADMIN_TOKEN names one to attach with.
    m_engine->setDefaultAdminToken(randomAdminToken());
    // Cache operations are operator-driven and rare; one thread keeps them in order.
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("studio-cache"));
    // One render and one display decode at a time (plus one winding down
    // after a cancel): bounded memory whatever the user clicks.
    m_renderPool.setMaxThreadCount(2);
    m_renderPool.setObjectName(QStringLiteral("studio-preview"));
}

LocalEngineClient::~LocalEngineClient()
{
    m_pool.waitForDone(); // jobs hold a raw Engine pointer
    m_renderPool.waitForDone();
    stop();
}

QString LocalEngineClient::description() const
{
    return tr("Embedded server (%1)").arg(QFileInfo(m_configPath).fileName());
}

bool LocalEngineClient::isRunning() const
{
    return m_engine->isRunning();
}

bool LocalEngineClient::start()
{
    Expected<void> started = m_engine->start();
    if (!started) {
        Q_EMIT errorOccurred(tr("The embedded server could not start: %1\n"
                                "Free the port or change \"listens\" in %2, then restart.")
                                 .arg(started.error().detail, m_configPath));
        return false;
    }
    Q_EMIT stateChanged(true);
    refresh();
    return true;
}

void LocalEngineClient::stop()
{
    if (!m_engine->isRunning())
        return;
    m_engine->stop();
    Q_EMIT stateChanged(false);
}

void LocalEngineClient::refresh()
{
    // A snapshot is atomics, one short cache lock and one /proc read: cheap
    // enough for the GUI thread.
    Q_EMIT statsUpdated(m_engine->stats());
    // The log ring is bounded (1000 lines); a copy of the new ones is cheap.
    if (std::optional<QList<LogLine>> lines = m_engine->logLinesSince(m_logSeq, 1000); lines && !lines->isEmpty()) {
        m_logSeq = lines->constLast().seq;
        Q_EMIT logLinesReceived(*lines);
    }
}

template<typename Result>
void LocalEngineClient::runJob(std::function<Result()> work, std::function<void(const Result &)> deliver)
{
    // The destructor joins m_pool, so `this` outlives the job; the queued
    // delivery is discarded by Qt if the client is destroyed before it runs.
    m_pool.start([this, work = std::move(work), deliver = std::move(deliver)] {
        QMetaObject::invokeMethod(
            this, [result = work(), deliver] { deliver(result); }, Qt::QueuedConnection);
    });
}

void LocalEngineClient::listCache(int limit)
{
    Engine *engine = m_engine.get();
    runJob<Expected<QList<CacheEntryInfo>>>([engine, limit] { return engine->cacheEntries(limit); },
                                            [this](const Expected<QList<CacheEntryInfo>> &entries) {
                                                if (entries)
                                                    Q_EMIT cacheListed(*entries);
                                                else
                                                    Q_EMIT errorOccurred(
                                                        tr("Cannot list the cache: %1").arg(entries.error().detail));
                                            });
}

void LocalEngineClient::evict(const QString &key)
{
    Engine *engine = m_engine.get();
    runJob<Expected<bool>>([engine, key] { return engine->evict(key); },
                           [this, key](const Expected<bool> &removed) {
                               if (removed)
                                   Q_EMIT cacheEvicted(key, *removed);
                               else
                                   Q_EMIT errorOccurred(tr("Cannot evict %1: %2").arg(key, removed.error().detail));
                           });
}

void LocalEngineClient::fetchCacheEntry(const QString &key)
{
    Engine *engine = m_engine.get();
    runJob<Expected<CacheEntryDetail>>([engine, key] { return engine->cacheEntry(key); },
                                       [this, key](const Expected<CacheEntryDetail> &entry) {
                                           if (entry) {
                                               // Headers always; the body (shared, not copied) when it is an image to preview.
                                               CacheEntryView view{entry->info, {}, {}};
                                               if (entry->response) {
                                                   view.headers = entry->response->headers();
                                                   if (entry->info.contentType.startsWith("image/"))
                                                       view.body = entry->response->body();
                                               }
                                               Q_EMIT cacheEntryFetched(view);
                                           } else
                                               Q_EMIT errorOccurred(
                                                   tr("Cannot show %1: %2").arg(key, entry.error().detail));
                                       });
}

void LocalEngineClient::clearCache()
{
    Engine *engine = m_engine.get();
    runJob<Expected<void>>([engine] { return engine->clearCache(); },
                           [this](const Expected<void> &cleared) {
                               if (cleared)
                                   Q_EMIT cacheCleared();
                               else
                                   Q_EMIT errorOccurred(tr("Cannot clear the cache: %1").arg(cleared.error().detail));
                           });
}

void LocalEngineClient::probeObject(const QString &path)
{
    ObjectProbe probe;
    probe.path = path;
    const QUrl base = m_engine->isRunning() ? loopbackUrl(m_engine->stats().publicAddresses) : QUrl();
    if (base.isEmpty()) {
        probe.error = m_engine->isRunning()
            ? tr("the embedded server has no TCP listener; add one to \"listens\" in %1").arg(m_configPath)
            : tr("the embedded server is stopped; start it on the Status tab");
        Q_EMIT objectProbed(probe);
        return;
    }
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    QNetworkRequest request(QUrl(base.toString(QUrl::FullyEncoded) + path));
    request.setRawHeader("X-Mort-Debug", "1");
    request.setTransferTimeout(kProbeTimeoutMs);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, probe]() mutable {
        reply->deleteLater();
        probe.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        probe.transformed = reply->rawHeader("x-mort-transform") == "true";
        if (probe.status == 0)
            probe.error = reply->errorString();
        Q_EMIT objectProbed(probe);
    });
}

} // namespace mort
