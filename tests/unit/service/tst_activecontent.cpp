// activecontent.h: which bodies get nosniff and the sandboxing CSP.
#include "service/activecontent.h"

#include <QTest>

using namespace mort;

class TestActiveContent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isActive_data()
    {
        QTest::addColumn<QByteArray>("declared");
        QTest::addColumn<QByteArray>("sniffed");
        QTest::addColumn<bool>("active");
        QTest::newRow("jpeg") << QByteArray("image/jpeg") << QByteArray("image/jpeg") << false;
        QTest::newRow("jpeg, HEAD") << QByteArray("image/jpeg") << QByteArray() << false;
        QTest::newRow("avif, unknown to the sniffer")
            << QByteArray("image/avif") << QByteArray("application/octet-stream") << false;
        QTest::newRow("text, parameters differ")
            << QByteArray("text/plain; charset=utf-8") << QByteArray("TEXT/PLAIN") << false;
        QTest::newRow("svg") << QByteArray("image/svg+xml") << QByteArray("text/xml; charset=utf-8") << true;
        QTest::newRow("svg, HEAD") << QByteArray("image/svg+xml") << QByteArray() << true;
        QTest::newRow("svg, upper case") << QByteArray("Image/SVG+XML") << QByteArray() << true;
        QTest::newRow("html declared") << QByteArray("text/html; charset=utf-8")
                                       << QByteArray("text/html; charset=utf-8") << true;
        QTest::newRow("xml sniffed") << QByteArray("image/png") << QByteArray("text/xml; charset=utf-8") << true;
        QTest::newRow("text as jpeg") << QByteArray("image/jpeg") << QByteArray("text/plain; charset=utf-8") << true;
        QTest::newRow("png as jpeg") << QByteArray("image/jpeg") << QByteArray("image/png") << true;
        QTest::newRow("untyped text") << QByteArray() << QByteArray("text/plain; charset=utf-8") << true;
    }
    void isActive()
    {
        QFETCH(QByteArray, declared);
        QFETCH(QByteArray, sniffed);
        QFETCH(bool, active);
        QCOMPARE(isActiveContent(declared, sniffed), active);
    }

    void guardSetsBothHeaders()
    {
        HttpResponse svg(200, "<svg><script>alert(1)</script></svg>", "image/svg+xml");
        guardActiveContent(svg, svg.body);
        QCOMPARE(svg.header("X-Content-Type-Options"), QByteArray("nosniff"));
        QCOMPARE(svg.header("Content-Security-Policy"),
                 QByteArray("default-src 'none'; style-src 'unsafe-inline'; sandbox"));

        HttpResponse png(200, QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(32, '\0'), "image/png");
        guardActiveContent(png, png.body);
        QVERIFY(!hasHeader(png.headers, "X-Content-Type-Options"));
        QVERIFY(!hasHeader(png.headers, "Content-Security-Policy"));
    }
};

QTEST_GUILESS_MAIN(TestActiveContent)
#include "tst_activecontent.moc"
