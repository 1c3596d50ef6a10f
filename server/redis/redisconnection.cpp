#include "redis/redisconnection.h"

#include "redis/rediscounters.h"

#include <QLoggingCategory>
#include <QSocketNotifier>

#include <hiredis/async.h>
#include <hiredis/hiredis.h>

#include <vector>

Q_LOGGING_CATEGORY(lcRedis, "mort.redis")

namespace mort {

namespace {
RedisConnection *owner(const redisAsyncContext *ac)
{
    return ac ? static_cast<RedisConnection *>(ac->data) : nullptr;
}

// After this, whatever hiredis still does with `ac` while freeing it (flushing
// callbacks, cleanup) no longer reaches the connection object.
void detach(const redisAsyncContext *constAc)
{
    auto *ac = const_cast<redisAsyncContext *>(constAc);
    ac->data = nullptr;
    ac->ev.data = nullptr;
    ac->ev.addRead = nullptr;
    ac->ev.delRead = nullptr;
    ac->ev.addWrite = nullptr;
    ac->ev.delWrite = nullptr;
    ac->ev.cleanup = nullptr;
}
} // namespace

RedisConnection::RedisConnection(RedisNodeAddress address, const RedisOptions &options, RedisCounters *counters,
                                 QObject *parent)
    : QObject(parent), m_address(std::move(address)), m_options(options), m_counters(counters)
{
    m_clock.start();
    m_deadlineTimer.setSingleShot(true);
    m_deadlineTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_deadlineTimer, &QTimer::timeout, this, [this] { onDeadline(); });
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        if (m_state != State::Connecting)
            return;
        m_counters->connectFailures.fetch_add(1, std::memory_order_relaxed);
        fail(QByteArrayLiteral("no connection within ") + QByteArray::number(m_options.connectTimeoutMs) + " ms",
             RedisResult::Failure::Timeout);
    });
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::BackingOff) {
            m_counters->reconnects.fetch_add(1, std::memory_order_relaxed);
            connectNow();
        }
    });
}

RedisConnection::~RedisConnection()
{
    onStateChanged = nullptr;
    stop();
}

void RedisConnection::start()
{
    if (m_state == State::Stopped)
        connectNow();
}

void RedisConnection::stop()
{
    m_retryTimer.stop();
    if (m_state == State::Stopped && !m_ctx && m_pending.empty())
        return;
    fail(QByteArrayLiteral("stopped"), RedisResult::Failure::Shutdown);
    m_retryTimer.stop();
    setState(State::Stopped);
}

void RedisConnection::connectNow()
{
    setState(State::Connecting);
    // hiredis resolves names with a blocking getaddrinfo; addresses are
    // usually IPs or /etc/hosts names in a Redis deployment, and this thread
    // blocks nobody else (the HTTP thread and workers only post to it).
    redisAsyncContext *ac = redisAsyncConnect(m_address.host.constData(), m_address.port);
    if (!ac || ac->err) {
        const QByteArray why = ac ? QByteArray(ac->errstr) : QByteArrayLiteral("out of memory");
        if (ac)
            redisAsyncFree(ac);
        m_counters->connectFailures.fetch_add(1, std::memory_order_relaxed);
        fail(why, RedisResult::Failure::Disconnected);
        return;
    }
    m_ctx = ac;
    ac->data = this;
    ac->ev.data = this;
    ac->ev.addRead = &RedisConnection::addRead;
    ac->ev.delRead = &RedisConnection::delRead;
    ac->ev.addWrite = &RedisConnection::addWrite;
    ac->ev.delWrite = &RedisConnection::delWrite;
    ac->ev.cleanup = &RedisConnection::cleanup;
    redisAsyncSetConnectCallback(ac, &RedisConnection::connectThunk);
    redisAsyncSetDisconnectCallback(ac, &RedisConnection::disconnectThunk);
    m_connectTimer.start(m_options.connectTimeoutMs);
    sendHandshake();
}

