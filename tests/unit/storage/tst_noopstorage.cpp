// noop backend and createStorage() kind dispatch.
#include "storage/noopstorage.h"
#include "storagetestutil.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace mort;
using namespace mort::testutil;

class TestNoopStorage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noopNeverStores()
    {
        StorageConfig config;
        config.name = QStringLiteral("noop");
        config.kind = QStringLiteral("noop");
        auto storage = makeStorage(config);
        QVERIFY(storage);
        QCOMPARE(storage->kind(), QStringLiteral("noop"));
        QVERIFY(storage->put(QStringLiteral("/a.jpg"), "data", {}));
        auto head = storage->head(QStringLiteral("/a.jpg"));
        QVERIFY(!head);
        QVERIFY(head.error().isNotFound());
        QCOMPARE(head.error().code, Error::notFound().code);
        QVERIFY(storage->get(QStringLiteral("/a.jpg")).error().isNotFound());
        QVERIFY(storage->openRead(QStringLiteral("/a.jpg")).error().isNotFound());
        QVERIFY(storage->remove(QStringLiteral("/a.jpg")));
    }

    void unsupportedKinds_data()
    {
        QTest::addColumn<QString>("kind");
        for (const char *kind : {"b2", "google", "azure", "oracle", "sftp", "bogus", ""})
            QTest::newRow(kind) << QString::fromLatin1(kind);
    }
    void unsupportedKinds()
    {
        QFETCH(QString, kind);
        StorageConfig config;
        config.name = QStringLiteral("basic");
        config.kind = kind;
        auto created = createStorage(config, QStringLiteral("bucket"));
        QVERIFY(!created);
        QCOMPARE(created.error().httpStatus, 503);
        QCOMPARE(created.error().code, QByteArray("storage.unavailable"));
        QCOMPARE(created.error().cause, ErrorCause::Upstream);
        QCOMPARE(created.error().detail, QStringLiteral("storage kind %1 is not supported yet").arg(kind));
    }

    void networkKindsNeedTheirKeys()
    {
        StorageConfig http;
        http.name = QStringLiteral("basic");
        http.kind = QStringLiteral("http");
        auto noUrl = createStorage(http, QStringLiteral("bucket"));
        QVERIFY(!noUrl);
        QCOMPARE(noUrl.error().code, QByteArray("storage.unavailable"));
        QCOMPARE(noUrl.error().detail, QStringLiteral("storage basic (kind http) has no url"));

        StorageConfig s3 = http;
        s3.kind = QStringLiteral("s3");
        s3.accessKey = QStringLiteral("key");
        auto noSecret = createStorage(s3, QStringLiteral("bucket"));
        QVERIFY(!noSecret);
        QCOMPARE(noSecret.error().httpStatus, 503);
        QCOMPARE(noSecret.error().detail,
                 QStringLiteral("storage basic (kind s3) needs accessKey and secretAccessKey"));
    }

    void fileKindsNeedUsableRoot()
    {
        auto noRoot = createStorage(fileConfig(QStringLiteral("local-meta"), QString()), QStringLiteral("b"));
        QVERIFY(!noRoot);
        QCOMPARE(noRoot.error().httpStatus, 503);

        QTemporaryDir tmp;
        auto badContainer = fileConfig(QStringLiteral("local"), tmp.path());
        badContainer.bucket = QStringLiteral("..");
        QCOMPARE(createStorage(badContainer, QStringLiteral("b")).error().code, QByteArray("storage.unavailable"));

        // rootPath under a regular file: the container cannot be created.
        QVERIFY(writeRaw(tmp.path() + QStringLiteral("/file"), "x"));
        auto blocked = createStorage(fileConfig(QStringLiteral("local-meta"), tmp.path() + QStringLiteral("/file")),
                                     QStringLiteral("b"));
        QVERIFY(!blocked);
        QCOMPARE(blocked.error().httpStatus, 503);
        QVERIFY(blocked.error().detail.contains(tmp.path()));

        // Container = storage bucket when set, else the Mort bucket.
        QVERIFY(createStorage(fileConfig(QStringLiteral("local-meta"), tmp.path()), QStringLiteral("mortbucket")));
        QVERIFY(QFileInfo(tmp.path() + QStringLiteral("/mortbucket")).isDir());
        auto named = fileConfig(QStringLiteral("local"), tmp.path());
        named.bucket = QStringLiteral("container");
        QVERIFY(createStorage(named, QStringLiteral("mortbucket")));
        QVERIFY(QFileInfo(tmp.path() + QStringLiteral("/container")).isDir());
    }
};

QTEST_GUILESS_MAIN(TestNoopStorage)
#include "tst_noopstorage.moc"
