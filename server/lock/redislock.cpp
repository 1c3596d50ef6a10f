#include "lock/redislock.h"

#include "lock/redislockcore.h"
#include "redis/redisclient.h"

namespace mort {

RedisLockLease::RedisLockLease(std::weak_ptr<RedisLockCore> core, quint64 id) : m_core(std::move(core)), m_id(id) {}

RedisLockLease::~RedisLockLease()
{
    fail();
}

void RedisLockLease::complete(const SharedResponse &response)
{
    release(response);
}

void RedisLockLease::fail()
{
    release(nullptr);
}

void RedisLockLease::release(const SharedResponse &response)
{
    if (m_done)
        return;
    m_done = true;
    if (auto core = m_core.lock()) {
        std::weak_ptr<RedisLockCore> weak = core;
        core->post([weak, id = m_id, response] {
            if (auto c = weak.lock())
                c->releaseLease(id, response);
        });
    }
}

RedisLock::RedisLock(std::shared_ptr<RedisClient> client, RedisLockOptions options, TaskRegistry *tasks)
    : m_client(std::move(client)), m_options(options),
      m_core(std::make_shared<RedisLockCore>(m_client.get(), m_options, tasks))
{
}

RedisLock::~RedisLock()
{
    m_client->runBlocking([core = m_core] { core->shutdown(); });
}

QByteArray RedisLock::lockKey(const QString &key)
{
    return QByteArrayLiteral("mort-v1:lock:") + key.toUtf8();
}

QByteArray RedisLock::resultKey(const QString &key)
{
    return QByteArrayLiteral("mort-v1:result:") + key.toUtf8();
}

void RedisLock::acquire(const QString &key, const CancelToken &cancel, Callback callback)
{
    const bool posted = m_core->post([core = std::weak_ptr<RedisLockCore>(m_core), key, cancel, callback]() mutable {
        if (auto c = core.lock())
            c->acquire(key, cancel, std::move(callback));
    });
    if (!posted)
        callback({RedisLockOutcome::Status::Cancelled, nullptr, nullptr});
}

RedisLockStats RedisLock::stats() const
{
    return m_core->stats();
}

} // namespace mort