void RedisConnection::sendHandshake()
{
    // Queued before any caller's command, so they run first on the wire.
    const qint64 deadline = nowMs() + m_options.connectTimeoutMs;
    if (!m_options.password.isEmpty()) {
        QList<QByteArray> auth{QByteArrayLiteral("AUTH")};
        if (!m_options.username.isEmpty())
            auth << m_options.username;
        auth << m_options.password;
        sendRaw(
            auth,
            [this](RedisResult r) {
                if (r.failure == RedisResult::Failure::None && r.reply.isError())
                    fail(QByteArrayLiteral("AUTH refused (") + r.reply.str + "): check clientConfig password/username",
                         RedisResult::Failure::Disconnected);
            },
            deadline);
    }
    if (m_options.db != 0) {
        sendRaw(
            {QByteArrayLiteral("SELECT"), QByteArray::number(m_options.db)},
            [this](RedisResult r) {
                if (r.failure == RedisResult::Failure::None && r.reply.isError())
                    fail(QByteArrayLiteral("SELECT refused (") + r.reply.str + "): check clientConfig db",
                         RedisResult::Failure::Disconnected);
            },
            deadline);
    }
    // Mort's clientConfig: CONFIG SET on the server, errors ignored (config.md §2.1).
    for (const auto &pair : m_options.serverConfig) {
        sendRaw(
            {QByteArrayLiteral("CONFIG"), QByteArrayLiteral("SET"), pair.first, pair.second},
            [name = pair.first, this](RedisResult r) {
                if (!r.ok() && r.failure == RedisResult::Failure::None)
                    qCDebug(lcRedis).noquote() << "Redis" << m_address.text() << "ignored CONFIG SET"
                                               << QString::fromUtf8(name) << ":" << QString::fromUtf8(r.reply.str);
            },
            deadline);
    }
    sendRaw(
        {QByteArrayLiteral("PING")},
        [this](RedisResult r) {
            if (!r.ok() || m_state != State::Connecting)
                return; // a failure was handled by fail()
            m_connectTimer.stop();
            m_backoffMs = 0;
            if (m_loggedDown)
                qCInfo(lcRedis).noquote() << "Redis" << m_address.text() << "is reachable again";
            m_loggedDown = false;
            m_everReady = true;
            setState(State::Ready);
            for (const QByteArray &channel : std::as_const(m_channels))
                redisAsyncCommand(m_ctx, &RedisConnection::subscriptionThunk, nullptr, "SUBSCRIBE %b",
                                  channel.constData(), size_t(channel.size()));
        },
        deadline);
}

void RedisConnection::send(const QList<QByteArray> &args, Callback callback)
{
    switch (m_state) {
    case State::Stopped:
        m_counters->failures.fetch_add(1, std::memory_order_relaxed);
        callback(RedisResult::failed(RedisResult::Failure::Shutdown));
        return;
    case State::BackingOff:
        m_counters->failures.fetch_add(1, std::memory_order_relaxed);
        callback(RedisResult::failed(RedisResult::Failure::Unavailable));
        return;
    case State::Connecting:
    case State::Ready: break;
    }
    if (int(m_pending.size()) >= m_options.maxPending) {
        m_counters->failures.fetch_add(1, std::memory_order_relaxed);
        m_counters->overloaded.fetch_add(1, std::memory_order_relaxed);
        callback(RedisResult::failed(RedisResult::Failure::Overloaded));
        return;
    }
    sendRaw(args, std::move(callback), nowMs() + m_options.commandTimeoutMs);
}

