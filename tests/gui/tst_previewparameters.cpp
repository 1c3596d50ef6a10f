// PreviewParameters round trips, exact strings: parameters -> query ->
// parameters, query normalisation and errors as the server's parser decides,
// request URLs, preset YAML -> Mort's config loader -> PresetConfig ->
// parameters, and the preset built from the YAML transforms the image exactly
// as the query does (same Transforms::Params).
#include "config/config.h"
#include "object/presettransforms.h"
#include "object/queryparser.h"
#include "ui/preview/previewparameters.h"

#include <QTest>

using namespace mort;
using Op = PreviewParameters::Operation;

namespace {

PreviewParameters make(QList<Op> ops, const std::function<void(PreviewParameters &)> &set = {})
{
    PreviewParameters p;
    p.operations = std::move(ops);
    if (set)
        set(p);
    return p;
}

// Every field the pipeline executes.
QString describeParams(const Transforms::Params &p)
{
    return QStringLiteral("size %1x%2 enlarge %3 keep %4 fill %5 crop %6 embed %7 gravity %8 | extract %9 %10,%11 "
                          "%12x%13 | auto %14 %15x%16 | q %17 interlace %18 strip %19 format %20 | blur %21 %22 | "
                          "wm %23 %24 %25 %26 | gray %27 rotate %28")
        .arg(p.width)
        .arg(p.height)
        .arg(p.enlarge)
        .arg(p.preserveAspectRatio)
        .arg(p.fill)
        .arg(p.crop)
        .arg(p.embed)
        .arg(int(p.gravity))
        .arg(p.extract)
        .arg(p.top)
        .arg(p.left)
        .arg(p.areaWidth)
        .arg(p.areaHeight)
        .arg(p.resizeCropAuto)
        .arg(p.autoCropWidth)
        .arg(p.autoCropHeight)
        .arg(p.quality)
        .arg(p.interlace)
        .arg(p.strip)
        .arg(int(p.format))
        .arg(p.sigma)
        .arg(p.minAmpl)
        .arg(p.watermark)
        .arg(p.watermarkParams.image, p.watermarkParams.position)
        .arg(double(p.watermarkParams.opacity))
        .arg(p.grayscale)
        .arg(p.rotate);
}

// A config with `presetYaml` (a `presets:` snippet) in bucket "b".
Expected<ConfigPtr> configWithPreset(const QString &presetYaml)
{
    QString indented;
    for (const QString &line : presetYaml.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        indented += QStringLiteral("      ") + line + QLatin1Char('\n');
    return ConfigLoader::fromText(QStringLiteral(R"yaml(server:
  listens: ["127.0.0.1:0"]
buckets:
  b:
    transform:
      kind: "presets"
      path: "\\/(?P<presetName>[a-z0-9_]+)\\/(?P<parent>[a-zA-Z0-9_\\-\\.]+)"
%1    storages:
      basic: {kind: "noop"}
)yaml")
                                      .arg(indented));
}

} // namespace

class TestPreviewParameters : public QObject
{
    Q_OBJECT

