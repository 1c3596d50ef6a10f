// `cloudinary` kind: transformation tokens -> Transforms (spec §2.4).
#include "object/cloudinaryparser.h"
#include "object/objectparser.h"
#include "objecttestconfig.h"

#include <QTest>

using namespace mort;

class TestCloudinaryParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tokens_data()
    {
        QTest::addColumn<QString>("definition");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<bool>("crop");
        QTest::addColumn<bool>("enlarge");
        QTest::addColumn<bool>("preserveAspectRatio");
        QTest::addColumn<bool>("fill");

        QTest::newRow("fitIsResizePreservingAspect")
            << "c_fit,w_100,h_50" << 100 << 50 << false << false << true << false;
        QTest::newRow("fillIsEnlargingFill") << "c_fill,w_100,h_50" << 100 << 50 << false << true << true << true;
        QTest::newRow("cropIsSmartCrop") << "c_crop,w_100,h_50" << 100 << 50 << true << false << false << false;
        QTest::newRow("qualifiersInAnyOrder") << "c_fit,h_7,w_8" << 8 << 7 << false << false << true << false;
        QTest::newRow("lastQualifierWins") << "c_fit,w_1,w_2" << 2 << 0 << false << false << true << false;
        QTest::newRow("unknownQualifiersIgnored")
            << "c_fit,w_10,q_80,f_auto" << 10 << 0 << false << false << true << false;
        QTest::newRow("noQualifiers") << "c_fit" << 0 << 0 << false << false << true << false;
        QTest::newRow("plusSignAccepted") << "c_fit,w_+5" << 5 << 0 << false << false << true << false;
    }
    void tokens()
    {
        QFETCH(QString, definition);
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(bool, crop);
        QFETCH(bool, enlarge);
        QFETCH(bool, preserveAspectRatio);
        QFETCH(bool, fill);
        Expected<Transforms> t = cloudinaryToTransforms(definition);
        QVERIFY2(t.ok(), t.ok() ? "" : qPrintable(t.error().toString()));
        const Transforms::Params &p = t->params();
        QCOMPARE(p.width, width);
        QCOMPARE(p.height, height);
        QCOMPARE(p.crop, crop);
        QCOMPARE(p.enlarge, enlarge);
        QCOMPARE(p.preserveAspectRatio, preserveAspectRatio);
        QCOMPARE(p.fill, fill);
        if (crop)
            QCOMPARE(p.gravity, Gravity::Smart);
    }

    void hashFollowsSingleBuilderCall()
    {
        Transforms fill;
        fill.resize(100, 50, true, true, true);
        QCOMPARE(cloudinaryToTransforms(QStringLiteral("c_fill,w_100,h_50"))->accumulator(), fill.accumulator());
        Transforms crop;
        crop.crop(100, 50, Gravity::Smart, false, false);
        QCOMPARE(cloudinaryToTransforms(QStringLiteral("c_crop,w_100,h_50"))->accumulator(), crop.accumulator());
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("definition");
        QTest::addColumn<QByteArray>("code");
        QTest::newRow("tokenWithoutUnderscore") << "c_fit,w100" << QByteArray("cloudinary.bad_token");
        QTest::newRow("firstTokenWithoutUnderscore") << "fit" << QByteArray("cloudinary.bad_token");
        QTest::newRow("cropModeWithTwoArguments") << "c_fit:x,w_10" << QByteArray("cloudinary.bad_token");
        QTest::newRow("otherCropMode") << "c_scale,w_10" << QByteArray("cloudinary.not_implemented");
        QTest::newRow("otherFirstToken") << "w_10,c_fit" << QByteArray("cloudinary.not_implemented");
        QTest::newRow("widthNotInteger") << "c_fit,w_abc" << QByteArray("cloudinary.bad_value");
        QTest::newRow("widthNegative") << "c_fit,w_-5" << QByteArray("cloudinary.bad_value");
        QTest::newRow("heightTwoArguments") << "c_fit,h_5:6" << QByteArray("cloudinary.bad_value");
        QTest::newRow("widthEmpty") << "c_fit,w_" << QByteArray("cloudinary.bad_value");
        QTest::newRow("backgroundQualifier") << "c_fill,b_red" << QByteArray("cloudinary.not_implemented");
        QTest::newRow("aspectRatioQualifier") << "c_fill,ar_1:1" << QByteArray("cloudinary.not_implemented");
        QTest::newRow("gravityQualifier") << "c_crop,g_face" << QByteArray("cloudinary.not_implemented");
        QTest::newRow("borderQualifier") << "c_crop,bo_5px" << QByteArray("cloudinary.not_implemented");
        QTest::newRow("colorQualifier") << "c_crop,co_red" << QByteArray("cloudinary.not_implemented");
        QTest::newRow("xQualifier") << "c_crop,x_5" << QByteArray("cloudinary.not_implemented");
        QTest::newRow("yQualifier") << "c_crop,y_5" << QByteArray("cloudinary.not_implemented");
    }
    void rejects()
    {
        QFETCH(QString, definition);
        QFETCH(QByteArray, code);
        Expected<Transforms> t = cloudinaryToTransforms(definition);
        QVERIFY(!t.ok());
        QCOMPARE(t.error().code, code);
        QCOMPARE(t.error().httpStatus, 400);
    }

    // Through the ObjectParser: regex groups `transformations` and `parent`.
    void urls_data()
    {
        QTest::addColumn<QString>("parentBucket");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("storage");
        QTest::addColumn<QString>("parentBucketOut");
        QTest::addColumn<QString>("parentKey");
        QTest::addColumn<int>("width");

        QTest::newRow("transformedParentInOwnBucket") << QString() << "/cl/image/upload/c_fit,w_100/cl/photos/a.jpg"
                                                      << "transform"
                                                      << "cl"
                                                      << "/photos/a.jpg" << 100;
        QTest::newRow("transformedWithParentBucket") << "media"
                                                     << "/cl/image/upload/c_fill,w_10,h_10/photos/a.jpg"
                                                     << "transform"
                                                     << "media"
                                                     << "/photos/a.jpg" << 10;
        QTest::newRow("emptyTransformationsServesParentUnchanged") << "media"
                                                                   << "/cl/image/upload//photos/a.jpg"
                                                                   << "noop"
                                                                   << "media"
                                                                   << "/photos/a.jpg" << 0;
    }
    void urls()
    {
        QFETCH(QString, parentBucket);
        QFETCH(QString, path);
        QFETCH(QString, storage);
        QFETCH(QString, parentBucketOut);
        QFETCH(QString, parentKey);
        QFETCH(int, width);
        TransformConfig t =
            test::transform(QStringLiteral("cloudinary"), QString(),
                            QStringLiteral("^/image/upload/(?P<transformations>[^/]*)/(?P<parent>.+)$"));
        t.parentBucket = parentBucket;
        ObjectParser parser(
            test::configWith({test::bucket(QStringLiteral("cl"), t), test::bucket(QStringLiteral("media"))}));
        Expected<ObjectRef> o = parser.parse(path, {});
        QVERIFY2(o.ok(), o.ok() ? "" : qPrintable(o.error().toString()));
        QCOMPARE(o->storageName, storage);
        QVERIFY(o->parent);
        QCOMPARE(o->parent->bucket, parentBucketOut);
        QCOMPARE(o->parent->key, parentKey);
        QCOMPARE(o->transforms.params().width, width);
        QVERIFY(!o->parent->hasTransforms());
    }

    // Chained transformations: with parentBucket pointing at the bucket itself,
    // the parent key "/c_fill,.../a.jpg" matches the regex again (and "/a.jpg"
    // does not: one segment), so each
    // `/`-separated group becomes one link of the parent chain (§2.1.5).
    void chainedTransformationsBuildAParentChain()
    {
        TransformConfig t = test::transform(QStringLiteral("cloudinary"), QString(),
                                            QStringLiteral("^/(?P<transformations>[^/]*)/(?P<parent>.+)$"));
        t.parentBucket = QStringLiteral("cl");
        ObjectParser parser(test::configWith({test::bucket(QStringLiteral("cl"), t)}));
        Expected<ObjectRef> o = parser.parse(QStringLiteral("/cl/c_fit,w_200/c_fill,w_400,h_300/a.jpg"), {});
        QVERIFY2(o.ok(), o.ok() ? "" : qPrintable(o.error().toString()));
        QCOMPARE(o->storageName, QStringLiteral("transform"));
        QCOMPARE(o->key, QStringLiteral("/c_fit,w_200/c_fill,w_400,h_300/a.jpg")); // request key kept
        QCOMPARE(o->depth(), 2);
        const ObjectRef &link = *o->parent;
        QCOMPARE(link.bucket, QStringLiteral("cl"));
        QCOMPARE(link.key, QStringLiteral("/c_fill,w_400,h_300/a.jpg"));
        QCOMPARE(link.storageName, QStringLiteral("basic"));
        QCOMPARE(o->root().key, QStringLiteral("/a.jpg"));
        QVERIFY(!o->root().hasTransforms());

        const QList<Transforms> chain = o->transformChain();
        QCOMPARE(chain.size(), 2);
        QCOMPARE(chain.at(0).accumulator(),
                 cloudinaryToTransforms(QStringLiteral("c_fill,w_400,h_300"))->accumulator());
        QCOMPARE(chain.at(1).accumulator(), cloudinaryToTransforms(QStringLiteral("c_fit,w_200"))->accumulator());
        // Merged as Mort merges a chain: one pass, later (outer) values win where set.
        const QList<Transforms> merged = mergeChain(chain);
        QCOMPARE(merged.size(), 1);
        QCOMPARE(merged.first().params().width, 200);
        QCOMPARE(merged.first().params().height, 300);
        QVERIFY(merged.first().params().fill);
        QVERIFY(merged.first().params().enlarge);
    }

    void badTokenInUrlIs400()
    {
        TransformConfig t =
            test::transform(QStringLiteral("cloudinary"), QString(),
                            QStringLiteral("^/image/upload/(?P<transformations>[^/]*)/(?P<parent>.+)$"));
        t.parentBucket = QStringLiteral("cl");
        ObjectParser parser(test::configWith({test::bucket(QStringLiteral("cl"), t)}));
        Expected<ObjectRef> o = parser.parse(QStringLiteral("/cl/image/upload/c_fit,b_red/a.jpg"), {});
        QVERIFY(!o.ok());
        QCOMPARE(o.error().httpStatus, 400);
        QCOMPARE(o.error().code, QByteArray("cloudinary.not_implemented"));
    }
};

QTEST_GUILESS_MAIN(TestCloudinaryParser)
#include "tst_cloudinaryparser.moc"
