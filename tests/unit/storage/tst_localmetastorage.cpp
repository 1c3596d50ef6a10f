#include "storage/localmetastorage.h"
#include "storagetestutil.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <msgpack.hpp>

#include <atomic>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <vector>

using namespace mort;
using namespace mort::testutil;

namespace {

void appendFixStr(QByteArray &out, const QByteArray &s)
{
    Q_ASSERT(s.size() < 32);
    out.append(char(0xA0 | s.size()));
    out.append(s);
}

void appendStr8(QByteArray &out, const QByteArray &s)
{
    Q_ASSERT(s.size() < 256);
    out.append('\xD9');
    out.append(char(quint8(s.size())));
    out.append(s);
}

QByteArray mortHeader(const QByteArray &msgpackMap)
{
    QByteArray out("\x12\x34\x01", 3);
    char len[4];
    qToLittleEndian<quint32>(quint32(msgpackMap.size()), len);
    out.append(len, 4);
    out.append(msgpackMap);
    return out;
}

const QByteArray kPng("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x00\x01\x00\x00\x00\x01", 24);

} // namespace

class TestLocalMetaStorage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::shared_ptr<Storage> m_storage;
    QString m_container;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_tmp.isValid());
        m_storage = makeStorage(fileConfig(QStringLiteral("local-meta"), m_tmp.path()));
        QVERIFY(m_storage);
        QCOMPARE(m_storage->kind(), QStringLiteral("local-meta"));
        m_container = m_tmp.path() + QStringLiteral("/bucket");
        QVERIFY2(QFileInfo(m_container).isDir(), "container directory auto-created");
    }
    void cleanup()
    {
        m_storage.reset();
        QDir(m_container).removeRecursively();
    }

    void roundTripWithMetadata()
    {
        const QByteArray body = kPng + QByteArray(1000, 'x');
        ObjectMetadata meta;
        meta.contentType = "image/png";
        meta.etag = "0123abcd";
        meta.headers = {{"X-Amz-Meta-Public-Width", "300"},
                        {"x-amz-meta-public-height", "200"},
                        {"x-amz-public-other", "dropped"},
                        {"cache-control", "dropped too (Mort keeps only content-type, etag, x-amz-meta-*)"}};
        QVERIFY(m_storage->put(QStringLiteral("/dir/sub/img"), body, meta));

        const QString path = m_container + QStringLiteral("/dir/sub/img");
        const QByteArray raw = readAll(path);
        QVERIFY(raw.startsWith(QByteArray("\x12\x34\x01", 3)));
        const quint32 n = qFromLittleEndian<quint32>(raw.constData() + 3);
        QCOMPARE(raw.size(), qsizetype(7 + n) + body.size());
        QCOMPARE(raw.mid(7 + n), body);

        // The stored map, decoded with msgpack-cxx directly.
        const auto handle = msgpack::unpack(raw.constData() + 7, n);
        std::map<std::string, std::string> stored;
        handle.get().convert(stored);
        const std::map<std::string, std::string> expected{{"content-type", "image/png"},
                                                          {"etag", "0123abcd"},
                                                          {"x-amz-meta-public-height", "200"},
                                                          {"x-amz-meta-public-width", "300"}};
        QVERIFY(stored == expected);

        auto got = m_storage->get(QStringLiteral("/dir/sub/img"));
        QVERIFY(got);
        QCOMPARE(got->body, body);
        QCOMPARE(got->meta.size, qint64(body.size()));
        QCOMPARE(got->meta.contentType, QByteArray("image/png"));
        QCOMPARE(got->meta.headers.size(), 2);
        QCOMPARE(headerValue(got->meta, "x-amz-meta-public-width"), QByteArray("300"));
        QCOMPARE(headerValue(got->meta, "x-amz-meta-public-height"), QByteArray("200"));
        QVERIFY(!got->meta.isDirectory);
        // Stored etag is ignored by the reader (Mort): the mtime ETag wins.
        QCOMPARE(got->meta.etag, weakMd5Etag(goMtimeText(path)));

        auto head = m_storage->head(QStringLiteral("/dir/sub/img"));
        QVERIFY(head);
        QCOMPARE(head->size, got->meta.size);
        QCOMPARE(head->contentType, got->meta.contentType);
        QCOMPARE(head->etag, got->meta.etag);
        QCOMPARE(head->lastModified, got->meta.lastModified);
        QCOMPARE(head->headers, got->meta.headers);
    }

    void overwriteReplacesContent()
    {
        QVERIFY(m_storage->put(QStringLiteral("/a.txt"), "first", {}));
        QVERIFY(m_storage->put(QStringLiteral("/a.txt"), "second!", {}));
        auto got = m_storage->get(QStringLiteral("/a.txt"));
        QVERIFY(got);
        QCOMPARE(got->body, QByteArray("second!"));
        QCOMPARE(got->meta.size, 7);
        // No temporary files left behind.
        QCOMPARE(QDir(m_container).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("a.txt")});
    }

    void storageHeadersMergedOnWrite()
    {
        auto config = fileConfig(QStringLiteral("local-meta"), m_tmp.path());
        config.headers = {{QStringLiteral("X-Amz-Meta-Source"), QStringLiteral("config")},
                          {QStringLiteral("Content-Type"), QStringLiteral("image/webp")},
                          {QStringLiteral("X-Other"), QStringLiteral("not persisted")}};
        auto storage = makeStorage(config);
        QVERIFY(storage);
        ObjectMetadata meta;
        meta.contentType = "image/png";
        meta.headers = {{"x-amz-meta-source", "request"}};
        QVERIFY(storage->put(QStringLiteral("/m"), kPng, meta));
        auto got = storage->head(QStringLiteral("/m"));
        QVERIFY(got);
        QCOMPARE(got->contentType, QByteArray("image/webp")); // configured headers win, as in Mort
        QCOMPARE(headerValue(*got, "x-amz-meta-source"), QByteArray("config"));
        QCOMPARE(headerValue(*got, "x-other"), QByteArray());
    }

    void readsFileWrittenByMort()
    {
        // Map packed by hand the way Go's msgpack writes map[string]string.
        QByteArray map;
        map.append(char(0x80 | 4));
        appendFixStr(map, "content-type");
        appendFixStr(map, "image/png");
        appendFixStr(map, "Cache-Control");
        appendFixStr(map, "max-age=60");
        appendStr8(map, "x-amz-meta-public-width");
        appendFixStr(map, "300");
        appendFixStr(map, "etag");
        appendStr8(map, "\"an etag value that is longer than thirty-one bytes\"");
        const QByteArray body = kPng + QByteArray(100, '\0');
        QVERIFY(QDir(m_container).mkpath(QStringLiteral("mort")));
        const QString path = m_container + QStringLiteral("/mort/file.jpg");
        QVERIFY(writeRaw(path, mortHeader(map) + body));

        auto got = m_storage->get(QStringLiteral("/mort/file.jpg"));
        QVERIFY(got);
        QCOMPARE(got->body, body);
        QCOMPARE(got->meta.size, qint64(body.size()));
        QCOMPARE(got->meta.contentType, QByteArray("image/png")); // metadata beats the .jpg extension
        QCOMPARE(headerValue(got->meta, "cache-control"), QByteArray("max-age=60")); // key lower-cased
        QCOMPARE(headerValue(got->meta, "x-amz-meta-public-width"), QByteArray("300"));
        QCOMPARE(headerValue(got->meta, "etag"), QByteArray());
        QCOMPARE(got->meta.etag, weakMd5Etag(goMtimeText(path)));

        auto head = m_storage->head(QStringLiteral("/mort/file.jpg"));
        QVERIFY(head);
        QCOMPARE(head->size, qint64(body.size()));
    }

    void emptyMetadataMap()
    {
        const QString path = m_container + QStringLiteral("/empty-map");
        QVERIFY(writeRaw(path, mortHeader(QByteArray(1, '\x80')) + "body"));
        auto got = m_storage->get(QStringLiteral("/empty-map"));
        QVERIFY(got);
        QCOMPARE(got->body, QByteArray("body"));
        QCOMPARE(got->meta.contentType, QByteArray("text/plain; charset=utf-8")); // sniffed
    }

    void rawFileServedRaw()
    {
        const QString path = m_container + QStringLiteral("/plain.css");
        QVERIFY(writeRaw(path, "body { color: red }"));
        auto got = m_storage->get(QStringLiteral("/plain.css"));
        QVERIFY(got);
        QCOMPARE(got->body, QByteArray("body { color: red }"));
        QCOMPARE(got->meta.size, 19);
        QCOMPARE(got->meta.contentType, QByteArray("text/css; charset=utf-8"));
        QVERIFY(got->meta.headers.isEmpty());
    }

    void partialMagicServedRaw_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("first byte only") << QByteArray("\x12hello world", 12);
        QTest::newRow("two bytes") << QByteArray("\x12\x34 plain data here", 18);
        QTest::newRow("other version") << QByteArray("\x12\x34\x02\x01\x00\x00\x00\x80tail", 12);
        QTest::newRow("shorter than magic") << QByteArray("\x12\x34", 2);
        QTest::newRow("magic but no length") << QByteArray("\x12\x34\x01\x00", 4);
    }
    void partialMagicServedRaw()
    {
        QFETCH(QByteArray, bytes);
        QVERIFY(writeRaw(m_container + QStringLiteral("/odd"), bytes));
        auto got = m_storage->get(QStringLiteral("/odd"));
        QVERIFY(got);
        QCOMPARE(got->body, bytes);
        QCOMPARE(got->meta.size, qint64(bytes.size()));
        auto head = m_storage->head(QStringLiteral("/odd"));
        QVERIFY(head);
        QCOMPARE(head->size, qint64(bytes.size()));
    }

    void corruptHeaderIsIoError_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QByteArray tooLong("\x12\x34\x01\xFF\x00\x00\x00", 7);
        tooLong.append("short");
        QTest::newRow("length beyond file") << tooLong;
        QTest::newRow("not a map") << mortHeader(QByteArray("\x93\x01\x02\x03", 4)) + "body";
        QTest::newRow("truncated msgpack") << mortHeader(QByteArray("\x82\xA1"
                                                                    "a",
                                                                    3))
                + "";
        QTest::newRow("forged huge map") << mortHeader(QByteArray("\xDF\x7F\xFF\xFF\xFF", 5)) + "x";
    }
    void corruptHeaderIsIoError()
    {
        QFETCH(QByteArray, bytes);
        QVERIFY(writeRaw(m_container + QStringLiteral("/corrupt"), bytes));
        auto got = m_storage->get(QStringLiteral("/corrupt"));
        QVERIFY(!got);
        QCOMPARE(got.error().httpStatus, 500);
        QCOMPARE(got.error().code, QByteArray("storage.io_error"));
        QCOMPARE(got.error().cause, ErrorCause::Upstream);
        QVERIFY2(got.error().detail.contains(QStringLiteral("/bucket/corrupt")), qPrintable(got.error().detail));
    }

    void etagAndLastModifiedFromMtime()
    {
        QVERIFY(m_storage->put(QStringLiteral("/e.png"), kPng, {}));
        const QString path = m_container + QStringLiteral("/e.png");
        // Fixed mtime with nanoseconds, as Go would see it.
        const struct timespec times[2] = {{1714557600, 123456789}, {1714557600, 123456789}};
        QCOMPARE(utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, 0), 0);

        auto head = m_storage->head(QStringLiteral("/e.png"));
        QVERIFY(head);
        QCOMPARE(head->etag, weakMd5Etag(goMtimeText(path)));
        if (goMtimeText(path).endsWith(" +0000 UTC")) // machine zone is UTC: the Go text is known
            QCOMPARE(head->etag, weakMd5Etag("2024-05-01 10:00:00.123456789 +0000 UTC"));
        QVERIFY(head->etag.startsWith("W/\"") && head->etag.endsWith('"'));
        QCOMPARE(head->etag.size(), 3 + 32 + 1);
        QCOMPARE(head->lastModified, QDateTime::fromMSecsSinceEpoch(1714557600123LL, Qt::UTC));
        QCOMPARE(head->lastModified.timeSpec(), Qt::UTC);
    }

    void contentTypeByExtensionAndSniff()
    {
        QVERIFY(writeRaw(m_container + QStringLiteral("/pic.JPG"), "not really a jpeg"));
        QVERIFY(writeRaw(m_container + QStringLiteral("/noext"), kPng));
        QVERIFY(writeRaw(m_container + QStringLiteral("/bin"), QByteArray("\x00\x01\x02\x03", 4)));
        QVERIFY(writeRaw(m_container + QStringLiteral("/gif"), "GIF89a......"));

        QCOMPARE(m_storage->head(QStringLiteral("/pic.JPG"))->contentType, QByteArray("image/jpeg"));
        QCOMPARE(m_storage->head(QStringLiteral("/noext"))->contentType, QByteArray("image/png"));
        QCOMPARE(m_storage->get(QStringLiteral("/noext"))->meta.contentType, QByteArray("image/png"));
        QCOMPARE(m_storage->head(QStringLiteral("/bin"))->contentType, QByteArray("application/octet-stream"));
        QCOMPARE(m_storage->get(QStringLiteral("/gif"))->meta.contentType, QByteArray("image/gif"));

        // Sniffing looks at the body, not at the metadata header.
        ObjectMetadata none;
        QVERIFY(m_storage->put(QStringLiteral("/stored-noext"), kPng, none));
        QCOMPARE(m_storage->head(QStringLiteral("/stored-noext"))->contentType, QByteArray("image/png"));
    }

    void directories()
    {
        QVERIFY(m_storage->put(QStringLiteral("/folder/"), QByteArray(), {}));
        QVERIFY(QFileInfo(m_container + QStringLiteral("/folder")).isDir());
        QVERIFY(m_storage->put(QStringLiteral("/folder"), QByteArray(), {})); // idempotent

        auto head = m_storage->head(QStringLiteral("/folder"));
        QVERIFY(head);
        QVERIFY(head->isDirectory);
        QCOMPARE(head->size, 0);
        auto get = m_storage->get(QStringLiteral("/folder"));
        QVERIFY(get);
        QVERIFY(get->meta.isDirectory);
        QVERIFY(get->body.isEmpty());
        auto root = m_storage->head(QStringLiteral("/"));
        QVERIFY(root && root->isDirectory);

        QVERIFY(m_storage->put(QStringLiteral("/folder/x.txt"), "x", {}));
        auto conflict = m_storage->put(QStringLiteral("/folder"), "data", {});
        QVERIFY(!conflict);
        QCOMPARE(conflict.error().httpStatus, 409);
        QCOMPARE(conflict.error().code, QByteArray("storage.key_conflict"));

        auto underFile = m_storage->put(QStringLiteral("/folder/x.txt/y"), "data", {});
        QVERIFY(!underFile);
        QCOMPARE(underFile.error().code, QByteArray("storage.key_conflict"));
        auto dirOverFile = m_storage->put(QStringLiteral("/folder/x.txt"), QByteArray(), {});
        QVERIFY(!dirOverFile);
        QCOMPARE(dirOverFile.error().code, QByteArray("storage.key_conflict"));
        QCOMPARE(readAll(m_container + QStringLiteral("/folder/x.txt")).right(1), QByteArray("x"));
    }

    void removeFilesAndDirectories()
    {
        QVERIFY(m_storage->put(QStringLiteral("/r/file"), "data", {}));
        QVERIFY(m_storage->remove(QStringLiteral("/r/file")));
        QVERIFY(m_storage->head(QStringLiteral("/r/file")).error().isNotFound());

        auto missing = m_storage->remove(QStringLiteral("/r/file"));
        QVERIFY(!missing);
        QVERIFY(missing.error().isNotFound());

        // Only empty directories below: removed as a whole.
        QVERIFY(m_storage->put(QStringLiteral("/r/a/b/c"), QByteArray(), {}));
        QVERIFY(m_storage->put(QStringLiteral("/r/a/d"), QByteArray(), {}));
        QVERIFY(m_storage->remove(QStringLiteral("/r/a")));
        QVERIFY(!QFileInfo::exists(m_container + QStringLiteral("/r/a")));

        // A file anywhere below: refused, nothing deleted (peer C7).
        QVERIFY(m_storage->put(QStringLiteral("/r/full/deep/f.txt"), "keep", {}));
        QVERIFY(m_storage->put(QStringLiteral("/r/full/empty"), QByteArray(), {}));
        auto refused = m_storage->remove(QStringLiteral("/r/full"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().httpStatus, 409);
        QCOMPARE(refused.error().code, QByteArray("storage.directory_not_empty"));
        QVERIFY(QFileInfo::exists(m_container + QStringLiteral("/r/full/deep/f.txt")));
        QVERIFY(QFileInfo::exists(m_container + QStringLiteral("/r/full/empty")));

        // The container itself is never removed.
        QVERIFY(m_storage->remove(QStringLiteral("/r/full/deep/f.txt")));
        QVERIFY(m_storage->remove(QStringLiteral("/")));
        QVERIFY(QFileInfo(m_container).isDir());
        QVERIFY(QDir(m_container).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
    }

    void keysNeverLeaveTheContainer_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("relativePath");
        QTest::newRow("dotdot") << "/a/../b"
                                << "b";
        QTest::newRow("escape attempt") << "../../etc/passwd"
                                        << "etc/passwd";
        QTest::newRow("rooted escape") << "/../../../../escape"
                                       << "escape";
        QTest::newRow("double slash") << "//x//y"
                                      << "x/y";
        QTest::newRow("dot") << "/./z/./w"
                             << "z/w";
        QTest::newRow("mixed") << "/q/./../../r/.."
                               << "";
    }
    void keysNeverLeaveTheContainer()
    {
        QFETCH(QString, key);
        QFETCH(QString, relativePath);
        auto *fileStorage = dynamic_cast<FileStorage *>(m_storage.get());
        QVERIFY(fileStorage);
        const QString expected = relativePath.isEmpty() ? m_container : m_container + QLatin1Char('/') + relativePath;
        QCOMPARE(fileStorage->filePath(key), expected);
        if (!relativePath.isEmpty()) {
            QVERIFY(m_storage->put(key, "payload", {}));
            QVERIFY(QFileInfo(expected).isFile());
            QCOMPARE(m_storage->get(QLatin1Char('/') + relativePath)->body, QByteArray("payload"));
        }
        // Nothing was created next to the container.
        QCOMPARE(QDir(m_tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("bucket")});
    }

    void pathPrefixAndBucketOverride()
    {
        auto config = fileConfig(QStringLiteral("local-meta"), m_tmp.path(), QStringLiteral("transforms"));
        config.bucket = QStringLiteral("other");
        auto storage = makeStorage(config);
        QVERIFY(storage);
        QVERIFY(storage->put(QStringLiteral("/img.jpg/small"), kPng, {}));
        QVERIFY(QFileInfo(m_tmp.path() + QStringLiteral("/other/transforms/img.jpg/small")).isFile());
        QVERIFY(storage->put(QStringLiteral("/../../../x"), kPng, {}));
        QVERIFY(QFileInfo(m_tmp.path() + QStringLiteral("/other/x")).isFile());
        QDir(m_tmp.path() + QStringLiteral("/other")).removeRecursively();
    }

    void notFoundAndInvalidKeys()
    {
        auto missing = m_storage->get(QStringLiteral("/nope"));
        QVERIFY(!missing);
        QVERIFY(missing.error().isNotFound());
        QVERIFY(m_storage->head(QStringLiteral("/nope/deeper")).error().isNotFound());

        QVERIFY(m_storage->put(QStringLiteral("/file"), "x", {}));
        QVERIFY(m_storage->get(QStringLiteral("/file/child")).error().isNotFound()); // ENOTDIR

        QString nul = QStringLiteral("/file");
        nul.append(QChar(0));
        nul.append(QStringLiteral("x"));
        auto bad = m_storage->put(nul, "x", {});
        QVERIFY(!bad);
        QCOMPARE(bad.error().httpStatus, 400);
        QCOMPARE(bad.error().code, QByteArray("storage.invalid_key"));
        QCOMPARE(m_storage->get(nul).error().httpStatus, 400);
    }

    void openReadStreamsBodyOnly()
    {
        QByteArray body(300 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < body.size(); ++i)
            body[i] = char(i * 7);
        ObjectMetadata meta;
        meta.contentType = "application/x-test";
        meta.headers = {{"x-amz-meta-a", "b"}};
        QVERIFY(m_storage->put(QStringLiteral("/big"), body, meta));

        ObjectMetadata got;
        auto device = m_storage->openRead(QStringLiteral("/big"), &got);
        QVERIFY(device);
        QIODevice *dev = device->get();
        QVERIFY(dev->isOpen());
        QVERIFY(!dev->isSequential());
        QCOMPARE(dev->pos(), 0);
        QCOMPARE(dev->size(), qint64(body.size()));
        QCOMPARE(got.size, qint64(body.size()));
        QCOMPARE(got.contentType, QByteArray("application/x-test"));
        QCOMPARE(headerValue(got, "x-amz-meta-a"), QByteArray("b"));

        QCOMPARE(dev->read(10), body.left(10));
        QVERIFY(dev->seek(200000));
        QCOMPARE(dev->read(1000), body.mid(200000, 1000));
        QVERIFY(dev->seek(0));
        QCOMPARE(dev->readAll(), body);
        QVERIFY(dev->atEnd());
        QVERIFY(!dev->seek(body.size() + 1));

        // Raw file: the whole file is the body.
        QVERIFY(writeRaw(m_container + QStringLiteral("/raw.bin"), "\x12rawdata"));
        auto raw = m_storage->openRead(QStringLiteral("/raw.bin"));
        QVERIFY(raw);
        QCOMPARE((*raw)->readAll(), QByteArray("\x12rawdata"));

        auto missing = m_storage->openRead(QStringLiteral("/missing"));
        QVERIFY(!missing);
        QVERIFY(missing.error().isNotFound());
    }

    void concurrentWritersAndReadersSeeWholeObjects()
    {
        // Two versions that differ in size, body and metadata; a reader must
        // always get one of them entirely.
        const QByteArray bodyA(64 * 1024, 'a');
        const QByteArray bodyB(160 * 1024, 'b');
        ObjectMetadata metaA, metaB;
        metaA.contentType = "image/a";
        metaA.headers = {{"x-amz-meta-v", "A"}};
        metaB.contentType = "image/b";
        metaB.headers = {{"x-amz-meta-v", "B"}};
        QVERIFY(m_storage->put(QStringLiteral("/race"), bodyA, metaA));

        std::atomic<bool> stop{false};
        std::atomic<int> failures{0}, reads{0}, writeErrors{0};
        std::thread writer([&] {
            for (int i = 0; i < 300; ++i) {
                const bool a = i % 2 == 0;
                if (!m_storage->put(QStringLiteral("/race"), a ? bodyA : bodyB, a ? metaA : metaB))
                    ++writeErrors;
            }
            stop = true;
        });
        std::vector<std::thread> readers;
        for (int r = 0; r < 3; ++r) {
            readers.emplace_back([&] {
                while (!stop) {
                    auto got = m_storage->get(QStringLiteral("/race"));
                    if (!got) {
                        ++failures;
                        continue;
                    }
                    ++reads;
                    const bool isA = got->body == bodyA && got->meta.contentType == "image/a"
                        && got->meta.size == bodyA.size() && headerValue(got->meta, "x-amz-meta-v") == "A";
                    const bool isB = got->body == bodyB && got->meta.contentType == "image/b"
                        && got->meta.size == bodyB.size() && headerValue(got->meta, "x-amz-meta-v") == "B";
                    if (!isA && !isB)
                        ++failures;
                }
            });
        }
        writer.join();
        for (auto &t : readers)
            t.join();
        QCOMPARE(writeErrors.load(), 0);
        QCOMPARE(failures.load(), 0);
        QVERIFY(reads.load() > 0);
        QCOMPARE(QDir(m_container).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("race")});
    }

    void metadataHelpers()
    {
        ObjectMetadata meta;
        meta.headers = {{"Content-Type", "from-header"}, {"ETag", "e1"}, {"X-Amz-Meta-Key", "v"}, {"x-amz-acl", "no"}};
        auto md = LocalMetaStorage::metadataForWrite(meta, {});
        QCOMPARE(md.value("content-type"), QByteArray("from-header"));
        QCOMPARE(md.value("etag"), QByteArray("e1"));
        QCOMPARE(md.value("x-amz-meta-key"), QByteArray("v"));
        QVERIFY(!md.contains("x-amz-acl"));
        meta.contentType = "explicit";
        QCOMPARE(LocalMetaStorage::metadataForWrite(meta, {}).value("content-type"), QByteArray("explicit"));

        const QByteArray header = LocalMetaStorage::encodeMetadataHeader(md);
        QVERIFY(header.startsWith(QByteArray("\x12\x34\x01", 3)));
        auto decoded = LocalMetaStorage::decodeMetadata(header.mid(7), QStringLiteral("test"));
        QVERIFY(decoded);
        QCOMPARE(*decoded, md);
    }
};

QTEST_GUILESS_MAIN(TestLocalMetaStorage)
#include "tst_localmetastorage.moc"
