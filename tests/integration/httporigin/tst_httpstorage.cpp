// The http storage against a real loopback origin (normal, silent, lying,
// redirecting), and the guards on what a request key may do to the URL.
#include "loopbackorigin.h"

#include "storage/httpstorage.h"
#include "storage/originaddress.h"
#include "storage/storagecallscope.h"

#include <QTimer>

#include <QElapsedTimer>
#include <QTest>

using namespace mort;
using namespace mort::testutil;

class TestHttpStorage : public QObject
{
    Q_OBJECT
    LoopbackOrigin m_origin;

    StorageConfig config(const QString &url) const
    {
        StorageConfig c;
        c.name = QStringLiteral("basic");
        c.kind = QStringLiteral("http");
        c.url = url;
        c.headers = {{QStringLiteral("X-Origin-Token"), QStringLiteral("secret-123")}};
        return c;
    }
    std::shared_ptr<Storage> storage() const
    {
        return *createStorage(config(m_origin.base() + QStringLiteral("/<container><item>")), QStringLiteral("media"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_origin.route("/media/cat.jpg",
                       {200,
                        "jpeg-bytes",
                        {{"Content-Type", "image/jpeg"},
                         {"ETag", "W/\"abc123\""},
                         {"Last-Modified", "Sun, 06 Nov 1994 08:49:37 GMT"},
                         {"Cache-Control", "max-age=600"},
                         {"X-Amz-Meta-Public-Width", "640"},
                         {"X-Internal-Secret", "no"}},
                        OriginRoute::Normal});
        m_origin.route("/media/dir/a%20b.jpg", {200, "spaced", {{"Content-Type", "image/jpeg"}}, OriginRoute::Normal});
        m_origin.route("/media/broken.jpg", {500, "boom", {}, OriginRoute::Normal});
        m_origin.route("/media/hang.jpg", {200, {}, {}, OriginRoute::Silent});
        m_origin.route("/media/lie.jpg", {200, "short", {}, OriginRoute::Lying});
        m_origin.route("/media/big.bin", {200, QByteArray(10'000, 'x'), {}, OriginRoute::Normal});
        m_origin.route("/media/moved.jpg", {302, {}, {{"Location", "/media/cat.jpg"}}, OriginRoute::Normal});
        m_origin.route("/media/loop.jpg", {302, {}, {{"Location", "/media/loop.jpg"}}, OriginRoute::Normal});
    }

    void getCarriesBodyAndMortMetadata()
    {
        auto object = storage()->get(QStringLiteral("/cat.jpg"));
        QVERIFY2(object, object ? "" : qPrintable(object.error().toString()));
        QCOMPARE(object->body, QByteArray("jpeg-bytes"));
        QCOMPARE(object->meta.contentType, QByteArray("image/jpeg"));
        QCOMPARE(object->meta.size, 10);
        QCOMPARE(object->meta.etag, QByteArray("abc123")); // Mort de-quotes upstream ETags
        QCOMPARE(object->meta.lastModified, QDateTime(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC));
        QCOMPARE(
            object->meta.headers,
            HeaderList({{"cache-control", "max-age=600"}, {"x-amz-meta-public-width", "640"}})); // S10: no other X-*
        const SeenRequest sent = m_origin.seen().constLast();
        QCOMPARE(sent.method, QByteArray("GET"));
        QCOMPARE(sent.header("X-Origin-Token"), QByteArray("secret-123"));
    }

    void oneGetPerRead()
    {
        const qsizetype before = m_origin.seen().size();
        QVERIFY(storage()->get(QStringLiteral("/cat.jpg")));
        QCOMPARE(m_origin.seen().size(), before + 1); // DESIGN §3: no HEAD-then-GET pair
        QVERIFY(storage()->head(QStringLiteral("/cat.jpg")));
        QCOMPARE(m_origin.seen().constLast().method, QByteArray("HEAD"));
    }

    void keysAreEncodedIntoThePath()
    {
        auto object = storage()->get(QStringLiteral("/dir/a b.jpg"));
        QVERIFY2(object, object ? "" : qPrintable(object.error().toString()));
        QCOMPARE(object->body, QByteArray("spaced"));
    }

    void statusesMapToStableErrors()
    {
        auto missing = storage()->get(QStringLiteral("/nope.jpg"));
        QVERIFY(!missing);
        QVERIFY(missing.error().isNotFound());
        auto broken = storage()->get(QStringLiteral("/broken.jpg"));
        QVERIFY(!broken);
        QCOMPARE(broken.error().code, QByteArray("storage.io_error"));
        QCOMPARE(broken.error().httpStatus, 500);
    }

    void readOnly()
    {
        QCOMPARE(storage()->put(QStringLiteral("/x.jpg"), "b", {}).error().code, QByteArray("storage.io_error"));
        QCOMPARE(storage()->remove(QStringLiteral("/x.jpg")).error().httpStatus, 500);
    }

    void silentOriginTimesOut()
    {
        HttpStorageLimits limits;
        limits.transfer = {300, 5000, -1};
        HttpStorage s(config(m_origin.base() + QStringLiteral("/<container><item>")), QStringLiteral("media"), limits);
        QElapsedTimer t;
        t.start();
        auto get = s.get(QStringLiteral("/hang.jpg"));
        QVERIFY(!get);
        QCOMPARE(get.error().code, QByteArray("storage.io_error"));
        QVERIFY2(get.error().detail.contains(QLatin1String("timed out")), qPrintable(get.error().detail));
        QVERIFY2(t.elapsed() < 3000, qPrintable(QString::number(t.elapsed())));
    }

    // A hung origin holds the worker only until the request's deadline, not
    // for the storage's own (long) idle timeout.
    void requestDeadlineStopsTheExchange()
    {
        CancelToken token(QDeadlineTimer(400));
        StorageCallScope scope(token);
        QElapsedTimer t;
        t.start();
        auto get = storage()->get(QStringLiteral("/hang.jpg"));
        QVERIFY(!get);
        QCOMPARE(get.error().code, QByteArray("storage.io_error"));
        QVERIFY2(get.error().detail.contains(QLatin1String("deadline")), qPrintable(get.error().detail));
        QVERIFY2(t.elapsed() >= 350 && t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
        // Past the deadline, nothing more is sent.
        const qsizetype before = m_origin.seen().size();
        QVERIFY(!storage()->get(QStringLiteral("/cat.jpg")));
        QCOMPARE(m_origin.seen().size(), before);
    }

    // The client leaving cancels the request's token: the upstream read stops.
    void clientLeavingCancelsTheUpstreamRead()
    {
        CancelToken token;
        StorageCallScope scope(token);
        QTimer::singleShot(200, [token] { token.cancel(); });
        QElapsedTimer t;
        t.start();
        auto open = storage()->openRead(QStringLiteral("/hang.jpg"));
        QVERIFY(!open);
        QVERIFY2(open.error().detail.contains(QLatin1String("cancelled")), qPrintable(open.error().detail));
        QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
    }

    void lyingOriginIsAnErrorNotATruncatedImage()
    {
        auto get = storage()->get(QStringLiteral("/lie.jpg"));
        QVERIFY(!get);
        QCOMPARE(get.error().code, QByteArray("storage.io_error"));
        auto open = storage()->openRead(QStringLiteral("/lie.jpg"));
        QVERIFY(!open);
        QCOMPARE(open.error().code, QByteArray("storage.io_error"));
    }

    void bodyCap()
    {
        HttpStorageLimits limits;
        limits.transfer.maxBodyBytes = 5000;
        HttpStorage s(config(m_origin.base() + QStringLiteral("/<container><item>")), QStringLiteral("media"), limits);
        auto get = s.get(QStringLiteral("/big.bin"));
        QVERIFY(!get);
        QCOMPARE(get.error().code, QByteArray("storage.io_error"));
        QVERIFY2(get.error().detail.contains(QLatin1String("over the cap")), qPrintable(get.error().detail));
        HttpStorageLimits roomy;
        roomy.transfer.maxBodyBytes = 10'000;
        auto device =
            HttpStorage(config(m_origin.base() + QStringLiteral("/<container><item>")), QStringLiteral("media"), roomy)
                .openRead(QStringLiteral("/big.bin"));
        QVERIFY(device);
        QCOMPARE((*device)->readAll(), QByteArray(10'000, 'x'));
    }

    void redirectsFollowedUpToTheCap()
    {
        auto moved = storage()->get(QStringLiteral("/moved.jpg"));
        QVERIFY2(moved, moved ? "" : qPrintable(moved.error().toString()));
        QCOMPARE(moved->body, QByteArray("jpeg-bytes"));
        const qsizetype before = m_origin.seen().size();
        auto loop = storage()->get(QStringLiteral("/loop.jpg"));
        QVERIFY(!loop);
        QCOMPARE(loop.error().code, QByteArray("storage.io_error"));
        QVERIFY(loop.error().detail.contains(QLatin1String("more than 5 redirects")));
        QCOMPARE(m_origin.seen().size(), before + 6);
    }

    void keysCannotLeaveTheOrigin_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("userinfo") << QStringLiteral("@evil.example/x.jpg");
        QTest::newRow("userinfo mid-key") << QStringLiteral("/a@evil.example/x.jpg");
        QTest::newRow("double slash") << QStringLiteral("//evil.example/x.jpg");
        QTest::newRow("backslash") << QStringLiteral("/\\evil.example/x.jpg");
        QTest::newRow("dot-dot") << QStringLiteral("/../other/x.jpg");
        QTest::newRow("dot-dot at end") << QStringLiteral("/a/..");
        QTest::newRow("encoded dot-dot") << QStringLiteral("/%2e%2E/x.jpg");
        QTest::newRow("encoded slash") << QStringLiteral("/a%2Fb");
        QTest::newRow("encoded backslash") << QStringLiteral("/a%5cb");
        QTest::newRow("encoded at") << QStringLiteral("/a%40b");
        QTest::newRow("double encoded") << QStringLiteral("/a%252e");
        QTest::newRow("control character") << QStringLiteral("/a\r\nHost: evil");
    }
    void keysCannotLeaveTheOrigin()
    {
        QFETCH(QString, key);
        // The <item> right after the authority is where a key could do harm.
        HttpStorage s(config(m_origin.base() + QStringLiteral("<item>")), QStringLiteral("media"));
        auto url = s.urlFor(key);
        QVERIFY(!url);
        QCOMPARE(url.error().code, QByteArray("storage.invalid_key"));
        QCOMPARE(url.error().httpStatus, 400);
        const qsizetype before = m_origin.seen().size();
        QCOMPARE(s.get(key).error().code, QByteArray("storage.invalid_key"));
        QCOMPARE(m_origin.seen().size(), before); // nothing was sent
    }

    void ordinaryKeysStayOnTheOrigin()
    {
        HttpStorage s(config(m_origin.base() + QStringLiteral("<item>")), QStringLiteral("media"));
        auto url = s.urlFor(QStringLiteral("/dir/zdjęcie 1.jpg"));
        QVERIFY(url);
        QCOMPARE(url->host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(url->port(), m_origin.port());
        QCOMPARE(url->path(QUrl::FullyEncoded), QStringLiteral("/dir/zdj%C4%99cie%201.jpg"));
    }

    void redirectTargets_data()
    {
        QTest::addColumn<QString>("origin");
        QTest::addColumn<QString>("target");
        QTest::addColumn<bool>("allowed");
        const QString pub = QStringLiteral("http://93.184.216.34/img/");
        QTest::newRow("public to public") << pub << QStringLiteral("https://93.184.216.35/x") << true;
        QTest::newRow("same origin") << pub << QStringLiteral("http://93.184.216.34/other") << true;
        QTest::newRow("public to loopback") << pub << QStringLiteral("http://127.0.0.1/x") << false;
        QTest::newRow("public to metadata")
            << pub << QStringLiteral("http://169.254.169.254/latest/meta-data") << false;
        QTest::newRow("public to private") << pub << QStringLiteral("http://10.1.2.3/x") << false;
        QTest::newRow("public to 192.168") << pub << QStringLiteral("http://192.168.0.1/x") << false;
        QTest::newRow("public to 172.16") << pub << QStringLiteral("http://172.20.0.1/x") << false;
        QTest::newRow("public to CGNAT") << pub << QStringLiteral("http://100.64.0.1/x") << false;
        QTest::newRow("public to zero") << pub << QStringLiteral("http://0.0.0.0/x") << false;
        QTest::newRow("public to v6 loopback") << pub << QStringLiteral("http://[::1]/x") << false;
        QTest::newRow("public to v4-mapped loopback") << pub << QStringLiteral("http://[::ffff:127.0.0.1]/x") << false;
        QTest::newRow("public to v6 link-local") << pub << QStringLiteral("http://[fe80::1]/x") << false;
        QTest::newRow("public to v6 unique-local") << pub << QStringLiteral("http://[fd00::1]/x") << false;
        QTest::newRow("public to localhost name") << pub << QStringLiteral("http://localhost/x") << false;
        QTest::newRow("non-http scheme") << pub << QStringLiteral("file:///etc/passwd") << false;
        QTest::newRow("userinfo") << pub << QStringLiteral("http://user@93.184.216.35/x") << false;
        // The configured origin is the only internal address the config allows.
        QTest::newRow("internal origin to itself")
            << QStringLiteral("http://127.0.0.1:8080/") << QStringLiteral("http://127.0.0.1:8080/y") << true;
        QTest::newRow("internal origin to another internal host")
            << QStringLiteral("http://127.0.0.1:8080/") << QStringLiteral("http://10.0.0.5/x") << false;
        QTest::newRow("internal origin to another port")
            << QStringLiteral("http://127.0.0.1:8080/") << QStringLiteral("http://127.0.0.1:6379/") << false;
        QTest::newRow("internal origin to public")
            << QStringLiteral("http://127.0.0.1:8080/") << QStringLiteral("http://93.184.216.35/x") << true;
    }
    void redirectTargets()
    {
        QFETCH(QString, origin);
        QFETCH(QString, target);
        QFETCH(bool, allowed);
        QCOMPARE(redirectAllowed(QUrl(origin), QUrl(target)), allowed);
    }
};

QTEST_GUILESS_MAIN(TestHttpStorage)
#include "tst_httpstorage.moc"
