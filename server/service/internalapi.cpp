#include "service/internalapi.h"

#include "http/errorresponse.h"
#include "monitoring/processstats.h"
#include "service/adminapi.h"
#include "service/adminjson.h"

namespace mort {

InternalApi::InternalApi(std::function<EngineStats()> stats) : m_stats(std::move(stats)) {}

InternalApi::InternalApi(AdminBackend *backend, std::function<QByteArray()> metrics)
    : m_stats([backend] { return backend->stats(); }), m_metrics(std::move(metrics)),
      m_admin(std::make_unique<AdminApi>(backend))
{
}

InternalApi::~InternalApi() = default;

void InternalApi::handle(const HttpExchangePtr &exchange)
{
    const HttpRequest &request = exchange->request();
    if (AdminApi::handles(request.path)) {
        if (m_admin)
            m_admin->handle(exchange);
        else
            exchange->respond(adminErrorResponse(AdminBackend::notAvailable(QStringLiteral("the admin API"))));
        return;
    }
    if (request.method != "GET" && request.method != "HEAD") {
        exchange->respond(errorResponse(Error::client("http.method_not_allowed", 405, QStringLiteral("method not allowed"))));
        return;
    }
    if (request.path == QLatin1String("/health")) {
        exchange->respond(HttpResponse(200, "ok\n", "text/plain; charset=utf-8"));
        return;
    }
    if (request.path == QLatin1String("/metrics")) {
        const QByteArray text = m_metrics ? m_metrics() : renderMetrics(m_stats());
        exchange->respond(HttpResponse(200, text, "text/plain; version=0.0.4; charset=utf-8"));
        return;
    }
    exchange->respond(errorResponse(Error::notFound(QStringLiteral("no such internal endpoint"))));
}

namespace {

void metric(QByteArray &out, const char *name, const char *type, const char *help)
{
    out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
}

template <typename T>
void sample(QByteArray &out, const char *name, T value, const QByteArray &labels = {})
{
    out += name;
    if (!labels.isEmpty())
        out += '{' + labels + '}';
    out += ' ' + QByteArray::number(value) + '\n';
}

} // namespace

QByteArray InternalApi::renderMetrics(const EngineStats &s)
{
    QByteArray out;
    const ProcessStats p = readProcessStats();
    metric(out, "process_resident_memory_bytes", "gauge", "Resident memory size in bytes.");
    sample(out, "process_resident_memory_bytes", p.residentBytes);
    metric(out, "process_virtual_memory_bytes", "gauge", "Virtual memory size in bytes.");
    sample(out, "process_virtual_memory_bytes", p.virtualBytes);
    metric(out, "process_open_fds", "gauge", "Number of open file descriptors.");
    sample(out, "process_open_fds", p.openFds);
    metric(out, "process_cpu_seconds_total", "counter", "Total user and system CPU time spent in seconds.");
    sample(out, "process_cpu_seconds_total", p.cpuSeconds);
    metric(out, "process_start_time_seconds", "gauge", "Start time of the process since unix epoch in seconds.");
    sample(out, "process_start_time_seconds", p.startTimeSeconds);

    metric(out, "mort_tasks_live", "gauge", "Tasks alive now, by kind (our goroutine count).");
    for (const TaskCounts &t : s.tasks)
        sample(out, "mort_tasks_live", t.live, "kind=\"" + taskKindName(t.kind) + '"');
    metric(out, "mort_tasks_started_total", "counter", "Tasks started, by kind.");
    for (const TaskCounts &t : s.tasks)
        sample(out, "mort_tasks_started_total", t.started, "kind=\"" + taskKindName(t.kind) + '"');
    metric(out, "mort_transforms_total", "counter", "Image transforms executed by libvips.");
    sample(out, "mort_transforms_total", s.transformsExecuted);
    metric(out, "mort_transforms_failed_total", "counter", "Image transforms that ended in an error.");
    sample(out, "mort_transforms_failed_total", s.transformsFailed);
    metric(out, "mort_request_throttled_count", "counter", "Requests answered 503 by the transform throttle.");
    sample(out, "mort_request_throttled_count", s.throttled);
    metric(out, "mort_requests_total", "counter", "HTTP requests received.");
    sample(out, "mort_requests_total", s.http.requestsReceived);
    metric(out, "mort_responses_dropped_total", "counter", "Responses dropped because the client had left.");
    sample(out, "mort_responses_dropped_total", s.http.responsesDropped);
    metric(out, "mort_connections_open", "gauge", "Open client connections.");
    sample(out, "mort_connections_open", s.http.connectionsOpen);
    metric(out, "mort_background_queue_depth", "gauge", "Background jobs queued or running.");
    sample(out, "mort_background_queue_depth", s.backgroundPending);
    metric(out, "mort_background_dropped_total", "counter", "Background jobs dropped because the queue was full.");
    sample(out, "mort_background_dropped_total", s.backgroundDropped);
    metric(out, "mort_task_exceptions_total", "counter", "Exceptions caught at a task boundary.");
    sample(out, "mort_task_exceptions_total", s.taskExceptions);
    metric(out, "mort_vips_memory_bytes", "gauge", "Memory tracked by libvips.");
    sample(out, "mort_vips_memory_bytes", s.imagingMemoryBytes);
    return out;
}

} // namespace mort
