// The S3 API of mort-server in-process (issue #19): signed PUT/GET/HEAD/DELETE
// against local-meta storage, listings v1/v2, ListBuckets, every refusal with
// its exact status and S3 error Code, bodies judged before they are read,
// aws-chunked uploads with chunk signatures, hostile XML, cache invalidation.
#include "../testserver.h"
#include "s3signer.h"

#include <QRegularExpression>

#include <zlib.h>

using namespace mort;
using namespace mort::test;

namespace {

const QString kConfig = QStringLiteral(R"yaml(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"
  cache: {type: "memory", cacheSize: 10000000}
headers:
  - statusCodes: [200]
    values: {"cache-control": "max-age=3600, public"}
buckets:
  media:
    keys:
      - accessKey: "AKIDMORT"
        secretAccessKey: "secret-of-mort"
    transform:
      kind: "query"
    limits: {maxBodyBytes: 6291456}
    storages:
      basic: {kind: "local-meta", rootPath: "@ROOT@/originals"}
      transform: {kind: "local-meta", rootPath: "@ROOT@/results"}
  other:
    keys:
      - accessKey: "AKIDOTHER"
        secretAccessKey: "other-secret"
    storages:
      basic: {kind: "local", rootPath: "@ROOT@/other"}
)yaml");

QByteArray code(const Reply &r)
{
    static const QRegularExpression re(QStringLiteral("<Code>([^<]*)</Code>"));
    return re.match(QString::fromUtf8(r.body)).captured(1).toUtf8();
}

QByteArray md5Base64(const QByteArray &b)
{
    return QCryptographicHash::hash(b, QCryptographicHash::Md5).toBase64();
}

QStringList xmlValues(const QByteArray &body, const QString &element)
{
    QStringList out;
    const QRegularExpression re(QStringLiteral("<%1>([^<]*)</%1>").arg(element));
    for (auto it = re.globalMatch(QString::fromUtf8(body)); it.hasNext();)
        out.append(it.next().captured(1));
    return out;
}

} // namespace

class TestS3Api : public QObject
{
    Q_OBJECT
    S3Credentials m_creds;

    Reply put(TestServer &server, const QByteArray &path, const QByteArray &body, HttpHeaders extra = {})
    {
        const SignedHttp s = signV4("PUT", path, {}, extra, sha256Hex(body), m_creds);
        RawHttpClient client(server.address());
        return client.requestWithBody("PUT", s.target, s.headers, body);
    }
    Reply signedRequest(TestServer &server, const QByteArray &method, const QByteArray &path,
                        const aws::QueryParams &query = {}, const S3Credentials *creds = nullptr)
    {
        const SignedHttp s = signV4(method, path, query, {}, aws::kEmptyPayloadSha256, creds ? *creds : m_creds);
        RawHttpClient client(server.address());
        return client.request(method, s.target, s.headers);
    }

private Q_SLOTS:
    void putGetHeadDelete()
    {
        TestServer server;
        MORT_START(server, kConfig);
        const QByteArray body = QByteArray("hello S3 ").repeated(1000);
        const Reply stored =
            put(server, "/media/dir/hello.txt", body, {{"Content-Type", "text/plain"}, {"x-amz-meta-owner", "me"}});
        QCOMPARE(stored.status, 200);
        QCOMPARE(stored.header("ETag"), '"' + QCryptographicHash::hash(body, QCryptographicHash::Md5).toHex() + '"');
        QVERIFY(!stored.header("x-amz-request-id").isEmpty());

        const Reply got = server.get("/media/dir/hello.txt");
        QCOMPARE(got.status, 200);
        QCOMPARE(got.body, body);
        QCOMPARE(got.header("Content-Type"), QByteArray("text/plain"));
        QCOMPARE(got.header("x-amz-meta-owner"), QByteArray("me"));
        const Reply signedGet = signedRequest(server, "GET", "/media/dir/hello.txt");
        QCOMPARE(signedGet.status, 200);
        QCOMPARE(signedGet.body, body);
        const Reply head = signedRequest(server, "HEAD", "/media/dir/hello.txt");
        QCOMPARE(head.status, 200);
        QCOMPARE(head.header("Content-Length"), QByteArray::number(body.size()));

        const Reply deleted = signedRequest(server, "DELETE", "/media/dir/hello.txt");
        QCOMPARE(deleted.status, 204);
        QCOMPARE(server.get("/media/dir/hello.txt").status, 404);
        // Deleting what is not there is S3's 204 too.
        QCOMPARE(signedRequest(server, "DELETE", "/media/dir/hello.txt").status, 204);
    }