bool RedisConnection::sendRaw(const QList<QByteArray> &args, Callback callback, qint64 deadlineMs)
{
    if (!m_ctx) {
        callback(RedisResult::failed(RedisResult::Failure::Disconnected));
        return false;
    }
    std::vector<const char *> argv;
    std::vector<size_t> argvlen;
    argv.reserve(size_t(args.size()));
    argvlen.reserve(size_t(args.size()));
    for (const QByteArray &a : args) {
        argv.push_back(a.constData());
        argvlen.push_back(size_t(a.size()));
    }
    const quint64 id = m_nextId++;
    Pending p{std::move(callback), deadlineMs, {}};
    p.sent.start();
    m_pending.emplace(id, std::move(p));
    m_deadlines.emplace(deadlineMs, id);
    m_counters->pending.fetch_add(1, std::memory_order_relaxed);
    m_counters->commands.fetch_add(1, std::memory_order_relaxed);
    if (redisAsyncCommandArgv(m_ctx, &RedisConnection::replyThunk, reinterpret_cast<void *>(quintptr(id)),
                              int(argv.size()), argv.data(), argvlen.data())
        != REDIS_OK) {
        // Only when the context is already disconnecting: hiredis kept nothing.
        onReply(id, nullptr);
        return false;
    }
    armDeadlineTimer();
    return true;
}

void RedisConnection::subscribe(const QByteArray &channel, Callback confirmed)
{
    if (m_state == State::Stopped || m_state == State::BackingOff) {
        m_counters->failures.fetch_add(1, std::memory_order_relaxed);
        confirmed(RedisResult::failed(m_state == State::Stopped ? RedisResult::Failure::Shutdown
                                                                : RedisResult::Failure::Unavailable));
        return;
    }
    const bool already = m_channels.contains(channel);
    m_channels.insert(channel);
    if (m_state == State::Ready && already) {
        // Subscribed before on this connection: nothing to wait for.
        RedisResult ok;
        ok.reply.type = RedisReply::Type::Status;
        ok.reply.str = QByteArrayLiteral("OK");
        confirmed(std::move(ok));
        return;
    }
    // The confirmation is a pending command with a deadline like any other.
    const quint64 id = m_nextId++;
    Pending p{std::move(confirmed), nowMs() + m_options.commandTimeoutMs, {}};
    p.sent.start();
    m_deadlines.emplace(p.deadlineMs, id);
    m_pending.emplace(id, std::move(p));
    m_counters->pending.fetch_add(1, std::memory_order_relaxed);
    m_confirmWaiters.emplace(channel, id);
    if (m_state == State::Ready && !already) {
        m_counters->commands.fetch_add(1, std::memory_order_relaxed);
        redisAsyncCommand(m_ctx, &RedisConnection::subscriptionThunk, nullptr, "SUBSCRIBE %b", channel.constData(),
                          size_t(channel.size()));
    }
    // Connecting: SUBSCRIBE goes out with the others once the handshake passed.
    armDeadlineTimer();
}

void RedisConnection::unsubscribe(const QByteArray &channel)
{
    if (!m_channels.remove(channel))
        return;
    if (m_state == State::Ready && m_ctx) {
        m_counters->commands.fetch_add(1, std::memory_order_relaxed);
        redisAsyncCommand(m_ctx, &RedisConnection::subscriptionThunk, nullptr, "UNSUBSCRIBE %b", channel.constData(),
                          size_t(channel.size()));
    }
}

void RedisConnection::replyThunk(redisAsyncContext *ac, void *reply, void *privdata)
{
    if (RedisConnection *self = owner(ac))
        self->onReply(quint64(reinterpret_cast<quintptr>(privdata)), reply);
}

void RedisConnection::subscriptionThunk(redisAsyncContext *ac, void *reply, void *)
{
    if (RedisConnection *self = owner(ac))
        self->onSubscriptionReply(reply);
}

