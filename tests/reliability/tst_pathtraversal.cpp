// Battery item 2 of issue 23: path traversal on local keys. Every spelling of
// "a file outside the bucket's root" that a client can put on the wire --
// plain, percent-encoded, double-encoded, backslashes, NUL, a sibling folder
// sharing the root's prefix, through a transform's parent -- answers one exact
// status and error code, and the canary outside the root is never served.
// (Symlinks out of the root: tst_symlinkescape.)
#include "integration/testserver.h"

using namespace mort;
using namespace mort::test;

namespace {

const QString kConfig = localBucketsConfig();

} // namespace

class TestPathTraversal : public QObject
{
    Q_OBJECT

    TestServer m_server;
    QByteArray m_canary;

private Q_SLOTS:
    void initTestCase()
    {
        QFile canary(testDataPath(QStringLiteral("photos/photo_300x200.jpg")));
        QVERIFY(canary.open(QIODevice::ReadOnly));
        m_canary = canary.readAll();
        // The canary: next to the roots, and in a sibling folder whose name
        // starts with the bucket's ("meta2" beside "meta").
        for (const QString &bucket : {QStringLiteral("meta"), QStringLiteral("plain")}) {
            QVERIFY(m_server.addFile(QStringLiteral("photos/photo_800x600.jpg"),
                                     QStringLiteral("originals/%1/in.jpg").arg(bucket)));
            QVERIFY(m_server.addFile(QStringLiteral("photos/photo_300x200.jpg"),
                                     QStringLiteral("originals/%1sibling/canary.jpg").arg(bucket)));
        }
        QVERIFY(m_server.addFile(QStringLiteral("photos/photo_300x200.jpg"), QStringLiteral("secret/canary.jpg")));
        QVERIFY(m_server.addFile(QStringLiteral("photos/photo_300x200.jpg"), QStringLiteral("originals/canary.jpg")));
        MORT_START(m_server, kConfig);
    }

    void traversalIsRefused_data()
    {
        QTest::addColumn<QByteArray>("target"); // as sent on the request line, after /<bucket>
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("code"); // X-Mort-Error

        const QByteArray resize = "?operation=resize&width=50";
        struct Row
        {
            const char *name;
            QByteArray target;
            int status;
            QByteArray code;
        };
        const Row rows[] = {
            {"plain ..", "/../secret/canary.jpg", 400, "object.bad_key"},
            {"plain .. to the root's parent folder", "/../canary.jpg", 400, "object.bad_key"},
            {"percent-encoded ..", "/%2e%2e/secret/canary.jpg", 400, "object.bad_key"},
            {"percent-encoded upper case", "/%2E%2E/secret/canary.jpg", 400, "object.bad_key"},
            {"percent-encoded slash", "/..%2fsecret%2fcanary.jpg", 400, "object.bad_key"},
            {"double-encoded ..", "/%252e%252e/secret/canary.jpg", 404, "object.not_found"},
            {"double-encoded slash", "/..%252fsecret%252fcanary.jpg", 404, "object.not_found"},
            {"backslashes (a file name character here)", "/..\\secret\\canary.jpg", 404, "object.not_found"},
            {"encoded backslashes", "/..%5csecret%5ccanary.jpg", 404, "object.not_found"},
            {"NUL before an extension", "/in.jpg%00.png", 400, "object.bad_key"},
            {"NUL then ..", "/%00/../canary.jpg", 400, "object.bad_key"},
            {"sibling with the bucket's prefix",
             "/../meta"
             "sibling/canary.jpg",
             400, "object.bad_key"},
            {"dot segment in the middle", "/x/../../secret/canary.jpg", 400, "object.bad_key"},
            {"as a transform parent", "/../secret/canary.jpg" + resize, 400, "object.bad_key"},
            {"encoded, as a transform parent", "/%2e%2e/secret/canary.jpg" + resize, 400, "object.bad_key"},
        };
        for (const char *bucket : {"meta", "plain"}) {
            for (const Row &row : rows) {
                QTest::addRow("%s: %s", bucket, row.name)
                    << (QByteArray("/") + bucket + row.target) << row.status << row.code;
            }
        }
    }

    void traversalIsRefused()
    {
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        QFETCH(QByteArray, code);
        const Reply reply = m_server.get(target);
        QVERIFY2(reply.body != m_canary, "the canary outside the root was served");
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.header("X-Mort-Error"), code);
    }

    // The same objects by their real names are there: the refusals above are
    // about the path, not a missing file.
    void realNamesAreServed()
    {
        QCOMPARE(m_server.get("/meta/in.jpg").status, 200);
        QCOMPARE(m_server.get("/plain/in.jpg?operation=resize&width=50").status, 200);
    }
};

QTEST_GUILESS_MAIN(TestPathTraversal)
#include "tst_pathtraversal.moc"
