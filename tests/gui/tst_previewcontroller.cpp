// PreviewController: debounced, superseding renders off the GUI thread that
// deliver exactly the server's bytes for the latest request.
#include "previewtestsupport.h"

#include "service/previewrenderer.h"
#include "client/localengineclient.h"
#include "ui/preview/previewcontroller.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>

using namespace mort;
using namespace mort::test;

class TestPreviewController : public QObject
{
    Q_OBJECT

    ConfigPtr m_config;
    QByteArray m_photo;

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<mort::PreviewInfo>();
        m_config = previewConfig();
        QVERIFY(m_config);
        m_photo = readPhoto(QStringLiteral("photo_800x600.jpg"));
        QVERIFY(!m_photo.isEmpty());
    }

    void tenRapidChangesDeliverOneRenderOfTheLast()
    {
        LocalEngineClient engine(m_config, QStringLiteral("demo.yml")); // renders, as in the studio
        PreviewController c;
        c.setEngineClient(&engine);
        c.setConfig(m_config);
        QCOMPARE(c.bucket(), QStringLiteral("demo"));
        c.setSource(m_photo, QStringLiteral("photo.jpg"));
        QSignalSpy rendered(&c, &PreviewController::rendered);
        QSignalSpy failed(&c, &PreviewController::failed);
        PreviewParameters p;
        p.operations = {PreviewParameters::Operation::Resize};
        for (int i = 0; i < 10; ++i) {
            p.width = 100 + 10 * i;
            c.setParameters(p);
        }
        QTRY_COMPARE(rendered.count(), 1);
        QTRY_VERIFY(!c.isBusy()); // nothing pending: no second delivery can follow
        QCOMPARE(rendered.count(), 1);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(c.rendersStarted(), 1);

        const auto info = rendered.at(0).at(1).value<PreviewInfo>();
        const auto preview = rendered.at(0).at(0).value<QImage>();
        QCOMPARE(info.query, QByteArray("operation=resize&width=190"));
        QVERIFY(info.presetName.isEmpty());
        const PreviewResult direct = PreviewRenderer(m_config).renderQuery(m_photo, QStringLiteral("demo"), info.query);
        QVERIFY(direct.ok);
        QVERIFY(info.image.body == direct.image.body);
        QCOMPARE(info.width, 190);
        QCOMPARE(info.height, direct.image.height);
        QCOMPARE(info.format, QStringLiteral("jpeg"));
        QCOMPARE(info.bytes, qint64(direct.image.body.size()));
        QCOMPARE(info.sourceBytes, qint64(m_photo.size()));
        QCOMPARE(info.ratio, double(info.bytes) / double(m_photo.size()));
        QVERIFY(info.renderMs > 0);
        QCOMPARE(preview.size(), QSize(info.width, info.height));
        QCOMPARE(c.requestUrl(), QStringLiteral("/demo/photo.jpg?operation=resize&width=190"));
    }

    void newerRequestCancelsTheRunningOne()
    {
        LocalEngineClient engine(m_config, QStringLiteral("demo.yml")); // renders, as in the studio
        PreviewController c;
        c.setEngineClient(&engine);
        c.setConfig(m_config);
        c.setSource(readPhoto(QStringLiteral("photo_6000x4000.jpg")), QStringLiteral("big.jpg"));
        QSignalSpy rendered(&c, &PreviewController::rendered);
        QSignalSpy failed(&c, &PreviewController::failed);
        PreviewParameters slow;
        slow.operations = {PreviewParameters::Operation::Blur};
        slow.sigma = 50;
        c.setParameters(slow);
        c.renderNow();
        QCOMPARE(c.rendersStarted(), 1);
        PreviewParameters quick;
        quick.width = 60;
        c.setParameters(quick);
        c.renderNow(); // the first one is still in flight: its result has not been delivered yet
        QCOMPARE(c.rendersStarted(), 2);
        QCOMPARE(c.rendersCancelled(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!c.isBusy(), 60000);
        QCOMPARE(failed.count(), 0); // the cancelled render is dropped, not reported
        QCOMPARE(rendered.count(), 1);
        const auto info = rendered.at(0).at(1).value<PreviewInfo>();
        QCOMPARE(info.query, QByteArray("width=60"));
        QCOMPARE(info.width, 60);
        QCOMPARE(info.height, 40);
    }

    void presetModeRendersThePreset()
    {
        LocalEngineClient engine(m_config, QStringLiteral("demo.yml")); // renders, as in the studio
        PreviewController c;
        c.setEngineClient(&engine);
        c.setConfig(m_config);
        c.setDebounceMs(0);
        c.setSource(m_photo, QStringLiteral("photo.jpg"));
        QCOMPARE(c.presets(), (QStringList{"small", "square", "square_webp"}));
        QSignalSpy rendered(&c, &PreviewController::rendered);
        c.setPreset(QStringLiteral("square_webp"));
        QTRY_COMPARE(rendered.count(), 1);
        const auto info = rendered.at(0).at(1).value<PreviewInfo>();
        QCOMPARE(info.presetName, QStringLiteral("square_webp"));
        QCOMPARE(info.format, QStringLiteral("webp"));
        QCOMPARE(info.width, 300);
        QCOMPARE(info.height, 300);
        const PreviewResult direct =
            PreviewRenderer(m_config).renderPreset(m_photo, QStringLiteral("demo"), QStringLiteral("square_webp"));
        QVERIFY(info.image.body == direct.image.body);
        // webp decoded for display without a Qt image plugin.
        QCOMPARE(rendered.at(0).at(0).value<QImage>().size(), QSize(300, 300));
        QCOMPARE(c.requestUrl(), QStringLiteral("/demo/square_webp/photo.jpg"));
        QCOMPARE(c.presetYaml(),
                 QStringLiteral("presets:\n  square_webp:\n    quality: 80\n    format: webp\n"
                                "    filters:\n      crop: {width: 300, height: 300, gravity: smart}\n"));
        QCOMPARE(c.presetYaml(QStringLiteral("copy")).section(QLatin1Char('\n'), 1, 1), QStringLiteral("  copy:"));
    }

    void serverErrorsAreReported()
    {
        LocalEngineClient engine(m_config, QStringLiteral("demo.yml")); // renders, as in the studio
        PreviewController c;
        c.setEngineClient(&engine);
        c.setConfig(m_config);
        c.setDebounceMs(0);
        c.setSource(m_photo, QStringLiteral("photo.jpg"));
        QSignalSpy rendered(&c, &PreviewController::rendered);
        QSignalSpy failed(&c, &PreviewController::failed);
        PreviewParameters p;
        p.operations = {PreviewParameters::Operation::Extract};
        p.top = 5000; // outside the 800x600 image
        p.areaWidth = 10;
        p.areaHeight = 10;
        c.setParameters(p);
        QTRY_COMPARE(failed.count(), 1);
        // The server's public message, its status and code once, and what to do (issue 25.9).
        QVERIFY2(
            failed.at(0).at(0).toString().contains(QStringLiteral("(400 image.bad_extract). Check the parameters")),
            qPrintable(failed.at(0).at(0).toString()));
        QCOMPARE(rendered.count(), 0);
    }

    void sourceIsDecodedForDisplay()
    {
        LocalEngineClient engine(m_config, QStringLiteral("demo.yml"));
        PreviewController c;
        c.setEngineClient(&engine);
        QSignalSpy decoded(&c, &PreviewController::sourceDecoded);
        c.setSource(readPhoto(QStringLiteral("photo_6000x4000.jpg")), QStringLiteral("big.jpg"));
        QTRY_COMPARE_WITH_TIMEOUT(decoded.count(), 1, 30000);
        // Bounded for display: the longest side is at most kMaxSourceDisplaySide.
        const QImage before = decoded.at(0).at(0).value<QImage>();
        QCOMPARE(before.width(), PreviewController::kMaxSourceDisplaySide);
        QVERIFY2(qAbs(before.height() - 2731) <= 1, qPrintable(QString::number(before.height())));
        QCOMPARE(decoded.at(0).at(3).toLongLong(), QFileInfo(photoPath(QStringLiteral("photo_6000x4000.jpg"))).size());
        QTRY_VERIFY(!c.isBusy());
        QCOMPARE(c.rendersStarted(), 0); // no config: nothing to render
    }

    void destroyedWhileRendering()
    {
        auto *c = new PreviewController;
        c->setConfig(m_config);
        c->setSource(readPhoto(QStringLiteral("photo_6000x4000.jpg")), QStringLiteral("big.jpg"));
        PreviewParameters slow;
        slow.operations = {PreviewParameters::Operation::Blur};
        slow.sigma = 50;
        c->setParameters(slow);
        c->renderNow();
        QSignalSpy rendered(c, &PreviewController::rendered);
        delete c; // cancels, waits for its pool; no queued delivery may reach a dead object
        QCoreApplication::processEvents();
        QCOMPARE(rendered.count(), 0);
    }
};

QTEST_MAIN(TestPreviewController)
#include "tst_previewcontroller.moc"
