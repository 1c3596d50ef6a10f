// acceptsMediaType(): the Accept parsing behind the webp plugin.
#include "object/acceptheader.h"

#include <QTest>

using namespace mort;

class TestAcceptHeader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepts_data()
    {
        QTest::addColumn<QByteArray>("accept");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("plain") << QByteArray("image/webp") << true;
        QTest::newRow("browser list") << QByteArray("image/avif,image/webp,image/apng,*/*;q=0.8") << true;
        QTest::newRow("upper case") << QByteArray("IMAGE/WEBP") << true;
        QTest::newRow("spaces") << QByteArray("  image/webp  ;  q=0.5 , */*") << true;
        QTest::newRow("Q upper case") << QByteArray("image/webp;Q=0.001") << true;
        QTest::newRow("q=1.000") << QByteArray("image/webp;q=1.000") << true;
        QTest::newRow("other parameter") << QByteArray("image/webp;charset=x") << true;
        QTest::newRow("q=0") << QByteArray("image/webp;q=0") << false;
        QTest::newRow("q=0.000") << QByteArray("image/webp;q=0.000") << false;
        QTest::newRow("Q=0 with wildcard") << QByteArray("*/*, image/webp; Q=0") << false;
        QTest::newRow("refused after accepted") << QByteArray("image/webp, image/webp;q=0") << false;
        QTest::newRow("q above 1") << QByteArray("image/webp;q=2") << false;
        QTest::newRow("q with four decimals") << QByteArray("image/webp;q=0.0001") << false;
        QTest::newRow("q not a number") << QByteArray("image/webp;q=abc") << false;
        QTest::newRow("malformed q, then valid") << QByteArray("image/webp;q=x, image/webp") << true;
        QTest::newRow("longer type") << QByteArray("image/webpx") << false;
        QTest::newRow("type as parameter") << QByteArray("image/png;x=image/webp") << false;
        QTest::newRow("image wildcard") << QByteArray("image/*") << false;
        QTest::newRow("any") << QByteArray("*/*") << false;
        QTest::newRow("empty") << QByteArray() << false;
    }
    void accepts()
    {
        QFETCH(QByteArray, accept);
        QFETCH(bool, accepted);
        QCOMPARE(acceptsMediaType(accept, "image/webp"), accepted);
    }
};

QTEST_GUILESS_MAIN(TestAcceptHeader)
#include "tst_acceptheader.moc"
