// Glacier (spec config.md §4.3): an S3 GET refused with InvalidObjectState is
// 503 storage.archived; with glacier enabled the answer carries Retry-After
// and the X-Mort-Glacier-* headers, and S3 is asked to restore the object
// once (POST ?restore with the config's days and tier), not once per request.
// s3rver has no archive classes, so a loopback origin plays S3's part.
#include "../httporigin/loopbackorigin.h"

#include "storage/glacierrestorer.h"
#include "storage/s3storage.h"

#include <QTest>

using namespace mort;
using namespace mort::testutil;

namespace {

const QByteArray kArchivedXml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>InvalidObjectState</Code>"
                                "<Message>The operation is not valid for the object's storage class</Message>"
                                "<StorageClass>DEEP_ARCHIVE</StorageClass></Error>";

} // namespace

class TestGlacierRestore : public QObject
{
    Q_OBJECT
    LoopbackOrigin m_s3;
    QDateTime m_now = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);

    S3Storage storage() const
    {
        StorageConfig c;
        c.name = QStringLiteral("basic");
        c.kind = QStringLiteral("s3");
        c.accessKey = QStringLiteral("key");
        c.secretAccessKey = QStringLiteral("secret");
        c.endpoint = m_s3.base();
        return S3Storage(c, QStringLiteral("photos"));
    }
    int restorePosts() const
    {
        int n = 0;
        for (const SeenRequest &r : m_s3.seen())
            n += r.method == "POST" && r.path == "/photos/old.jpg?restore=" ? 1 : 0;
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_s3.route("/photos/old.jpg", {403, kArchivedXml, {{"Content-Type", "application/xml"}}, OriginRoute::Normal});
        m_s3.route("/photos/old.jpg?restore=", {202, {}, {}, OriginRoute::Normal});
    }

    void archivedObjectIsTheStableError()
    {
        S3Storage s = storage();
        auto get = s.get(QStringLiteral("/old.jpg"));
        QVERIFY(!get);
        QCOMPARE(get.error().code, QByteArray("storage.archived"));
        QCOMPARE(get.error().httpStatus, 503);
        QVERIFY(get.error().detail.endsWith(QLatin1String("DEEP_ARCHIVE")));
        // Streamed reads see the same (the error document went to the spool file).
        auto open = s.openRead(QStringLiteral("/old.jpg"));
        QVERIFY(!open);
        QCOMPARE(open.error().code, QByteArray("storage.archived"));
    }

    void restoreRequestedOnceThenCollapsed()
    {
        S3Storage s = storage();
        const Error archived = s.get(QStringLiteral("/old.jpg")).error();
        GlacierConfig config;
        config.enabled = true;
        config.restoreTier = QStringLiteral("Expedited");
        config.restoreDays = 7;
        GlacierRestorer restorer(100, [this] { return m_now; });

        const GlacierAnswer first =
            restorer.answer(archived, s, QStringLiteral("photos/basic"), QStringLiteral("/old.jpg"), config);
        QVERIFY(first.restoreRequested);
        QCOMPARE(first.error.httpStatus, 503);
        QCOMPARE(first.headers,
                 HeaderList({{"Retry-After", "300"},
                             {"X-Mort-Glacier-Status", "restoring"},
                             {"X-Mort-Glacier-Tier", "Expedited"},
                             {"X-Mort-Storage-Class", "DEEP_ARCHIVE"}}));
        QCOMPARE(restorePosts(), 1);
        const SeenRequest post = m_s3.seen().constLast();
        QVERIFY(post.header("Authorization").startsWith("AWS4-HMAC-SHA256 Credential=key/"));

        for (int i = 0; i < 5; ++i) {
            const GlacierAnswer again =
                restorer.answer(archived, s, QStringLiteral("photos/basic"), QStringLiteral("/old.jpg"), config);
            QVERIFY(!again.restoreRequested);
            QCOMPARE(again.headers, first.headers);
        }
        QCOMPARE(restorePosts(), 1);
        QCOMPARE(restorer.restoresRequested(), quint64(1));

        m_now = m_now.addSecs(301); // past retryAfterSeconds: asked again
        QVERIFY(restorer.answer(archived, s, QStringLiteral("photos/basic"), QStringLiteral("/old.jpg"), config)
                    .restoreRequested);
        QCOMPARE(restorePosts(), 2);
    }

    void tierDefaultsAndDisabled()
    {
        GlacierConfig config;
        QCOMPARE(GlacierRestorer::retryAfterSeconds(config), 14'400);
        config.restoreTier = QStringLiteral("Bulk");
        QCOMPARE(GlacierRestorer::retryAfterSeconds(config), 43'200);
        config.retryAfterSeconds = 60;
        QCOMPARE(GlacierRestorer::retryAfterSeconds(config), 60);

        S3Storage s = storage();
        const Error archived = s.get(QStringLiteral("/old.jpg")).error();
        const int before = restorePosts();
        GlacierRestorer restorer;
        const GlacierAnswer plain =
            restorer.answer(archived, s, QStringLiteral("x"), QStringLiteral("/old.jpg"), GlacierConfig{});
        QCOMPARE(plain.error.httpStatus, 503);
        QVERIFY(plain.headers.isEmpty());
        QVERIFY(!plain.restoreRequested);
        QCOMPARE(restorePosts(), before);
    }

    void rememberedObjectsAreBounded()
    {
        S3Storage s = storage();
        const Error archived = s.get(QStringLiteral("/old.jpg")).error();
        GlacierConfig config;
        config.enabled = true;
        GlacierRestorer restorer(3, [this] { return m_now; });
        for (int i = 0; i < 10; ++i)
            restorer.answer(archived, s, QStringLiteral("id%1").arg(i), QStringLiteral("/old.jpg"), config);
        QCOMPARE(restorer.remembered(), 3);
    }
};

QTEST_GUILESS_MAIN(TestGlacierRestore)
#include "tst_glacierrestore.moc"
