#include "redis/redisoptions.h"

namespace mort {

namespace {

// Client-side keys of clientConfig with their bounds; every other key goes to CONFIG SET.
struct IntOption
{
    const char *key;
    int RedisOptions::*field;
    int min;
    int max;
};
const IntOption kIntOptions[] = {
    {"db", &RedisOptions::db, 0, 1 << 16},
    {"connectTimeoutMs", &RedisOptions::connectTimeoutMs, 10, 600'000},
    {"commandTimeoutMs", &RedisOptions::commandTimeoutMs, 10, 600'000},
    {"maxPending", &RedisOptions::maxPending, 1, 1'000'000},
};

} // namespace

bool RedisOptions::parseAddress(const QString &text, RedisNodeAddress *out)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon < 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port == 0 || port > 65535)
        return false;
    // ":6379" is this host, as Go's dialer (and so Mort) reads it.
    if (host.isEmpty())
        host = QStringLiteral("127.0.0.1");
    if (out) {
        out->host = host.toLatin1();
        out->port = quint16(port);
    }
    return true;
}

RedisOptions RedisOptions::fromConfig(const QString &type, const QStringList &address,
                                      const QMap<QString, QString> &clientConfig)
{
    RedisOptions o;
    for (const QString &text : address) {
        RedisNodeAddress node;
        if (parseAddress(text.trimmed(), &node) && !o.nodes.contains(node))
            o.nodes.append(node);
    }
    if (type == QLatin1String("redis-cluster"))
        o.mode = Mode::Cluster;
    else
        o.mode = o.nodes.size() > 1 ? Mode::Ring : Mode::Single;
    for (auto it = clientConfig.cbegin(); it != clientConfig.cend(); ++it) {
        const QString &key = it.key();
        if (key == QLatin1String("password")) {
            o.password = it.value().toUtf8();
            continue;
        }
        if (key == QLatin1String("username")) {
            o.username = it.value().toUtf8();
            continue;
        }
        bool handled = false;
        for (const IntOption &opt : kIntOptions) {
            if (key == QLatin1String(opt.key)) {
                bool ok = false;
                const int v = it.value().toInt(&ok);
                if (ok && v >= opt.min && v <= opt.max)
                    o.*opt.field = v;
                handled = true;
                break;
            }
        }
        if (!handled)
            o.serverConfig.append({key.toUtf8(), it.value().toUtf8()});
    }
    if (o.mode == Mode::Cluster)
        o.db = 0; // a cluster has only database 0
    return o;
}

QStringList RedisOptions::problems(const QString &type, const QStringList &address,
                                   const QMap<QString, QString> &clientConfig)
{
    QStringList out;
    if (type != QLatin1String("redis") && type != QLatin1String("redis-cluster"))
        return out;
    if (address.isEmpty())
        out << QStringLiteral("address: at least one host:port is required for type %1").arg(type);
    for (int i = 0; i < address.size(); ++i) {
        if (!parseAddress(address[i].trimmed(), nullptr))
            out << QStringLiteral("address[%1]: %2 is not host:port (port 1..65535)").arg(i).arg(address[i]);
    }
    for (const IntOption &opt : kIntOptions) {
        const auto it = clientConfig.constFind(QLatin1String(opt.key));
        if (it == clientConfig.cend())
            continue;
        bool ok = false;
        const int v = it.value().toInt(&ok);
        if (!ok || v < opt.min || v > opt.max)
            out << QStringLiteral("clientConfig.%1: must be a whole number from %2 to %3, got %4")
                       .arg(QLatin1String(opt.key))
                       .arg(opt.min)
                       .arg(opt.max)
                       .arg(it.value());
    }
    return out;
}

} // namespace mort