    void refusalsCarryS3ErrorCodes_data()
    {
        QTest::addColumn<QByteArray>("what");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("unsigned PUT") << QByteArray("unsigned") << 403 << QByteArray("AccessDenied");
        QTest::newRow("wrong access key") << QByteArray("wrong-key") << 403 << QByteArray("InvalidAccessKeyId");
        QTest::newRow("another bucket's key")
            << QByteArray("other-bucket-key") << 403 << QByteArray("InvalidAccessKeyId");
        QTest::newRow("wrong secret") << QByteArray("wrong-secret") << 403 << QByteArray("SignatureDoesNotMatch");
        QTest::newRow("altered header") << QByteArray("altered-header") << 403 << QByteArray("SignatureDoesNotMatch");
        QTest::newRow("altered path") << QByteArray("altered-path") << 403 << QByteArray("SignatureDoesNotMatch");
        QTest::newRow("altered payload") << QByteArray("altered-payload") << 400
                                         << QByteArray("XAmzContentSHA256Mismatch");
        QTest::newRow("skewed clock") << QByteArray("skewed") << 403 << QByteArray("RequestTimeTooSkewed");
        QTest::newRow("expired presign") << QByteArray("expired-presign") << 403 << QByteArray("AccessDenied");
        QTest::newRow("presign, unknown key")
            << QByteArray("presign-unknown-key") << 403 << QByteArray("InvalidAccessKeyId");
        QTest::newRow("presign, wrong signature")
            << QByteArray("presign-tampered") << 403 << QByteArray("SignatureDoesNotMatch");
        QTest::newRow("presign over a week")
            << QByteArray("presign-too-long") << 400 << QByteArray("AuthorizationQueryParametersError");
        QTest::newRow("malformed authorization")
            << QByteArray("malformed") << 400 << QByteArray("AuthorizationHeaderMalformed");
        QTest::newRow("bad Content-MD5") << QByteArray("bad-md5") << 400 << QByteArray("BadDigest");
        QTest::newRow("Content-MD5 not base64 md5") << QByteArray("invalid-md5") << 400 << QByteArray("InvalidDigest");
        QTest::newRow("bad crc32 checksum") << QByteArray("bad-crc32") << 400 << QByteArray("BadDigest");
        QTest::newRow("over the bucket's maxBodyBytes")
            << QByteArray("too-large") << 400 << QByteArray("EntityTooLarge");
        QTest::newRow("unknown bucket") << QByteArray("no-bucket") << 404 << QByteArray("NoSuchBucket");
        QTest::newRow("SigV2 wrong secret")
            << QByteArray("v2-wrong-secret") << 403 << QByteArray("SignatureDoesNotMatch");
    }
    void refusalsCarryS3ErrorCodes()
    {
        QFETCH(QByteArray, what);
        QFETCH(int, status);
        QFETCH(QByteArray, expected);
        TestServer server;
        MORT_START(server, kConfig);
        const QByteArray body = "tampered?";
        QByteArray path = "/media/t.txt";
        QByteArray target = path;
        HttpHeaders headers;
        QByteArray sent = body;
        S3Credentials c = m_creds;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto v4 = [&](const HttpHeaders &extra = {}, QDateTime when = QDateTime::currentDateTimeUtc()) {
            const SignedHttp s = signV4("PUT", path, {}, extra, sha256Hex(body), c, when);
            target = s.target;
            headers = s.headers;
        };
        if (what == "unsigned") {
        } else if (what == "wrong-key") {
            c.accessKey = "AKIDNOBODY";
            v4();
        } else if (what == "other-bucket-key") {
            c.accessKey = "AKIDOTHER";
            c.secretKey = "other-secret";
            v4();
        } else if (what == "wrong-secret") {
            c.secretKey = "not-the-secret";
            v4();
        } else if (what == "altered-header") {
            v4({{"x-amz-meta-a", "1"}});
            setHeader(headers, "x-amz-meta-a", "2");
        } else if (what == "altered-path") {
            v4();
            target = "/media/u.txt";
        } else if (what == "altered-payload") {
            v4();
            sent = "TAMPERED!";
        } else if (what == "skewed") {
            v4({}, now.addSecs(-20 * 60));
        } else if (what == "expired-presign") {
            target = presign("PUT", path, 60, c, now.addSecs(-120));
        } else if (what == "presign-unknown-key") {
            c.accessKey = "AKIDNOBODY";
            target = presign("PUT", path, 600, c);
        } else if (what == "presign-tampered") {
            target = presign("PUT", path, 600, c);
            target.replace(target.size() - 4, 4, "0000");
        } else if (what == "presign-too-long") {
            target = presign("PUT", path, 700000, c);
        } else if (what == "malformed") {
            headers = {{"Authorization", "AWS4-HMAC-SHA256 Credential=AKIDMORT, Signature=x"},
                       {"x-amz-date", aws::amzDate(now)}};
        } else if (what == "bad-md5") {
            v4({{"Content-MD5", md5Base64("something else")}});
        } else if (what == "invalid-md5") {
            v4({{"Content-MD5", "bm90LW1kNQ=="}});
        } else if (what == "bad-crc32") {
            v4({{"x-amz-checksum-crc32", "AAAAAA=="}});
        } else if (what == "too-large") {
            sent = QByteArray(6 * 1024 * 1024 + 1, 'x');
            const SignedHttp s = signV4("PUT", path, {}, {}, sha256Hex(sent), c);
            target = s.target;
            headers = s.headers;
        } else if (what == "no-bucket") {
            path = "/nobucket/t.txt";
            v4();
        } else if (what == "v2-wrong-secret") {
            c.secretKey = "nope";
            headers = signV2("PUT", path, {{"Content-Type", "text/plain"}}, c);
        }
        RawHttpClient client(server.address());
        const Reply r = client.requestWithBody("PUT", target, headers, sent);
        QCOMPARE(r.status, status);
        QCOMPARE(code(r), expected);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/xml"));
        QVERIFY(!r.header("x-amz-request-id").isEmpty());
        QVERIFY(!QFile::exists(server.path("originals/t.txt"))); // nothing was stored
        QCOMPARE(server.get("/media/t.txt").status, 404);
    }

