#pragma once
// Helpers of the seed regression tests (tests/memory): one per Mort finding of
// the published analysis of Mort's leaks. The engine fixture itself is reused from
// integration/testserver.h; this header only adds what the memory tests need
// on top of it:
//  - heap and RSS probes (mallinfo2, /proc/self/clear_refs for the peak),
//  - HandlerRig: a real ObjectHandler with real storages, cache and collapser,
//    driven through HttpExchange objects that have no socket behind them, so a
//    test can look at the exact HttpResponse handed to HttpExchange::respond()
//    (zero-copy checks by QByteArray::constData() identity).
#include "integration/testserver.h"

#include "cache/responsecache.h"
#include "core/backgroundqueue.h"
#include "core/taskregistry.h"
#include "lock/requestcollapser.h"
#include "monitoring/processstats.h"
#include "service/objecthandler.h"
#include "storage/storageclientcache.h"

#include <QThread>

#include <malloc.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>

// Zero-copy check: `a` and `b` (QByteArrays) point at the very same bytes.
// Note QCOMPARE on two `const char *` compares C strings, not pointers: cast.
#define QCOMPARE_SAME_BUFFER(a, b)                                                                                     \
    QCOMPARE(static_cast<const void *>((a).constData()), static_cast<const void *>((b).constData()))

namespace mort::test {

// Bytes currently allocated through malloc (all arenas + mmapped chunks).
// Unlike RSS this drops as soon as memory is freed, so it measures what is
// still *held*.
inline qint64 heapLiveBytes()
{
    const struct mallinfo2 mi = mallinfo2();
    return qint64(mi.uordblks) + qint64(mi.hblkhd);
}

// Resets VmHWM (peak RSS) to the current RSS (Linux: clear_refs 5), so
// readProcessStats().peakResidentBytes afterwards is the peak of what follows.
inline bool resetPeakRss()
{
    FILE *f = std::fopen("/proc/self/clear_refs", "w");
    if (!f)
        return false;
    const bool ok = std::fputs("5", f) >= 0;
    return std::fclose(f) == 0 && ok;
}

// Live count of every task kind, for messages.
inline QByteArray liveTasksText(const TaskRegistry &tasks)
{
    QByteArray out;
    for (const TaskCounts &c : tasks.snapshot())
        if (c.live != 0)
            out += taskKindName(c.kind) + '=' + QByteArray::number(c.live) + ' ';
    return out.isEmpty() ? QByteArray("none") : out;
}

// Writes `size` bytes of filler to `path` (parent folders created).
inline bool writeFiller(const QString &path, qint64 size, char fill = 'm')
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const QByteArray block(1 << 20, fill);
    for (qint64 done = 0; done < size;) {
        const qint64 n = qMin<qint64>(block.size(), size - done);
        if (f.write(block.constData(), n) != n)
            return false;
        done += n;
    }
    return true;
}

// A real ObjectHandler with its own services, no HTTP server. Exchanges have a
// ConnectionLink without a connection: respond() stores the response in the
// exchange (takeResponse() returns it) exactly as it would be handed to the
// transport.
class HandlerRig
{
public:
    HandlerRig() { QVERIFY2(m_dir.isValid(), "no temporary directory"); }
    ~HandlerRig()
    {
        if (handler) {
            handler->waitForDone(-1);
            background.waitForIdle(-1); // its jobs use the handler
            handler.reset();
        }
    }
    HandlerRig(const HandlerRig &) = delete;
    HandlerRig &operator=(const HandlerRig &) = delete;

    QString root() const { return m_dir.path(); }
    bool addFile(const QString &source, const QString &target)
    {
        const QString to = m_dir.filePath(target);
        QDir().mkpath(QFileInfo(to).absolutePath());
        return QFile::copy(testDataPath(source), to);
    }

    // `yaml` may use @ROOT@. Empty string on success.
    QString start(QString yaml, bool withCache = true, bool withCollapser = true)
    {
        if (auto vips = initImaging("mort-memory-tests"); !vips)
            return vips.error().toString();
        yaml.replace(QLatin1String("@ROOT@"), root());
        auto config = ConfigLoader::fromText(yaml);
        if (!config)
            return config.error().toString();
        const ConfigPtr cfg = std::move(config).value();
        if (withCache)
            cache = std::make_unique<ResponseCache>(cfg->server.cache);
        if (withCollapser)
            collapser = std::make_unique<RequestCollapser>(CollapserOptions::fromConfig(cfg->server), &tasks);
        PipelineServices services;
        services.tasks = &tasks;
        services.storages = &storages;
        services.background = &background;
        services.cache = cache.get();
        services.collapser = collapser.get();
        services.metrics = &metrics;
        services.transformThreads = 2;
        handler = std::make_unique<ObjectHandler>(cfg, services);
        return {};
    }

    HttpExchangePtr exchange(const QByteArray &method, const QString &path, const QByteArray &query = {},
                             const HttpHeaders &headers = {})
    {
        HttpRequest request;
        request.method = method;
        request.path = path;
        request.rawQuery = query;
        request.headers = headers;
        request.headers.append(qMakePair(QByteArray("Host"), QByteArray("mort.test")));
        request.id = ++m_nextId;
        request.received = std::chrono::steady_clock::now();
        return std::make_shared<HttpExchange>(std::move(request), m_link, TaskScope(&tasks, TaskKind::Request), true);
    }

    // Handles `exchange` and waits for its answer.
    std::optional<HttpResponse> run(const HttpExchangePtr &exchange, int timeoutMs = 30000)
    {
        handler->handle(exchange);
        return await(exchange, timeoutMs);
    }
    static std::optional<HttpResponse> await(const HttpExchangePtr &exchange, int timeoutMs = 30000)
    {
        if (!pollUntil([&] { return exchange->hasResponded(); }, timeoutMs))
            return std::nullopt;
        return exchange->takeResponse();
    }

    TaskRegistry tasks;              // declared first: destroyed last
    MetricsRegistry metricsRegistry; // nobody scrapes it: the pipeline always counts
    MortMetrics metrics{metricsRegistry, tasks};
    StorageClientCache storages{8, StorageMetering{&metrics, &tasks}};
    BackgroundQueue background{16, 1, &tasks};
    std::unique_ptr<ResponseCache> cache;
    std::unique_ptr<RequestCollapser> collapser;
    std::unique_ptr<ObjectHandler> handler;

private:
    QTemporaryDir m_dir;
    std::shared_ptr<ConnectionLink> m_link = std::make_shared<ConnectionLink>(); // never connected
    quint64 m_nextId = 0;
};

} // namespace mort::test
