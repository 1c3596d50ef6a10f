// RootContainment (storage/rootcontainment.h) with both methods -- openat2
// where the kernel has it and the realpath fallback -- and the file storages'
// writes, deletes and listings through links (issue 23 finding 1).
#include "storage/rootcontainment.h"
#include "storagetestutil.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

using namespace mort;

Q_DECLARE_METATYPE(RootContainment::Method)

namespace {

bool write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// <tmp>/root (the container), <tmp>/root2 (a sibling sharing its prefix),
// <tmp>/outside; links in root to each.
class Layout
{
public:
    Layout()
    {
        const QString root = path(QStringLiteral("root"));
        ok = write(root + QStringLiteral("/in.txt"), "inside") && write(root + QStringLiteral("/sub/deep.txt"), "deep")
            && write(path(QStringLiteral("root2/sib.txt")), "sibling")
            && write(path(QStringLiteral("outside/canary.txt")), "canary")
            && QFile::link(QStringLiteral("in.txt"), root + QStringLiteral("/rel-in"))
            && QFile::link(root + QStringLiteral("/in.txt"), root + QStringLiteral("/abs-in"))
            && QFile::link(QStringLiteral("sub"), root + QStringLiteral("/dir-in"))
            && QFile::link(QStringLiteral("../outside/canary.txt"), root + QStringLiteral("/rel-out"))
            && QFile::link(path(QStringLiteral("outside/canary.txt")), root + QStringLiteral("/abs-out"))
            && QFile::link(path(QStringLiteral("outside")), root + QStringLiteral("/dir-out"))
            && QFile::link(QStringLiteral("../root2/sib.txt"), root + QStringLiteral("/sibling"))
            && QFile::link(path(QStringLiteral("nowhere/x")), root + QStringLiteral("/dangling"))
            && QFile::link(QStringLiteral("/proc/self/root/etc/passwd"), root + QStringLiteral("/magic"));
    }
    QString path(const QString &relative) const { return dir.filePath(relative); }
    QString root() const { return path(QStringLiteral("root")); }

    QTemporaryDir dir;
    bool ok = false;
};

// Contents read through RootContainment::open, or "errno:<n>".
QByteArray readThrough(const RootContainment &c, const QString &relative)
{
    const int fd = c.open(relative, O_RDONLY);
    if (fd < 0)
        return "errno:" + QByteArray::number(errno);
    char buf[64];
    const ssize_t n = ::read(fd, buf, sizeof buf);
    ::close(fd);
    return QByteArray(buf, int(std::max<ssize_t>(n, 0)));
}

} // namespace