    void addRows()
    {
        QTest::addColumn<PreviewParameters>("params");
        QTest::addColumn<bool>("canonical"); // fromQuery(query) gives back exactly `params`
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QString>("yaml");

        QTest::newRow("smart crop") << make({Op::Crop},
                                            [](auto &p) {
                                                p.cropWidth = 300;
                                                p.cropHeight = 300;
                                                p.quality = 80;
                                            })
                                    << true
                                    << QByteArray("operation=crop&width=300&height=300&gravity=smart&quality=80")
                                    << QStringLiteral("presets:\n  preview:\n    quality: 80\n    filters:\n"
                                                      "      crop: {width: 300, height: 300, gravity: smart}\n");
        QTest::newRow("mode A, webp, grayscale")
            << make({},
                    [](auto &p) {
                        p.width = 300;
                        p.height = 200;
                        p.format = QStringLiteral("webp");
                        p.grayscale = true;
                    })
            << true << QByteArray("width=300&height=200&format=webp&grayscale=1")
            << QStringLiteral("presets:\n  preview:\n    format: webp\n    filters:\n"
                              "      thumbnail: {width: 300, height: 200}\n      grayscale: true\n");
        QTest::newRow("resize + blur") << make({Op::Resize, Op::Blur},
                                               [](auto &p) {
                                                   p.width = 400;
                                                   p.sigma = 2.5;
                                                   p.minAmpl = 0.25;
                                               })
                                       << true
                                       << QByteArray("operation=resize&operation=blur&width=400&sigma=2.5&minAmpl=0.25")
                                       << QStringLiteral(
                                              "presets:\n  preview:\n    filters:\n      thumbnail: {width: 400}\n"
                                              "      blur: {sigma: 2.5, minAmpl: 0.25}\n");
        QTest::newRow("extract + rotate")
            << make({Op::Extract, Op::Rotate},
                    [](auto &p) {
                        p.top = 100;
                        p.left = 200;
                        p.areaWidth = 400;
                        p.areaHeight = 300;
                        p.angle = 270;
                    })
            << true
            << QByteArray("operation=extract&operation=rotate&top=100&left=200&areaWith=400&areaHeight=300&angle=270")
            << QStringLiteral("presets:\n  preview:\n    filters:\n"
                              "      extract: {top: 100, left: 200, width: 400, height: 300}\n"
                              "      rotate: {angle: 270}\n");
        QTest::newRow("crop east embed, png")
            << make({Op::Crop},
                    [](auto &p) {
                        p.cropWidth = 500;
                        p.cropHeight = 200;
                        p.gravity = QStringLiteral("east");
                        p.embed = true;
                        p.format = QStringLiteral("png");
                    })
            << true << QByteArray("operation=crop&width=500&height=200&gravity=east&embed=true&format=png")
            << QStringLiteral("presets:\n  preview:\n    format: png\n    filters:\n"
                              "      crop: {width: 500, height: 200, gravity: east, embed: true}\n");
        // Issue 25 finding 9: Resize and Crop have their own sizes. The query
        // carries one width/height, Crop's (in one pass Crop's size overrides
        // Resize's, as a preset's crop overrides its thumbnail): 400 x 300, not
        // a 400-wide strip of the full height.
        QTest::newRow("resize then crop, own sizes")
            << make({Op::Resize, Op::Crop},
                    [](auto &p) {
                        p.width = 400;
                        p.cropWidth = 400;
                        p.cropHeight = 300;
                    })
            << false << QByteArray("operation=resize&operation=crop&width=400&height=300&gravity=smart")
            << QStringLiteral("presets:\n  preview:\n    filters:\n      thumbnail: {width: 400}\n"
                              "      crop: {width: 400, height: 300, gravity: smart}\n");
        QTest::newRow("resize 800, crop 300 x 200")
            << make({Op::Resize, Op::Crop},
                    [](auto &p) {
                        p.width = 800;
                        p.cropWidth = 300;
                        p.cropHeight = 200;
                        p.gravity = QStringLiteral("north");
                    })
            << false << QByteArray("operation=resize&operation=crop&width=300&height=200&gravity=north")
            << QStringLiteral("presets:\n  preview:\n    filters:\n      thumbnail: {width: 800}\n"
                              "      crop: {width: 300, height: 200, gravity: north}\n");
        QTest::newRow("resizeCropAuto")
            << make({Op::ResizeCropAuto},
                    [](auto &p) {
                        p.width = 320;
                        p.height = 180;
                    })
            << true << QByteArray("operation=resizeCropAuto&width=320&height=180")
            << QStringLiteral("presets:\n  preview:\n    filters:\n      resizeCropAuto: {width: 320, height: 180}\n");
        QTest::newRow("watermark, encoded key")
            << make({Op::Resize, Op::Watermark},
                    [](auto &p) {
                        p.width = 600;
                        p.watermarkImage = QStringLiteral("wm/logo a&b.png");
                        p.opacity = 0.5;
                    })
            << true
            << QByteArray("operation=resize&operation=watermark&width=600&image=wm/logo%20a%26b.png"
                          "&position=bottom-right&opacity=0.5")
            << QStringLiteral("presets:\n  preview:\n    filters:\n      thumbnail: {width: 600}\n"
                              "      watermark: {image: \"wm/logo a&b.png\", position: bottom-right, opacity: 0.5}\n");
        QTest::newRow("unused values are not sent")
            << make({Op::Rotate},
                    [](auto &p) {
                        p.angle = 180;
                        p.width = 300;
                        p.sigma = 3;
                    })
            << false << QByteArray("operation=rotate&angle=180")
            << QStringLiteral("presets:\n  preview:\n    filters:\n      rotate: {angle: 180}\n");
        QTest::newRow("nothing") << PreviewParameters() << true << QByteArray()
                                 << QStringLiteral("presets:\n  preview: {}\n");
    }

private Q_SLOTS:
    void toQuery_data() { addRows(); }
    void toQuery()
    {
        QFETCH(PreviewParameters, params);
        QFETCH(QByteArray, query);
        QCOMPARE(params.toQuery(), query);
        QCOMPARE(params.isEmpty(), query.isEmpty());
    }

