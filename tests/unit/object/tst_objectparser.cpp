// Path -> ObjectRef: bucket/key split, storages, result keys, webp, chains
// (spec urls-and-transforms.md §1, §2.1, §4, §7; peer-differences C2, C12).
#include "object/objectparser.h"
#include "object/resultkey.h"
#include "objecttestconfig.h"

#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace mort;
using test::hex;

namespace {

ConfigPtr queryConfig(const QString &resultKey, const QString &parentBucket = {})
{
    TransformConfig t = test::transform(QStringLiteral("query"), resultKey);
    t.parentBucket = parentBucket;
    return test::configWith({test::bucket(QStringLiteral("b"), t), test::bucket(QStringLiteral("photos")),
                             test::bucket(QStringLiteral("orig"))});
}

} // namespace

class TestObjectParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pathSplit_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("bucket");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("storage");

        QTest::newRow("object") << "/photos/a/b.jpg"
                                << "photos"
                                << "/a/b.jpg"
                                << "basic";
        QTest::newRow("directoryMarker") << "/photos/a/"
                                         << "photos"
                                         << "/a/"
                                         << "basic";
        QTest::newRow("bucketSlashIsObjectNotListing") << "/photos/"
                                                       << "photos"
                                                       << "/"
                                                       << "basic";
        QTest::newRow("bucketLevel") << "/photos"
                                     << "photos"
                                     << ""
                                     << "basic";
        QTest::newRow("serviceLevel") << "/"
                                      << ""
                                      << ""
                                      << "";
        QTest::newRow("decodedSlashSplitsLikeAnyOther") << "/photos/a/b/c.jpg"
                                                        << "photos"
                                                        << "/a/b/c.jpg"
                                                        << "basic";
        QTest::newRow("percentTextIsNotDecodedTwice") << "/photos/a%2Fb.jpg"
                                                      << "photos"
                                                      << "/a%2Fb.jpg"
                                                      << "basic";
        QTest::newRow("doubleSlashKept") << "/photos//a.jpg"
                                         << "photos"
                                         << "//a.jpg"
                                         << "basic";
        QTest::newRow("dotSegmentKept") << "/photos/./a.jpg"
                                        << "photos"
                                        << "/./a.jpg"
                                        << "basic";
        QTest::newRow("dotsInsideNameAllowed") << "/photos/a..b.jpg"
                                               << "photos"
                                               << "/a..b.jpg"
                                               << "basic";
        QTest::newRow("unicodeKey") << QStringLiteral("/photos/zdj\u0119cie.jpg") << "photos"
                                    << QStringLiteral("/zdj\u0119cie.jpg") << "basic";
    }
    void pathSplit()
    {
        QFETCH(QString, path);
        QFETCH(QString, bucket);
        QFETCH(QString, key);
        QFETCH(QString, storage);
        ObjectParser parser(queryConfig(QStringLiteral("hashParent")));
        Expected<ObjectRef> o = parser.parse(path, {});
        QVERIFY2(o.ok(), o.ok() ? "" : qPrintable(o.error().toString()));
        QCOMPARE(o->bucket, bucket);
        QCOMPARE(o->key, key);
        QCOMPARE(o->storageName, storage);
        QCOMPARE(o->uri, path);
        QVERIFY(!o->hasParent());
        QVERIFY(!o->hasTransforms());
        QCOMPARE(o->isServiceLevel(), path == QLatin1String("/"));
        QCOMPARE(o->isBucketLevel(), path == QLatin1String("/photos"));
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("code");
        QTest::newRow("unknownBucket") << "/nope/a.jpg" << QByteArray("object.unknown_bucket");
        QTest::newRow("unknownBucketLevel") << "/nope" << QByteArray("object.unknown_bucket");
        QTest::newRow("emptyBucketName") << "//a.jpg" << QByteArray("object.unknown_bucket");
        QTest::newRow("emptyPath") << "" << QByteArray("object.bad_path");
        QTest::newRow("relativePath") << "photos/a.jpg" << QByteArray("object.bad_path");
        QTest::newRow("dotDotSegment") << "/photos/../a.jpg" << QByteArray("object.bad_key");
        QTest::newRow("trailingDotDot") << "/photos/a/.." << QByteArray("object.bad_key");
        QTest::newRow("dotDotAsBucket") << "/../etc/passwd" << QByteArray("object.bad_key");
        QTest::newRow("nulCharacter") << QStringLiteral("/photos/a") + QChar(0) + QStringLiteral("b")
                                      << QByteArray("object.bad_key");
        QTest::newRow("crlf") << "/photos/a\r\nb" << QByteArray("object.bad_key");
        QTest::newRow("tab") << "/photos/a\tb" << QByteArray("object.bad_key");
        QTest::newRow("del") << "/photos/a\x7f" << QByteArray("object.bad_key");
    }
    void rejects()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, code);
        ObjectParser parser(queryConfig(QStringLiteral("hashParent")));
        Expected<ObjectRef> o = parser.parse(path, "width=100");
        QVERIFY(!o.ok());
        QCOMPARE(o.error().code, code);
        QCOMPARE(o.error().httpStatus, 400);
        QCOMPARE(o.error().publicMessage, QStringLiteral("error")); // Mort's {"message": "error"}
    }

    void bucketWithoutTransformIgnoresQuery()
    {
        ObjectParser parser(queryConfig(QStringLiteral("hashParent")));
        Expected<ObjectRef> o = parser.parse(QStringLiteral("/photos/a.jpg"), "width=100&operation=rotate");
        QVERIFY(o.ok());
        QCOMPARE(o->storageName, QStringLiteral("basic"));
        QCOMPARE(o->key, QStringLiteral("/a.jpg"));
        QVERIFY(!o->hasTransforms());
    }

    // §4: storage and key per resultKey; the spec vectors of §4.1.
    void queryResultKeys_data()
    {
        QTest::addColumn<QString>("resultKey");
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("storage");

        QTest::newRow("specVectorWidth100HashParent")
            << "hashParent" << QByteArray("width=100") << "/a-b.jpg/8c4a8c8e0b3a08381012fb3675cb5995"
            << "transform";
        QTest::newRow("specVectorCropNorthHashParent")
            << "hashParent" << QByteArray("operation=crop&width=200&height=100&gravity=north&quality=90&format=webp")
            << "/a-b.jpg/2e6c13ea7735b4265c640502461749c2"
            << "transform";
        QTest::newRow("hashKeyShape") << "hash" << QByteArray("width=100") << "/5d0/a-b/a-b.jpg-5d0858eed751b150"
                                      << "transform";
        QTest::newRow("emptyResultKeyKeepsRequestKey") << "" << QByteArray("width=100") << "/a/b.jpg"
                                                       << "transform";
        QTest::newRow("unknownResultKeyKeepsRequestKey") << "md5" << QByteArray("width=100") << "/a/b.jpg"
                                                         << "transform";
        QTest::newRow("noQueryIsOriginal") << "hashParent" << QByteArray() << "/a/b.jpg"
                                           << "basic";
        QTest::newRow("cacheBusterOnlyIsOriginal") << "hashParent" << QByteArray("v=123") << "/a/b.jpg"
                                                   << "basic";
        QTest::newRow("unknownOperationOnlyIsOriginal") << "hashParent" << QByteArray("operation=sharpen") << "/a/b.jpg"
                                                        << "basic";
    }
    void queryResultKeys()
    {
        QFETCH(QString, resultKey);
        QFETCH(QByteArray, query);
        QFETCH(QString, key);
        QFETCH(QString, storage);
        ObjectParser parser(queryConfig(resultKey));
        Expected<ObjectRef> o = parser.parse(QStringLiteral("/b/a/b.jpg"), query);
        QVERIFY2(o.ok(), o.ok() ? "" : qPrintable(o.error().toString()));
        QCOMPARE(o->bucket, QStringLiteral("b"));
        QCOMPARE(o->key, key);
        QCOMPARE(o->storageName, storage);
        QCOMPARE(o->hasParent(), storage == QLatin1String("transform"));
        if (o->parent) {
            QCOMPARE(o->parent->bucket, QStringLiteral("b"));
            QCOMPARE(o->parent->key, QStringLiteral("/a/b.jpg")); // parent keys never rewritten
            QCOMPARE(o->parent->uri, QStringLiteral("/b/a/b.jpg"));
            QCOMPARE(o->parent->storageName, QStringLiteral("basic"));
            QVERIFY(!o->parent->hasTransforms());
            QVERIFY(!o->parent->hasParent());
        }
    }

    void queryParentBucket()
    {
        ObjectParser parser(queryConfig(QStringLiteral("hashParent"), QStringLiteral("orig")));
        Expected<ObjectRef> o = parser.parse(QStringLiteral("/b/a/b.jpg"), "width=100");
        QVERIFY(o.ok());
        QCOMPARE(o->parent->bucket, QStringLiteral("orig"));
        QCOMPARE(o->parent->key, QStringLiteral("/a/b.jpg"));
        // R and B use the parent key, not its bucket: same key as without parentBucket.
        QCOMPARE(o->key, QStringLiteral("/a-b.jpg/8c4a8c8e0b3a08381012fb3675cb5995"));
    }

    void queryErrorIs400()
    {
        ObjectParser parser(queryConfig(QStringLiteral("hashParent")));
        Expected<ObjectRef> o = parser.parse(QStringLiteral("/b/a.jpg"), "width=0");
        QVERIFY(!o.ok());
        QCOMPARE(o.error().code, QByteArray("query.bad_width"));
        QCOMPARE(o.error().httpStatus, 400);
    }

    void bucketLevelRequestIsNeverTransformed()
    {
        ObjectParser parser(queryConfig(QStringLiteral("hashParent")));
        Expected<ObjectRef> o = parser.parse(QStringLiteral("/b"), "width=100&prefix=a/");
        QVERIFY(o.ok());
        QVERIFY(o->isBucketLevel());
        QCOMPARE(o->storageName, QStringLiteral("basic"));
        QVERIFY(!o->hasTransforms());
    }

    void checkParentCopied()
    {
        TransformConfig t = test::transform(QStringLiteral("query"), QStringLiteral("hashParent"));
        t.checkParent = true;
        ObjectParser parser(test::configWith({test::bucket(QStringLiteral("b"), t)}));
        QVERIFY(parser.parse(QStringLiteral("/b/a.jpg"), "width=10")->checkParent);
        QVERIFY(!parser.parse(QStringLiteral("/b/a.jpg"), {})->checkParent);
    }

    void unsupportedKinds_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("tengo") << "tengo";
        QTest::newRow("unknownKind") << "lua";
    }
    void unsupportedKinds()
    {
        QFETCH(QString, kind);
        ObjectParser parser(test::configWith({test::bucket(QStringLiteral("b"), test::transform(kind))}));
        Expected<ObjectRef> o = parser.parse(QStringLiteral("/b/a.jpg"), {});
        QVERIFY(!o.ok());
        QCOMPARE(o.error().code, QByteArray("object.parser_not_supported"));
        QCOMPARE(o.error().httpStatus, 400);
    }

    void invalidPathRegexIsInternalError()
    {
        TransformConfig t = test::transform(QStringLiteral("presets"), {}, QStringLiteral("(?P<presetName>[a-z"));
        ObjectParser parser(test::configWith({test::bucket(QStringLiteral("b"), t)}));
        Expected<ObjectRef> o = parser.parse(QStringLiteral("/b/a.jpg"), {});
        QVERIFY(!o.ok());
        QCOMPARE(o.error().code, QByteArray("object.bad_path_regex"));
        QCOMPARE(o.error().httpStatus, 500);
    }

    // A parent that parses to itself would recurse forever.
    void selfReferencingParentStopsAtDepthLimit()
    {
        TransformConfig t =
            test::transform(QStringLiteral("presets"), {}, QStringLiteral("^(?P<parent>.*/(?P<presetName>small))$"));
        t.parentBucket = QStringLiteral("b");
        t.presets.insert(QStringLiteral("small"), test::thumbnail320());
        ObjectParser parser(test::configWith({test::bucket(QStringLiteral("b"), t)}));
        Expected<ObjectRef> o = parser.parse(QStringLiteral("/b/x/small"), {});
        QVERIFY(!o.ok());
        QCOMPARE(o.error().code, QByteArray("object.chain_too_deep"));
        QCOMPARE(o.error().httpStatus, 400);
    }

    void transformChainAndRootOfQueryObject()
    {
        ObjectParser parser(queryConfig(QStringLiteral("hashParent")));
        Expected<ObjectRef> o = parser.parse(QStringLiteral("/b/a/b.jpg"), "width=100");
        QVERIFY(o.ok());
        QCOMPARE(o->transformChain().size(), 1);
        QCOMPARE(o->transformChain().first().params().width, 100);
        QCOMPARE(&o->root(), o->parent.get());
        QCOMPARE(o->depth(), 1);
        Expected<ObjectRef> original = parser.parse(QStringLiteral("/b/a/b.jpg"), {});
        QVERIFY(original->transformChain().isEmpty());
        QCOMPARE(&original->root(), &original.value());
    }

    // §7 webp plugin.
    void webpAccept_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QByteArray>("accept");
        QTest::addColumn<bool>("converted");
        QTest::newRow("acceptsWebpAndTransformed")
            << QByteArray("width=100") << QByteArray("image/avif,image/webp,*/*") << true;
        // Accept is parsed (issue 23.5; Mort tests for the substring).
        QTest::newRow("qZeroRefuses") << QByteArray("width=100") << QByteArray("image/webp;q=0") << false;
        QTest::newRow("caseInsensitive") << QByteArray("width=100") << QByteArray("IMAGE/WEBP") << true;
        QTest::newRow("noWebpInAccept") << QByteArray("width=100") << QByteArray("image/png,*/*") << false;
        QTest::newRow("originalNeverConverted") << QByteArray() << QByteArray("image/webp") << false;
    }
    void webpAccept()
    {
        QFETCH(QByteArray, query);
        QFETCH(QByteArray, accept);
        QFETCH(bool, converted);
        ObjectParser parser(queryConfig(QStringLiteral("hashParent")));
        Expected<ObjectRef> o = parser.parse(QStringLiteral("/b/a/b.jpg"), query);
        QVERIFY(o.ok());
        const QString keyBefore = o->key;
        const quint64 accBefore = o->transforms.accumulator();
        QCOMPARE(applyWebpAccept(*o, accept), converted);
        QCOMPARE(o->webpConverted, converted);
        if (converted) {
            // The key is not recomputed: the suffix goes on the hashParent key.
            QCOMPARE(o->key, QStringLiteral("/a-b.jpg/8c4a8c8e0b3a08381012fb3675cb5995webp"));
            Transforms want;
            want.resize(100, 0, false, false, false);
            want.format(ImageFormat::Webp);
            QCOMPARE(o->transforms.accumulator(), want.accumulator());
            QCOMPARE(o->transforms.params().format, ImageFormat::Webp);
            QCOMPARE(collapseKey(*o), QStringLiteral("b/a-b.jpg/8c4a8c8e0b3a08381012fb3675cb5995webp"));
            QVERIFY(!applyWebpAccept(*o, accept)); // once per request
            QCOMPARE(o->key, QStringLiteral("/a-b.jpg/8c4a8c8e0b3a08381012fb3675cb5995webp"));
        } else {
            QCOMPARE(o->key, keyBefore);
            QCOMPARE(quint64(o->transforms.accumulator()), accBefore);
        }
    }

    // Peer-differences C2: equal keys in two buckets never share a lock.
    void collapseKeyQualifiedByBucket()
    {
        ObjectParser parser(queryConfig(QStringLiteral("hashParent")));
        const ObjectRef a = parser.parse(QStringLiteral("/photos/x.jpg"), {}).value();
        const ObjectRef b = parser.parse(QStringLiteral("/orig/x.jpg"), {}).value();
        QCOMPARE(a.key, b.key);
        QCOMPARE(collapseKey(a), QStringLiteral("photos/x.jpg"));
        QVERIFY(collapseKey(a) != collapseKey(b));
        QCOMPARE(responseCacheKey(a, "bytes=0-9"), QStringLiteral("photos/x.jpgbytes=0-9"));
    }

    void hashKeyWithShortParentKey()
    {
        ObjectParser parser(queryConfig(QStringLiteral("hash")));
        Expected<ObjectRef> o = parser.parse(QStringLiteral("/b/a"), "width=100");
        QVERIFY(o.ok());
        QCOMPARE(o->key, QStringLiteral("/5d0/a/a-5d0858eed751b150")); // S[0:3] of a 1-byte S
    }

    void concurrentParsesAgree()
    {
        TransformConfig t =
            test::transform(QStringLiteral("presets-query"), QStringLiteral("hashParent"), test::kPresetPath);
        t.presets.insert(QStringLiteral("small"), test::thumbnail320());
        t.parentBucket = QStringLiteral("b");
        const ObjectParser parser(test::configWith({test::bucket(QStringLiteral("b"), t)}));
        std::atomic<int> mismatches{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < 4; ++i) {
            threads.emplace_back([&] {
                for (int n = 0; n < 500; ++n) {
                    Expected<ObjectRef> p = parser.parse(QStringLiteral("/b/small/a/b.jpg"), {});
                    Expected<ObjectRef> q = parser.parse(QStringLiteral("/b/a/b.jpg"), "width=100");
                    if (!p.ok() || p->key != QLatin1String("/a-b.jpg/191ff3e7d5784233dd825906128946e3") || !q.ok()
                        || q->key != QLatin1String("/a-b.jpg/8c4a8c8e0b3a08381012fb3675cb5995"))
                        ++mismatches;
                }
            });
        }
        for (std::thread &th : threads)
            th.join();
        QCOMPARE(mismatches.load(), 0);
    }
};

QTEST_GUILESS_MAIN(TestObjectParser)
#include "tst_objectparser.moc"
