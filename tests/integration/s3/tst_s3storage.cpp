// The s3 storage against a real, independent S3 server (s3rver on loopback),
// with awscli as a second client: what we write, awscli reads back with its
// metadata; what awscli seeds, we read (whole, ranges, streamed, listed).
// s3rver 3.7.1 checks the access key, the request time and the presence of
// x-amz-content-sha256, but not the SigV4 signature itself (its source says
// "unimplemented"): the signature's correctness rests on tst_sigv4's AWS
// published vectors, the rest of the exchange on this test.
#include "s3rverprocess.h"

#include <QBuffer>

#include "storage/s3storage.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryFile>
#include <QTest>

using namespace mort;
using namespace mort::testutil;

namespace {

const QString kBucket = QStringLiteral("originals");

QByteArray patternBytes(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        bytes[i] = char((i * 7 + i / 251) & 0xff);
    return bytes;
}

} // namespace

class TestS3Storage : public QObject
{
    Q_OBJECT
    S3rverProcess m_s3;

    StorageConfig config(const QString &pathPrefix = {}) const
    {
        StorageConfig c;
        c.name = QStringLiteral("basic");
        c.kind = QStringLiteral("s3");
        c.accessKey = QLatin1String(S3rverProcess::kAccessKey);
        c.secretAccessKey = QLatin1String(S3rverProcess::kSecretKey);
        c.region = QStringLiteral("us-east-1");
        c.endpoint = m_s3.endpoint();
        c.bucket = kBucket;
        c.pathPrefix = pathPrefix;
        return c;
    }

    std::shared_ptr<Storage> storage(const QString &pathPrefix = {}) const
    {
        auto created = createStorage(config(pathPrefix), QStringLiteral("mortbucket"));
        return created ? *created : nullptr;
    }

