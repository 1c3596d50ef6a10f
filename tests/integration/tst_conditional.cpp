// Conditional and Range requests on originals (spec http-behaviour.md §5, Go
// ServeContent semantics): 304 / 412 / 206 / multipart 206 / 416, exact
// Content-Range values, body bytes, and which headers a 304 drops.
#include "testserver.h"

#include <QCryptographicHash>

#include <ctime>

using namespace mort;
using namespace mort::test;

namespace {

constexpr qint64 kSize = 75759; // photos/photo_800x600.jpg
const QDateTime kMtime(QDate(2024, 5, 1), QTime(10, 0, 0), Qt::UTC);
const QByteArray kEtag =
    "W/\"" + QCryptographicHash::hash("2024-05-01 10:00:00 +0000 UTC", QCryptographicHash::Md5).toHex() + '"';

} // namespace

class TestConditional : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    QByteArray m_photo;

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("TZ", "UTC"); // the local-meta ETag is md5 of the mtime printed in the local zone
        tzset();
        QFile photo(testDataPath(QStringLiteral("photos/photo_800x600.jpg")));
        QVERIFY(photo.open(QIODevice::ReadOnly));
        m_photo = photo.readAll();
        QCOMPARE(m_photo.size(), kSize);
    }

    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(
            m_server->addFile(QStringLiteral("photos/photo_800x600.jpg"), QStringLiteral("originals/media/photo.jpg")));
        QFile file(m_server->path(QStringLiteral("originals/media/photo.jpg")));
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(kMtime, QFileDevice::FileModificationTime));
        file.close();
        MORT_START(*m_server, mediaQueryConfig());
    }
    void cleanup() { m_server.reset(); }

    void etagIsTheExpectedWeakTag() { QCOMPARE(m_server->get("/media/photo.jpg").header("ETag"), kEtag); }

    void conditionalOnOriginal_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("value"); // @ETAG@ is replaced by the object's ETag
        QTest::addColumn<int>("status");

        QTest::newRow("If-None-Match with the ETag -> 304")
            << QByteArray("If-None-Match") << QByteArray("@ETAG@") << 304;
        QTest::newRow("If-None-Match with the opaque tag (weak comparison) -> 304")
            << QByteArray("If-None-Match") << QByteArray("@OPAQUE@") << 304;
        QTest::newRow("If-None-Match list containing the ETag -> 304")
            << QByteArray("If-None-Match") << QByteArray("\"x\", @ETAG@") << 304;
        QTest::newRow("If-None-Match * -> 304") << QByteArray("If-None-Match") << QByteArray("*") << 304;
        QTest::newRow("If-None-Match other tag -> 200")
            << QByteArray("If-None-Match") << QByteArray("\"other\"") << 200;
        QTest::newRow("If-Modified-Since in the future -> 304")
            << QByteArray("If-Modified-Since") << QByteArray("Fri, 01 Jan 2100 00:00:00 GMT") << 304;
        QTest::newRow("If-Modified-Since equal to Last-Modified -> 304")
            << QByteArray("If-Modified-Since") << QByteArray("Wed, 01 May 2024 10:00:00 GMT") << 304;
        QTest::newRow("If-Modified-Since one second earlier -> 200")
            << QByteArray("If-Modified-Since") << QByteArray("Wed, 01 May 2024 09:59:59 GMT") << 200;
        QTest::newRow("If-Modified-Since unparsable -> 200")
            << QByteArray("If-Modified-Since") << QByteArray("yesterday") << 200;
        QTest::newRow("If-Match mismatch -> 412") << QByteArray("If-Match") << QByteArray("\"mismatch\"") << 412;
        QTest::newRow("If-Match with a weak ETag fails strong comparison -> 412")
            << QByteArray("If-Match") << QByteArray("@ETAG@") << 412;
        QTest::newRow("If-Match * -> 200") << QByteArray("If-Match") << QByteArray("*") << 200;
        QTest::newRow("If-Unmodified-Since before Last-Modified -> 412")
            << QByteArray("If-Unmodified-Since") << QByteArray("Mon, 01 Jan 2024 00:00:00 GMT") << 412;
        QTest::newRow("If-Unmodified-Since after Last-Modified -> 200")
            << QByteArray("If-Unmodified-Since") << QByteArray("Fri, 01 Jan 2100 00:00:00 GMT") << 200;
    }
    void conditionalOnOriginal()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, value);
        QFETCH(int, status);
        value.replace("@ETAG@", kEtag);
        value.replace("@OPAQUE@", kEtag.mid(2));

        const Reply r = m_server->get("/media/photo.jpg", {{name, value}});
        QCOMPARE(r.status, status);
        QVERIFY(r.complete);
        for (const auto &h : corsHeaders())
            QCOMPARE(r.header(h.first), h.second); // other headers are kept
        switch (status) {
        case 200:
            QCOMPARE(r.body, m_photo);
            QCOMPARE(r.header("Content-Type"), QByteArray("image/jpeg"));
            break;
        case 304:
            QVERIFY(r.body.isEmpty());
            QVERIFY(!r.has("Content-Type"));
            QVERIFY(!r.has("Content-Length"));
            QCOMPARE(r.header("ETag"), kEtag);
            QVERIFY(!r.has("Last-Modified")); // dropped because an ETag is present
            break;
        case 412:
            QVERIFY(r.body.isEmpty());
            QVERIFY(!r.has("Content-Type"));
            QCOMPARE(r.header("Content-Length"), QByteArray("0"));
            break;
        default: QFAIL("unexpected row");
        }
    }

    void singleRange_data()
    {
        QTest::addColumn<QByteArray>("range");
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("last");
        QTest::newRow("bytes=0-9") << QByteArray("bytes=0-9") << qint64(0) << qint64(9);
        QTest::newRow("bytes=100- (open end)") << QByteArray("bytes=100-") << qint64(100) << kSize - 1;
        QTest::newRow("bytes=-10 (suffix)") << QByteArray("bytes=-10") << kSize - 10 << kSize - 1;
        QTest::newRow("end past the size is clamped") << QByteArray("bytes=75700-999999") << qint64(75700) << kSize - 1;
        QTest::newRow("last byte") << QByteArray("bytes=75758-75758") << kSize - 1 << kSize - 1;
    }
    void singleRange()
    {
        QFETCH(QByteArray, range);
        QFETCH(qint64, first);
        QFETCH(qint64, last);
        const Reply r = m_server->get("/media/photo.jpg", {{"Range", range}});
        QCOMPARE(r.status, 206);
        QCOMPARE(r.header("Content-Range"),
                 "bytes " + QByteArray::number(first) + '-' + QByteArray::number(last) + '/'
                     + QByteArray::number(kSize));
        QCOMPARE(r.header("Content-Length"), QByteArray::number(last - first + 1));
        QCOMPARE(r.header("Content-Type"), QByteArray("image/jpeg"));
        QCOMPARE(r.body, m_photo.mid(first, last - first + 1));
        QCOMPARE(r.header("Accept-Ranges"), QByteArray("bytes"));
    }

    void multipleRangesAreMultipartByteranges()
    {
        const Reply r = m_server->get("/media/photo.jpg", {{"Range", "bytes=0-1,5-6"}});
        QCOMPARE(r.status, 206);
        QVERIFY(!r.has("Content-Range"));
        const QByteArray type = r.header("Content-Type");
        QVERIFY2(type.startsWith("multipart/byteranges; boundary="), type.constData());
        const QByteArray boundary = type.mid(type.indexOf('=') + 1);
        QVERIFY(!boundary.isEmpty());
        QCOMPARE(r.header("Content-Length"), QByteArray::number(r.body.size()));

        // Parts: --boundary CRLF headers CRLF CRLF data CRLF ... --boundary-- CRLF
        const QList<QPair<QByteArray, QByteArray>> expected = {{"bytes 0-1/75759", m_photo.mid(0, 2)},
                                                               {"bytes 5-6/75759", m_photo.mid(5, 2)}};
        qsizetype pos = 0;
        for (const auto &part : expected) {
            const QByteArray delimiter = "--" + boundary + "\r\n";
            pos = r.body.indexOf(delimiter, pos);
            QVERIFY(pos >= 0);
            pos += delimiter.size();
            const qsizetype headerEnd = r.body.indexOf("\r\n\r\n", pos);
            QVERIFY(headerEnd > pos);
            const QByteArray headers = r.body.mid(pos, headerEnd - pos);
            QVERIFY2(headers.contains("Content-Range: " + part.first), headers.constData());
            QVERIFY2(headers.contains("Content-Type: image/jpeg"), headers.constData());
            pos = headerEnd + 4;
            QCOMPARE(r.body.mid(pos, part.second.size()), part.second);
            pos += part.second.size();
        }
        QVERIFY(r.body.mid(pos).contains("--" + boundary + "--"));
    }

    void rangesTogetherLargerThanTheObjectAreIgnored()
    {
        // Go: the sum of the ranges exceeds the size -> serve the whole body.
        const Reply r = m_server->get("/media/photo.jpg", {{"Range", "bytes=0-75758,0-75758"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, m_photo);
    }

    void badRange_data()
    {
        QTest::addColumn<QByteArray>("range");
        QTest::addColumn<QByteArray>("contentRange"); // empty = absent
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("start past the end -> 416 with bytes */size")
            << QByteArray("bytes=999999999-") << QByteArray("bytes */75759")
            << QByteArray("invalid range: failed to overlap\n");
        QTest::newRow("start equal to size -> 416") << QByteArray("bytes=75759-75762") << QByteArray("bytes */75759")
                                                    << QByteArray("invalid range: failed to overlap\n");
        QTest::newRow("unit items -> 416") << QByteArray("items=0-1") << QByteArray() << QByteArray("invalid range\n");
        QTest::newRow("no dash -> 416") << QByteArray("bytes=5") << QByteArray() << QByteArray("invalid range\n");
        QTest::newRow("end before start -> 416")
            << QByteArray("bytes=9-0") << QByteArray() << QByteArray("invalid range\n");
    }
    void badRange()
    {
        QFETCH(QByteArray, range);
        QFETCH(QByteArray, contentRange);
        QFETCH(QByteArray, body);
        const Reply r = m_server->get("/media/photo.jpg", {{"Range", range}});
        QCOMPARE(r.status, 416);
        QCOMPARE(r.header("Content-Range"), contentRange);
        QCOMPARE(r.body, body);
        QCOMPARE(r.header("Content-Type"), QByteArray("text/plain; charset=utf-8"));
    }

    void ifRangeWithWeakEtagServesWholeBody()
    {
        // If-Range needs a strong match: a weak ETag never satisfies it.
        const Reply r = m_server->get("/media/photo.jpg", {{"Range", "bytes=0-9"}, {"If-Range", kEtag}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, m_photo);
    }

    void ifRangeWithMatchingDateServesRange()
    {
        const Reply r =
            m_server->get("/media/photo.jpg", {{"Range", "bytes=0-9"}, {"If-Range", "Wed, 01 May 2024 10:00:00 GMT"}});
        QCOMPARE(r.status, 206);
        QCOMPARE(r.header("Content-Range"), QByteArray("bytes 0-9/75759"));
    }

    void headIgnoresConditionalsAndRange_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("Range") << QByteArray("Range") << QByteArray("bytes=0-9");
        QTest::newRow("If-None-Match") << QByteArray("If-None-Match") << QByteArray("*");
        QTest::newRow("If-Match mismatch") << QByteArray("If-Match") << QByteArray("\"nope\"");
    }
    void headIgnoresConditionalsAndRange()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, value);
        const Reply r = m_server->head("/media/photo.jpg", {{name, value}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Length"), QByteArray::number(kSize));
    }

    void rangeOnFreshlyGeneratedImage()
    {
        const Reply r = m_server->get("/media/photo.jpg?width=100", {{"Range", "bytes=0-3"}});
        QCOMPARE(r.status, 206);
        QCOMPARE(m_server->engine().stats().transformsExecuted, quint64(1));
        QCOMPARE(r.header("Content-Type"), QByteArray("image/jpeg"));
        m_server->engine().waitForBackground(10000);
        const Reply full = m_server->get("/media/photo.jpg?width=100"); // the same bytes, read back
        QCOMPARE(full.status, 200);
        QCOMPARE(m_server->engine().stats().transformsExecuted, quint64(1));
        QCOMPARE(r.header("Content-Range"), "bytes 0-3/" + QByteArray::number(full.body.size()));
        QCOMPARE(r.body, full.body.left(4));
        QVERIFY(r.body.startsWith("\xff\xd8\xff")); // JPEG SOI
    }

    void ifNoneMatchOnFreshlyGeneratedImage()
    {
        // Peer C4: generated images carry a quoted strong ETag, so it can be revalidated.
        const Reply first = m_server->get("/media/photo.jpg?width=120");
        QCOMPARE(first.status, 200);
        const QByteArray etag = first.header("ETag");
        QVERIFY(etag.startsWith('"'));
        m_server->engine().waitForBackground(10000);
        // Read back from the transform storage, the ETag becomes the local-meta one (spec §3.3).
        const Reply stored = m_server->get("/media/photo.jpg?width=120", {{"If-None-Match", etag}});
        QCOMPARE(stored.status, 200);
        QVERIFY(stored.header("ETag").startsWith("W/\""));
        const Reply again = m_server->get("/media/photo.jpg?width=120", {{"If-None-Match", stored.header("ETag")}});
        QCOMPARE(again.status, 304);
    }
};

QTEST_GUILESS_MAIN(TestConditional)
#include "tst_conditional.moc"
