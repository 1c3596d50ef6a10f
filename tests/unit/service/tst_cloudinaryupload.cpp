// Cloudinary-style upload (spec s3-api.md §7): the signature, every check in
// Mort's order with its exact status and text, and what reaches the storage.
#include "imaging/imageprocessor.h"
#include "service/cloudinaryupload.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace mort;

namespace {

const qint64 kNow = 1700000000;
const QString kKey = QStringLiteral("key1");
const QString kSecret = QStringLiteral("s3cr3t");

QByteArray pngBytes()
{
    QFile f(QStringLiteral(MORT_TESTDATA_DIR "/watermark/logo_200x80.png"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

BucketConfig cloudinaryBucket(int keys = 1)
{
    BucketConfig b;
    b.name = QStringLiteral("cl");
    TransformConfig t;
    t.kind = QStringLiteral("cloudinary");
    b.transform = t;
    for (int i = 0; i < keys; ++i)
        b.keys.append(AccessKey{kKey, kSecret});
    return b;
}

struct Field
{
    QByteArray name;
    QByteArray value;
};

struct FilePart
{
    QByteArray field = "file";
    QByteArray fileName = "logo.png";
    QByteArray contentType = "image/png";
    QByteArray data = pngBytes();
};

HttpRequest uploadRequest(const QList<Field> &fields, const QList<FilePart> &files)
{
    QByteArray body;
    for (const Field &f : fields)
        body += "--B0undary\r\nContent-Disposition: form-data; name=\"" + f.name + "\"\r\n\r\n" + f.value + "\r\n";
    for (const FilePart &f : files) {
        body += "--B0undary\r\nContent-Disposition: form-data; name=\"" + f.field + "\"; filename=\"" + f.fileName
            + "\"\r\nContent-Type: " + f.contentType + "\r\n\r\n" + f.data + "\r\n";
    }
    body += "--B0undary--\r\n";
    HttpRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/cl/image/upload");
    r.headers = {{"Content-Type", "multipart/form-data; boundary=B0undary"}};
    r.body = body;
    return r;
}

// A correctly signed form at `timestamp` with `extra` fields signed too.
QList<Field> signedFields(qint64 timestamp = kNow, const QList<Field> &extra = {})
{
    QList<std::pair<QString, QString>> toSign{{QStringLiteral("timestamp"), QString::number(timestamp)}};
    for (const Field &f : extra)
        toSign.append({QString::fromUtf8(f.name), QString::fromUtf8(f.value)});
    QList<Field> fields{{"api_key", kKey.toUtf8()}, {"timestamp", QByteArray::number(timestamp)}};
    fields += extra;
    fields.append({"signature", cloudinarySignature(toSign, kSecret)});
    return fields;
}

struct Stored
{
    QString key;
    QByteArray body;
    ObjectMetadata meta;
    int calls = 0;
};

HttpResponse upload(const HttpRequest &request, const BucketConfig &bucket, Stored *stored,
                    Expected<void> storeResult = {})
{
    return cloudinaryUpload(
        request, bucket,
        [&](const QString &key, const QByteArray &body, const ObjectMetadata &meta) {
            stored->key = key;
            stored->body = QByteArray(body.constData(), body.size()); // a view into the request: copy to keep
            stored->meta = meta;
            stored->calls++;
            return storeResult;
        },
        QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC));
}

} // namespace

Q_DECLARE_METATYPE(mort::HttpRequest) // a column of checksInMortsOrder_data()

class TestCloudinaryUpload : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(initImaging("tst_cloudinaryupload").ok()); } // content sniffing uses libvips

    // Cloudinary's documented example ("Generating authentication signatures").
    void signatureMatchesCloudinarysExample()
    {
        const QList<std::pair<QString, QString>> fields{
            {QStringLiteral("timestamp"), QStringLiteral("1315060510")},
            {QStringLiteral("public_id"), QStringLiteral("sample_image")},
            {QStringLiteral("eager"), QStringLiteral("w_400,h_300,c_pad|w_260,h_200,c_crop")},
            {QStringLiteral("api_key"), QStringLiteral("ignored")},
            {QStringLiteral("signature"), QStringLiteral("ignored")}};
        QCOMPARE(cloudinarySignature(fields, QStringLiteral("abcd")),
                 QByteArray("bfd09f95f331f558cbd1320e67aa8d488770583e"));
    }

    void signedUploadIsStoredAndDescribed()
    {
        Stored stored;
        const HttpResponse r =
            upload(uploadRequest(signedFields(kNow, {{"folder", "a b+c"}}), {FilePart{}}), cloudinaryBucket(), &stored);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(stored.calls, 1);
        QVERIFY(QRegularExpression(QStringLiteral("^/[A-Za-z0-9]{20}$")).match(stored.key).hasMatch());
        QCOMPARE(stored.body, pngBytes());
        QCOMPARE(stored.meta.contentType, QByteArray("image/png"));

        // Cloudinary's fields, in Mort's order.
        QVERIFY2(
            QRegularExpression(QStringLiteral("^\\{\"asset_id\":\"[A-Za-z0-9]{8}\",\"public_id\":\"[A-Za-z0-9]{20}\","
                                              "\"version\":1700000000,\"format\":\"png\",\"resource_type\":\"image\","
                                              "\"bytes\":%1,\"type\":\"upload\",\"original_filename\":\"logo.png\"\\}$")
                                   .arg(pngBytes().size()))
                .match(QString::fromUtf8(r.body))
                .hasMatch(),
            r.body.constData());
        const QJsonObject json = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(QLatin1Char('/') + json.value(QStringLiteral("public_id")).toString(), stored.key);
    }