    void presignedAndSigV2Work()
    {
        TestServer server;
        MORT_START(server, kConfig);
        RawHttpClient client(server.address());
        const Reply put = client.requestWithBody("PUT", presign("PUT", "/media/p.txt", 600, m_creds),
                                                 {{"Host", "mort.test"}}, "presigned body");
        QCOMPARE(put.status, 200);
        const Reply get = server.get(presign("GET", "/media/p.txt", 600, m_creds), {{"Host", "mort.test"}});
        QCOMPARE(get.status, 200);
        QCOMPARE(get.body, QByteArray("presigned body"));
        const HttpHeaders v2 = signV2("PUT", "/media/v2.txt", {{"Content-Type", "text/plain"}}, m_creds);
        RawHttpClient c2(server.address());
        const Reply r2 = c2.requestWithBody("PUT", "/media/v2.txt", v2, "sigv2 body");
        QCOMPARE(r2.status, 200);
        QCOMPARE(server.get("/media/v2.txt").body, QByteArray("sigv2 body"));
    }

    // Expect: 100-continue: a refusal comes instead of "100 Continue" and no body byte is read.
    void refusedBeforeTheBody()
    {
        TestServer server;
        MORT_START(server, kConfig);
        const qint64 announced = 64LL << 20;
        SignedHttp s = signV4("PUT", "/media/big.bin", {}, {}, aws::kUnsignedPayload, m_creds);
        s.headers.append({"Content-Length", QByteArray::number(announced)});
        s.headers.append({QByteArray("Expect"), QByteArray("100-continue")});
        RawHttpClient client(server.address());
        QVERIFY(client.send(RawHttpClient::requestBytes("PUT", s.target, s.headers)));
        const Reply r = client.read(false, 5000);
        QCOMPARE(r.status, 400);
        QCOMPARE(code(r), QByteArray("EntityTooLarge"));
        QCOMPARE(r.header("Connection"), QByteArray("close"));

        // A presigned PUT with an unknown key is answered at once, too.
        S3Credentials nobody = m_creds;
        nobody.accessKey = "AKIDNOBODY";
        RawHttpClient other(server.address());
        QVERIFY(other.send(RawHttpClient::requestBytes(
            "PUT", presign("PUT", "/media/x.bin", 600, nobody),
            {{"Host", "mort.test"}, {"Content-Length", "1000000"}, {"Expect", "100-continue"}})));
        const Reply r2 = other.read(false, 5000);
        QCOMPARE(r2.status, 403);
        QCOMPARE(code(r2), QByteArray("InvalidAccessKeyId"));
    }

