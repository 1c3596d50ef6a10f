// The compact frame of responses stored outside the process (cache/responseframe.h).
#include "cache/responseframe.h"

#include <QTest>

using namespace mort;

class TestResponseFrame : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripKeepsStatusHeadersAndBody_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("compressed");
        QTest::newRow("jpegNeverCompressed") << QByteArray("image/jpeg") << QByteArray(4000, 'j') << false;
        QTest::newRow("repetitiveJsonCompressed") << QByteArray("application/json") << QByteArray(4000, '{') << true;
        QTest::newRow("svgCompressed") << QByteArray("image/svg+xml") << QByteArray(2000, '<') << true;
        QTest::newRow("smallTextKeptRaw") << QByteArray("text/plain") << QByteArray(100, 't') << false;
        QTest::newRow("emptyBody") << QByteArray("text/plain") << QByteArray() << false;
        QByteArray noise(4000, 0);
        quint32 x = 12345;
        for (char &c : noise) {
            x = x * 1103515245u + 12345u;
            c = char(x >> 24);
        }
        QTest::newRow("incompressibleTextKeptRaw") << QByteArray("text/plain") << noise << false;
    }
    void roundTripKeepsStatusHeadersAndBody()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(bool, compressed);
        const HttpHeaders headers{{"Content-Type", contentType}, {"Cache-Control", "max-age=60"}, {"X-Empty", ""}};
        const SharedResponse in = CachedResponse::create(206, headers, body);
        ResponseFrameInfo info;
        const QByteArray frame = encodeResponseFrame(*in, &info);
        QCOMPARE(info.compressed, compressed);
        QCOMPARE(info.storedBytes, qint64(frame.size()));
        if (compressed)
            QVERIFY(frame.size() < body.size() / 4);
        const SharedResponse out = decodeResponseFrame(frame, 1 << 20);
        QVERIFY(out);
        QCOMPARE(out->status(), 206);
        QCOMPARE(out->headers(), headers);
        QCOMPARE(out->body(), body);
    }

    void malformedFramesAreMisses_data()
    {
        QTest::addColumn<QByteArray>("frame");
        const QByteArray good = encodeResponseFrame(*CachedResponse::create(200, {{"A", "b"}}, "body"));
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("wrongMagic") << QByteArray("XR").append(good.mid(2));
        QTest::newRow("unknownVersion") << QByteArray(good).replace(2, 1, "\x02");
        QTest::newRow("unknownFlag") << QByteArray(good).replace(3, 1, "\x04");
        QTest::newRow("truncated") << good.left(good.size() - 1);
        QTest::newRow("trailingBytes") << good + "x";
        QTest::newRow("statusOutOfRange") << QByteArray(good).replace(4, 2, QByteArray("\x03\xe8", 2));
    }
    void malformedFramesAreMisses()
    {
        QFETCH(QByteArray, frame);
        QVERIFY(!decodeResponseFrame(frame, 1 << 20));
    }

    // A compressed frame declaring more than the item limit is refused before
    // anything that size is allocated (a zlib bomb in a shared Redis).
    void decodedSizeIsBounded()
    {
        const QByteArray frame = encodeResponseFrame(
            *CachedResponse::create(200, {{"Content-Type", "text/plain"}}, QByteArray(100'000, 'a')));
        QVERIFY(decodeResponseFrame(frame, 200'000));
        QVERIFY(!decodeResponseFrame(frame, 50'000));
        const QByteArray raw = encodeResponseFrame(
            *CachedResponse::create(200, {{"Content-Type", "image/png"}}, QByteArray(100'000, 'a')));
        QVERIFY(!decodeResponseFrame(raw, 50'000));
    }
};

QTEST_GUILESS_MAIN(TestResponseFrame)
#include "tst_responseframe.moc"