    void checksInMortsOrder_data()
    {
        QTest::addColumn<HttpRequest>("request");
        QTest::addColumn<int>("keys");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("code");

        const HttpRequest good = uploadRequest(signedFields(), {FilePart{}});
        QTest::newRow("no keys configured") << good << 0 << 500 << QByteArray("Server configuration error")
                                            << QByteArray("cloudinary.keys_not_configured");
        QTest::newRow("two keys configured") << good << 2 << 500 << QByteArray("Server configuration error")
                                             << QByteArray("cloudinary.keys_not_configured");
        HttpRequest notMultipart = good;
        notMultipart.headers = {{"Content-Type", "application/json"}};
        QTest::newRow("not a multipart form")
            << notMultipart << 1 << 400 << QByteArray("request Content-Type isn't multipart/form-data")
            << QByteArray("form.bad_multipart");

        QList<Field> wrongKey = signedFields();
        wrongKey[0].value = "other";
        QTest::newRow("other api_key") << uploadRequest(wrongKey, {FilePart{}}) << 1 << 403
                                       << QByteArray("signature does not match")
                                       << QByteArray("cloudinary.signature_mismatch");
        QTest::newRow("timestamp more than an hour old")
            << uploadRequest(signedFields(kNow - 3601), {FilePart{}}) << 1 << 403
            << QByteArray("signature does not match") << QByteArray("cloudinary.signature_mismatch");
        QTest::newRow("timestamp more than 10 minutes ahead")
            << uploadRequest(signedFields(kNow + 601), {FilePart{}}) << 1 << 403
            << QByteArray("signature does not match") << QByteArray("cloudinary.signature_mismatch");
        QList<Field> notANumber = signedFields();
        notANumber[1].value = "soon";
        QTest::newRow("timestamp not a number")
            << uploadRequest(notANumber, {FilePart{}}) << 1 << 403 << QByteArray("signature does not match")
            << QByteArray("cloudinary.signature_mismatch");
        QList<Field> tampered = signedFields(kNow, {{"folder", "a"}});
        tampered[2].value = "b"; // signed "a"
        QTest::newRow("field changed after signing")
            << uploadRequest(tampered, {FilePart{}}) << 1 << 403 << QByteArray("signature does not match")
            << QByteArray("cloudinary.signature_mismatch");

        QTest::newRow("no file") << uploadRequest(signedFields(), {}) << 1 << 400
                                 << QByteArray("only upload of one file is supported")
                                 << QByteArray("cloudinary.one_file");
        QTest::newRow("two files") << uploadRequest(signedFields(), {FilePart{}, FilePart{}}) << 1 << 400
                                   << QByteArray("only upload of one file is supported")
                                   << QByteArray("cloudinary.one_file");
        FilePart otherField;
        otherField.field = "image"; // Mort drops the connection here (peer S11)
        QTest::newRow("file field not named file")
            << uploadRequest(signedFields(), {otherField}) << 1 << 400
            << QByteArray("only upload of one file is supported") << QByteArray("cloudinary.one_file");
        FilePart textType;
        textType.contentType = "text/plain";
        QTest::newRow("file Content-Type not image/*")
            << uploadRequest(signedFields(), {textType}) << 1 << 400 << QByteArray("invalid file Content-Type")
            << QByteArray("cloudinary.bad_content_type");
        FilePart script;
        script.contentType = "image/svg+xml";
        script.data = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
        QTest::newRow("declared image, not an image we process")
            << uploadRequest(signedFields(), {script}) << 1 << 415
            << QByteArray("the file is not an image this server can process") << QByteArray("image.unsupported_type");
    }
    void checksInMortsOrder()
    {
        QFETCH(HttpRequest, request);
        QFETCH(int, keys);
        QFETCH(int, status);
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, code);
        Stored stored;
        const HttpResponse r = upload(request, cloudinaryBucket(keys), &stored);
        QCOMPARE(r.status, status);
        QCOMPARE(r.body, text);
        QCOMPARE(r.header("Content-Type"), QByteArray("text/plain"));
        QCOMPARE(r.header("X-Mort-Error"), code);
        QCOMPARE(stored.calls, 0); // nothing stored
    }

    void storageFailureAnswersItsStatus()
    {
        Stored stored;
        const HttpResponse r =
            upload(uploadRequest(signedFields(), {FilePart{}}), cloudinaryBucket(), &stored,
                   Error::upstream("storage.unavailable", 503, QStringLiteral("storage unavailable")));
        QCOMPARE(stored.calls, 1);
        QCOMPARE(r.status, 503);
        QCOMPARE(r.body, QByteArray("parent storage error"));
        QCOMPARE(r.header("X-Mort-Error"), QByteArray("storage.unavailable"));
    }

    void onlyPostsToCloudinaryBucketsAreUploads()
    {
        Config config;
        config.buckets.insert(QStringLiteral("cl"), cloudinaryBucket());
        BucketConfig plain;
        plain.name = QStringLiteral("plain");
        config.buckets.insert(QStringLiteral("plain"), plain);
        HttpRequest r = uploadRequest(signedFields(), {FilePart{}});
        QVERIFY(cloudinaryUploadBucket(config, r) == config.bucket(QStringLiteral("cl")));
        r.path = QStringLiteral("/cl");
        QVERIFY(cloudinaryUploadBucket(config, r) == config.bucket(QStringLiteral("cl")));
        r.path = QStringLiteral("/plain/x");
        QVERIFY(!cloudinaryUploadBucket(config, r));
        r.path = QStringLiteral("/nope/x");
        QVERIFY(!cloudinaryUploadBucket(config, r));
        r.path = QStringLiteral("/cl/x");
        r.method = "PUT";
        QVERIFY(!cloudinaryUploadBucket(config, r));
    }
};

QTEST_GUILESS_MAIN(TestCloudinaryUpload)
#include "tst_cloudinaryupload.moc"
