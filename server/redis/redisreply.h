#pragma once
// A Redis reply as a value (copied out of hiredis' reply tree before the
// callback returns: hiredis frees its tree right after), and the result of one
// command: a reply, or why there is none.
#include <QByteArray>
#include <QList>

namespace mort {

struct RedisReply
{
    enum class Type { Nil, Status, Error, Integer, String, Array };

    Type type = Type::Nil;
    QByteArray str;             // Status, Error, String
    long long integer = 0;      // Integer
    QList<RedisReply> elements; // Array

    bool isNil() const { return type == Type::Nil; }
    bool isError() const { return type == Type::Error; }
    bool isOk() const { return type == Type::Status && str == "OK"; }
    static RedisReply fromHiredis(const void *redisReplyPointer);
};

struct RedisResult
{
    enum class Failure {
        None,         // `reply` holds the server's answer (which may itself be an error reply)
        Timeout,      // no answer within the command timeout: the connection is reset
        Disconnected, // the connection dropped while the command was pending
        Unavailable,  // not connected (backing off after a failure): failed fast, nothing sent
        Overloaded,   // maxPending commands already wait on the connection: nothing sent
        Shutdown,     // the client is stopping
    };

    Failure failure = Failure::None;
    RedisReply reply;

    bool ok() const { return failure == Failure::None && !reply.isError(); }
    // For log lines: "timeout", "unavailable", "ERR ..." ...
    QByteArray describe() const;

    static RedisResult failed(Failure failure)
    {
        RedisResult r;
        r.failure = failure;
        return r;
    }
};

} // namespace mort
