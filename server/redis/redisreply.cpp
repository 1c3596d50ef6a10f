#include "redis/redisreply.h"

#include <hiredis/hiredis.h>

namespace mort {

RedisReply RedisReply::fromHiredis(const void *redisReplyPointer)
{
    RedisReply out;
    const auto *r = static_cast<const redisReply *>(redisReplyPointer);
    if (!r)
        return out;
    switch (r->type) {
    case REDIS_REPLY_STATUS:
        out.type = Type::Status;
        out.str = QByteArray(r->str, qsizetype(r->len));
        break;
    case REDIS_REPLY_ERROR:
        out.type = Type::Error;
        out.str = QByteArray(r->str, qsizetype(r->len));
        break;
    case REDIS_REPLY_INTEGER:
        out.type = Type::Integer;
        out.integer = r->integer;
        break;
    case REDIS_REPLY_STRING:
        out.type = Type::String;
        out.str = QByteArray(r->str, qsizetype(r->len));
        break;
    case REDIS_REPLY_ARRAY:
        out.type = Type::Array;
        out.elements.reserve(qsizetype(r->elements));
        for (size_t i = 0; i < r->elements; ++i)
            out.elements.append(fromHiredis(r->element[i]));
        break;
    default: break; // REDIS_REPLY_NIL
    }
    return out;
}

QByteArray RedisResult::describe() const
{
    switch (failure) {
    case Failure::None: return reply.isError() ? reply.str : QByteArrayLiteral("ok");
    case Failure::Timeout: return QByteArrayLiteral("timeout");
    case Failure::Disconnected: return QByteArrayLiteral("disconnected");
    case Failure::Unavailable: return QByteArrayLiteral("unavailable");
    case Failure::Overloaded: return QByteArrayLiteral("too many pending commands");
    case Failure::Shutdown: return QByteArrayLiteral("shutting down");
    }
    return {};
}

} // namespace mort
