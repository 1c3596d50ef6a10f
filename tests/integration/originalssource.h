#pragma once
// Where a test's originals live, so one transform test runs unchanged against
// a local-meta bucket, a bucket behind a loopback HTTP origin (Mort config,
// `kind: http`) and a bucket in S3 (s3rver): the build defines
// MORT_ORIGINALS_VIA as "local-meta", "http" or "s3" (tests/integration/CMakeLists.txt).
#include "httporigin/loopbackorigin.h"
#include "s3/s3rverprocess.h"
#include "storage/contenttype.h"
#include "storage/s3storage.h"
#include "testserver.h"

#ifndef MORT_ORIGINALS_VIA
#define MORT_ORIGINALS_VIA "local-meta"
#endif

namespace mort::test {

class OriginalsSource
{
public:
    static QString kind() { return QStringLiteral(MORT_ORIGINALS_VIA); }
    static bool isLocal() { return kind() == QLatin1String("local-meta"); }

    // Once per test program: starts the origin or the S3 server.
    QString start()
    {
        if (kind() == QLatin1String("s3") && !m_s3.start({QStringLiteral("originals")}))
            return m_s3.error();
        return {};
    }

    // Puts testdata/<source> where bucket <mortBucket>'s originals live, under <key>.
    bool add(TestServer &server, const QString &source, const QString &mortBucket, const QString &key)
    {
        if (kind() != QLatin1String("s3")) {
            m_http.setDocumentRoot(server.path(QStringLiteral("originals")));
            return server.addFile(source, QStringLiteral("originals/%1/%2").arg(mortBucket, key));
        }
        QFile file(testDataPath(source));
        if (!file.open(QIODevice::ReadOnly))
            return false;
        S3Storage storage(s3Config(mortBucket), QStringLiteral("originals"));
        ObjectMetadata meta;
        meta.contentType = contenttype::byExtension(key);
        return bool(storage.put(QLatin1Char('/') + key, file.readAll(), meta));
    }

    // `yaml` with each local-meta originals storage (the line
    // `basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}`, one per
    // bucket in `buckets` order) pointed at this source.
    QString rewrite(QString yaml, const QStringList &buckets) const
    {
        if (isLocal())
            return yaml;
        const QString local = QStringLiteral(R"(basic: {kind: "local-meta", rootPath: "@ROOT@/originals"})");
        for (const QString &bucket : buckets) {
            const qsizetype at = yaml.indexOf(local);
            if (at < 0)
                break;
            QString remote;
            if (kind() == QLatin1String("http")) {
                remote = QStringLiteral(R"(basic: {kind: "http", url: "%1/<container><item>"})").arg(m_http.base());
            } else {
                const StorageConfig c = s3Config(bucket);
                remote =
                    QStringLiteral(
                        R"(basic: {kind: "s3", accessKey: "%1", secretAccessKey: "%2", region: "us-east-1", endpoint: "%3", bucket: "originals", pathPrefix: "%4"})")
                        .arg(c.accessKey, c.secretAccessKey, c.endpoint, bucket);
            }
            yaml.replace(at, local.size(), remote);
        }
        return yaml;
    }

private:
    StorageConfig s3Config(const QString &mortBucket) const
    {
        StorageConfig c;
        c.name = QStringLiteral("basic");
        c.kind = QStringLiteral("s3");
        c.accessKey = QLatin1String(testutil::S3rverProcess::kAccessKey);
        c.secretAccessKey = QLatin1String(testutil::S3rverProcess::kSecretKey);
        c.region = QStringLiteral("us-east-1");
        c.endpoint = m_s3.endpoint();
        c.bucket = QStringLiteral("originals");
        c.pathPrefix = mortBucket;
        return c;
    }

    testutil::LoopbackOrigin m_http;
    testutil::S3rverProcess m_s3;
};

} // namespace mort::test
