// Finding 1 of issue 23: `local` and `local-meta` storages followed symlinks
// out of their root. A link inside the bucket folder to a file or directory
// elsewhere on the disk was served (200) as an original and as a transform
// source, and a result was written through a link to a folder outside.
// Now every open and write is checked on the resolved path: a link out of the
// root answers 404 object.not_found (the key names nothing inside the bucket,
// and the answer does not tell whether the target exists), the canary outside
// is never served and nothing is written outside. Links that stay inside the
// root keep working.
#include "integration/testserver.h"

using namespace mort;
using namespace mort::test;

namespace {

const QString kConfig = localBucketsConfig();

const QString kInside = QStringLiteral("photos/photo_800x600.jpg");
const QString kCanary = QStringLiteral("photos/photo_300x200.jpg");

bool link(const QString &target, const QString &linkPath)
{
    QDir().mkpath(QFileInfo(linkPath).absolutePath());
    return QFile::link(target, linkPath);
}

QByteArray readTestData(const QString &relative)
{
    QFile f(testDataPath(relative));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestSymlinkEscape : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_canary = readTestData(kCanary);
        QVERIFY(!m_canary.isEmpty());
        TestServer &s = m_server;
        QVERIFY(s.addFile(kCanary, QStringLiteral("outside/canary.jpg")));
        QDir().mkpath(s.path(QStringLiteral("outside-results")));
        for (const QString &bucket : {QStringLiteral("meta"), QStringLiteral("plain")}) {
            const QString dir = s.path(QStringLiteral("originals/") + bucket);
            QVERIFY(s.addFile(kInside, QStringLiteral("originals/%1/in.jpg").arg(bucket)));
            QVERIFY(s.addFile(kInside, QStringLiteral("originals/%1/sub/in.jpg").arg(bucket)));
            // A sibling whose name starts with the bucket's: "meta2" next to "meta".
            QVERIFY(s.addFile(kCanary, QStringLiteral("originals/") + bucket + QStringLiteral("2/canary.jpg")));
            // Out of the root.
            QVERIFY(link(QStringLiteral("../../outside/canary.jpg"), dir + QStringLiteral("/file-out.jpg")));
            QVERIFY(link(s.path(QStringLiteral("outside/canary.jpg")), dir + QStringLiteral("/abs-out.jpg")));
            QVERIFY(link(s.path(QStringLiteral("outside")), dir + QStringLiteral("/dir-out")));
            QVERIFY(link(QStringLiteral("../") + bucket + QStringLiteral("2/canary.jpg"),
                         dir + QStringLiteral("/sibling.jpg")));
            // Inside the root.
            QVERIFY(link(QStringLiteral("in.jpg"), dir + QStringLiteral("/alias.jpg")));
            QVERIFY(link(dir + QStringLiteral("/in.jpg"), dir + QStringLiteral("/abs-alias.jpg")));
            QVERIFY(link(QStringLiteral("sub"), dir + QStringLiteral("/subdir")));
            // Results of /<bucket>/in.jpg?... are stored below results/<bucket>/in.jpg/.
            QVERIFY(link(s.path(QStringLiteral("outside-results")),
                         s.path(QStringLiteral("results/%1/in.jpg").arg(bucket))));
        }
        MORT_START(m_server, kConfig);
    }

    void linkOutOfRootNotServed_data()
    {
        QTest::addColumn<QByteArray>("target");
        for (const char *bucket : {"meta", "plain"}) {
            for (const char *key : {"file-out.jpg", "abs-out.jpg", "dir-out/canary.jpg", "sibling.jpg"}) {
                const QByteArray original = QByteArray("/") + bucket + '/' + key;
                QTest::addRow("%s original", original.constData()) << original;
                QTest::addRow("%s transform source", original.constData()) << original + "?operation=resize&width=50";
            }
        }
    }
    void linkOutOfRootNotServed()
    {
        QFETCH(QByteArray, target);
        const Reply r = m_server.get(target);
        QCOMPARE(r.status, 404);
        QCOMPARE(r.header("X-Mort-Error"), QByteArray("object.not_found"));
        QVERIFY(r.body != m_canary);
    }

    void linkInsideRootServed_data()
    {
        QTest::addColumn<QByteArray>("target");
        for (const char *bucket : {"meta", "plain"}) {
            for (const char *key : {"alias.jpg", "abs-alias.jpg", "subdir/in.jpg"}) {
                const QByteArray original = QByteArray("/") + bucket + '/' + key;
                QTest::addRow("%s original", original.constData()) << original;
                QTest::addRow("%s transform source", original.constData()) << original + "?operation=resize&width=50";
            }
        }
    }
    void linkInsideRootServed()
    {
        QFETCH(QByteArray, target);
        QCOMPARE(m_server.get(target).status, 200);
    }

    // The result of a transform goes to results/<bucket>/in.jpg/<hash>, and
    // results/<bucket>/in.jpg is a link to a folder outside: the client still
    // gets its image, but nothing is written there.
    void resultNeverWrittenThroughLinkOut()
    {
        for (const char *bucket : {"meta", "plain"})
            QCOMPARE(m_server.get(QByteArray("/") + bucket + "/in.jpg?operation=resize&width=60").status, 200);
        m_server.engine().waitForBackground(10000);
        QCOMPARE(countFiles(m_server.path(QStringLiteral("outside-results"))), 0);
    }

private:
    TestServer m_server;
    QByteArray m_canary;
};

QTEST_GUILESS_MAIN(TestSymlinkEscape)
#include "tst_symlinkescape.moc"
