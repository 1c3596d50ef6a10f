// Mort's access log lines (spec http-behaviour.md §12).
#include "service/accesslog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace mort;

class TestAccessLog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void twoLinesWithMortFieldsAndMaskedSecrets()
    {
        HttpRequest request;
        request.method = "GET";
        request.path = QStringLiteral("/b/img.jpg");
        request.rawQuery = "width=100";
        request.remoteAddress = QHostAddress(QStringLiteral("127.0.0.1"));
        request.headers = {{"Authorization", "AWS key:sig"}, {"Cookie", "s=1"}, {"Accept", "image/webp"}};
        HttpResponse response(404, "{\"error\":\"item not found\"}", "text/plain");
        const QList<QByteArray> lines = formatAccessLog(request, response, std::chrono::milliseconds(12)).split('\n');
        QCOMPARE(lines.size(), 3); // two lines and the trailing newline
        const QJsonObject req = QJsonDocument::fromJson(lines.at(0)).object();
        QCOMPARE(req.value("service").toString(), QStringLiteral("mort-access"));
        QCOMPARE(req.value("logType").toString(), QStringLiteral("access"));
        QCOMPARE(req.value("message").toString(), QStringLiteral("Request: GET /b/img.jpg"));
        const QJsonObject http = req.value("httpRequest").toObject();
        QCOMPARE(http.value("requestURL").toString(), QStringLiteral("/b/img.jpg?width=100"));
        QCOMPARE(http.value("remoteIP").toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(http.value("header").toObject().value("authorization").toString(), QStringLiteral("***"));
        QCOMPARE(http.value("header").toObject().value("cookie").toString(), QStringLiteral("***"));
        QCOMPARE(http.value("header").toObject().value("accept").toString(), QStringLiteral("image/webp"));

        const QJsonObject resp = QJsonDocument::fromJson(lines.at(1)).object();
        QCOMPARE(resp.value("message").toString(), QStringLiteral("Response: 404 Client Error"));
        QCOMPARE(resp.value("level").toString(), QStringLiteral("warn"));
        const QJsonObject r = resp.value("httpResponse").toObject();
        QCOMPARE(r.value("status").toInt(), 404);
        QCOMPARE(r.value("bytes").toInt(), 26);
        QCOMPARE(r.value("elapsed").toDouble(), 12.0);
        QCOMPARE(r.value("body").toString(), QStringLiteral("{\"error\":\"item not found\"}"));
    }

    void successHasNoBodyAndInfoLevel()
    {
        HttpRequest request;
        request.method = "HEAD";
        request.path = QStringLiteral("/b/a.png");
        const QList<QByteArray> lines =
            formatAccessLog(request, HttpResponse(200, "png", "image/png"), std::chrono::microseconds(1500))
                .split('\n');
        const QJsonObject resp = QJsonDocument::fromJson(lines.at(1)).object();
        QCOMPARE(resp.value("message").toString(), QStringLiteral("Response: 200 OK"));
        QCOMPARE(resp.value("level").toString(), QStringLiteral("info"));
        QVERIFY(!resp.value("httpResponse").toObject().contains("body"));
        QCOMPARE(resp.value("httpResponse").toObject().value("elapsed").toDouble(), 1.5);
    }
};

QTEST_GUILESS_MAIN(TestAccessLog)
#include "tst_accesslog.moc"
