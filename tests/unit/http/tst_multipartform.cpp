// multipart/form-data parsing (RFC 7578) for uploads: fields, files as views
// into the body, and exact 400 form.bad_multipart for broken bodies.
#include "http/multipartform.h"

#include <QTest>

using namespace mort;

namespace {

const QByteArray kType = "multipart/form-data; boundary=XyZ";

QByteArray formBody(const QList<QByteArray> &parts, const QByteArray &boundary = "XyZ")
{
    QByteArray body;
    for (const QByteArray &p : parts)
        body += "--" + boundary + "\r\n" + p + "\r\n";
    return body + "--" + boundary + "--\r\n";
}

} // namespace

class TestMultipartForm : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fieldsAndAFile()
    {
        // File content with CRLFs, a lone "--" and NUL bytes: only "\r\n--XyZ" ends it.
        const QByteArray content("\x89PNG\r\n\x1a\n--Xy\r\n-\0end", 19);
        const QByteArray body = formBody({"Content-Disposition: form-data; name=\"timestamp\"\r\n\r\n1315060510",
                                          "Content-Disposition: form-data; name=\"api_key\"\r\n\r\nkey 1",
                                          "Content-Disposition: form-data; name=\"file\"; filename=\"a b.png\"\r\n"
                                          "Content-Type: image/png\r\n\r\n"
                                              + content});
        Expected<MultipartForm> form = parseMultipartForm(body, kType);
        QVERIFY2(form.ok(), form.ok() ? "" : qPrintable(form.error().toString()));
        QCOMPARE(form->values.size(), 2);
        QCOMPARE(form->values.at(0), std::make_pair(QStringLiteral("timestamp"), QStringLiteral("1315060510")));
        QCOMPARE(form->values.at(1), std::make_pair(QStringLiteral("api_key"), QStringLiteral("key 1")));
        QCOMPARE(form->files.size(), 1);
        const MultipartFile &file = form->files.first();
        QCOMPARE(file.fieldName, QStringLiteral("file"));
        QCOMPARE(file.fileName, QStringLiteral("a b.png"));
        QCOMPARE(file.contentType, QByteArray("image/png"));
        QCOMPARE(file.data, content);
        // A view into the body, not a copy.
        QVERIFY(file.data.constData() >= body.constData()
                && file.data.constData() + file.data.size() <= body.constData() + body.size());
    }

    void quotedBoundaryPreambleAndEmptyValue()
    {
        const QByteArray body =
            "preamble text\r\n" + formBody({"Content-Disposition: form-data; name=\"empty\"\r\n\r\n"}, "a'b(c)");
        Expected<MultipartForm> form = parseMultipartForm(body, "Multipart/Form-Data; boundary=\"a'b(c)\"; x=y");
        QVERIFY2(form.ok(), form.ok() ? "" : qPrintable(form.error().toString()));
        QCOMPARE(form->values.size(), 1);
        QCOMPARE(form->values.first().first, QStringLiteral("empty"));
        QVERIFY(form->values.first().second.isEmpty());
        QVERIFY(form->files.isEmpty());
    }

    void brokenBodiesAre400_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::newRow("not multipart") << formBody({}) << QByteArray("application/x-www-form-urlencoded");
        QTest::newRow("no boundary") << formBody({}) << QByteArray("multipart/form-data");
        QTest::newRow("boundary longer than 70")
            << formBody({}) << QByteArray("multipart/form-data; boundary=") + QByteArray(71, 'a');
        QTest::newRow("no delimiter at all") << QByteArray("just text") << kType;
        QTest::newRow("last part never closed")
            << QByteArray("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue") << kType;
        QTest::newRow("headers never end")
            << QByteArray("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\nvalue\r\n--XyZ--") << kType;
        QTest::newRow("part headers over 16 KiB") << formBody({"X-Long: " + QByteArray(17 * 1024, 'a')
                                                               + "\r\nContent-Disposition: form-data; "
                                                                 "name=\"a\"\r\n\r\nv"})
                                                  << kType;
        QTest::newRow("header line without colon") << formBody({"garbage\r\n\r\nv"}) << kType;
        QTest::newRow("not form-data") << formBody({"Content-Disposition: attachment; name=\"a\"\r\n\r\nv"}) << kType;
        QTest::newRow("junk after a delimiter") << QByteArray("--XyZjunk") << kType;
    }
    void brokenBodiesAre400()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        Expected<MultipartForm> form = parseMultipartForm(body, contentType);
        QVERIFY(!form.ok());
        QCOMPARE(form.error().httpStatus, 400);
        QCOMPARE(form.error().code, QByteArray("form.bad_multipart"));
    }

    void partCountIsBounded()
    {
        QList<QByteArray> parts;
        for (int i = 0; i < 11; ++i)
            parts.append("Content-Disposition: form-data; name=\"f\"\r\n\r\nv");
        QVERIFY(parseMultipartForm(formBody(parts.mid(0, 10)), kType, 10).ok());
        Expected<MultipartForm> form = parseMultipartForm(formBody(parts), kType, 10);
        QVERIFY(!form.ok());
        QCOMPARE(form.error().code, QByteArray("form.bad_multipart"));
    }
};

QTEST_GUILESS_MAIN(TestMultipartForm)
#include "tst_multipartform.moc"