    void queryRoundTrip_data() { addRows(); }
    void queryRoundTrip()
    {
        QFETCH(PreviewParameters, params);
        QFETCH(bool, canonical);
        QFETCH(QByteArray, query);
        const Expected<PreviewParameters> back = PreviewParameters::fromQuery(query);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
        QCOMPARE(back->toQuery(), query);
        if (canonical)
            QVERIFY(*back == params);
        // And the server's parser builds the same passes from both strings.
        QCOMPARE(describeParams(queryToTransforms(QueryValues::parse(back->toQuery()))->params()),
                 describeParams(queryToTransforms(QueryValues::parse(query))->params()));
    }

    void fromQueryNormalises_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("canonical");
        QTest::newRow("absent gravity is smart") << QByteArray("operation=crop&width=300&height=300")
                                                 << QByteArray("operation=crop&width=300&height=300&gravity=smart");
        QTest::newRow("unknown gravity is smart") << QByteArray("operation=crop&gravity=bogus&width=10")
                                                  << QByteArray("operation=crop&width=10&gravity=smart");
        QTest::newRow("jpg is jpeg") << QByteArray("width=300&format=jpg") << QByteArray("width=300&format=jpeg");
        QTest::newRow("areaWidth alias") << QByteArray("operation=extract&top=1&left=2&areaWidth=3&areaHeight=4")
                                         << QByteArray("operation=extract&top=1&left=2&areaWith=3&areaHeight=4");
        QTest::newRow("repeated operation")
            << QByteArray("operation=resize&operation=resize&width=10") << QByteArray("operation=resize&width=10");
        QTest::newRow("unknown operation ignores sizes") << QByteArray("operation=unknown&width=10") << QByteArray();
        QTest::newRow("grayscale=0 is grayscale")
            << QByteArray("grayscale=0&width=5") << QByteArray("width=5&grayscale=1");
        QTest::newRow("plus is a space") << QByteArray("operation=watermark&image=a+b.png&position=top-left&opacity=1")
                                         << QByteArray(
                                                "operation=watermark&image=a%20b.png&position=top-left&opacity=1");
        QTest::newRow("bad width in mode B is 0")
            << QByteArray("operation=resize&width=abc&height=20") << QByteArray("operation=resize&height=20");
        QTest::newRow("pair with ';' dropped") << QByteArray("width=10;x&height=20") << QByteArray("height=20");
    }
    void fromQueryNormalises()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, canonical);
        const Expected<PreviewParameters> p = PreviewParameters::fromQuery(input);
        QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().toString()));
        QCOMPARE(p->toQuery(), canonical);
        QCOMPARE(describeParams(queryToTransforms(QueryValues::parse(canonical))->params()),
                 describeParams(queryToTransforms(QueryValues::parse(input))->params()));
    }

    void fromQueryRefusesWhatTheServerRefuses_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QByteArray>("code");
        QTest::newRow("width=0 in mode A") << QByteArray("width=0") << QByteArray("query.bad_width");
        QTest::newRow("empty operation") << QByteArray("operation=&width=1") << QByteArray("query.bad_operation");
        QTest::newRow("angle 45") << QByteArray("operation=rotate&angle=45") << QByteArray("query.bad_angle");
        QTest::newRow("sigma 101") << QByteArray("operation=blur&sigma=101") << QByteArray("query.bad_sigma");
        QTest::newRow("bmp") << QByteArray("width=1&format=bmp") << QByteArray("query.bad_format");
        QTest::newRow("quality 0") << QByteArray("width=1&quality=0") << QByteArray("query.bad_quality");
        QTest::newRow("watermark position")
            << QByteArray("operation=watermark&image=a.png&position=middle-left&opacity=1")
            << QByteArray("query.bad_watermark_position");
        QTest::newRow("negative extract") << QByteArray("operation=extract&top=-1") << QByteArray("query.bad_extract");
        QTest::newRow("resize without size") << QByteArray("operation=resize") << QByteArray("query.bad_size");
    }
    void fromQueryRefusesWhatTheServerRefuses()
    {
        QFETCH(QByteArray, query);
        QFETCH(QByteArray, code);
        const Expected<PreviewParameters> p = PreviewParameters::fromQuery(query);
        QVERIFY(!p.ok());
        QCOMPARE(p.error().code, code);
        QCOMPARE(p.error().httpStatus, 400);
    }

    void toUrl_data()
    {
        QTest::addColumn<PreviewParameters>("params");
        QTest::addColumn<QString>("bucket");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("url");
        const PreviewParameters crop = make({Op::Crop}, [](auto &p) {
            p.cropWidth = 300;
            p.cropHeight = 300;
            p.quality = 80;
        });
        QTest::newRow("query")
            << crop << QStringLiteral("demo") << QStringLiteral("landscape.jpg")
            << QStringLiteral("/demo/landscape.jpg?operation=crop&width=300&height=300&gravity=smart&quality=80");
        QTest::newRow("no query, no '?'") << PreviewParameters() << QStringLiteral("demo")
                                          << QStringLiteral("landscape.jpg") << QStringLiteral("/demo/landscape.jpg");
        QTest::newRow("key with folders and a space")
            << make({}, [](auto &p) { p.width = 10; }) << QStringLiteral("demo") << QStringLiteral("/a/my photo.jpg")
            << QStringLiteral("/demo/a/my%20photo.jpg?width=10");
    }
    void toUrl()
    {
        QFETCH(PreviewParameters, params);
        QFETCH(QString, bucket);
        QFETCH(QString, key);
        QFETCH(QString, url);
        QCOMPARE(params.toUrl(bucket, key), url);
    }

    void toPresetYaml_data() { addRows(); }
    void toPresetYaml()
    {
        QFETCH(PreviewParameters, params);
        QFETCH(QString, yaml);
        QCOMPARE(params.toPresetYaml(QStringLiteral("preview")), yaml);
    }

    // YAML -> Mort's loader -> PresetConfig -> parameters -> the same YAML, and
    // the preset's transforms equal the query's.
    void presetYamlRoundTrip_data() { addRows(); }
    void presetYamlRoundTrip()
    {
        QFETCH(PreviewParameters, params);
        QFETCH(QByteArray, query);
        QFETCH(QString, yaml);
        const Expected<ConfigPtr> config = configWithPreset(yaml);
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().toString()));
        const PresetConfig preset =
            (*config)->bucket(QStringLiteral("b"))->transform->presets.value(QStringLiteral("preview"));
        QStringList lost;
        const PreviewParameters back = PreviewParameters::fromPreset(preset, &lost);
        QCOMPARE(lost, QStringList());
        QCOMPARE(back.toPresetYaml(QStringLiteral("preview")), yaml);
        const Expected<Transforms> fromPreset = presetToTransforms(preset);
        const Expected<Transforms> fromQuery = queryToTransforms(QueryValues::parse(query));
        QVERIFY(fromPreset.ok() && fromQuery.ok());
        QCOMPARE(describeParams(fromPreset->params()), describeParams(fromQuery->params()));
        QCOMPARE(back.isEmpty(), params.isEmpty());
    }

    void presetNameIsQuotedWhenNeeded()
    {
        QCOMPARE(PreviewParameters().toPresetYaml(QStringLiteral("my preset")),
                 QStringLiteral("presets:\n  \"my preset\": {}\n"));
        QCOMPARE(PreviewParameters().toPresetYaml(QStringLiteral("yes")), QStringLiteral("presets:\n  \"yes\": {}\n"));
    }

    void presetFeaturesTheQueryCannotExpress()
    {
        PresetConfig preset;
        preset.hasThumbnail = true;
        preset.thumbnailWidth = 400;
        preset.thumbnailMode = QStringLiteral("outbound");
        preset.hasCrop = true;
        preset.cropWidth = 300;
        preset.cropHeight = 300;
        preset.cropGravity = QStringLiteral("north");
        preset.strip = true;
        preset.interlace = true;
        preset.format = QStringLiteral("tiff");
        preset.quality = 150; // ignored by presets, as Mort
        preset.hasRotate = true;
        preset.rotateAngle = 45; // dropped by presets, as Mort
        QStringList lost;
        const PreviewParameters p = PreviewParameters::fromPreset(preset, &lost);
        QCOMPARE(lost,
                 (QStringList{QStringLiteral("filters.thumbnail.mode"), QStringLiteral("filters.interlace"),
                              QStringLiteral("filters.strip"), QStringLiteral("format")}));
        // Crop keeps its own 300 x 300 (issue 25 finding 9): the preview renders
        // what the preset serves, not a 400-wide strip.
        QCOMPARE(p.width, 400);
        QCOMPARE(p.cropWidth, 300);
        QCOMPARE(p.cropHeight, 300);
        QCOMPARE(p.toQuery(), QByteArray("operation=resize&operation=crop&width=300&height=300&gravity=north"));
    }

    void specsCoverEveryParameter()
    {
        const QList<PreviewParameters::ParamSpec> specs = PreviewParameters::specs();
        QCOMPARE(specs.size(), int(PreviewParameters::Param::Grayscale) + 1);
        QStringList keys;
        for (const auto &s : specs) {
            QVERIFY(!s.label.isEmpty());
            // Crop's own size goes out as the query's one width/height.
            const bool cropSize =
                s.param == PreviewParameters::Param::CropWidth || s.param == PreviewParameters::Param::CropHeight;
            QVERIFY(cropSize || !keys.contains(s.queryKey));
            if (!cropSize)
                keys << s.queryKey;
            QVERIFY(s.maximum >= s.minimum);
            QCOMPARE(PreviewParameters::spec(s.param).queryKey, s.queryKey);
            if (s.kind == PreviewParameters::Kind::Choice)
                QVERIFY(!s.choices.isEmpty());
        }
        QCOMPARE(keys,
                 (QStringList{"width", "height", "gravity", "embed", "top", "left", "areaWith", "areaHeight", "sigma",
                              "minAmpl", "angle", "image", "position", "opacity", "quality", "format", "grayscale"}));
        // Sigma's range is the server's: (0, 100].
        QVERIFY(PreviewParameters::spec(PreviewParameters::Param::Sigma).minimum > 0);
        QCOMPARE(PreviewParameters::spec(PreviewParameters::Param::Sigma).maximum, 100.0);
        for (Op op : PreviewParameters::allOperations()) {
            Op back;
            QVERIFY(PreviewParameters::parseOperation(PreviewParameters::operationName(op), &back));
            QCOMPARE(back, op);
        }
        // Every choice the form offers is accepted by the server.
        for (const QString &g : PreviewParameters::gravityNames())
            QVERIFY(PreviewParameters::fromQuery("operation=crop&width=1&gravity=" + g.toLatin1()).ok());
        for (const QString &f : PreviewParameters::formatNames())
            QVERIFY(f.isEmpty() || PreviewParameters::fromQuery("width=1&format=" + f.toLatin1()).ok());
        for (const QString &pos : PreviewParameters::positionNames())
            QVERIFY(
                PreviewParameters::fromQuery("operation=watermark&image=a&opacity=1&position=" + pos.toLatin1()).ok());
    }

    void formatDecimalIsShortest()
    {
        QCOMPARE(formatDecimal(4.0), QStringLiteral("4"));
        QCOMPARE(formatDecimal(0.1), QStringLiteral("0.1"));
        QCOMPARE(formatDecimal(double(0.3f)), QStringLiteral("0.3"));
        QCOMPARE(formatDecimal(2.25), QStringLiteral("2.25"));
        QCOMPARE(formatDecimal(100), QStringLiteral("100"));
    }
};

QTEST_GUILESS_MAIN(TestPreviewParameters)
#include "tst_previewparameters.moc"
