#pragma once
// Shared by the GUI tests: a demo-like config (presets-query bucket, no
// storage needed), a plain local bucket, test images, writing a file and
// asking a running server for an image's width.
#include "config/config.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>

namespace mort::test {

inline ConfigPtr previewConfig()
{
    auto config = ConfigLoader::fromText(QStringLiteral(R"yaml(
server:
  listens: ["127.0.0.1:0"]
buckets:
  demo:
    transform:
      kind: "presets-query"
      path: "\\/(?P<presetName>[a-z0-9_]+)\\/(?P<parent>[a-zA-Z0-9_\\-\\.]+)$"
      parentBucket: "demo"
      resultKey: "hash"
      presets:
        small:
          quality: 75
          filters:
            thumbnail: {width: 150}
            strip: true
        square:
          quality: 85
          filters:
            crop: {width: 300, height: 300, gravity: smart}
        square_webp:
          quality: 80
          format: webp
          filters:
            crop: {width: 300, height: 300, gravity: smart}
    storages:
      basic: {kind: "noop"}
)yaml"));
    return config ? config.value() : nullptr;
}

// One bucket `b` whose originals are files under `root`, loopback listeners.
inline ConfigPtr localBucketConfig(const QString &root)
{
    auto config = ConfigLoader::fromText(QStringLiteral(R"(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
buckets:
  b:
    storages:
      basic: {kind: local-meta, rootPath: "%1"}
)")
                                             .arg(root));
    return config ? config.value() : nullptr;
}

inline QString photoPath(const QString &name)
{
    return QStringLiteral(MORT_TESTDATA_DIR "/photos/") + name;
}

inline QByteArray readPhoto(const QString &name)
{
    QFile f(photoPath(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Writes `bytes` to `path`, its folders made first.
inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// The image a GET of `path` from `address` ("host:port") answers (null when
// the status is not 200); `status` gets the status.
inline QImage servedImage(const QString &address, const QString &path, int *status = nullptr)
{
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(QStringLiteral("http://%1%2").arg(address, path))));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(20000);
    const int code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QImage image = QImage::fromData(reply->readAll());
    delete reply;
    if (status)
        *status = code;
    return code == 200 ? image : QImage();
}

// The width of the image a GET of `path` from `address` answers, or minus
// its status when that is not 200.
inline int servedWidth(const QString &address, const QString &path)
{
    int status = 0;
    const QImage image = servedImage(address, path, &status);
    return status == 200 ? image.width() : -status;
}

} // namespace mort::test
