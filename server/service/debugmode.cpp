#include "service/debugmode.h"

namespace mort {

namespace {

bool isLocalClient(const QHostAddress &address)
{
    if (address.isNull())
        return true; // a unix socket: only local processes can connect
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped);
    if (mapped)
        return (v4 >> 24) == 127;
    return address.isLoopback();
}

QString storageKind(const Config &config, const QString &bucket, const QString &storageName)
{
    const StorageConfig *storage = config.storage(bucket, storageName);
    return storage ? storage->kind : QString();
}

} // namespace

bool debugRequested(const HttpRequest &request)
{
    return !request.header("X-Mort-Debug").isEmpty() && isLocalClient(request.remoteAddress);
}

void addDebugHeaders(HttpResponse &response, const Config &config, const ObjectRef &object)
{
    response.setHeader("Cache-Control", "no-cache");
    response.setHeader("x-mort-key", object.key.toUtf8());
    response.setHeader("x-mort-storage", storageKind(config, object.bucket, object.storageName).toUtf8());
    response.setHeader("x-mort-transform", object.hasTransforms() ? "true" : "false");
    if (object.hasParent()) {
        response.setHeader("x-mort-parent-key", object.parent->key.toUtf8());
        response.setHeader("x-mort-parent-bucket", object.parent->bucket.toUtf8());
        response.setHeader("x-mort-parent-storage",
                           storageKind(config, object.parent->bucket, object.parent->storageName).toUtf8());
    }
    response.setHeader("X-Mort-Version", MORT_VERSION);
}

} // namespace mort
