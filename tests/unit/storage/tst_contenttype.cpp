// Extension table, sniffing and Go's time text (the ETag source).
#include "storage/contenttype.h"
#include "storage/gotime.h"

#include <QTest>

#include <cstdlib>
#include <ctime>

using namespace mort;

namespace {

// Sets TZ for the scope and re-reads it (localtime_r alone does not).
class ScopedTimeZone
{
public:
    explicit ScopedTimeZone(const char *tz) : m_had(qEnvironmentVariableIsSet("TZ")), m_old(qgetenv("TZ"))
    {
        qputenv("TZ", tz);
        tzset();
    }
    ~ScopedTimeZone()
    {
        if (m_had)
            qputenv("TZ", m_old);
        else
            qunsetenv("TZ");
        tzset();
    }

private:
    bool m_had;
    QByteArray m_old;
};

} // namespace

class TestContentType : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void byExtension_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("jpg") << "/a/b.jpg" << QByteArray("image/jpeg");
        QTest::newRow("upper case") << "/a/B.JPG" << QByteArray("image/jpeg");
        QTest::newRow("jpeg") << "/x.jpeg" << QByteArray("image/jpeg");
        QTest::newRow("png") << "/x.png" << QByteArray("image/png");
        QTest::newRow("webp") << "/x.webp" << QByteArray("image/webp");
        QTest::newRow("gif") << "/x.gif" << QByteArray("image/gif");
        QTest::newRow("svg") << "/x.svg" << QByteArray("image/svg+xml");
        QTest::newRow("avif") << "/x.avif" << QByteArray("image/avif");
        QTest::newRow("css has charset") << "/s.css" << QByteArray("text/css; charset=utf-8");
        QTest::newRow("html") << "/i.html" << QByteArray("text/html; charset=utf-8");
        QTest::newRow("js") << "/a.js" << QByteArray("text/javascript; charset=utf-8");
        QTest::newRow("json") << "/a.json" << QByteArray("application/json");
        QTest::newRow("xml") << "/a.xml" << QByteArray("text/xml; charset=utf-8");
        QTest::newRow("pdf") << "/a.pdf" << QByteArray("application/pdf");
        QTest::newRow("last segment only") << "/dir.jpg/file" << QByteArray();
        QTest::newRow("no extension") << "/file" << QByteArray();
        QTest::newRow("unknown") << "/file.qqq" << QByteArray();
        QTest::newRow("double extension uses last") << "/a.png.jpg" << QByteArray("image/jpeg");
        QTest::newRow("presets key") << "/img.jpg/small" << QByteArray();
    }
    void byExtension()
    {
        QFETCH(QString, key);
        QFETCH(QByteArray, expected);
        QCOMPARE(contenttype::byExtension(key), expected);
    }

    void sniff_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("jpeg") << QByteArray("\xFF\xD8\xFF\xE0\x00\x10JFIF", 10) << QByteArray("image/jpeg");
        QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR", 16) << QByteArray("image/png");
        QTest::newRow("gif87") << QByteArray("GIF87a\x01\x00") << QByteArray("image/gif");
        QTest::newRow("gif89") << QByteArray("GIF89a\x01\x00") << QByteArray("image/gif");
        QTest::newRow("webp") << QByteArray("RIFF\x24\x00\x00\x00WEBPVP8 ", 16) << QByteArray("image/webp");
        QTest::newRow("riff wave") << QByteArray("RIFF\x24\x00\x00\x00WAVEfmt ", 16) << QByteArray("audio/wave");
        QTest::newRow("bmp") << QByteArray("BM\x36\x00") << QByteArray("image/bmp");
        QTest::newRow("pdf") << QByteArray("%PDF-1.7\n") << QByteArray("application/pdf");
        QTest::newRow("avif") << QByteArray("\x00\x00\x00\x1c"
                                            "ftypavif\x00\x00\x00\x00"
                                            "avifmif1miaf",
                                            28)
                              << QByteArray("image/avif");
        QTest::newRow("mp4") << QByteArray("\x00\x00\x00\x18"
                                           "ftypisom\x00\x00\x02\x00"
                                           "isommp41",
                                           24)
                             << QByteArray("video/mp4");
        QTest::newRow("html after whitespace")
            << QByteArray("  \n<html><body>") << QByteArray("text/html; charset=utf-8");
        QTest::newRow("html case-insensitive")
            << QByteArray("<!doctype html>") << QByteArray("text/html; charset=utf-8");
        QTest::newRow("not html without terminator") << QByteArray("<ab") << QByteArray("text/plain; charset=utf-8");
        QTest::newRow("xml") << QByteArray("<?xml version=\"1.0\"?>") << QByteArray("text/xml; charset=utf-8");
        QTest::newRow("text") << QByteArray("hello world\n") << QByteArray("text/plain; charset=utf-8");
        QTest::newRow("binary") << QByteArray("\x01\x02\x03\x04", 4) << QByteArray("application/octet-stream");
        QTest::newRow("empty") << QByteArray() << QByteArray("application/octet-stream");
        QTest::newRow("gzip") << QByteArray("\x1F\x8B\x08\x00", 4) << QByteArray("application/x-gzip");
        QTest::newRow("zip") << QByteArray("PK\x03\x04") << QByteArray("application/zip");
    }
    void sniff()
    {
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, expected);
        QCOMPARE(contenttype::sniff(data), expected);
    }

    void sniffLooksAtFirst512BytesOnly()
    {
        QByteArray data(512, 'a');
        data.append('\x01'); // binary byte past the window: still text
        QCOMPARE(contenttype::sniff(data), QByteArray("text/plain; charset=utf-8"));
    }

    void essence()
    {
        QCOMPARE(contenttype::essence("Text/HTML; charset=utf-8"), QByteArray("text/html"));
        QCOMPARE(contenttype::essence(" image/svg+xml "), QByteArray("image/svg+xml"));
        QCOMPARE(contenttype::essence(""), QByteArray());
    }

    void goTimeUtc_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<qint64>("nanos");
        QTest::addColumn<QByteArray>("expected");
        // 2024-05-01 10:00:00 UTC = 1714557600
        QTest::newRow("nanos") << qint64(1714557600) << qint64(123456789)
                               << QByteArray("2024-05-01 10:00:00.123456789 +0000 UTC");
        QTest::newRow("trailing zeros trimmed")
            << qint64(1714557600) << qint64(100000000) << QByteArray("2024-05-01 10:00:00.1 +0000 UTC");
        QTest::newRow("micros") << qint64(1714557600) << qint64(120000)
                                << QByteArray("2024-05-01 10:00:00.00012 +0000 UTC");
        QTest::newRow("whole second: no dot")
            << qint64(1714557600) << qint64(0) << QByteArray("2024-05-01 10:00:00 +0000 UTC");
        QTest::newRow("epoch") << qint64(0) << qint64(1) << QByteArray("1970-01-01 00:00:00.000000001 +0000 UTC");
    }
    void goTimeUtc()
    {
        QFETCH(qint64, seconds);
        QFETCH(qint64, nanos);
        QFETCH(QByteArray, expected);
        ScopedTimeZone tz("UTC");
        QCOMPARE(goTimeString(seconds, nanos), expected);
    }

    void goTimeLocalZones()
    {
        if (!QFile::exists(QStringLiteral("/usr/share/zoneinfo/Europe/Warsaw")))
            QSKIP("tzdata not installed");
        {
            ScopedTimeZone tz("Europe/Warsaw");
            QCOMPARE(goTimeString(1714557600, 5), QByteArray("2024-05-01 12:00:00.000000005 +0200 CEST"));
            QCOMPARE(goTimeString(1705312800, 0), QByteArray("2024-01-15 11:00:00 +0100 CET"));
        }
        {
            ScopedTimeZone tz("America/St_Johns");
            QCOMPARE(goTimeString(1705312800, 0), QByteArray("2024-01-15 06:30:00 -0330 NST"));
        }
        {
            // POSIX TZ without a usable abbreviation still yields a zone text.
            ScopedTimeZone tz("Asia/Dubai"); // tzdata abbreviation is "+04"
            QCOMPARE(goTimeString(1705312800, 0), QByteArray("2024-01-15 14:00:00 +0400 +04"));
        }
    }
};

QTEST_APPLESS_MAIN(TestContentType)
#include "tst_contenttype.moc"
