// Every config under resources/examples loads and validates as mort-server
// would load it, and each of its network storages is created (no network needed):
// the b2, google and oracle examples use `kind: s3` against their
// S3-compatible endpoints, http-origin a `kind: http` template.
#include "config/config.h"
#include "storage/s3storage.h"
#include "storage/storage.h"

#include <QDir>
#include <QTest>

using namespace mort;

class TestExampleConfigs : public QObject
{
    Q_OBJECT

    static QString examplesDir() { return QStringLiteral(MORT_SOURCE_DIR "/resources/examples"); }

private Q_SLOTS:
    void initTestCase()
    {
        // The credentials the examples read from the environment.
        for (const char *name : {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "S3_KEY", "S3_SECRET",
                                 "B2_APPLICATION_KEY_ID", "B2_APPLICATION_KEY", "GCS_HMAC_ACCESS_ID", "GCS_HMAC_SECRET",
                                 "OCI_NAMESPACE", "OCI_CUSTOMER_ACCESS_KEY", "OCI_CUSTOMER_SECRET_KEY", "ORIGIN_TOKEN"})
            qputenv(name, QByteArray("example-") + name);
        qputenv("OCI_NAMESPACE", "axaxnpcrorw5"); // a tenancy namespace as OCI shows them
    }

    void examplesLoadAndCreateTheirStorages_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("basicKind");
        QTest::addColumn<QString>("basicUrl"); // where `photo.jpg` of the bucket is fetched
        const QString names[][3] = {
            {"s3-aws.yml", "s3", "https://my-photo-originals.s3.eu-west-1.amazonaws.com/photo.jpg"},
            {"s3-minio.yml", "s3", "http://minio:9000/photo-originals/photo.jpg"},
            {"b2.yml", "s3", "https://s3.us-west-004.backblazeb2.com/my-b2-bucket/photo.jpg"},
            {"google.yml", "s3", "https://storage.googleapis.com/my-gcs-bucket/photo.jpg"},
            {"oracle.yml", "s3",
             "https://axaxnpcrorw5.compat.objectstorage.eu-frankfurt-1.oraclecloud.com/my-oci-bucket/photo.jpg"},
            {"http-origin.yml", "http", ""},
        };
        for (const auto &row : names)
            QTest::newRow(qPrintable(row[0])) << row[0] << row[1] << row[2];
        QCOMPARE(QDir(examplesDir()).entryList({QStringLiteral("*.yml")}).size(), int(std::size(names)));
    }
    void examplesLoadAndCreateTheirStorages()
    {
        QFETCH(QString, file);
        QFETCH(QString, basicKind);
        QFETCH(QString, basicUrl);
        auto config = ConfigLoader::fromFile(examplesDir() + QLatin1Char('/') + file);
        QVERIFY2(config, config ? "" : qPrintable(config.error().toString()));
        QCOMPARE((*config)->buckets.size(), 1);
        const BucketConfig &bucket = (*config)->buckets.first();
        for (const StorageConfig &storage : bucket.storages) {
            if (storage.kind != QLatin1String("s3") && storage.kind != QLatin1String("http"))
                continue; // local ones would create their folder on this machine
            auto created = createStorage(storage, bucket.name);
            QVERIFY2(created, created ? "" : qPrintable(created.error().toString()));
        }
        const StorageConfig *basic = (*config)->storage(bucket.name, QStringLiteral("basic"));
        QVERIFY(basic);
        QCOMPARE(basic->kind, basicKind);
        if (basicKind == QLatin1String("s3")) {
            S3Storage s3(*basic, basic->bucket.isEmpty() ? bucket.name : basic->bucket);
            QCOMPARE(s3.objectUrl(s3.objectKey(QStringLiteral("/photo.jpg"))).toString(), basicUrl);
        }
    }
};

QTEST_GUILESS_MAIN(TestExampleConfigs)
#include "tst_exampleconfigs.moc"