    void awsChunkedUploads()
    {
        TestServer server;
        MORT_START(server, kConfig);
        QByteArray data;
        for (int i = 0; i < 200000; ++i)
            data += char('a' + i % 26);
        const QDateTime when = QDateTime::currentDateTimeUtc();
        for (const bool tamper : {false, true}) {
            const QByteArray path = tamper ? "/media/chunked-bad.txt" : "/media/chunked.txt";
            SignedHttp s = signV4("PUT", path, {},
                                  {{"Content-Encoding", "aws-chunked"},
                                   {"x-amz-decoded-content-length", QByteArray::number(data.size())}},
                                  "STREAMING-AWS4-HMAC-SHA256-PAYLOAD", m_creds, when);
            const QByteArray auth = headerValue(s.headers, "Authorization");
            const QByteArray seed = auth.mid(auth.lastIndexOf('=') + 1);
            QByteArray body = awsChunked(data, 65536, seed, when, m_creds);
            if (tamper)
                body[body.indexOf("\r\n") + 10] = 'Z';
            RawHttpClient client(server.address());
            const Reply r = client.requestWithBody("PUT", s.target, s.headers, body);
            if (tamper) {
                QCOMPARE(r.status, 403);
                QCOMPARE(code(r), QByteArray("SignatureDoesNotMatch"));
                QCOMPARE(server.get(path).status, 404);
            } else {
                QCOMPARE(r.status, 200);
                QCOMPARE(server.get(path).body, data);
            }
        }
        // Unsigned chunks with a trailing checksum (newer SDKs).
        const QByteArray crc = [&] {
            quint32 v = quint32(::crc32(0, reinterpret_cast<const Bytef *>(data.constData()), uInt(data.size())));
            QByteArray be(4, 0);
            be[0] = char(v >> 24), be[1] = char(v >> 16), be[2] = char(v >> 8), be[3] = char(v);
            return be.toBase64();
        }();
        for (const bool good : {true, false}) {
            SignedHttp s = signV4("PUT", "/media/trailer.txt", {},
                                  {{"Content-Encoding", "aws-chunked"},
                                   {"x-amz-trailer", "x-amz-checksum-crc32"},
                                   {"x-amz-decoded-content-length", QByteArray::number(data.size())}},
                                  "STREAMING-UNSIGNED-PAYLOAD-TRAILER", m_creds);
            const QByteArray body = QByteArray::number(data.size(), 16) + "\r\n" + data
                + "\r\n0\r\nx-amz-checksum-crc32:" + (good ? crc : QByteArray("AAAAAA==")) + "\r\n\r\n";
            RawHttpClient client(server.address());
            const Reply r = client.requestWithBody("PUT", s.target, s.headers, body);
            QCOMPARE(r.status, good ? 200 : 400);
            if (!good)
                QCOMPARE(code(r), QByteArray("BadDigest"));
        }
        QCOMPARE(server.get("/media/trailer.txt").body, data); // the bad one left the good one in place
    }

