// A preset's filters as operations in the engine's order (issue 21): the
// order follows the pass steps, whatever order the YAML writes them in.
#include "imaging/pipelinesteps.h"
#include "imaging/presetoperations.h"

#include <QTest>

using namespace mort;

namespace {

PresetConfig presetOf(const QString &filtersYaml)
{
    const QString yaml = QStringLiteral("buckets:\n"
                                        "  b:\n"
                                        "    transform:\n"
                                        "      kind: presets\n"
                                        "      path: \"^/(?P<presetName>[a-z]+)/(?P<parent>.*)\"\n"
                                        "      presets:\n"
                                        "        p:\n"
                                        "          filters:\n")
        + filtersYaml
        + QStringLiteral("    storages:\n"
                         "      basic: {kind: noop}\n");
    QList<ConfigIssue> issues;
    const Config config = ConfigLoader::parse(yaml, issues);
    const BucketConfig *bucket = config.bucket(QStringLiteral("b"));
    if (!bucket || !bucket->transform || !bucket->transform->presets.contains(QStringLiteral("p")))
        return {};
    return bucket->transform->presets.value(QStringLiteral("p"));
}

int stepIndex(const QString &name)
{
    for (int i = 0; i < int(std::size(kPassSteps)); ++i) {
        if (name == QLatin1String(kPassSteps[i].name))
            return i;
    }
    return -1;
}

} // namespace

class TestPresetOperations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void orderIsThePipelines()
    {
        QStringList filters;
        QStringList steps;
        for (const PresetOperationStep &op : presetOperationOrder()) {
            filters << op.filter;
            steps << op.step;
        }
        QCOMPARE(filters,
                 (QStringList{"rotate", "thumbnail", "crop", "extract", "blur", "watermark", "grayscale", "interlace",
                              "strip", "resizeCropAuto"}));
        QCOMPARE(steps,
                 (QStringList{"orient", "resize", "place", "place", "blur", "watermark", "colourspace", "encode",
                              "encode", "auto-crop"}));
        // Each step but the auto-crop passes is one runPass() runs, never out of its order.
        int last = -1;
        for (const PresetOperationStep &op : presetOperationOrder()) {
            if (op.step == QLatin1String("auto-crop"))
                continue;
            const int index = stepIndex(op.step);
            QVERIFY2(index >= 0, qPrintable(op.step));
            QVERIFY2(index >= last, qPrintable(op.filter));
            last = index;
        }
    }

    void yamlOrderDoesNotMatter()
    {
        const PresetConfig preset =
            presetOf(QStringLiteral("            strip: true\n"
                                    "            watermark: {image: /wm.png, position: top-left}\n"
                                    "            resizeCropAuto: {width: 10, height: 10}\n"
                                    "            thumbnail: {width: 100}\n"
                                    "            rotate: {angle: 90}\n"));
        QCOMPARE(presetOperations(preset),
                 (QStringList{"rotate", "thumbnail", "watermark", "strip", "resizeCropAuto"}));
    }

    void offFiltersAreNotListed()
    {
        // `thumbnail: ~` is off (a nil filter in Mort), as are false switches.
        const PresetConfig preset = presetOf(QStringLiteral("            thumbnail: ~\n"
                                                            "            grayscale: false\n"
                                                            "            interlace: true\n"
                                                            "            crop: {width: 5, height: 5}\n"));
        QCOMPARE(presetOperations(preset), (QStringList{"crop", "interlace"}));
        QCOMPARE(presetOperations(PresetConfig()), QStringList());
    }

    void everyFilterOnce()
    {
        const PresetConfig preset = presetOf(QStringLiteral("            thumbnail: {width: 1}\n"
                                                            "            crop: {width: 1}\n"
                                                            "            extract: {width: 1}\n"
                                                            "            resizeCropAuto: {width: 1}\n"
                                                            "            blur: {sigma: 1}\n"
                                                            "            watermark: {image: /a.png}\n"
                                                            "            rotate: {angle: 180}\n"
                                                            "            grayscale: true\n"
                                                            "            interlace: true\n"
                                                            "            strip: true\n"));
        QStringList all;
        for (const PresetOperationStep &op : presetOperationOrder())
            all << op.filter;
        QCOMPARE(presetOperations(preset), all);
    }
};

QTEST_GUILESS_MAIN(TestPresetOperations)
#include "tst_presetoperations.moc"
