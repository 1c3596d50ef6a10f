#pragma once
// How a RedisClient connects: the nodes from `address`, the topology from the
// cache/lock `type`, and the client options taken out of `clientConfig`.
#include <QByteArray>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>

namespace mort {

struct RedisNodeAddress
{
    QByteArray host;
    quint16 port = 0;
    QString text() const { return QString::fromLatin1(host) + QLatin1Char(':') + QString::number(port); }
    bool operator==(const RedisNodeAddress &o) const { return host == o.host && port == o.port; }
};

struct RedisOptions
{
    // `redis` with one address: Single; with several: Ring (each key on one
    // node by rendezvous hashing, as Mort's go-redis Ring shards); `redis-cluster`:
    // Cluster (slot map from CLUSTER SLOTS, MOVED/ASK followed).
    enum class Mode { Single, Ring, Cluster };

    Mode mode = Mode::Single;
    QList<RedisNodeAddress> nodes;

    // Client options. Mort sends every clientConfig pair to the server as
    // CONFIG SET (config.md §2.1) and has no way to set a password; we take
    // these keys out for the client (peer-differences R6) and send the rest
    // as Mort does:
    //   password, username (AUTH), db (SELECT; not in cluster mode),
    //   connectTimeoutMs, commandTimeoutMs, maxPending.
    QByteArray username;
    QByteArray password;
    int db = 0;
    int connectTimeoutMs = 1000;                       // TCP connect + handshake
    int commandTimeoutMs = 500;                        // one command, send to reply; past it the connection is reset
    int maxPending = 1024;                             // commands waiting for a reply per connection; more fail at once
    int reconnectMinMs = 100;                          // backoff after a failure, doubling per failed attempt ...
    int reconnectMaxMs = 5000;                         // ... up to this
    QList<QPair<QByteArray, QByteArray>> serverConfig; // CONFIG SET pairs sent on every connect (errors ignored)

    // From `type`, `address` and `clientConfig` of server.cache or server.lock.
    // Addresses that do not parse are left out; RedisOptions::problems() names them.
    static RedisOptions fromConfig(const QString &type, const QStringList &address,
                                   const QMap<QString, QString> &clientConfig);
    // "host:port" -> address; false when it does not parse (port 1..65535
    // required). ":port" is 127.0.0.1, as Go's dialer reads it.
    static bool parseAddress(const QString &text, RedisNodeAddress *out);
    // Messages for a config with `type` redis/redis-cluster, relative to the
    // key path of `address`/`clientConfig`' parent; empty when usable.
    static QStringList problems(const QString &type, const QStringList &address,
                                const QMap<QString, QString> &clientConfig);
};

} // namespace mort
