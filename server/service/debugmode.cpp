#include "service/debugmode.h"

#include "service/localclient.h"

namespace mort {

namespace {

QString storageKind(const Config &config, const QString &bucket, const QString &storageName)
{
    const StorageConfig *storage = config.storage(bucket, storageName);
    return storage ? storage->kind : QString();
}

} // namespace

bool debugRequested(const HttpRequest &request, const ServerConfig &server)
{
    return !request.header("X-Mort-Debug").isEmpty() && isLocalClient(request, server.trustedProxies);
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