    // Seeds `key` with `bytes` through awscli.
    bool seed(const QString &key, const QByteArray &bytes, const QString &contentType)
    {
        QTemporaryFile file;
        if (!file.open() || file.write(bytes) != bytes.size() || !file.flush())
            return false;
        return !m_s3.aws({QStringLiteral("s3api"), QStringLiteral("put-object"), QStringLiteral("--bucket"), kBucket,
                          QStringLiteral("--key"), key, QStringLiteral("--body"), file.fileName(),
                          QStringLiteral("--content-type"), contentType, QStringLiteral("--metadata"),
                          QStringLiteral("public-width=640")})
                    .isNull();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!m_s3.start({kBucket}))
            QFAIL(qPrintable(m_s3.error()));
    }

    void createsFromConfig()
    {
        auto s = storage();
        QVERIFY(s);
        QCOMPARE(s->kind(), QStringLiteral("s3"));
        StorageConfig noKeys = config();
        noKeys.secretAccessKey.clear();
        auto refused = createStorage(noKeys, QStringLiteral("b"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QByteArray("storage.unavailable"));
        QCOMPARE(refused.error().httpStatus, 503);
    }

    void readsWhatAwsCliSeeded()
    {
        const QByteArray bytes = patternBytes(300'000);
        QVERIFY2(seed(QStringLiteral("photos/cat.jpg"), bytes, QStringLiteral("image/jpeg")), qPrintable(m_s3.error()));
        auto s = storage();
        auto object = s->get(QStringLiteral("/photos/cat.jpg"));
        QVERIFY2(object, object ? "" : qPrintable(object.error().toString()));
        QCOMPARE(object->body, bytes);
        QCOMPARE(object->meta.contentType, QByteArray("image/jpeg"));
        QCOMPARE(object->meta.size, bytes.size());
        QCOMPARE(object->meta.etag, '"' + QCryptographicHash::hash(bytes, QCryptographicHash::Md5).toHex() + '"');
        QVERIFY(object->meta.lastModified.isValid());
        QVERIFY(object->meta.headers.contains(qMakePair(QByteArray("x-amz-meta-public-width"), QByteArray("640"))));

        auto head = s->head(QStringLiteral("/photos/cat.jpg"));
        QVERIFY(head);
        QCOMPARE(head->contentType, QByteArray("image/jpeg"));
        QCOMPARE(head->size, bytes.size());
        QCOMPARE(head->etag, object->meta.etag);
    }

    // No type given at upload: S3 says binary/octet-stream, we go by the
    // extension as Mort does when the object carries no type.
    void untypedUploadsAreTypedByExtension()
    {
        QVERIFY(seed(QStringLiteral("untyped.png"), "png-ish", QStringLiteral("binary/octet-stream")));
        QCOMPARE(storage()->head(QStringLiteral("/untyped.png"))->contentType, QByteArray("image/png"));
        QVERIFY(seed(QStringLiteral("untyped.unknownext"), "x", QStringLiteral("binary/octet-stream")));
        QCOMPARE(storage()->get(QStringLiteral("/untyped.unknownext"))->meta.contentType,
                 QByteArray("binary/octet-stream"));
    }

    void nativeRanges()
    {
        const QByteArray bytes = patternBytes(100'000);
        QVERIFY(seed(QStringLiteral("range.bin"), bytes, QStringLiteral("application/octet-stream")));
        auto s3 = std::static_pointer_cast<S3Storage>(storage());
        auto part = s3->getRange(QStringLiteral("/range.bin"), 1000, 1999);
        QVERIFY(part);
        QCOMPARE(part->body, bytes.mid(1000, 1000));
        QVERIFY(
            part->meta.headers.contains(qMakePair(QByteArray("content-range"), QByteArray("bytes 1000-1999/100000"))));
        auto tail = s3->getRange(QStringLiteral("/range.bin"), 99'990, -1);
        QVERIFY(tail);
        QCOMPARE(tail->body, bytes.right(10));
    }

    void openReadStreamsThroughATemporaryFile()
    {
        const QByteArray bytes = patternBytes(3 * 1024 * 1024 + 17);
        QVERIFY(seed(QStringLiteral("big.bin"), bytes, QStringLiteral("application/octet-stream")));
        ObjectMetadata meta;
        auto device = storage()->openRead(QStringLiteral("/big.bin"), &meta);
        QVERIFY(device);
        QCOMPARE((*device)->size(), bytes.size());
        QCOMPARE(meta.size, bytes.size());
        QCOMPARE((*device)->readAll(), bytes);
    }

    void writesWithMetadataThatAwsCliReadsBack()
    {
        StorageConfig c = config(QStringLiteral("transforms"));
        c.headers = {{QStringLiteral("x-amz-meta-written-by"), QStringLiteral("mort")}};
        auto s = *createStorage(c, QStringLiteral("mortbucket"));
        ObjectMetadata meta;
        meta.contentType = "image/webp";
        meta.headers = {{"x-amz-meta-public-width", "320"}, {"cache-control", "max-age=60"}, {"x-internal", "dropped"}};
        const QByteArray body = patternBytes(5000);
        QVERIFY(s->put(QStringLiteral("/img.jpg/small"), body, meta));

        const QByteArray json =
            m_s3.aws({QStringLiteral("s3api"), QStringLiteral("head-object"), QStringLiteral("--bucket"), kBucket,
                      QStringLiteral("--key"), QStringLiteral("transforms/img.jpg/small")});
        QVERIFY2(!json.isNull(), qPrintable(m_s3.error()));
        const QJsonObject head = QJsonDocument::fromJson(json).object();
        QCOMPARE(head.value(QStringLiteral("ContentType")).toString(), QStringLiteral("image/webp"));
        QCOMPARE(head.value(QStringLiteral("ContentLength")).toInteger(), 5000);
        QCOMPARE(head.value(QStringLiteral("CacheControl")).toString(), QStringLiteral("max-age=60"));
        const QJsonObject userMeta = head.value(QStringLiteral("Metadata")).toObject();
        QCOMPARE(userMeta.value(QStringLiteral("public-width")).toString(), QStringLiteral("320"));
        QCOMPARE(userMeta.value(QStringLiteral("written-by")).toString(), QStringLiteral("mort"));
        QVERIFY(!userMeta.contains(QStringLiteral("internal")));

        // And read back by us as Mort reads results: type, size, x-amz-meta-*.
        auto back = s->get(QStringLiteral("/img.jpg/small"));
        QVERIFY(back);
        QCOMPARE(back->body, body);
        QCOMPARE(back->meta.contentType, QByteArray("image/webp"));
        QVERIFY(back->meta.headers.contains(qMakePair(QByteArray("x-amz-meta-public-width"), QByteArray("320"))));
        QVERIFY(back->meta.headers.contains(qMakePair(QByteArray("cache-control"), QByteArray("max-age=60"))));
    }

    // A large body streams from a device (the S3 API's uploads), sequential
    // ones included, and reads back byte for byte.
    void putStreamSendsTheDevice()
    {
        auto s = storage();
        QByteArray bytes(6 << 20, Qt::Uninitialized);
        for (qsizetype i = 0; i < bytes.size(); ++i)
            bytes[i] = char(i * 7 + i / 4096);
        QBuffer buffer(&bytes);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        ObjectMetadata meta;
        meta.contentType = "application/octet-stream";
        QVERIFY(s->putStream(QStringLiteral("/streamed.bin"), buffer, bytes.size(), meta));
        auto back = s->get(QStringLiteral("/streamed.bin"));
        QVERIFY2(back, back ? "" : qPrintable(back.error().toString()));
        QCOMPARE(back->body.size(), bytes.size());
        QVERIFY(back->body == bytes);

        // A sequential device: its size is not known to it, only to the caller.
        class Sequential : public QIODevice
        {
        public:
            explicit Sequential(const QByteArray &b) : m_b(b) { open(QIODevice::ReadOnly); }
            bool isSequential() const override { return true; }

        protected:
            qint64 readData(char *data, qint64 max) override
            {
                const qint64 n = std::min<qint64>(max, m_b.size() - m_at);
                memcpy(data, m_b.constData() + m_at, size_t(n));
                m_at += n;
                return n;
            }
            qint64 writeData(const char *, qint64) override { return -1; }

        private:
            QByteArray m_b;
            qint64 m_at = 0;
        } sequential(bytes);
        QVERIFY(s->putStream(QStringLiteral("/sequential.bin"), sequential, bytes.size(), meta));
        back = s->get(QStringLiteral("/sequential.bin"));
        QVERIFY2(back, back ? "" : qPrintable(back.error().toString()));
        QVERIFY(back->body == bytes);
    }

    void keysWithSpacesAndUnicodeRoundTrip()
    {
        auto s = storage();
        const QString key = QStringLiteral("/dir/zdjęcie z+plusem (1).png");
        QVERIFY(s->put(key, "png-bytes", {}));
        auto back = s->get(key);
        QVERIFY2(back, back ? "" : qPrintable(back.error().toString()));
        QCOMPARE(back->body, QByteArray("png-bytes"));
        QVERIFY(!m_s3.aws({QStringLiteral("s3api"), QStringLiteral("head-object"), QStringLiteral("--bucket"), kBucket,
                           QStringLiteral("--key"), key.mid(1)})
                     .isNull());
    }

    void listsUnderThePrefixAcrossPages()
    {
        auto s = storage(QStringLiteral("listing"));
        for (int i = 0; i < 5; ++i)
            QVERIFY(s->put(QStringLiteral("/k%1.txt").arg(i), "x", {}));
        QVERIFY(s->put(QStringLiteral("/sub/deep.txt"), "x", {}));
        auto keys = s->listKeys(100);
        QVERIFY(keys);
        QCOMPARE(*keys, QStringList({"/k0.txt", "/k1.txt", "/k2.txt", "/k3.txt", "/k4.txt", "/sub/deep.txt"}));
        auto limited = s->listKeys(2);
        QVERIFY2(limited, limited ? "" : qPrintable(limited.error().toString()));
        QCOMPARE(*limited, QStringList({"/k0.txt", "/k1.txt"}));
        // Pages of two keys: the continuation token carries the listing on.
        S3Storage paged(config(QStringLiteral("listing")), kBucket, {}, 2);
        auto all = paged.listKeys(100);
        QVERIFY2(all, all ? "" : qPrintable(all.error().toString()));
        QCOMPARE(*all, *keys);
    }

    void deleteAndNotFound()
    {
        auto s = storage();
        QVERIFY(s->put(QStringLiteral("/gone.txt"), "bye", {}));
        QVERIFY(s->remove(QStringLiteral("/gone.txt")));
        auto head = s->head(QStringLiteral("/gone.txt"));
        QVERIFY(!head);
        QVERIFY(head.error().isNotFound());
        auto get = s->get(QStringLiteral("/gone.txt"));
        QVERIFY(!get);
        QCOMPARE(get.error().httpStatus, 404);
        QVERIFY(s->remove(QStringLiteral("/never-was.txt"))); // S3 DELETE is idempotent
    }

    void refusedCredentialsAreTheStableStorageError()
    {
        StorageConfig c = config();
        c.accessKey = QStringLiteral("NOT-A-KEY");
        auto s = *createStorage(c, QStringLiteral("b"));
        auto get = s->get(QStringLiteral("/photos/cat.jpg"));
        QVERIFY(!get);
        QCOMPARE(get.error().code, QByteArray("storage.io_error"));
        QCOMPARE(get.error().httpStatus, 500);
        QVERIFY2(get.error().detail.contains(QLatin1String("403")), qPrintable(get.error().detail));
    }

    void presignedUrlServesWithoutCredentials()
    {
        const QByteArray bytes = patternBytes(4096);
        QVERIFY(seed(QStringLiteral("presigned.bin"), bytes, QStringLiteral("application/octet-stream")));
        auto s3 = std::static_pointer_cast<S3Storage>(storage());
        const QUrl url = *s3->presignGet(QStringLiteral("/presigned.bin"), 5 * 3600);
        QVERIFY(url.query().contains(QLatin1String("X-Amz-Expires=18000")));
        QNetworkAccessManager nam;
        QNetworkReply *reply = nam.get(QNetworkRequest(url));
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(10'000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(reply->readAll(), bytes);
        reply->deleteLater();

        // Credentials the server does not know are refused through the URL too.
        StorageConfig unknown = config();
        unknown.accessKey = QStringLiteral("NOT-A-KEY");
        QNetworkReply *bad =
            nam.get(QNetworkRequest(*S3Storage(unknown, kBucket).presignGet(QStringLiteral("/presigned.bin"), 60)));
        QSignalSpy badDone(bad, &QNetworkReply::finished);
        QVERIFY(badDone.wait(10'000));
        QCOMPARE(bad->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 403);
        bad->deleteLater();
    }

    void deadEndpointFailsFastWithTheStableError()
    {
        StorageConfig c = config();
        c.endpoint = QStringLiteral("http://127.0.0.1:%1").arg(freeLoopbackPort()); // nobody listens
        auto s = *createStorage(c, QStringLiteral("b"));
        QElapsedTimer t;
        t.start();
        auto get = s->get(QStringLiteral("/a.jpg"));
        QVERIFY(!get);
        QCOMPARE(get.error().code, QByteArray("storage.io_error"));
        QVERIFY(t.elapsed() < 5000);
    }

    void silentEndpointTimesOutAtTheIdleLimit()
    {
        // Listening but never answering: the kernel completes the handshake,
        // the request then waits for bytes that never come.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        StorageConfig c = config();
        c.endpoint = QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort());
        S3Storage s(c, kBucket, HttpTransferLimits{300, 5000, -1});
        QElapsedTimer t;
        t.start();
        auto get = s.get(QStringLiteral("/a.jpg"));
        QVERIFY(!get);
        QCOMPARE(get.error().code, QByteArray("storage.io_error"));
        QVERIFY2(get.error().detail.contains(QLatin1String("timed out")), qPrintable(get.error().detail));
        QVERIFY2(t.elapsed() >= 250 && t.elapsed() < 3000, qPrintable(QString::number(t.elapsed())));
    }

    void addressing()
    {
        StorageConfig aws = config(QStringLiteral("pre"));
        aws.endpoint.clear();
        aws.region = QStringLiteral("eu-west-1");
        S3Storage virtualHosted(aws, QStringLiteral("photos"));
        QCOMPARE(virtualHosted.objectUrl(virtualHosted.objectKey(QStringLiteral("/a/b.jpg"))),
                 QUrl(QStringLiteral("https://photos.s3.eu-west-1.amazonaws.com/pre/a/b.jpg")));
        S3Storage pathStyle(config(), QStringLiteral("photos"));
        QCOMPARE(pathStyle.objectUrl(pathStyle.objectKey(QStringLiteral("/a/b.jpg"))),
                 QUrl(m_s3.endpoint() + QStringLiteral("/photos/a/b.jpg")));
        StorageConfig bare = config();
        bare.endpoint = QStringLiteral("minio:9000");
        S3Storage noScheme(bare, QStringLiteral("photos"));
        QCOMPARE(noScheme.objectUrl(QStringLiteral("x")), QUrl(QStringLiteral("https://minio:9000/photos/x")));
    }
};

QTEST_GUILESS_MAIN(TestS3Storage)
#include "tst_s3storage.moc"
