// Cloudinary-style upload through the real engine (spec s3-api.md §7): a
// signed multipart POST lands in the bucket's basic storage under its
// public_id and is then served (and transformed) through the bucket's
// Cloudinary URLs; a bad signature stores nothing; the body limit holds.
#include "service/cloudinaryupload.h"
#include "testserver.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace mort;
using namespace mort::test;

namespace {

const QString kConfig = QStringLiteral(R"yaml(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
  limits: {maxBodyBytes: 400000}
buckets:
  cl:
    keys: [{accessKey: "key1", secretAccessKey: "s3cr3t"}]
    transform:
      kind: "cloudinary"
      path: "\\/(?P<transformations>[^/]*)\\/(?P<parent>[A-Za-z0-9]+)$"
      parentBucket: "cl"
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
      transform: {kind: "local-meta", rootPath: "@ROOT@/results"}
  plain:
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
)yaml");

QByteArray fileBytes(const QString &relative)
{
    QFile f(testDataPath(relative));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A multipart form signed with `secret` at the current time.
QByteArray signedForm(const QByteArray &image, const QString &secret = QStringLiteral("s3cr3t"))
{
    const QString timestamp = QString::number(QDateTime::currentSecsSinceEpoch());
    const QByteArray signature = cloudinarySignature({{QStringLiteral("timestamp"), timestamp}}, secret);
    QByteArray body;
    auto field = [&body](const QByteArray &name, const QByteArray &value) {
        body += "--zz\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    };
    field("api_key", "key1");
    field("timestamp", timestamp.toLatin1());
    field("signature", signature);
    body += "--zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\n"
            "Content-Type: image/jpeg\r\n\r\n"
        + image + "\r\n--zz--\r\n";
    return body;
}

Reply post(const TestServer &server, const QByteArray &target, const QByteArray &body)
{
    RawHttpClient client(server.address());
    const QByteArray head = RawHttpClient::requestBytes(
        "POST", target,
        {{"Content-Type", "multipart/form-data; boundary=zz"}, {"Content-Length", QByteArray::number(body.size())}});
    if (!client.send(head + body))
        return {};
    return client.read();
}

} // namespace

class TestUpload : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        MORT_START(*m_server, kConfig);
    }
    void cleanup() { m_server.reset(); }

    void uploadedImageIsServedThroughCloudinaryUrls()
    {
        const QByteArray photo = fileBytes(QStringLiteral("photos/gray_800x600.jpg"));
        const Reply r = post(*m_server, "/cl/image/upload", signedForm(photo));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        const QJsonObject json = QJsonDocument::fromJson(r.body).object();
        const QString publicId = json.value(QStringLiteral("public_id")).toString();
        QCOMPARE(publicId.size(), 20);
        QCOMPARE(json.value(QStringLiteral("bytes")).toInteger(), qint64(photo.size()));
        QCOMPARE(json.value(QStringLiteral("format")).toString(), QStringLiteral("jpeg"));
        QCOMPARE(json.value(QStringLiteral("original_filename")).toString(), QStringLiteral("photo.jpg"));

        // Empty transformations: the upload itself, byte for byte.
        const Reply original = m_server->get("/cl//" + publicId.toLatin1());
        QCOMPARE(original.status, 200);
        QCOMPARE(original.header("Content-Type"), QByteArray("image/jpeg"));
        QCOMPARE(original.body, photo);

        const Reply thumb = m_server->get("/cl/c_fill,w_100,h_100/" + publicId.toLatin1());
        QCOMPARE(thumb.status, 200);
        const Decoded d = decodeImage(thumb.body);
        QVERIFY(d.ok);
        QCOMPARE(d.width, 100);
        QCOMPARE(d.height, 100);
    }

    void badSignatureStoresNothing()
    {
        const Reply r = post(*m_server, "/cl/image/upload",
                             signedForm(fileBytes(QStringLiteral("photos/gray_800x600.jpg")), QStringLiteral("wrong")));
        QCOMPARE(r.status, 403);
        QCOMPARE(r.body, QByteArray("signature does not match"));
        QCOMPARE(r.header("Content-Type"), QByteArray("text/plain"));
        QCOMPARE(countFiles(m_server->path(QStringLiteral("originals"))), 0);
    }

    void bodyOverTheLimitIs413()
    {
        const Reply r = post(*m_server, "/cl/image/upload", signedForm(QByteArray(500000, 'x')));
        QCOMPARE(r.status, 413);
        QCOMPARE(countFiles(m_server->path(QStringLiteral("originals"))), 0);
    }

    void postToABucketThatIsNotCloudinaryStillNeedsS3Auth()
    {
        const Reply r =
            post(*m_server, "/plain/a.jpg", signedForm(fileBytes(QStringLiteral("photos/gray_800x600.jpg"))));
        QCOMPARE(r.status, 403); // S3's AccessDenied for an unsigned write (s3/s3api.h)
        QVERIFY(r.body.contains("<Code>AccessDenied</Code>"));
    }
};

QTEST_GUILESS_MAIN(TestUpload)
#include "tst_upload.moc"
