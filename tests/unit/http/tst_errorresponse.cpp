// Error -> HTTP response (spec http-behaviour.md §2, §9; DESIGN §6).
#include "http/errorresponse.h"

#include <QTest>

using namespace mort;

class TestErrorResponse : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bodies_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("code");
        QTest::addColumn<QString>("publicMessage");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");

        const QByteArray mortJson = "{\"message\": \"error\"}";
        const QByteArray json = "application/json";
        // Mort's statuses: the literal body, whatever the message.
        QTest::newRow("400 parse error") << 400 << QByteArray("object.parse") << QStringLiteral("bad width") << mortJson
                                         << json;
        QTest::newRow("405 method") << 405 << QByteArray("http.method_not_allowed") << QStringLiteral("no") << mortJson
                                    << json;
        QTest::newRow("499 timeout") << 499 << QByteArray("request.timeout") << QStringLiteral("timeout") << mortJson
                                     << json;
        QTest::newRow("500 internal") << 500 << QByteArray("internal.exception") << QStringLiteral("internal error")
                                      << mortJson << json;
        QTest::newRow("503 throttled") << 503 << QByteArray("imaging.throttled") << QStringLiteral("busy") << mortJson
                                       << json;
        QTest::newRow("504 collapse timeout")
            << 504 << QByteArray("lock.timeout") << QStringLiteral("slow") << mortJson << json;
        // Missing object: JSON-looking text/plain.
        QTest::newRow("404") << 404 << QByteArray("object.not_found") << QStringLiteral("item not found")
                             << QByteArray("{\"error\":\"item not found\"}") << QByteArray("text/plain");
        // Our own limits: the public message and the code.
        QTest::newRow("413") << 413 << QByteArray("limits.body_too_large") << QStringLiteral("body too large")
                             << QByteArray("{\"code\":\"limits.body_too_large\",\"message\":\"body too large\"}")
                             << json;
        QTest::newRow("415") << 415 << QByteArray("imaging.unsupported") << QStringLiteral("unsupported \"type\"")
                             << QByteArray(
                                    "{\"code\":\"imaging.unsupported\",\"message\":\"unsupported \\\"type\\\"\"}")
                             << json;
        QTest::newRow("422") << 422 << QByteArray("imaging.too_many_pixels") << QStringLiteral("too many pixels")
                             << QByteArray("{\"code\":\"imaging.too_many_pixels\",\"message\":\"too many pixels\"}")
                             << json;
        QTest::newRow("431") << 431 << QByteArray("http.headers_too_large") << QStringLiteral("headers too large")
                             << QByteArray("{\"code\":\"http.headers_too_large\",\"message\":\"headers too large\"}")
                             << json;
    }

    void bodies()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, code);
        QFETCH(QString, publicMessage);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        const Error error = Error::client(code, status, publicMessage, QStringLiteral("secret internal detail"));
        const HttpResponse r = errorResponse(error);
        QCOMPARE(r.status, status);
        QCOMPARE(r.body, body);
        QCOMPARE(r.header("Content-Type"), contentType);
        QCOMPARE(r.header("X-Mort-Error"), code);
        QCOMPARE(hasHeader(r.headers, "Retry-After"), status == 503);
        QVERIFY(!r.body.contains("secret"));
        // Exactly Content-Type, X-Mort-Error (and Retry-After on 503).
        QCOMPARE(r.headers.size(), status == 503 ? 3 : 2);
    }

    void serviceUnavailableAsksToRetryAfterOneSecond()
    {
        const HttpResponse r = errorResponse(Error::upstream("storage.unavailable", 503, QStringLiteral("down")));
        QCOMPARE(r.header("Retry-After"), QByteArray("1"));
        QCOMPARE(r.header("X-Mort-Error"), QByteArray("storage.unavailable"));
        // Also in debug mode.
        QCOMPARE(errorResponse(Error::upstream("storage.unavailable", 503, QStringLiteral("down")), true)
                     .header("Retry-After"),
                 QByteArray("1"));
    }

    void helpers()
    {
        HttpResponse r = errorResponse(Error::notFound());
        QCOMPARE(r.status, 404);
        QCOMPARE(r.body, QByteArray("{\"error\":\"item not found\"}"));
        QCOMPARE(r.header("X-Mort-Error"), QByteArray("object.not_found"));

        r = errorResponse(Error::badRequest("object.invalid_query", QStringLiteral("width=abc")));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body, QByteArray("{\"message\": \"error\"}"));
        QCOMPARE(r.header("X-Mort-Error"), QByteArray("object.invalid_query"));

        r = errorResponse(Error::internal("internal.exception", QStringLiteral("std::bad_alloc")));
        QCOMPARE(r.status, 500);
        QCOMPARE(r.body, QByteArray("{\"message\": \"error\"}"));
    }

    void debugModeShowsTheDetail_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("detail");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("400 with detail") << 400 << QStringLiteral("unknown preset \"x\"")
                                         << QByteArray("{\"code\":\"c.x\",\"message\":\"unknown preset \\\"x\\\"\"}");
        QTest::newRow("404 with detail") << 404 << QStringLiteral("no such file")
                                         << QByteArray("{\"code\":\"c.x\",\"message\":\"no such file\"}");
        QTest::newRow("422 without detail falls back to the public message")
            << 422 << QString() << QByteArray("{\"code\":\"c.x\",\"message\":\"public text\"}");
    }

    void debugModeShowsTheDetail()
    {
        QFETCH(int, status);
        QFETCH(QString, detail);
        QFETCH(QByteArray, body);
        const HttpResponse r = errorResponse(Error::client("c.x", status, QStringLiteral("public text"), detail), true);
        QCOMPARE(r.status, status);
        QCOMPARE(r.body, body);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(r.header("X-Mort-Error"), QByteArray("c.x"));
    }
};

QTEST_GUILESS_MAIN(TestErrorResponse)
#include "tst_errorresponse.moc"
