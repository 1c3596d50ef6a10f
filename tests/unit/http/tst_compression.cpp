#include "http/compression.h"

#include <QRandomGenerator>
#include <QTest>

using namespace mort;

class TestCompression : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrips_data()
    {
        QTest::addColumn<int>("algorithm");
        QTest::addColumn<int>("level");
        QTest::addColumn<QByteArray>("body");
        QByteArray text;
        for (int i = 0; i < 2000; ++i)
            text += "<p>Mort Studio serves images.</p>\n";
        QByteArray noise(100000, Qt::Uninitialized);
        QRandomGenerator rng(42);
        for (char &c : noise)
            c = char(rng.bounded(256));
        QTest::newRow("gzipTextLevel1") << int(Compression::Gzip) << 1 << text;
        QTest::newRow("gzipTextLevel9") << int(Compression::Gzip) << 9 << text;
        QTest::newRow("gzipIncompressibleNoise") << int(Compression::Gzip) << 6 << noise;
        QTest::newRow("gzipEmpty") << int(Compression::Gzip) << 4 << QByteArray();
        QTest::newRow("brotliTextQuality4") << int(Compression::Brotli) << 4 << text;
        QTest::newRow("brotliTextQuality11") << int(Compression::Brotli) << 11 << text;
        QTest::newRow("brotliIncompressibleNoise") << int(Compression::Brotli) << 4 << noise;
        QTest::newRow("levelOutOfRangeIsClamped") << int(Compression::Gzip) << 42 << text;
    }
    void roundTrips()
    {
        QFETCH(int, algorithm);
        QFETCH(int, level);
        QFETCH(QByteArray, body);
        const auto a = Compression(algorithm);
        Expected<QByteArray> packed = compressBody(body, a, level);
        QVERIFY(packed.ok());
        if (body.size() > 10000 && body.startsWith("<p>"))
            QVERIFY2(packed->size() < body.size() / 10, "repetitive text must shrink");
        Expected<QByteArray> unpacked = decompressBody(*packed, a);
        QVERIFY(unpacked.ok());
        QCOMPARE(*unpacked, body);
    }

    void gzipHasGzipFraming()
    {
        Expected<QByteArray> packed = compressBody("hello hello hello", Compression::Gzip, 6);
        QVERIFY(packed.ok());
        QCOMPARE(quint8(packed->at(0)), quint8(0x1f)); // RFC 1952 magic, as Content-Encoding: gzip requires
        QCOMPARE(quint8(packed->at(1)), quint8(0x8b));
    }

    void corruptInputIsAnError()
    {
        QVERIFY(!decompressBody("not gzip at all", Compression::Gzip).ok());
        QVERIFY(!decompressBody("\xff\xff\xff\xff", Compression::Brotli).ok());
    }
};

QTEST_GUILESS_MAIN(TestCompression)
#include "tst_compression.moc"