void RedisConnection::onReply(quint64 id, const void *reply)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return; // already failed (timeout, reset): a late or flushed answer
    Pending p = std::move(it->second);
    m_pending.erase(it);
    m_deadlines.erase({p.deadlineMs, id});
    m_counters->pending.fetch_sub(1, std::memory_order_relaxed);
    RedisResult result;
    if (!reply) {
        result.failure = RedisResult::Failure::Disconnected;
        m_counters->failures.fetch_add(1, std::memory_order_relaxed);
    } else {
        result.reply = RedisReply::fromHiredis(reply);
        const qint64 us = p.sent.nsecsElapsed() / 1000;
        m_counters->rttLastUs.store(us, std::memory_order_relaxed);
        m_counters->rttTotalUs.fetch_add(us, std::memory_order_relaxed);
        m_counters->rttCount.fetch_add(1, std::memory_order_relaxed);
        if (result.reply.isError() && !result.reply.str.startsWith("MOVED ") && !result.reply.str.startsWith("ASK "))
            m_counters->errorReplies.fetch_add(1, std::memory_order_relaxed);
    }
    if (p.callback)
        p.callback(std::move(result));
    armDeadlineTimer();
}

void RedisConnection::onSubscriptionReply(const void *replyPointer)
{
    if (!replyPointer)
        return; // the context is going away; pending confirmations are failed by fail()
    const RedisReply reply = RedisReply::fromHiredis(replyPointer);
    if (reply.type != RedisReply::Type::Array || reply.elements.size() < 3)
        return;
    const QByteArray &kind = reply.elements[0].str;
    const QByteArray &channel = reply.elements[1].str;
    if (kind == "message") {
        m_counters->messages.fetch_add(1, std::memory_order_relaxed);
        if (m_onMessage)
            m_onMessage(channel, reply.elements[2].str);
    } else if (kind == "subscribe") {
        std::vector<quint64> ids;
        auto range = m_confirmWaiters.equal_range(channel);
        for (auto it = range.first; it != range.second; ++it)
            ids.push_back(it->second);
        m_confirmWaiters.erase(range.first, range.second);
        for (quint64 id : ids)
            onReply(id, replyPointer);
    }
}

void RedisConnection::armDeadlineTimer()
{
    if (m_deadlines.empty()) {
        m_deadlineTimer.stop();
        return;
    }
    const qint64 wait = std::max<qint64>(0, m_deadlines.begin()->first - nowMs());
    m_deadlineTimer.start(int(std::min<qint64>(wait, 24 * 3600 * 1000)));
}

void RedisConnection::onDeadline()
{
    if (m_deadlines.empty() || m_deadlines.begin()->first > nowMs()) {
        armDeadlineTimer();
        return;
    }
    // Replies come in order: one that is overdue means every later one waits
    // behind it. The connection is judged stuck and replaced.
    const quint64 id = m_deadlines.begin()->second;
    m_counters->timeouts.fetch_add(1, std::memory_order_relaxed);
    fail(QByteArrayLiteral("no answer within ") + QByteArray::number(m_options.commandTimeoutMs) + " ms",
         RedisResult::Failure::Timeout, id);
}

void RedisConnection::fail(const QByteArray &why, RedisResult::Failure failure, quint64 timedOutId)
{
    m_connectTimer.stop();
    m_deadlineTimer.stop();
    redisAsyncContext *ac = m_ctx;
    m_ctx = nullptr;
    if (ac)
        detach(ac); // callbacks hiredis flushes while freeing find nothing any more
    std::map<quint64, Pending> pending;
    pending.swap(m_pending);
    m_deadlines.clear();
    m_confirmWaiters.clear();
    m_counters->pending.fetch_sub(qint64(pending.size()), std::memory_order_relaxed);
    if (ac) {
        dropNotifiers();
        redisAsyncFree(ac); // deferred by hiredis when called from inside one of its callbacks
    }
    const bool shutdown = failure == RedisResult::Failure::Shutdown;
    if (!shutdown) {
        m_backoffMs = m_backoffMs == 0 ? m_options.reconnectMinMs : std::min(m_backoffMs * 2, m_options.reconnectMaxMs);
        if (!m_loggedDown) {
            qCWarning(lcRedis).noquote()
                << QStringLiteral(
                       "Redis %1 failed: %2; retrying every %3-%4 ms, the shared cache and lock fall back to "
                       "this instance meanwhile (check that redis-server runs and answers at this address)")
                       .arg(m_address.text(), QString::fromUtf8(why))
                       .arg(m_options.reconnectMinMs)
                       .arg(m_options.reconnectMaxMs);
            m_loggedDown = true;
        }
        setState(State::BackingOff);
        m_retryTimer.start(m_backoffMs);
    }
    for (auto &[id, p] : pending) {
        m_counters->failures.fetch_add(1, std::memory_order_relaxed);
        if (p.callback)
            p.callback(RedisResult::failed(id == timedOutId ? RedisResult::Failure::Timeout
                                               : shutdown   ? RedisResult::Failure::Shutdown
                                               : failure == RedisResult::Failure::Timeout
                                               ? RedisResult::Failure::Disconnected
                                               : failure));
    }
}

void RedisConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    if (onStateChanged)
        onStateChanged(state);
}

void RedisConnection::connectThunk(const redisAsyncContext *ac, int status)
{
    RedisConnection *self = owner(ac);
    if (!self || status == REDIS_OK)
        return; // Ready only after the handshake's PING answered
    // hiredis frees the context itself after a failed connect.
    const QByteArray why = ac->errstr ? QByteArray(ac->errstr) : QByteArrayLiteral("connect failed");
    detach(ac);
    self->m_ctx = nullptr;
    self->dropNotifiers();
    self->m_counters->connectFailures.fetch_add(1, std::memory_order_relaxed);
    self->fail(why, RedisResult::Failure::Disconnected);
}

void RedisConnection::disconnectThunk(const redisAsyncContext *ac, int status)
{
    RedisConnection *self = owner(ac);
    if (!self)
        return; // we freed it ourselves
    // hiredis frees the context after this returns.
    const QByteArray why = status == REDIS_OK
        ? QByteArrayLiteral("closed")
        : (ac->errstr ? QByteArray(ac->errstr) : QByteArrayLiteral("connection lost"));
    detach(ac);
    self->m_ctx = nullptr;
    self->dropNotifiers();
    self->fail(why, RedisResult::Failure::Disconnected);
}

void RedisConnection::dropNotifiers()
{
    // Possibly called from inside the notifier's own activated(): delete later.
    for (QSocketNotifier **n : {&m_read, &m_write}) {
        if (*n) {
            (*n)->setEnabled(false);
            (*n)->deleteLater();
            *n = nullptr;
        }
    }
}

void RedisConnection::addRead(void *p)
{
    auto *self = static_cast<RedisConnection *>(p);
    if (!self->m_ctx)
        return;
    if (!self->m_read) {
        self->m_read = new QSocketNotifier(self->m_ctx->c.fd, QSocketNotifier::Read, self);
        connect(self->m_read, &QSocketNotifier::activated, self, [self] {
            if (self->m_ctx)
                redisAsyncHandleRead(self->m_ctx);
        });
    }
    self->m_read->setEnabled(true);
}

void RedisConnection::delRead(void *p)
{
    auto *self = static_cast<RedisConnection *>(p);
    if (self->m_read)
        self->m_read->setEnabled(false);
}

void RedisConnection::addWrite(void *p)
{
    auto *self = static_cast<RedisConnection *>(p);
    if (!self->m_ctx)
        return;
    if (!self->m_write) {
        self->m_write = new QSocketNotifier(self->m_ctx->c.fd, QSocketNotifier::Write, self);
        connect(self->m_write, &QSocketNotifier::activated, self, [self] {
            if (self->m_ctx)
                redisAsyncHandleWrite(self->m_ctx);
        });
    }
    self->m_write->setEnabled(true);
}

void RedisConnection::delWrite(void *p)
{
    auto *self = static_cast<RedisConnection *>(p);
    if (self->m_write)
        self->m_write->setEnabled(false);
}

void RedisConnection::cleanup(void *p)
{
    static_cast<RedisConnection *>(p)->dropNotifiers();
}

} // namespace mort
