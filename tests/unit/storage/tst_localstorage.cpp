#include "storage/localstorage.h"
#include "storagetestutil.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>

using namespace mort;
using namespace mort::testutil;

class TestLocalStorage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::shared_ptr<Storage> m_storage;
    QString m_container;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_tmp.isValid());
        m_storage = makeStorage(fileConfig(QStringLiteral("local"), m_tmp.path()), QStringLiteral("media"));
        QVERIFY(m_storage);
        QCOMPARE(m_storage->kind(), QStringLiteral("local"));
        m_container = m_tmp.path() + QStringLiteral("/media");
        QVERIFY(QFileInfo(m_container).isDir());
    }
    void cleanup()
    {
        m_storage.reset();
        QDir(m_container).removeRecursively();
    }

    void plainFilesWithoutMetadata()
    {
        ObjectMetadata meta;
        meta.contentType = "image/webp";
        meta.headers = {{"x-amz-meta-public-width", "10"}};
        QVERIFY(m_storage->put(QStringLiteral("/p/file.png"), "\x89PNG\r\n\x1a\nrest", meta));
        // Bytes on disk are exactly the body.
        QCOMPARE(readAll(m_container + QStringLiteral("/p/file.png")), QByteArray("\x89PNG\r\n\x1a\nrest"));

        auto got = m_storage->get(QStringLiteral("/p/file.png"));
        QVERIFY(got);
        QCOMPARE(got->body, QByteArray("\x89PNG\r\n\x1a\nrest"));
        QCOMPARE(got->meta.size, 12);
        QCOMPARE(got->meta.contentType, QByteArray("image/png")); // by extension: metadata is not kept
        QVERIFY(got->meta.headers.isEmpty());
    }

    void magicBytesAreJustData()
    {
        const QByteArray bytes = QByteArray("\x12\x34\x01\x02\x00\x00\x00", 7) + QByteArray(2, '\x80') + "x";
        QVERIFY(writeRaw(m_container + QStringLiteral("/looks-like-meta"), bytes));
        auto got = m_storage->get(QStringLiteral("/looks-like-meta"));
        QVERIFY(got);
        QCOMPARE(got->body, bytes);
        QCOMPARE(got->meta.size, qint64(bytes.size()));
    }

    void etagIsRawGoMtimeText()
    {
        QVERIFY(m_storage->put(QStringLiteral("/e.txt"), "hello", {}));
        const QString path = m_container + QStringLiteral("/e.txt");
        const struct timespec times[2] = {{1714557600, 100000000}, {1714557600, 100000000}};
        QCOMPARE(utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, 0), 0);
        auto head = m_storage->head(QStringLiteral("/e.txt"));
        QVERIFY(head);
        QCOMPARE(head->etag, goMtimeText(path)); // unquoted, as Mort
        if (goMtimeText(path).endsWith(" +0000 UTC"))
            QCOMPARE(head->etag, QByteArray("2024-05-01 10:00:00.1 +0000 UTC"));
        QCOMPARE(head->lastModified, QDateTime::fromMSecsSinceEpoch(1714557600100LL, Qt::UTC));
        QCOMPARE(head->contentType, QByteArray("text/plain; charset=utf-8"));
    }

    void sniffWithoutExtension()
    {
        QVERIFY(writeRaw(m_container + QStringLiteral("/img"), QByteArray("\xFF\xD8\xFF\xE0 jpeg", 9)));
        QCOMPARE(m_storage->head(QStringLiteral("/img"))->contentType, QByteArray("image/jpeg"));
        QCOMPARE(m_storage->get(QStringLiteral("/img"))->meta.contentType, QByteArray("image/jpeg"));
    }

    void directoriesAndRemove()
    {
        QVERIFY(m_storage->put(QStringLiteral("/d"), QByteArray(), {}));
        QVERIFY(m_storage->head(QStringLiteral("/d"))->isDirectory);
        QVERIFY(m_storage->put(QStringLiteral("/d/f"), "f", {}));
        QCOMPARE(m_storage->remove(QStringLiteral("/d")).error().code, QByteArray("storage.directory_not_empty"));
        QVERIFY(m_storage->remove(QStringLiteral("/d/f")));
        QVERIFY(m_storage->remove(QStringLiteral("/d")));
        QVERIFY(m_storage->head(QStringLiteral("/d")).error().isNotFound());
    }

    void traversalContained()
    {
        QVERIFY(m_storage->put(QStringLiteral("/../../outside"), "x", {}));
        QVERIFY(QFileInfo(m_container + QStringLiteral("/outside")).isFile());
        QCOMPARE(QDir(m_tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("media")});
    }

    void specialFilesAreNotServed()
    {
        const QString fifo = m_container + QStringLiteral("/fifo");
        QCOMPARE(mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        // Opening a FIFO would block forever; it must be reported missing.
        QVERIFY(m_storage->get(QStringLiteral("/fifo")).error().isNotFound());
        QVERIFY(m_storage->remove(QStringLiteral("/fifo")));
    }
};

QTEST_GUILESS_MAIN(TestLocalStorage)
#include "tst_localstorage.moc"
