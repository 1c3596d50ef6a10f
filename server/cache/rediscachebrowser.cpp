#include "cache/rediscachebrowser.h"

#include "cache/redisresponsecache.h"
#include "cache/responseframe.h"
#include "redis/redisclient.h"

#include <QMutex>
#include <QtEndian>

#include <algorithm>
#include <chrono>
#include <future>
#include <memory>

namespace mort {

namespace {

const QByteArray kPrefix = QByteArrayLiteral("mort-v1:");
// The lock's keys share the prefix (lock/redislock.cpp): not cache entries.
const QByteArray kLockPrefix = QByteArrayLiteral("mort-v1:lock:");
const QByteArray kResultPrefix = QByteArrayLiteral("mort-v1:result:");
constexpr int kFrameHeadBytes = 2048; // status and, uncompressed, the headers

Error unavailable(const RedisResult &r)
{
    const QString message = QStringLiteral("Redis did not answer (%1); check that it runs at server.cache.address")
                                .arg(QString::fromLatin1(r.describe()));
    return Error::upstream("redis.unavailable", 503, message, message);
}

// Sends every command at once and waits for all answers, bounded by `waitMs`.
// Unanswered ones come back as Timeout.
QList<RedisResult> runAll(RedisClient &client, const QList<QList<QByteArray>> &commands, int waitMs)
{
    struct Batch
    {
        QMutex mutex;
        QList<RedisResult> results;
        int remaining = 0;
        std::promise<void> done;
    };
    auto batch = std::make_shared<Batch>();
    batch->results.resize(commands.size(), RedisResult::failed(RedisResult::Failure::Timeout));
    batch->remaining = int(commands.size());
    std::future<void> finished = batch->done.get_future();
    if (commands.isEmpty())
        return {};
    for (int i = 0; i < commands.size(); ++i) {
        const QList<QByteArray> &args = commands.at(i);
        client.command(args.value(1), args, [batch, i](RedisResult r) {
            QMutexLocker lock(&batch->mutex);
            batch->results[i] = std::move(r);
            if (--batch->remaining == 0)
                batch->done.set_value();
        });
    }
    finished.wait_for(std::chrono::milliseconds(waitMs));
    QMutexLocker lock(&batch->mutex);
    return batch->results;
}

RedisResult runOne(RedisClient &client, const QList<QByteArray> &args, int waitMs)
{
    return runAll(client, {args}, waitMs).value(0, RedisResult::failed(RedisResult::Failure::Timeout));
}

// Status and content type from a frame's head (responseframe.h); the content
// type only when the headers are not compressed and within the head.
void readFrameHead(const QByteArray &head, CacheEntryInfo *info)
{
    if (head.size() < 6 || head.at(0) != 'M' || head.at(1) != 'R')
        return;
    info->status = qFromBigEndian<quint16>(head.constData() + 4);
    if (head.at(3) & 1)
        return; // zlib: the headers are inside the compressed payload
    qsizetype at = 6;
    auto has = [&](qsizetype n) { return at + n <= head.size(); };
    if (!has(2))
        return;
    int count = qFromBigEndian<quint16>(head.constData() + at);
    at += 2;
    while (count-- > 0 && has(2)) {
        const int nameLen = qFromBigEndian<quint16>(head.constData() + at);
        at += 2;
        if (!has(nameLen + 4))
            return;
        const QByteArray name = head.mid(at, nameLen);
        at += nameLen;
        const quint32 valueLen = qFromBigEndian<quint32>(head.constData() + at);
        at += 4;
        if (!has(qsizetype(valueLen)))
            return;
        if (name.compare("content-type", Qt::CaseInsensitive) == 0) {
            info->contentType = head.mid(at, qsizetype(valueLen));
            return;
        }
        at += qsizetype(valueLen);
    }
}

bool singleNode(const RedisClient &client)
{
    return client.options().mode == RedisOptions::Mode::Single;
}

Error notSingle()
{
    const QString message = QStringLiteral("listing Redis entries needs one Redis node (cache.type redis with one "
                                           "address); a ring or a cluster is not listed");
    return Error::client("redis.list_unsupported", 501, message, message);
}

} // namespace

Expected<QList<CacheEntryInfo>> RedisCacheBrowser::list(int limit) const
{
    if (!singleNode(m_client))
        return notSingle();
    const int wanted = std::clamp(limit, 0, kMaxRows);
    QList<QByteArray> keys;
    QByteArray cursor = QByteArrayLiteral("0");
    for (int call = 0; call < kMaxScanCalls && keys.size() < wanted; ++call) {
        const RedisResult r = runOne(m_client,
                                     {QByteArrayLiteral("SCAN"), cursor, QByteArrayLiteral("MATCH"), kPrefix + '*',
                                      QByteArrayLiteral("COUNT"), QByteArray::number(kScanCount)},
                                     m_waitMs);
        if (!r.ok())
            return unavailable(r);
        if (r.reply.type != RedisReply::Type::Array || r.reply.elements.size() != 2)
            return Error::upstream("redis.bad_reply", 502, QStringLiteral("Redis answered SCAN unexpectedly"));
        cursor = r.reply.elements.at(0).str;
        for (const RedisReply &k : r.reply.elements.at(1).elements) {
            if (k.str.startsWith(kLockPrefix) || k.str.startsWith(kResultPrefix) || keys.contains(k.str))
                continue;
            if (keys.size() < wanted)
                keys << k.str;
        }
        if (cursor == "0")
            break;
    }
    QList<QList<QByteArray>> commands;
    for (const QByteArray &k : keys) {
        commands << QList<QByteArray>{QByteArrayLiteral("STRLEN"), k};
        commands << QList<QByteArray>{QByteArrayLiteral("PTTL"), k};
        commands << QList<QByteArray>{QByteArrayLiteral("GETRANGE"), k, QByteArrayLiteral("0"),
                                      QByteArray::number(kFrameHeadBytes - 1)};
    }
    const QList<RedisResult> answers = runAll(m_client, commands, m_waitMs);
    QList<CacheEntryInfo> rows;
    for (int i = 0; i < keys.size(); ++i) {
        const RedisResult &size = answers.at(3 * i);
        const RedisResult &ttl = answers.at(3 * i + 1);
        const RedisResult &head = answers.at(3 * i + 2);
        if (!size.ok() || !ttl.ok())
            return unavailable(size.ok() ? ttl : size);
        if (ttl.reply.integer == -2 || size.reply.integer == 0)
            continue; // gone meanwhile
        CacheEntryInfo info;
        info.backend = QStringLiteral("redis");
        info.key = QString::fromUtf8(keys.at(i).mid(kPrefix.size()));
        info.size = size.reply.integer;
        info.bodyBytes = size.reply.integer;
        info.ttlMs = ttl.reply.integer; // -1: no expiry
        if (head.ok())
            readFrameHead(head.reply.str, &info);
        rows << info;
    }
    return rows;
}

Expected<CacheEntryDetail> RedisCacheBrowser::entry(const QString &key, qint64 maxDecodedBytes) const
{
    const QByteArray rkey = RedisResponseCache::redisKey(key);
    const QList<RedisResult> r =
        runAll(m_client, {{QByteArrayLiteral("GET"), rkey}, {QByteArrayLiteral("PTTL"), rkey}}, m_waitMs);
    if (!r.at(0).ok())
        return unavailable(r.at(0));
    if (r.at(0).reply.type != RedisReply::Type::String)
        return Error::client("admin.not_found", 404, QStringLiteral("no cache entry with key \"%1\"").arg(key),
                             QStringLiteral("the entry is no longer in Redis; refresh the list"));
    CacheEntryDetail detail;
    detail.response = decodeResponseFrame(r.at(0).reply.str, maxDecodedBytes);
    if (!detail.response)
        return Error::upstream("redis.bad_frame", 502,
                               QStringLiteral("the Redis entry \"%1\" is not a response frame").arg(key));
    detail.info.backend = QStringLiteral("redis");
    detail.info.key = key;
    detail.info.size = r.at(0).reply.str.size();
    detail.info.bodyBytes = detail.response->body().size();
    detail.info.status = detail.response->status();
    detail.info.contentType = detail.response->contentType();
    detail.info.ttlMs = r.at(1).ok() ? r.at(1).reply.integer : 0;
    return detail;
}

Expected<bool> RedisCacheBrowser::evict(const QString &key) const
{
    const QByteArray rkey = RedisResponseCache::redisKey(key);
    const RedisResult r = runOne(m_client, {QByteArrayLiteral("DEL"), rkey}, m_waitMs);
    if (!r.ok())
        return unavailable(r);
    return r.reply.integer > 0;
}

} // namespace mort
