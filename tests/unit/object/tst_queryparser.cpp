// `query` kind: raw query -> Transforms (spec urls-and-transforms.md §2.1, §3).
#include "object/queryparser.h"
#include "objecttestconfig.h"

#include <QTest>

#include <functional>

using namespace mort;
using test::hex;

namespace {

using Build = std::function<void(Transforms &)>;

Transforms built(const Build &steps)
{
    Transforms t;
    steps(t);
    return t;
}

Expected<Transforms> fromQuery(const QByteArray &raw)
{
    return queryToTransforms(QueryValues::parse(raw));
}

} // namespace

Q_DECLARE_METATYPE(Build)

class TestQueryParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void formRules_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("present");
        QTest::addColumn<QString>("first");
        QTest::addColumn<int>("count");

        QTest::newRow("firstValueOfRepeatedKey") << QByteArray("a=1&a=2") << "a" << true << "1" << 2;
        QTest::newRow("plusIsSpace") << QByteArray("x=a+b") << "x" << true << "a b" << 1;
        QTest::newRow("percentDecoding") << QByteArray("x=%41%2f%42") << "x" << true << "A/B" << 1;
        QTest::newRow("percentDecodedKey") << QByteArray("wid%74h=5") << "width" << true << "5" << 1;
        QTest::newRow("utf8Value") << QByteArray("x=%C5%BC") << "x" << true << QString(QChar(0x017c)) << 1;
        QTest::newRow("pairWithSemicolonDropped") << QByteArray("a=1;b=2&c=3") << "a" << false << "" << 0;
        QTest::newRow("pairAfterSemicolonPairKept") << QByteArray("a=1;b=2&c=3") << "c" << true << "3" << 1;
        QTest::newRow("badEscapeDropsPair") << QByteArray("x=%zz&y=1") << "x" << false << "" << 0;
        QTest::newRow("truncatedEscapeDropsPair") << QByteArray("x=%4") << "x" << false << "" << 0;
        QTest::newRow("keyWithoutValue") << QByteArray("grayscale") << "grayscale" << true << "" << 1;
        QTest::newRow("emptyValue") << QByteArray("width=") << "width" << true << "" << 1;
        QTest::newRow("valueKeepsEquals") << QByteArray("x=a=b") << "x" << true << "a=b" << 1;
        QTest::newRow("namesAreCaseSensitive") << QByteArray("Width=5") << "width" << false << "" << 0;
    }
    void formRules()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, key);
        QFETCH(bool, present);
        QFETCH(QString, first);
        QFETCH(int, count);
        const QueryValues q = QueryValues::parse(raw);
        QCOMPARE(q.has(key), present);
        QCOMPARE(q.first(key), first);
        QCOMPARE(q.all(key).size(), count);
    }

    void modernFormatsAreAcceptedBeyondMort_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<int>("format");
        QTest::newRow("avif") << QByteArray("width=100&format=avif") << int(ImageFormat::Avif);
        QTest::newRow("heif") << QByteArray("width=100&format=heif") << int(ImageFormat::Heif);
    }
    void modernFormatsAreAcceptedBeyondMort()
    {
        QFETCH(QByteArray, query);
        QFETCH(int, format);
        Expected<Transforms> t = fromQuery(query);
        QVERIFY(t.ok());
        QCOMPARE(int(t->params().format), format);
    }

    void emptySeparatorsYieldNoParameters()
    {
        QVERIFY(QueryValues::parse("").isEmpty());
        QVERIFY(QueryValues::parse("&&").isEmpty());
    }

    void goInt32_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("value");
        QTest::newRow("plain") << "100" << true << 100;
        QTest::newRow("plusSign") << "+5" << true << 5;
        QTest::newRow("minusSign") << "-3" << true << -3;
        QTest::newRow("leadingZeros") << "007" << true << 7;
        QTest::newRow("int32Max") << "2147483647" << true << 2147483647;
        QTest::newRow("int32Min") << "-2147483648" << true << int(-2147483648LL);
        QTest::newRow("aboveInt32") << "2147483648" << false << 0;
        QTest::newRow("empty") << "" << false << 0;
        QTest::newRow("space") << " 5" << false << 0;
        QTest::newRow("decimal") << "5.0" << false << 0;
        QTest::newRow("underscore") << "1_000" << false << 0;
        QTest::newRow("hex") << "0x10" << false << 0;
        QTest::newRow("signOnly") << "-" << false << 0;
    }
    void goInt32()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(int, value);
        int v = 0;
        QCOMPARE(parseGoInt32(text, &v), ok);
        if (ok)
            QCOMPARE(v, value);
    }

    void goFloat32_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<float>("value");
        QTest::newRow("plain") << "0.5" << true << 0.5f;
        QTest::newRow("exponent") << "1e-1" << true << 0.1f;
        QTest::newRow("leadingDot") << ".5" << true << 0.5f;
        QTest::newRow("trailingDot") << "5." << true << 5.0f;
        QTest::newRow("integer") << "3" << true << 3.0f;
        QTest::newRow("nanRefused") << "NaN" << false << 0.0f;
        QTest::newRow("infRefused") << "inf" << false << 0.0f;
        QTest::newRow("infinityRefused") << "+Infinity" << false << 0.0f;
        QTest::newRow("aboveFloat32Refused") << "1e39" << false << 0.0f;
        QTest::newRow("empty") << "" << false << 0.0f;
        QTest::newRow("garbage") << "abc" << false << 0.0f;
        QTest::newRow("trailingGarbage") << "0.5x" << false << 0.0f;
    }
    void goFloat32()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(float, value);
        float v = 0;
        QCOMPARE(parseGoFloat32(text, &v), ok);
        if (ok)
            QCOMPARE(v, value);
    }

    // Every row: the query and the builder calls Mort makes for it, in order;
    // equal accumulators mean equal hash and equal result keys.
    void builds_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<Build>("expected");

        QTest::newRow("noParametersNoTransforms") << QByteArray("") << Build([](Transforms &) {});
        QTest::newRow("cacheBusterOnlyNoTransforms") << QByteArray("v=123") << Build([](Transforms &) {});
        QTest::newRow("unknownOperationIgnored") << QByteArray("operation=flip&width=10") << Build([](Transforms &) {});
        QTest::newRow("modeAWidthOnly") << QByteArray("width=100")
                                        << Build([](Transforms &t) { t.resize(100, 0, false, false, false); });
        QTest::newRow("modeAHeightOnly") << QByteArray("height=50")
                                         << Build([](Transforms &t) { t.resize(0, 50, false, false, false); });
        QTest::newRow("modeAFirstValueWins")
            << QByteArray("width=100&width=200") << Build([](Transforms &t) { t.resize(100, 0, false, false, false); });
        QTest::newRow("modeAThenQualityFormatGrayscale")
            << QByteArray("grayscale&format=png&quality=60&width=10&height=20") << Build([](Transforms &t) {
                   t.resize(10, 20, false, false, false);
                   t.quality(60);
                   t.format(ImageFormat::Png);
                   t.grayscale();
               });
        QTest::newRow("grayscaleEvenWhenZero")
            << QByteArray("grayscale=0") << Build([](Transforms &t) { t.grayscale(); });
        QTest::newRow("formatJpgIsJpeg") << QByteArray("format=jpg")
                                         << Build([](Transforms &t) { t.format(ImageFormat::Jpeg); });
        QTest::newRow("operationResize") << QByteArray("operation=resize&width=300")
                                         << Build([](Transforms &t) { t.resize(300, 0, false, false, false); });
        QTest::newRow("resizeParseErrorOfOneSideIsZero")
            << QByteArray("operation=resize&width=abc&height=40")
            << Build([](Transforms &t) { t.resize(0, 40, false, false, false); });
        QTest::newRow("sharedWidthHeightAcrossOperations")
            << QByteArray("operation=resize&width=500&operation=crop&width=400") << Build([](Transforms &t) {
                   t.resize(500, 0, false, false, false);
                   t.crop(500, 0, Gravity::Smart, false, false);
               });
        QTest::newRow("cropZeroByZeroAllowed")
            << QByteArray("operation=crop") << Build([](Transforms &t) { t.crop(0, 0, Gravity::Smart, false, false); });
        QTest::newRow("cropGravityAndEmbed")
            << QByteArray("operation=crop&width=10&height=20&gravity=west&embed=1")
            << Build([](Transforms &t) { t.crop(10, 20, Gravity::West, false, true); });
        QTest::newRow("cropUnknownGravityIsSmart")
            << QByteArray("operation=crop&width=10&gravity=middle")
            << Build([](Transforms &t) { t.crop(10, 0, Gravity::Smart, false, false); });
        QTest::newRow("cropEmptyEmbedIsFalse")
            << QByteArray("operation=crop&width=10&embed=")
            << Build([](Transforms &t) { t.crop(10, 0, Gravity::Smart, false, false); });
        QTest::newRow("resizeCropAuto") << QByteArray("operation=resizeCropAuto&width=300&height=200")
                                        << Build([](Transforms &t) { t.resizeCropAuto(300, 200); });
        QTest::newRow("extractUsesAreaWithNotWidth")
            << QByteArray("operation=extract&top=5&left=6&areaWith=70&areaHeight=80&width=999")
            << Build([](Transforms &t) { t.extract(5, 6, 70, 80); });
        QTest::newRow("extractAreaWidthAlias") << QByteArray("operation=extract&areaWidth=70&areaHeight=80")
                                               << Build([](Transforms &t) { t.extract(0, 0, 70, 80); });
        QTest::newRow("extractAreaWithBeatsAlias") << QByteArray("operation=extract&areaWidth=70&areaWith=50")
                                                   << Build([](Transforms &t) { t.extract(0, 0, 50, 0); });
        QTest::newRow("extractParseErrorsAreZero") << QByteArray("operation=extract&top=x&left=&areaWith=1.5")
                                                   << Build([](Transforms &t) { t.extract(0, 0, 0, 0); });
        QTest::newRow("extractAfterResizeHashesResizeSize")
            << QByteArray("operation=resize&width=100&operation=extract&areaWith=10") << Build([](Transforms &t) {
                   t.resize(100, 0, false, false, false);
                   t.extract(0, 0, 10, 0);
               });
        QTest::newRow("watermark")
            << QByteArray("operation=watermark&image=https://h/w.png&position=bottom-right&opacity=0.5")
            << Build([](Transforms &t) {
                   t.watermark({QStringLiteral("https://h/w.png"), QStringLiteral("bottom-right"), 0.5f});
               });
        QTest::newRow("blurFloat32Rounding") << QByteArray("operation=blur&sigma=1.001&minAmpl=0.3")
                                             << Build([](Transforms &t) { t.blur(double(1.001f), double(0.3f)); });
        QTest::newRow("blurMinAmplParseErrorIsZero")
            << QByteArray("operation=blur&sigma=2&minAmpl=x") << Build([](Transforms &t) { t.blur(2.0, 0.0); });
        QTest::newRow("repeatedBlurBothHashed")
            << QByteArray("operation=blur&sigma=2&operation=blur") << Build([](Transforms &t) {
                   t.blur(2.0, 0.0);
                   t.blur(2.0, 0.0);
               });
        QTest::newRow("rotate") << QByteArray("operation=rotate&angle=270")
                                << Build([](Transforms &t) { t.rotate(270); });
        QTest::newRow("operationsThenQualityFormatGrayscale")
            << QByteArray("quality=90&operation=rotate&angle=90&format=webp&grayscale&operation=resize&width=50")
            << Build([](Transforms &t) {
                   t.rotate(90);
                   t.resize(50, 0, false, false, false);
                   t.quality(90);
                   t.format(ImageFormat::Webp);
                   t.grayscale();
               });
    }
    void builds()
    {
        QFETCH(QByteArray, query);
        QFETCH(Build, expected);
        const Transforms want = built(expected);
        Expected<Transforms> got = fromQuery(query);
        QVERIFY2(got.ok(), got.ok() ? "" : qPrintable(got.error().toString()));
        QCOMPARE(got->isEmpty(), want.isEmpty());
        QCOMPARE(got->accumulator(), want.accumulator());
    }

    void paramsOfCropAndExtract()
    {
        Expected<Transforms> crop = fromQuery("operation=crop&width=10&height=20&gravity=north&embed=y");
        QVERIFY(crop.ok());
        QCOMPARE(crop->params().width, 10);
        QCOMPARE(crop->params().height, 20);
        QVERIFY(crop->params().crop);
        QVERIFY(crop->params().embed);
        QCOMPARE(crop->params().gravity, Gravity::North);

        Expected<Transforms> extract = fromQuery("operation=extract&areaWith=10&areaHeight=20");
        QVERIFY(extract.ok());
        QVERIFY(extract->params().extract); // origin (0,0) still extracts (§3)
        QCOMPARE(extract->params().areaWidth, 10);
        QCOMPARE(extract->params().areaHeight, 20);
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QByteArray>("code");

        QTest::newRow("emptyOperation") << QByteArray("operation=") << QByteArray("query.bad_operation");
        QTest::newRow("emptyFirstOperation")
            << QByteArray("operation=&operation=resize&width=1") << QByteArray("query.bad_operation");
        QTest::newRow("modeAWidthZero") << QByteArray("width=0") << QByteArray("query.bad_width");
        QTest::newRow("modeAWidthNegative") << QByteArray("width=-1") << QByteArray("query.bad_width");
        QTest::newRow("modeAWidthEmpty") << QByteArray("width=") << QByteArray("query.bad_width");
        QTest::newRow("modeAWidthNotNumeric") << QByteArray("width=abc") << QByteArray("query.bad_width");
        QTest::newRow("modeAWidthAboveInt32") << QByteArray("width=2147483648") << QByteArray("query.bad_width");
        QTest::newRow("modeAHeightZero") << QByteArray("width=5&height=0") << QByteArray("query.bad_height");
        QTest::newRow("modeAHeightNotNumeric") << QByteArray("height=1.5") << QByteArray("query.bad_height");
        QTest::newRow("resizeNegativeWidth")
            << QByteArray("operation=resize&width=-5") << QByteArray("query.bad_width");
        QTest::newRow("resizeNegativeHeight")
            << QByteArray("operation=resize&width=5&height=-5") << QByteArray("query.bad_height");
        QTest::newRow("resizeWithoutSize") << QByteArray("operation=resize") << QByteArray("query.bad_size");
        QTest::newRow("resizeUnparsableSizeIsZero")
            << QByteArray("operation=resize&width=abc") << QByteArray("query.bad_size");
        QTest::newRow("cropNegative") << QByteArray("operation=crop&height=-1") << QByteArray("query.bad_height");
        QTest::newRow("resizeCropAutoNegative")
            << QByteArray("operation=resizeCropAuto&width=-1") << QByteArray("query.bad_width");
        QTest::newRow("extractNegativeTop")
            << QByteArray("operation=extract&top=-1") << QByteArray("query.bad_extract");
        QTest::newRow("extractNegativeLeft")
            << QByteArray("operation=extract&left=-1") << QByteArray("query.bad_extract");
        QTest::newRow("extractNegativeAreaWith")
            << QByteArray("operation=extract&areaWith=-1") << QByteArray("query.bad_extract");
        QTest::newRow("extractNegativeAreaWidthAlias")
            << QByteArray("operation=extract&areaWidth=-1") << QByteArray("query.bad_extract");
        QTest::newRow("extractNegativeAreaHeight")
            << QByteArray("operation=extract&areaHeight=-1") << QByteArray("query.bad_extract");
        QTest::newRow("watermarkWithoutImage")
            << QByteArray("operation=watermark&position=top-left&opacity=1") << QByteArray("query.bad_watermark_image");
        QTest::newRow("watermarkWithoutPosition")
            << QByteArray("operation=watermark&image=a.png&opacity=1") << QByteArray("query.bad_watermark_position");
        QTest::newRow("watermarkPositionOneWord")
            << QByteArray("operation=watermark&image=a.png&position=top&opacity=1")
            << QByteArray("query.bad_watermark_position");
        QTest::newRow("watermarkPositionBadVertical")
            << QByteArray("operation=watermark&image=a.png&position=middle-left&opacity=1")
            << QByteArray("query.bad_watermark_position");
        QTest::newRow("watermarkPositionBadHorizontal")
            << QByteArray("operation=watermark&image=a.png&position=top-middle&opacity=1")
            << QByteArray("query.bad_watermark_position");
        QTest::newRow("watermarkPositionThreeWords")
            << QByteArray("operation=watermark&image=a.png&position=top-left-left&opacity=1")
            << QByteArray("query.bad_watermark_position");
        QTest::newRow("watermarkWithoutOpacity")
            << QByteArray("operation=watermark&image=a.png&position=top-left") << QByteArray("query.bad_opacity");
        QTest::newRow("watermarkOpacityAboveOne")
            << QByteArray("operation=watermark&image=a.png&position=top-left&opacity=1.5")
            << QByteArray("query.bad_opacity");
        QTest::newRow("watermarkOpacityNegative")
            << QByteArray("operation=watermark&image=a.png&position=top-left&opacity=-0.1")
            << QByteArray("query.bad_opacity");
        QTest::newRow("watermarkOpacityNotNumeric")
            << QByteArray("operation=watermark&image=a.png&position=top-left&opacity=abc")
            << QByteArray("query.bad_opacity");
        QTest::newRow("watermarkOpacityNaN")
            << QByteArray("operation=watermark&image=a.png&position=top-left&opacity=NaN")
            << QByteArray("query.bad_opacity");
        QTest::newRow("blurWithoutSigma") << QByteArray("operation=blur") << QByteArray("query.bad_sigma");
        QTest::newRow("blurSigmaZero") << QByteArray("operation=blur&sigma=0") << QByteArray("query.bad_sigma");
        QTest::newRow("blurSigmaNegative") << QByteArray("operation=blur&sigma=-1") << QByteArray("query.bad_sigma");
        QTest::newRow("blurSigmaAbove100") << QByteArray("operation=blur&sigma=100.5") << QByteArray("query.bad_sigma");
        QTest::newRow("blurSigmaNotNumeric") << QByteArray("operation=blur&sigma=abc") << QByteArray("query.bad_sigma");
        QTest::newRow("blurSigmaNaN") << QByteArray("operation=blur&sigma=NaN") << QByteArray("query.bad_sigma");
        QTest::newRow("blurSigmaInf") << QByteArray("operation=blur&sigma=Inf") << QByteArray("query.bad_sigma");
        QTest::newRow("blurMinAmplNaN") << QByteArray("operation=blur&sigma=1&minAmpl=nan")
                                        << QByteArray("query.bad_min_ampl");
        QTest::newRow("rotateWithoutAngle") << QByteArray("operation=rotate") << QByteArray("query.bad_angle");
        QTest::newRow("rotateAngle45") << QByteArray("operation=rotate&angle=45") << QByteArray("query.bad_angle");
        QTest::newRow("rotateAngle360") << QByteArray("operation=rotate&angle=360") << QByteArray("query.bad_angle");
        QTest::newRow("rotateAngleNegative")
            << QByteArray("operation=rotate&angle=-90") << QByteArray("query.bad_angle");
        QTest::newRow("rotateAngleNotNumeric")
            << QByteArray("operation=rotate&angle=abc") << QByteArray("query.bad_angle");
        QTest::newRow("qualityZero") << QByteArray("quality=0") << QByteArray("query.bad_quality");
        QTest::newRow("qualityAbove100") << QByteArray("quality=101") << QByteArray("query.bad_quality");
        QTest::newRow("qualityNotNumeric") << QByteArray("quality=high") << QByteArray("query.bad_quality");
        QTest::newRow("qualityEmpty") << QByteArray("width=10&quality=") << QByteArray("query.bad_quality");
        QTest::newRow("formatBmpNotAccepted") << QByteArray("format=bmp") << QByteArray("query.bad_format");
        QTest::newRow("formatCaseSensitive") << QByteArray("format=JPEG") << QByteArray("query.bad_format");
        QTest::newRow("formatEmpty") << QByteArray("format=") << QByteArray("query.bad_format");
        QTest::newRow("modeBErrorAfterValidOperation")
            << QByteArray("operation=resize&width=5&operation=rotate&angle=1") << QByteArray("query.bad_angle");
    }
    void rejects()
    {
        QFETCH(QByteArray, query);
        QFETCH(QByteArray, code);
        Expected<Transforms> got = fromQuery(query);
        QVERIFY(!got.ok());
        QCOMPARE(got.error().code, code);
        QCOMPARE(got.error().httpStatus, 400);
        QCOMPARE(got.error().cause, ErrorCause::Client);
    }

    // Spec §4.1 test vectors.
    void specVectorWidth100()
    {
        Expected<Transforms> t = fromQuery("width=100");
        QVERIFY(t.ok());
        QCOMPARE(t->accumulator(), quint64(2314164125659923220ULL));
        QCOMPARE(hex(t->hash()), QStringLiteral("5d0858eed751b150"));
    }
    void specVectorCropNorthQuality90Webp()
    {
        Expected<Transforms> t = fromQuery("operation=crop&width=200&height=100&gravity=north&quality=90&format=webp");
        QVERIFY(t.ok());
        QCOMPARE(hex(t->hash()), QStringLiteral("4bc96eee6b0401bf"));
        QCOMPARE(t->params().format, ImageFormat::Webp);
        QCOMPARE(t->params().quality, 90);
    }
};

QTEST_GUILESS_MAIN(TestQueryParser)
#include "tst_queryparser.moc"
