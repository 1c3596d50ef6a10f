// Issue 25 finding 11: the studio's memory. Decoded sources the Preview keeps
// to show again are bounded in bytes (least recently used first out, one
// larger than the bound not kept) and dropped when the tab is hidden; the
// contact sheet keeps thumbnails, not whole results.
#include "previewtestsupport.h"

#include "client/localengineclient.h"
#include "ui/preview/contactsheet.h"
#include "ui/preview/previewimagecache.h"
#include "ui/preview/previewimageview.h"
#include "ui/preview/previewpanel.h"

#include <QSignalSpy>
#include <QTest>

using namespace mort;
using namespace mort::test;

namespace {

QImage filled(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    return image;
}

} // namespace

class TestPreviewMemory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<mort::PreviewInfo>();
        qRegisterMetaType<mort::ContactSheetTile>();
    }

    void cacheKeepsTheNewestWithinItsBytes()
    {
        PreviewImageCache cache;
        cache.setMaxBytes(1 << 20); // 1 MiB: three 300 KiB images
        const qint64 each = filled(256, 300).sizeInBytes();
        QCOMPARE(each, 307200);
        for (int i = 0; i < 10; ++i)
            cache.insert(QByteArray::number(i), {filled(256, 300), 256, 300});
        QCOMPARE(cache.count(), 3);
        QCOMPARE(cache.totalBytes(), 3 * each);
        QVERIFY(!cache.find("6"));
        QVERIFY(cache.find("7") && cache.find("8") && cache.find("9"));
        // Used last: "7" stays when the next one comes in, "8" goes.
        QVERIFY(cache.find("7"));
        cache.insert("10", {filled(256, 300), 256, 300});
        QVERIFY(cache.find("7"));
        QVERIFY(!cache.find("8"));
        // Larger than the bound: not kept, and nothing else is dropped for it.
        cache.insert("huge", {filled(1024, 1024), 1024, 1024});
        QVERIFY(!cache.find("huge"));
        QCOMPARE(cache.count(), 3);
        cache.clear();
        QCOMPARE(cache.count(), 0);
        QCOMPARE(cache.totalBytes(), 0);
    }

    void previewKeepsDecodedSourcesWithinTheBoundAndDropsThemWhenHidden()
    {
        LocalEngineClient engine(previewConfig(), QStringLiteral("demo.yml"));
        PreviewPanel panel;
        panel.setEngineClient(&engine);
        panel.setConfig(previewConfig());
        panel.resize(1000, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        PreviewImageCache *cache = panel.imageCache();
        constexpr qint64 kBound = 4 << 20;
        cache->setMaxBytes(kBound);
        QSignalSpy decoded(panel.controller(), &PreviewController::sourceDecoded);

        // More than fits: each decoded once, the newest that fit kept (LRU),
        // the 1600 and 1920 px ones (6.5 and 9.4 MiB decoded) never.
        const QStringList photos{QStringLiteral("photo_800x600.jpg"), QStringLiteral("progressive_1600x1066.jpg"),
                                 QStringLiteral("cmyk_800x600.jpg"),  QStringLiteral("photo_1920x1280.jpg"),
                                 QStringLiteral("gray_800x600.jpg"),  QStringLiteral("photo_300x200.jpg")};
        QList<qint64> sizes;
        for (const QString &photo : photos) {
            QVERIFY(panel.openFile(photoPath(photo)));
            QTRY_COMPARE(decoded.count(), sizes.size() + 1);
            sizes << decoded.last().at(0).value<QImage>().sizeInBytes();
        }
        QCOMPARE(cache->misses(), int(photos.size()));
        QCOMPARE(cache->hits(), 0);
        // What LRU keeps: the newest images whose bytes add up to the bound at most.
        qint64 expectedBytes = 0;
        int expectedCount = 0;
        for (qsizetype i = sizes.size() - 1; i >= 0; --i) {
            if (sizes.at(i) > kBound)
                continue; // never kept
            if (expectedBytes + sizes.at(i) > kBound)
                break;
            expectedBytes += sizes.at(i);
            ++expectedCount;
        }
        QVERIFY2(expectedCount < photos.size() - 1, "the photos must not all fit");
        QCOMPARE(cache->count(), expectedCount);
        QCOMPARE(cache->totalBytes(), expectedBytes);
        QVERIFY(cache->totalBytes() <= kBound);

        // Opened again: shown from the cache, not decoded again.
        QVERIFY(panel.openFile(photoPath(photos.last())));
        QTRY_COMPARE(decoded.count(), photos.size() + 1);
        QCOMPARE(cache->hits(), 1);
        QCOMPARE(decoded.last().at(0).value<QImage>().sizeInBytes(), sizes.last());

        // Another tab: the kept images go; what is on show stays.
        panel.hide();
        QCOMPARE(cache->count(), 0);
        QCOMPARE(cache->totalBytes(), 0);
        QVERIFY(!panel.compareArea()->beforeView()->image().isNull());
    }

    void contactSheetKeepsThumbnails()
    {
        auto config = ConfigLoader::fromText(QStringLiteral(R"yaml(
buckets:
  demo:
    transform:
      kind: "presets"
      path: "\\/(?P<presetName>[a-z0-9_]+)\\/(?P<parent>.*)"
      presets:
        large: {quality: 80, filters: {thumbnail: {width: 1600}}}
        small: {quality: 80, filters: {thumbnail: {width: 150}}}
    storages:
      basic: {kind: "noop"}
)yaml"));
        QVERIFY(config);
        LocalEngineClient engine(*config, QStringLiteral("demo.yml"));
        ContactSheetRenderer renderer;
        renderer.setEngineClient(&engine);
        QSignalSpy finished(&renderer, &ContactSheetRenderer::finished);
        renderer.start(*config, QStringLiteral("demo"), readPhoto(QStringLiteral("photo_1920x1280.jpg")));
        QVERIFY(finished.wait(30000));
        const QList<ContactSheetTile> tiles = renderer.tiles();
        QCOMPARE(tiles.size(), 2);
        // The server's size is reported; the tile keeps a thumbnail of it.
        QCOMPARE(tiles.at(0).preset, QStringLiteral("large"));
        QCOMPARE(QSize(tiles.at(0).width, tiles.at(0).height), QSize(1600, 1067));
        QCOMPARE(tiles.at(0).image.size(), QSize(480, 320));
        QCOMPARE(tiles.at(1).image.size(), QSize(150, 100)); // small results stay as they are
        QCOMPARE(renderer.imageBytes(), tiles.at(0).image.sizeInBytes() + tiles.at(1).image.sizeInBytes());
        QVERIFY(renderer.imageBytes()
                <= 2 * ContactSheetRenderer::kThumbnailSide * ContactSheetRenderer::kThumbnailSide * 4);
    }
};

QTEST_MAIN(TestPreviewMemory)
#include "tst_previewmemory.moc"