    // Multipart uploads (CreateMultipartUpload, UploadPart, Complete, Abort).
    void multipartUpload()
    {
        TestServer server;
        MORT_START(server, kConfig);
        auto call = [&](const QByteArray &method, const aws::QueryParams &query, const QByteArray &body) {
            const SignedHttp s = signV4(method, "/media/mp/big.bin", query, {}, sha256Hex(body), m_creds);
            RawHttpClient client(server.address());
            return client.requestWithBody(method, s.target, s.headers, body);
        };
        Reply r = call("POST", {{"uploads", ""}}, {});
        QCOMPARE(r.status, 200);
        const QByteArray id = xmlValues(r.body, QStringLiteral("UploadId")).value(0).toUtf8();
        QVERIFY(!id.isEmpty());
        const QByteArray part1(5 << 20, 'a'), part2 = "the end";
        const Reply p1 = call("PUT", {{"partNumber", "1"}, {"uploadId", id}}, part1);
        QCOMPARE(p1.status, 200);
        const Reply p2 = call("PUT", {{"partNumber", "2"}, {"uploadId", id}}, part2);
        QCOMPARE(p2.status, 200);
        QCOMPARE(server.get("/media/mp/big.bin").status, 404); // nothing before Complete
        auto completion = [](const QList<QPair<int, QByteArray>> &parts) {
            QByteArray xml = "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">";
            for (const auto &[n, etag] : parts)
                xml += "<Part><PartNumber>" + QByteArray::number(n) + "</PartNumber><ETag>" + etag + "</ETag></Part>";
            return xml + "</CompleteMultipartUpload>";
        };
        r = call("POST", {{"uploadId", id}}, completion({{1, p1.header("ETag")}, {2, "\"0123\""}}));
        QCOMPARE(r.status, 400);
        QCOMPARE(code(r), QByteArray("InvalidPart"));
        r = call("POST", {{"uploadId", id}}, completion({{2, p2.header("ETag")}, {1, p1.header("ETag")}}));
        QCOMPARE(code(r), QByteArray("InvalidPartOrder"));
        r = call("POST", {{"uploadId", id}}, completion({{1, p1.header("ETag")}, {2, p2.header("ETag")}}));
        QCOMPARE(r.status, 200);
        QVERIFY(xmlValues(r.body, QStringLiteral("ETag")).value(0).endsWith(QStringLiteral("-2&quot;")));
        QCOMPARE(server.get("/media/mp/big.bin").body, part1 + part2);
        r = call("POST", {{"uploadId", id}}, completion({{1, p1.header("ETag")}}));
        QCOMPARE(r.status, 404);
        QCOMPARE(code(r), QByteArray("NoSuchUpload"));

        // A small part that is not the last, then Abort.
        r = call("POST", {{"uploads", ""}}, {});
        const QByteArray id2 = xmlValues(r.body, QStringLiteral("UploadId")).value(0).toUtf8();
        const Reply s1 = call("PUT", {{"partNumber", "1"}, {"uploadId", id2}}, "small");
        const Reply s2 = call("PUT", {{"partNumber", "2"}, {"uploadId", id2}}, "small");
        r = call("POST", {{"uploadId", id2}}, completion({{1, s1.header("ETag")}, {2, s2.header("ETag")}}));
        QCOMPARE(code(r), QByteArray("EntityTooSmall"));
        QCOMPARE(call("DELETE", {{"uploadId", id2}}, {}).status, 204);
        QCOMPARE(code(call("PUT", {{"partNumber", "3"}, {"uploadId", id2}}, "x")), QByteArray("NoSuchUpload"));
        QCOMPARE(code(call("POST", {{"uploadId", id2}}, "<CompleteMultipartUpload")), QByteArray("MalformedXML"));
        QCOMPARE(server.get("/media/mp/big.bin").body, part1 + part2); // still the first upload
    }

