// `presets`, `presets-query` and `base64_presets` kinds (spec
// urls-and-transforms.md §2.2, §2.3, §2.6, §4, §8; config.md §4.1.1).
#include "object/objectparser.h"
#include "object/presettransforms.h"
#include "objecttestconfig.h"

#include <QTest>

using namespace mort;
using test::hex;

namespace {

PresetConfig preset(const QString &name)
{
    PresetConfig p;
    p.name = name;
    return p;
}

PresetConfig widthPreset(const QString &name, int width)
{
    PresetConfig p = preset(name);
    p.hasThumbnail = true;
    p.thumbnailWidth = width;
    return p;
}

// Bucket "b" with kind `kind`, presets small (spec vector), medium (width 640)
// and broken (invalid format).
ConfigPtr presetsConfig(const QString &kind, const QString &path, const QString &parentBucket = {},
                        const QString &resultKey = {})
{
    TransformConfig t = test::transform(kind, resultKey, path);
    t.parentBucket = parentBucket;
    t.presets.insert(QStringLiteral("small"), test::thumbnail320());
    t.presets.insert(QStringLiteral("medium"), widthPreset(QStringLiteral("medium"), 640));
    PresetConfig broken = widthPreset(QStringLiteral("broken"), 10);
    broken.format = QStringLiteral("bmp");
    t.presets.insert(QStringLiteral("broken"), broken);
    BucketConfig b = test::bucket(QStringLiteral("b"), t);
    StorageConfig originals;
    originals.name = QStringLiteral("originals");
    originals.kind = QStringLiteral("local");
    b.storages.insert(originals.name, originals);
    return test::configWith({b, test::bucket(QStringLiteral("plain"))});
}

const QString kSuffixPath = QStringLiteral("^\\/(?P<parent>.+)\\/(?P<presetName>[a-z0-9_]+)$");

} // namespace

class TestPresetParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // §4.1: thumbnail, crop, extract, resizeCropAuto, quality, interlace,
    // strip, format, blur, watermark, grayscale, rotate.
    void everyFilterInMortCallOrder()
    {
        PresetConfig p = preset(QStringLiteral("all"));
        p.hasThumbnail = true;
        p.thumbnailWidth = 100;
        p.thumbnailHeight = 80;
        p.thumbnailPreserveAspectRatio = true;
        p.hasCrop = true;
        p.cropWidth = 50;
        p.cropHeight = 40;
        p.cropGravity = QStringLiteral("east");
        p.cropEmbed = true;
        p.hasExtract = true;
        p.extractTop = 1;
        p.extractLeft = 2;
        p.extractWidth = 3;
        p.extractHeight = 4;
        p.hasResizeCropAuto = true;
        p.resizeCropAutoWidth = 30;
        p.resizeCropAutoHeight = 20;
        p.quality = 70;
        p.interlace = true;
        p.strip = true;
        p.format = QStringLiteral("png");
        p.hasBlur = true;
        p.blurSigma = 2.5;
        p.blurMinAmpl = 0.2;
        p.hasWatermark = true;
        p.watermarkImage = QStringLiteral("https://h/w.png");
        p.watermarkPosition = QStringLiteral("center-center");
        p.watermarkOpacity = 0.5f;
        p.grayscale = true;
        p.hasRotate = true;
        p.rotateAngle = 180;

        Transforms want;
        want.resize(100, 80, false, true, false);
        want.crop(50, 40, Gravity::East, false, true);
        want.extract(1, 2, 3, 4);
        want.resizeCropAuto(30, 20);
        want.quality(70);
        want.interlace();
        want.stripMetadata();
        want.format(ImageFormat::Png);
        want.blur(2.5, 0.2);
        want.watermark({QStringLiteral("https://h/w.png"), QStringLiteral("center-center"), 0.5f});
        want.grayscale();
        want.rotate(180);

        Expected<Transforms> got = presetToTransforms(p);
        QVERIFY(got.ok());
        QCOMPARE(got->accumulator(), want.accumulator());
        QCOMPARE(got->params().rotate, 180);
        QCOMPARE(got->params().gravity, Gravity::East);
    }

    void semantics_data()
    {
        QTest::addColumn<PresetConfig>("config");
        QTest::addColumn<quint64>("accumulator");

        PresetConfig outbound = widthPreset(QStringLiteral("o"), 100);
        outbound.thumbnailMode = QStringLiteral("outbound");
        Transforms enlarged;
        enlarged.resize(100, 0, true, false, false);
        QTest::newRow("thumbnailOutboundEnlarges") << outbound << quint64(enlarged.accumulator());

        PresetConfig cropOut = preset(QStringLiteral("c"));
        cropOut.hasCrop = true;
        cropOut.cropWidth = 10;
        cropOut.cropMode = QStringLiteral("outbound");
        Transforms cropEnlarged;
        cropEnlarged.crop(10, 0, Gravity::Smart, true, false);
        QTest::newRow("cropOutboundEnlargesDefaultGravitySmart") << cropOut << quint64(cropEnlarged.accumulator());

        PresetConfig badQuality = widthPreset(QStringLiteral("q"), 100);
        badQuality.quality = 150;
        Transforms plain;
        plain.resize(100, 0, false, false, false);
        QTest::newRow("qualityOutOfRangeIgnored") << badQuality << quint64(plain.accumulator());

        PresetConfig badAngle = widthPreset(QStringLiteral("r"), 100);
        badAngle.hasRotate = true;
        badAngle.rotateAngle = 45;
        QTest::newRow("invalidRotateAngleIgnored") << badAngle << quint64(plain.accumulator());

        PresetConfig autoRotate = widthPreset(QStringLiteral("a"), 100);
        autoRotate.autoRotate = true;
        QTest::newRow("autoRotateHasNoEffect") << autoRotate << quint64(plain.accumulator());

        PresetConfig rotate0 = widthPreset(QStringLiteral("z"), 100);
        rotate0.hasRotate = true;
        rotate0.rotateAngle = 0;
        Transforms rotated0;
        rotated0.resize(100, 0, false, false, false);
        rotated0.rotate(0);
        QTest::newRow("rotateZeroStillHashed") << rotate0 << quint64(rotated0.accumulator());
    }
    void semantics()
    {
        QFETCH(PresetConfig, config);
        QFETCH(quint64, accumulator);
        Expected<Transforms> got = presetToTransforms(config);
        QVERIFY(got.ok());
        QCOMPARE(quint64(got->accumulator()), accumulator);
    }

    void presetErrors_data()
    {
        QTest::addColumn<PresetConfig>("config");
        QTest::addColumn<QByteArray>("code");
        PresetConfig format = widthPreset(QStringLiteral("f"), 10);
        format.format = QStringLiteral("bmp");
        QTest::newRow("invalidFormat") << format << QByteArray("preset.bad_format");
        PresetConfig wmPosition = preset(QStringLiteral("w"));
        wmPosition.hasWatermark = true;
        wmPosition.watermarkImage = QStringLiteral("w.png");
        wmPosition.watermarkPosition = QStringLiteral("top");
        QTest::newRow("invalidWatermarkPosition") << wmPosition << QByteArray("preset.bad_watermark_position");
        PresetConfig wmImage = preset(QStringLiteral("w"));
        wmImage.hasWatermark = true;
        wmImage.watermarkPosition = QStringLiteral("top-left");
        QTest::newRow("watermarkWithoutImage") << wmImage << QByteArray("preset.bad_watermark_image");
    }
    void presetErrors()
    {
        QFETCH(PresetConfig, config);
        QFETCH(QByteArray, code);
        Expected<Transforms> got = presetToTransforms(config);
        QVERIFY(!got.ok());
        QCOMPARE(got.error().code, code);
        QCOMPARE(got.error().httpStatus, 400);
    }

    // Peer-differences R10: Mort's memo is keyed by name only; ours by bucket too.
    void memoKeyedByBucketAndPresetName()
    {
        TransformConfig a = test::transform(QStringLiteral("presets"), {}, test::kPresetPath);
        a.presets.insert(QStringLiteral("small"), widthPreset(QStringLiteral("small"), 100));
        TransformConfig c = a;
        c.presets[QStringLiteral("small")] = widthPreset(QStringLiteral("small"), 200);
        ConfigPtr config =
            test::configWith({test::bucket(QStringLiteral("a"), a), test::bucket(QStringLiteral("c"), c)});
        PresetTransforms memo(*config);
        QCOMPARE(memo.size(), 2);
        QCOMPARE(memo.find(QStringLiteral("a"), QStringLiteral("small"))->value().params().width, 100);
        QCOMPARE(memo.find(QStringLiteral("c"), QStringLiteral("small"))->value().params().width, 200);
        QVERIFY(!memo.find(QStringLiteral("a"), QStringLiteral("large")));

        ObjectParser parser(config);
        QCOMPARE(parser.parse(QStringLiteral("/a/small/a/x.jpg"), {})->transforms.params().width, 100);
        QCOMPARE(parser.parse(QStringLiteral("/c/small/c/x.jpg"), {})->transforms.params().width, 200);
    }

    void presetUrls_data()
    {
        QTest::addColumn<QString>("parentBucket");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("bucket");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("storage");
        QTest::addColumn<QString>("parentBucketOut");
        QTest::addColumn<QString>("parentKey");
        QTest::addColumn<int>("width");

        QTest::newRow("presetWithParentBucket") << "plain"
                                                << "/b/small/a/b.jpg"
                                                << "b"
                                                << "/small/a/b.jpg"
                                                << "transform"
                                                << "plain"
                                                << "/a/b.jpg" << 320;
        QTest::newRow("sameBucketParentNotMatchingAgain") << "b"
                                                          << "/b/small/img.jpg"
                                                          << "b"
                                                          << "/small/img.jpg"
                                                          << "transform"
                                                          << "b"
                                                          << "/img.jpg" << 320;
        QTest::newRow("parentBucketElsewhere") << "plain"
                                               << "/b/medium/x/y.png"
                                               << "b"
                                               << "/medium/x/y.png"
                                               << "transform"
                                               << "plain"
                                               << "/x/y.png" << 640;
        QTest::newRow("parentCaptureStartsWithBucket") << ""
                                                       << "/b/small/b/img.jpg"
                                                       << "b"
                                                       << "/small/b/img.jpg"
                                                       << "transform"
                                                       << "b"
                                                       << "/img.jpg" << 320;
        QTest::newRow("parentCaptureInOtherBucket") << ""
                                                    << "/b/small/plain/img.jpg"
                                                    << "b"
                                                    << "/small/plain/img.jpg"
                                                    << "transform"
                                                    << "plain"
                                                    << "/img.jpg" << 320;
        QTest::newRow("parentBucketJoinCleansDoubleSlash") << "b"
                                                           << "/b/small//img.jpg"
                                                           << "b"
                                                           << "/small//img.jpg"
                                                           << "transform"
                                                           << "b"
                                                           << "/img.jpg" << 320;
        QTest::newRow("noMatchIsOriginal") << "b"
                                           << "/b/img.jpg"
                                           << "b"
                                           << "/img.jpg"
                                           << "basic"
                                           << ""
                                           << "" << 0;
    }
    void presetUrls()
    {
        QFETCH(QString, parentBucket);
        QFETCH(QString, path);
        QFETCH(QString, bucket);
        QFETCH(QString, key);
        QFETCH(QString, storage);
        QFETCH(QString, parentBucketOut);
        QFETCH(QString, parentKey);
        QFETCH(int, width);
        ObjectParser parser(presetsConfig(QStringLiteral("presets"), test::kPresetPath, parentBucket));
        Expected<ObjectRef> o = parser.parse(path, "width=1");
        QVERIFY2(o.ok(), o.ok() ? "" : qPrintable(o.error().toString()));
        QCOMPARE(o->bucket, bucket);
        QCOMPARE(o->key, key);
        QCOMPARE(o->storageName, storage);
        QCOMPARE(o->transforms.params().width, width);
        QCOMPARE(o->hasParent(), !parentKey.isEmpty());
        if (o->parent) {
            QCOMPARE(o->parent->bucket, parentBucketOut);
            QCOMPARE(o->parent->key, parentKey);
            QCOMPARE(o->parent->storageName, QStringLiteral("basic"));
            QVERIFY(!o->parent->hasTransforms());
        }
    }

    void presetRejects_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("regex");
        QTest::addColumn<QString>("parentBucket");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("code");
        // §2.2.5: the parent is parsed again; in its own bucket "/a/b.jpg"
        // matches the regex with preset "a" -> 400 (use another parentBucket).
        QTest::newRow("sameBucketParentMatchesRegexAgain") << "presets" << test::kPresetPath << "b"
                                                           << "/b/small/a/b.jpg" << QByteArray("preset.unknown");
        QTest::newRow("unknownPreset") << "presets" << test::kPresetPath << "b"
                                       << "/b/large/a.jpg" << QByteArray("preset.unknown");
        QTest::newRow("unknownPresetSuffix") << "presets" << kSuffixPath << "b"
                                             << "/b/img.jpg/unknown_preset" << QByteArray("preset.unknown");
        QTest::newRow("invalidPresetFormatAtRequestTime") << "presets" << test::kPresetPath << "b"
                                                          << "/b/broken/a.jpg" << QByteArray("preset.bad_format");
        QTest::newRow("parentFirstSegmentUnknownBucket")
            << "presets" << test::kPresetPath << ""
            << "/b/small/nope/a.jpg" << QByteArray("object.unknown_bucket");
        QTest::newRow("parentInChainHasUnknownPreset") << "presets" << test::kPresetPath << ""
                                                       << "/b/small/b/large/b/a.jpg" << QByteArray("preset.unknown");
        QTest::newRow("base64UnknownPreset") << "base64_presets" << test::kPresetPath << "b"
                                             << "/b/large/aW1nLmpwZw" << QByteArray("preset.unknown");
        QTest::newRow("base64Padded") << "base64_presets" << test::kPresetPath << "b"
                                      << "/b/small/aW1nLmpwZw==" << QByteArray("preset.bad_base64_parent");
        QTest::newRow("base64BadAlphabet") << "base64_presets" << test::kPresetPath << "b"
                                           << "/b/small/aW1n*mpwZw" << QByteArray("preset.bad_base64_parent");
        QTest::newRow("base64DanglingBits") << "base64_presets" << test::kPresetPath << "b"
                                            << "/b/small/aW1nL" << QByteArray("preset.bad_base64_parent");
    }
    void presetRejects()
    {
        QFETCH(QString, kind);
        QFETCH(QString, regex);
        QFETCH(QString, parentBucket);
        QFETCH(QString, path);
        QFETCH(QByteArray, code);
        ObjectParser parser(presetsConfig(kind, regex, parentBucket));
        Expected<ObjectRef> o = parser.parse(path, {});
        QVERIFY(!o.ok());
        QCOMPARE(o.error().code, code);
        QCOMPARE(o.error().httpStatus, 400);
    }

    void parentStorageAndCheckParentApplied()
    {
        TransformConfig t = test::transform(QStringLiteral("presets"), {}, test::kPresetPath);
        t.parentBucket = QStringLiteral("b");
        t.parentStorage = QStringLiteral("originals");
        t.checkParent = true;
        t.presets.insert(QStringLiteral("small"), test::thumbnail320());
        ObjectParser parser(test::configWith({test::bucket(QStringLiteral("b"), t)}));
        Expected<ObjectRef> o = parser.parse(QStringLiteral("/b/small/a.jpg"), {});
        QVERIFY(o.ok());
        QVERIFY(o->checkParent);
        QCOMPARE(o->parent->storageName, QStringLiteral("originals"));
    }

    // §2.2.5: the parent is parsed with the same rules, so a parent key that
    // matches again nests; chain parents keep their keys (§4).
    void chainOfPresets()
    {
        ObjectParser parser(
            presetsConfig(QStringLiteral("presets"), test::kPresetPath, {}, QStringLiteral("hashParent")));
        Expected<ObjectRef> o = parser.parse(QStringLiteral("/b/small/b/medium/b/img.jpg"), {});
        QVERIFY2(o.ok(), o.ok() ? "" : qPrintable(o.error().toString()));
        QCOMPARE(o->storageName, QStringLiteral("transform"));
        QCOMPARE(o->depth(), 2);
        const ObjectRef &medium = *o->parent;
        QCOMPARE(medium.bucket, QStringLiteral("b"));
        QCOMPARE(medium.key, QStringLiteral("/medium/b/img.jpg"));
        QCOMPARE(medium.storageName, QStringLiteral("basic"));
        QCOMPARE(medium.transforms.params().width, 640);
        QCOMPARE(o->root().key, QStringLiteral("/img.jpg"));
        QCOMPARE(o->root().storageName, QStringLiteral("basic"));
        QVERIFY(!o->root().hasParent());

        const QList<Transforms> chain = o->transformChain();
        QCOMPARE(chain.size(), 2);
        QCOMPARE(chain.at(0).params().width, 640); // root-most first
        QCOMPARE(chain.at(1).params().width, 320);

        // hashParent over the chain, spelled out from §4 / Mort's loop: the
        // immediate parent's key, then (key, hash) of every ancestor that has
        // a parent itself; R is the root key.
        auto be64 = [](uint64_t v) {
            QByteArray b;
            for (int s = 56; s >= 0; s -= 8)
                b.append(char(v >> s));
            return b;
        };
        QByteArray b = be64(presetToTransforms(test::thumbnail320())->hash());
        b += "/medium/b/img.jpg";
        b += "/medium/b/img.jpg" + be64(medium.transforms.hash());
        uint64_t h1 = 0, h2 = 0;
        murmur3x64_128(b.constData(), int(b.size()), 0, &h1, &h2);
        const QString expected =
            QStringLiteral("/img.jpg/%1%2").arg(h1, 16, 16, QLatin1Char('0')).arg(h2, 16, 16, QLatin1Char('0'));
        QCOMPARE(o->key, expected);
    }

    // Spec §4.1 vectors: preset thumbnail{width:320}, quality 80, strip on
    // parent key /a/b.jpg.
    void specVectorPresetHashKey()
    {
        ObjectParser parser(presetsConfig(QStringLiteral("presets"), test::kPresetPath, QStringLiteral("plain"),
                                          QStringLiteral("hash")));
        Expected<ObjectRef> o = parser.parse(QStringLiteral("/b/small/a/b.jpg"), {});
        QVERIFY(o.ok());
        QCOMPARE(hex(o->transforms.hash()), QStringLiteral("e1718eee56ac353"));
        QCOMPARE(o->key, QStringLiteral("/e17/a-b/a-b.jpg-e1718eee56ac353"));
        QCOMPARE(o->storageName, QStringLiteral("transform"));
        QCOMPARE(o->parent->key, QStringLiteral("/a/b.jpg"));
    }
    void specVectorPresetHashParentKey()
    {
        ObjectParser parser(presetsConfig(QStringLiteral("presets"), test::kPresetPath, QStringLiteral("plain"),
                                          QStringLiteral("hashParent")));
        Expected<ObjectRef> o = parser.parse(QStringLiteral("/b/small/a/b.jpg"), {});
        QVERIFY(o.ok());
        QCOMPARE(o->key, QStringLiteral("/a-b.jpg/191ff3e7d5784233dd825906128946e3"));
    }
    void presetKeyUnchangedByDefault()
    {
        ObjectParser parser(presetsConfig(QStringLiteral("presets"), test::kPresetPath, QStringLiteral("plain")));
        QCOMPARE(parser.parse(QStringLiteral("/b/small/a/b.jpg"), {})->key, QStringLiteral("/small/a/b.jpg"));
    }

    // §2.3 presets-query.
    void presetsQuery_data()
    {
        QTest::addColumn<QString>("resultKey");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("storage");
        QTest::addColumn<int>("width");

        QTest::newRow("presetMatchIgnoresQuery")
            << ""
            << "/b/a/b.jpg/small" << QByteArray("width=100&quality=5") << "/a/b.jpg/small"
            << "transform" << 320;
        QTest::newRow("presetMatchHashParent")
            << "hashParent"
            << "/b/a/b.jpg/small" << QByteArray("width=100") << "/a-b.jpg/191ff3e7d5784233dd825906128946e3"
            << "transform" << 320;
        QTest::newRow("noMatchFallsThroughToQuery")
            << "hashParent"
            << "/b/a/b.jpg" << QByteArray("width=100") << "/a-b.jpg/8c4a8c8e0b3a08381012fb3675cb5995"
            << "transform" << 100;
        QTest::newRow("unknownPresetFallsThroughToPlainObject")
            << "hashParent"
            << "/b/img.jpg/unknown_preset" << QByteArray() << "/img.jpg/unknown_preset"
            << "basic" << 0;
        QTest::newRow("unknownPresetFallsThroughToQuery")
            << "hashParent"
            << "/b/img.jpg/unknown_preset" << QByteArray("width=100") << "/img.jpg-unknown_preset/"
            << "transform" << 100;
        QTest::newRow("brokenPresetFallsThroughToPlainObject")
            << "hashParent"
            << "/b/img.jpg/broken" << QByteArray() << "/img.jpg/broken"
            << "basic" << 0;
    }
    void presetsQuery()
    {
        QFETCH(QString, resultKey);
        QFETCH(QString, path);
        QFETCH(QByteArray, query);
        QFETCH(QString, key);
        QFETCH(QString, storage);
        QFETCH(int, width);
        TransformConfig t = test::transform(QStringLiteral("presets-query"), resultKey, kSuffixPath);
        t.presets.insert(QStringLiteral("small"), test::thumbnail320());
        PresetConfig broken = widthPreset(QStringLiteral("broken"), 10);
        broken.format = QStringLiteral("tiff");
        t.presets.insert(QStringLiteral("broken"), broken);
        t.parentBucket = QStringLiteral("b");
        ObjectParser parser(test::configWith({test::bucket(QStringLiteral("b"), t)}));
        Expected<ObjectRef> o = parser.parse(path, query);
        QVERIFY2(o.ok(), o.ok() ? "" : qPrintable(o.error().toString()));
        if (key.endsWith(QLatin1Char('/'))) // hashParent of a parent with no hash vector: prefix only
            QVERIFY2(o->key.startsWith(key), qPrintable(o->key));
        else
            QCOMPARE(o->key, key);
        QCOMPARE(o->storageName, storage);
        QCOMPARE(o->transforms.params().width, width);
    }

    void base64PresetParent_data()
    {
        QTest::addColumn<QString>("parentBucket");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("parentBucketOut");
        QTest::addColumn<QString>("parentKey");
        QTest::newRow("decodedIntoParentBucket") << "b"
                                                 << "/b/small/aW1nLmpwZw"
                                                 << "b"
                                                 << "/img.jpg"; // "img.jpg"
        QTest::newRow("decodedPathWithBucket") << ""
                                               << "/b/small/cGxhaW4vZGlyL2EucG5n"
                                               << "plain"
                                               << "/dir/a.png"; // "plain/dir/a.png"
        QTest::newRow("decodedLeadingSlashKept") << ""
                                                 << "/b/small/L3BsYWluL3gucG5n"
                                                 << "plain"
                                                 << "/x.png"; // "/plain/x.png"
    }
    void base64PresetParent()
    {
        QFETCH(QString, parentBucket);
        QFETCH(QString, path);
        QFETCH(QString, parentBucketOut);
        QFETCH(QString, parentKey);
        ObjectParser parser(presetsConfig(QStringLiteral("base64_presets"), test::kPresetPath, parentBucket));
        Expected<ObjectRef> o = parser.parse(path, {});
        QVERIFY2(o.ok(), o.ok() ? "" : qPrintable(o.error().toString()));
        QCOMPARE(o->storageName, QStringLiteral("transform"));
        QCOMPARE(o->transforms.params().width, 320);
        QCOMPARE(o->parent->bucket, parentBucketOut);
        QCOMPARE(o->parent->key, parentKey);
    }
};

QTEST_GUILESS_MAIN(TestPresetParser)
#include "tst_presetparser.moc"
