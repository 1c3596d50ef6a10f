#pragma once
// Helpers shared by the file storage tests.
#include "storage/storage.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QString>

#include <ctime>
#include <sys/stat.h>

namespace mort::testutil {

inline StorageConfig fileConfig(const QString &kind, const QString &rootPath, const QString &pathPrefix = {})
{
    StorageConfig config;
    config.name = QStringLiteral("basic");
    config.kind = kind;
    config.rootPath = rootPath;
    config.pathPrefix = pathPrefix;
    return config;
}

inline std::shared_ptr<Storage> makeStorage(const StorageConfig &config,
                                            const QString &bucket = QStringLiteral("bucket"))
{
    auto created = createStorage(config, bucket);
    return created ? *created : nullptr;
}

// Go's time.Time.String() of the file's mtime, computed independently of
// the production formatter: strftime for the fixed parts and the zone.
inline QByteArray goMtimeText(const QString &path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    struct tm tm = {};
    localtime_r(&st.st_mtim.tv_sec, &tm);
    char date[64];
    strftime(date, sizeof date, "%Y-%m-%d %H:%M:%S", &tm);
    QByteArray out(date);
    if (st.st_mtim.tv_nsec != 0) {
        QByteArray frac = QByteArray::number(qint64(st.st_mtim.tv_nsec)).rightJustified(9, '0');
        while (frac.endsWith('0'))
            frac.chop(1);
        out += '.' + frac;
    }
    char zone[64];
    strftime(zone, sizeof zone, " %z %Z", &tm);
    return out + zone;
}

inline QByteArray weakMd5Etag(const QByteArray &text)
{
    return "W/\"" + QCryptographicHash::hash(text, QCryptographicHash::Md5).toHex() + '"';
}

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool writeRaw(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

inline QByteArray headerValue(const ObjectMetadata &meta, const QByteArray &name)
{
    for (const auto &h : meta.headers) {
        if (h.first == name)
            return h.second;
    }
    return {};
}

} // namespace mort::testutil