    void listings()
    {
        TestServer server;
        MORT_START(server, kConfig);
        for (const QByteArray key : {"a.txt", "b/1.txt", "b/2.txt", "b/c/3.txt", "d e.txt", "z.txt"})
            QCOMPARE(put(server, "/media/" + QByteArray(key).replace(' ', "%20"), "x").status, 200);
        // v2 without delimiter: every key, flat.
        Reply r = signedRequest(server, "GET", "/media", {{"list-type", "2"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(xmlValues(r.body, QStringLiteral("Key")),
                 QStringList({"a.txt", "b/1.txt", "b/2.txt", "b/c/3.txt", "d e.txt", "z.txt"}));
        QCOMPARE(xmlValues(r.body, QStringLiteral("KeyCount")), QStringList{"6"});
        // v2 with delimiter and prefix.
        r = signedRequest(server, "GET", "/media", {{"list-type", "2"}, {"prefix", "b/"}, {"delimiter", "/"}});
        QCOMPARE(xmlValues(r.body, QStringLiteral("Key")), QStringList({"b/1.txt", "b/2.txt"}));
        QCOMPARE(xmlValues(r.body, QStringLiteral("Prefix")), QStringList({"b/", "b/c/"}));
        // v2 pages with continuation tokens.
        r = signedRequest(server, "GET", "/media", {{"list-type", "2"}, {"max-keys", "4"}});
        QCOMPARE(xmlValues(r.body, QStringLiteral("IsTruncated")), QStringList{"true"});
        const QString token = xmlValues(r.body, QStringLiteral("NextContinuationToken")).value(0);
        QVERIFY(!token.isEmpty());
        r = signedRequest(server, "GET", "/media",
                          {{"list-type", "2"}, {"max-keys", "4"}, {"continuation-token", token.toUtf8()}});
        QCOMPARE(xmlValues(r.body, QStringLiteral("Key")), QStringList({"d e.txt", "z.txt"}));
        QCOMPARE(xmlValues(r.body, QStringLiteral("IsTruncated")), QStringList{"false"});
        // v1 without delimiter: grouped by "/" as Mort does (spec s3-api.md §3.1); public (no signature).
        r = server.get("/media");
        QCOMPARE(r.status, 200);
        QCOMPARE(xmlValues(r.body, QStringLiteral("Key")), QStringList({"a.txt", "d e.txt", "z.txt"}));
        QCOMPARE(xmlValues(r.body, QStringLiteral("Prefix")), QStringList({"", "b/"}));
        // v1 naming a prefix but no delimiter: S3's flat listing (s3cmd's recursive listings).
        r = server.get("/media?prefix=b/");
        QCOMPARE(xmlValues(r.body, QStringLiteral("Key")), QStringList({"b/1.txt", "b/2.txt", "b/c/3.txt"}));
        // v1 marker and max-keys: NextMarker.
        r = server.get("/media?delimiter=/&max-keys=2&marker=a.txt");
        QCOMPARE(xmlValues(r.body, QStringLiteral("Key")), QStringList({"d e.txt"}));
        QCOMPARE(xmlValues(r.body, QStringLiteral("NextMarker")), QStringList({"d e.txt"}));
        QCOMPARE(xmlValues(r.body, QStringLiteral("IsTruncated")), QStringList{"true"});
        // encoding-type=url.
        r = server.get("/media?list-type=2&encoding-type=url&prefix=d");
        QCOMPARE(xmlValues(r.body, QStringLiteral("Key")), QStringList({"d%20e.txt"}));
        QCOMPARE(code(server.get("/media?encoding-type=xml")), QByteArray("InvalidArgument"));
        QCOMPARE(code(signedRequest(server, "GET", "/nobucket")), QByteArray("NoSuchBucket"));
        QCOMPARE(server.get("/nobucket").status, 400); // anonymous: Mort's URL parser answers
        // HEAD bucket, location.
        QCOMPARE(signedRequest(server, "HEAD", "/media").status, 200);
        r = signedRequest(server, "GET", "/media", {{"location", ""}});
        QVERIFY(r.body.contains("<LocationConstraint"));
    }

    void listBuckets()
    {
        TestServer server;
        MORT_START(server, kConfig);
        Reply r = signedRequest(server, "GET", "/");
        QCOMPARE(r.status, 200);
        QCOMPARE(xmlValues(r.body, QStringLiteral("Name")), QStringList{"media"});
        QCOMPARE(xmlValues(r.body, QStringLiteral("ID")), QStringList{"AKIDMORT"});
        r = server.get("/");
        QCOMPARE(r.status, 403);
        QCOMPARE(code(r), QByteArray("AccessDenied"));
    }

    // Only "/" itself is the service (ListBuckets), as in Mort (`path == "/"`):
    // "//evil.example/..." is a path whose bucket name is empty. Anonymous
    // reads of it stay the URL parser's 400 (tst_httpframing row 10), signed
    // requests get InvalidBucketName -- never AccessDenied for an unsigned
    // read, never a bucket listing for a signed one.
    void emptyBucketSegmentIsNotTheService()
    {
        TestServer server;
        MORT_START(server, kConfig);
        const HttpHeaders host{{"Host", "mort.test"}};
        for (const QByteArray &path : {QByteArray("//evil.example/media/t.txt"), QByteArray("//media/t.txt")}) {
            RawHttpClient anon(server.address());
            const Reply r = anon.request("GET", path, host);
            QCOMPARE(r.status, 400);
            QVERIFY(!r.body.contains("<Error>")); // the pipeline's answer, not an S3 document
            const Reply s = signedRequest(server, "GET", path);
            QCOMPARE(s.status, 400);
            QCOMPARE(code(s), QByteArray("InvalidBucketName"));
            QVERIFY(!s.body.contains("ListAllMyBucketsResult"));
        }
        // Writes are always signed (Mort too): unsigned is refused, signed names no bucket.
        RawHttpClient unsignedPut(server.address());
        Reply r = unsignedPut.requestWithBody("PUT", "//media/t.txt", host, "body");
        QCOMPARE(r.status, 403);
        QCOMPARE(code(r), QByteArray("AccessDenied"));
        r = put(server, "//media/t.txt", "body");
        QCOMPARE(r.status, 400);
        QCOMPARE(code(r), QByteArray("InvalidBucketName"));
        QVERIFY(!QFile::exists(server.path("originals/t.txt")));
        QVERIFY(!QFile::exists(server.path("originals/media/t.txt")));
        // "/" stays the service.
        QCOMPARE(signedRequest(server, "GET", "/").status, 200);
    }

    void unsupportedIsNotImplemented()
    {
        TestServer server;
        MORT_START(server, kConfig);
        // ListParts and ListMultipartUploads are not offered.
        QCOMPARE(code(signedRequest(server, "GET", "/media/big.bin", {{"uploadId", "x"}})),
                 QByteArray("NotImplemented"));
        QCOMPARE(signedRequest(server, "GET", "/media", {{"uploads", ""}}).status, 501);
        QCOMPARE(code(signedRequest(server, "GET", "/media", {{"versioning", ""}})), QByteArray("NotImplemented"));
        QCOMPARE(code(signedRequest(server, "DELETE", "/media")), QByteArray("NotImplemented"));
        const SignedHttp copy = signV4("PUT", "/media/copy.txt", {}, {{"x-amz-copy-source", "/media/a.txt"}},
                                       aws::kEmptyPayloadSha256, m_creds);
        RawHttpClient client(server.address());
        QCOMPARE(code(client.request("PUT", copy.target, copy.headers)), QByteArray("NotImplemented"));
        // CreateBucket of a configured bucket succeeds (it exists and is the caller's), others not.
        QCOMPARE(signedRequest(server, "PUT", "/media").status, 200);
        QCOMPARE(code(signedRequest(server, "PUT", "/newbucket")), QByteArray("NotImplemented"));
    }

    void hostileXml_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::newRow("entity expansion") << QByteArray(
            "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
            "\"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
            "<Delete><Object><Key>&d;</Key></Object></Delete>");
        QTest::newRow("external entity") << QByteArray(
            "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            "<Delete><Object><Key>&x;</Key></Object></Delete>");
        QTest::newRow("undeclared entity") << QByteArray("<Delete><Object><Key>&x;</Key></Object></Delete>");
        QTest::newRow("deep nesting") << QByteArray("<a>").repeated(100000) + QByteArray("</a>").repeated(100000);
        QTest::newRow("unclosed") << QByteArray("<Delete><Object><Key>k</Key></Object>");
        QTest::newRow("wrong root") << QByteArray("<Remove><Object><Key>k</Key></Object></Remove>");
    }
    void hostileXml()
    {
        QFETCH(QByteArray, xml);
        TestServer server;
        MORT_START(server, kConfig);
        QCOMPARE(put(server, "/media/k", "keep me").status, 200);
        const SignedHttp s = signV4("POST", "/media", {{"delete", ""}}, {}, sha256Hex(xml), m_creds);
        RawHttpClient client(server.address());
        const Reply r = client.requestWithBody("POST", s.target, s.headers, xml);
        QCOMPARE(r.status, 400);
        QCOMPARE(code(r), QByteArray("MalformedXML"));
        QCOMPARE(server.get("/media/k").body, QByteArray("keep me"));
    }

    void deleteObjects()
    {
        TestServer server;
        MORT_START(server, kConfig);
        for (const QByteArray key : {"x/1", "x/2", "x/3"})
            QCOMPARE(put(server, "/media/" + key, "v").status, 200);
        const QByteArray xml =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
            "<Object><Key>x/1</Key></Object><Object><Key>x/3</Key></Object><Quiet>false</Quiet></Delete>";
        const SignedHttp s =
            signV4("POST", "/media", {{"delete", ""}}, {{"Content-MD5", md5Base64(xml)}}, sha256Hex(xml), m_creds);
        RawHttpClient client(server.address());
        const Reply r = client.requestWithBody("POST", s.target, s.headers, xml);
        QCOMPARE(r.status, 200);
        QCOMPARE(xmlValues(r.body, QStringLiteral("Key")), QStringList({"x/1", "x/3"}));
        QCOMPARE(server.get("/media/x/1").status, 404);
        QCOMPARE(server.get("/media/x/2").status, 200);
        QCOMPARE(server.get("/media/x/3").status, 404);
    }

    // A PUT of a new original drops what the response cache holds for it and its results.
    void putInvalidatesCachedOriginalAndResults()
    {
        TestServer server;
        MORT_START(server, kConfig);
        QFile a(testDataPath(QStringLiteral("photos/photo_1920x1280.jpg")));
        QVERIFY(a.open(QIODevice::ReadOnly));
        const QByteArray first = a.readAll();
        QCOMPARE(put(server, "/media/pic.jpg", first, {{"Content-Type", "image/jpeg"}}).status, 200);
        QCOMPARE(server.get("/media/pic.jpg").body, first);
        QCOMPARE(server.get("/media/pic.jpg").header("x-mort-cache"), QByteArray("hit"));
        const QByteArray resize = "/media/pic.jpg?operation=resize&width=100";
        QCOMPARE(decodeImage(server.get(resize).body).width, 100);
        QCOMPARE(server.get(resize).header("x-mort-cache"), QByteArray("hit"));
        // A different picture under the same key.
        QFile b(testDataPath(QStringLiteral("photos/photo_300x200.jpg")));
        QVERIFY(b.open(QIODevice::ReadOnly));
        const QByteArray second = b.readAll();
        QCOMPARE(put(server, "/media/pic.jpg", second, {{"Content-Type", "image/jpeg"}}).status, 200);
        const Reply original = server.get("/media/pic.jpg");
        QVERIFY(original.header("x-mort-cache").isEmpty());
        QCOMPARE(original.body, second);
        QVERIFY(server.get(resize).header("x-mort-cache").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestS3Api)
#include "tst_s3api.moc"