class TestRootContainment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void open_data()
    {
        QTest::addColumn<RootContainment::Method>("method");
        QTest::addColumn<QString>("relative");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray escape = "errno:" + QByteArray::number(EXDEV);
        const QByteArray missing = "errno:" + QByteArray::number(ENOENT);
        for (const auto &[name, method] : {std::pair{"auto", RootContainment::Method::Auto},
                                           std::pair{"realpath", RootContainment::Method::RealPath}}) {
            QTest::addRow("%s file", name) << method << QStringLiteral("in.txt") << QByteArray("inside");
            QTest::addRow("%s relative link in", name) << method << QStringLiteral("rel-in") << QByteArray("inside");
            QTest::addRow("%s absolute link in", name) << method << QStringLiteral("abs-in") << QByteArray("inside");
            QTest::addRow("%s directory link in", name)
                << method << QStringLiteral("dir-in/deep.txt") << QByteArray("deep");
            QTest::addRow("%s relative link out", name) << method << QStringLiteral("rel-out") << escape;
            QTest::addRow("%s absolute link out", name) << method << QStringLiteral("abs-out") << escape;
            QTest::addRow("%s directory link out", name) << method << QStringLiteral("dir-out/canary.txt") << escape;
            QTest::addRow("%s sibling prefix", name) << method << QStringLiteral("sibling") << escape;
            QTest::addRow("%s dot-dot", name) << method << QStringLiteral("../outside/canary.txt") << escape;
            QTest::addRow("%s magic link", name) << method << QStringLiteral("magic") << escape;
            QTest::addRow("%s dangling", name) << method << QStringLiteral("dangling") << missing;
            QTest::addRow("%s missing", name) << method << QStringLiteral("none.txt") << missing;
        }
    }
    void open()
    {
        QFETCH(RootContainment::Method, method);
        QFETCH(QString, relative);
        QFETCH(QByteArray, expected);
        Layout layout;
        QVERIFY(layout.ok);
        QCOMPARE(readThrough(RootContainment(layout.root(), method), relative), expected);
    }

    void rootItself()
    {
        Layout layout;
        QVERIFY(layout.ok);
        const int fd = RootContainment(layout.root()).open(QString(), O_RDONLY | O_DIRECTORY);
        QVERIFY(fd >= 0);
        ::close(fd);
    }

    // A root that is itself reached through a link (rootPath on a symlinked disk).
    void linkedRoot()
    {
        Layout layout;
        QVERIFY(layout.ok);
        const QString linked = layout.path(QStringLiteral("linked"));
        QVERIFY(QFile::link(layout.root(), linked));
        const RootContainment c(linked);
        QCOMPARE(readThrough(c, QStringLiteral("abs-in")), QByteArray("inside"));
        QCOMPARE(readThrough(c, QStringLiteral("rel-out")), "errno:" + QByteArray::number(EXDEV));
    }

    void resolvesInside_data()
    {
        QTest::addColumn<QString>("relative");
        QTest::addColumn<bool>("inside");
        QTest::newRow("new file") << QStringLiteral("new.txt") << true;
        QTest::newRow("new nested") << QStringLiteral("a/b/c.txt") << true;
        QTest::newRow("existing file") << QStringLiteral("in.txt") << true;
        QTest::newRow("under a file") << QStringLiteral("in.txt/x") << true; // a key conflict, not an escape
        QTest::newRow("link in") << QStringLiteral("dir-in/new.txt") << true;
        QTest::newRow("link out") << QStringLiteral("dir-out/new.txt") << false;
        QTest::newRow("link out, deeper") << QStringLiteral("dir-out/a/b.txt") << false;
        QTest::newRow("file link out") << QStringLiteral("abs-out") << false;
        QTest::newRow("sibling") << QStringLiteral("sibling") << false;
        QTest::newRow("dangling") << QStringLiteral("dangling") << false;
        QTest::newRow("under dangling") << QStringLiteral("dangling/x") << false;
    }
    void resolvesInside()
    {
        QFETCH(QString, relative);
        QFETCH(bool, inside);
        Layout layout;
        QVERIFY(layout.ok);
        QCOMPARE(RootContainment(layout.root()).resolvesInside(layout.root() + QLatin1Char('/') + relative), inside);
    }

    // The storages on top: writes, deletes and listings through links.
    void storageWritesStayInside_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("local") << QStringLiteral("local");
        QTest::newRow("local-meta") << QStringLiteral("local-meta");
    }
    void storageWritesStayInside()
    {
        QFETCH(QString, kind);
        Layout layout;
        QVERIFY(layout.ok);
        // createStorage's container is rootPath/<bucket>: rootPath = tmp, bucket "root".
        auto storage = testutil::makeStorage(testutil::fileConfig(kind, layout.dir.path()), QStringLiteral("root"));
        QVERIFY(storage);
        ObjectMetadata meta;
        meta.contentType = "text/plain";

        const Expected<void> intoLink = storage->put(QStringLiteral("/dir-out/new.txt"), "x", meta);
        QVERIFY(!intoLink);
        QCOMPARE(intoLink.error().code, QByteArray("storage.key_conflict"));
        const Expected<void> overLink = storage->put(QStringLiteral("/abs-out"), "x", meta);
        QVERIFY(!overLink);
        QCOMPARE(overLink.error().code, QByteArray("storage.key_conflict"));
        const Expected<void> dirThroughLink = storage->put(QStringLiteral("/dir-out/made/"), {}, meta);
        QVERIFY(!dirThroughLink);
        QCOMPARE(dirThroughLink.error().code, QByteArray("storage.key_conflict"));
        QCOMPARE(QDir(layout.path(QStringLiteral("outside"))).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("canary.txt")});
        QCOMPARE(testutil::readAll(layout.path(QStringLiteral("outside/canary.txt"))), QByteArray("canary"));

        const Expected<void> removed = storage->remove(QStringLiteral("/dir-out/canary.txt"));
        QVERIFY(!removed);
        QCOMPARE(removed.error().code, QByteArray("object.not_found"));
        QVERIFY(QFile::exists(layout.path(QStringLiteral("outside/canary.txt"))));

        // Inside links keep working for writes.
        QVERIFY(storage->put(QStringLiteral("/dir-in/new.txt"), "ok", meta));
        QVERIFY(QFile::exists(layout.path(QStringLiteral("root/sub/new.txt"))));
    }

    void listingSkipsLinksOut()
    {
        Layout layout;
        QVERIFY(layout.ok);
        auto storage = testutil::makeStorage(testutil::fileConfig(QStringLiteral("local"), layout.dir.path()),
                                             QStringLiteral("root"));
        QVERIFY(storage);
        const Expected<QStringList> keys = storage->listKeys(100);
        QVERIFY(keys);
        QCOMPARE(*keys,
                 (QStringList{QStringLiteral("/abs-in"), QStringLiteral("/in.txt"), QStringLiteral("/rel-in"),
                              QStringLiteral("/sub/deep.txt")}));
    }
};

QTEST_GUILESS_MAIN(TestRootContainment)
#include "tst_rootcontainment.moc"
