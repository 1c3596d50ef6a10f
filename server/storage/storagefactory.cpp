#include "storage/localmetastorage.h"
#include "storage/localstorage.h"
#include "storage/httpstorage.h"
#include "storage/noopstorage.h"
#include "storage/s3storage.h"
#include "storage/storage.h"
#include "storage/storageerrors.h"

#include <QDir>
#include <QFileInfo>

namespace mort {

namespace {

// The container is one directory level below rootPath; a name that is not a
// single plain path segment would put it elsewhere.
bool isPlainSegment(const QString &name)
{
    return !name.isEmpty() && name != QLatin1String(".") && name != QLatin1String("..")
        && !name.contains(QLatin1Char('/')) && !name.contains(QChar(0));
}

Expected<QString> prepareContainer(const StorageConfig &config, const QString &mortBucket)
{
    if (config.rootPath.isEmpty())
        return storageerrors::unavailable(
            QStringLiteral("storage %1 (kind %2) has no rootPath").arg(config.name, config.kind));
    const QString container = config.bucket.isEmpty() ? mortBucket : config.bucket;
    if (!isPlainSegment(container))
        return storageerrors::unavailable(
            QStringLiteral("storage %1: invalid container name \"%2\"").arg(config.name, container));

    const QString dir = QDir::cleanPath(QDir(config.rootPath).absoluteFilePath(container));
    // Auto-created like Mort's CreateContainer for local kinds.
    if (!QFileInfo(dir).isDir() && !QDir().mkpath(dir))
        return storageerrors::unavailable(
            QStringLiteral("storage %1: cannot create container directory %2").arg(config.name, dir));
    return dir;
}

} // namespace

Expected<std::shared_ptr<Storage>> createStorage(const StorageConfig &config, const QString &mortBucket)
{
    if (config.kind == QLatin1String("noop"))
        return std::shared_ptr<Storage>(std::make_shared<NoopStorage>());

    if (config.kind == QLatin1String("local-meta") || config.kind == QLatin1String("local")) {
        auto dir = prepareContainer(config, mortBucket);
        if (!dir)
            return dir.takeError();
        if (config.kind == QLatin1String("local"))
            return std::shared_ptr<Storage>(std::make_shared<LocalStorage>(config, *dir));
        return std::shared_ptr<Storage>(std::make_shared<LocalMetaStorage>(config, *dir));
    }

    const QString container = config.bucket.isEmpty() ? mortBucket : config.bucket;
    if (config.kind == QLatin1String("s3")) {
        if (config.accessKey.isEmpty() || config.secretAccessKey.isEmpty())
            return storageerrors::unavailable(
                QStringLiteral("storage %1 (kind s3) needs accessKey and secretAccessKey").arg(config.name));
        return std::shared_ptr<Storage>(std::make_shared<S3Storage>(config, container));
    }
    if (config.kind == QLatin1String("http")) {
        if (config.url.isEmpty())
            return storageerrors::unavailable(QStringLiteral("storage %1 (kind http) has no url").arg(config.name));
        return std::shared_ptr<Storage>(std::make_shared<HttpStorage>(config, container));
    }

    return storageerrors::unavailable(QStringLiteral("storage kind %1 is not supported yet").arg(config.kind));
}

} // namespace mort
