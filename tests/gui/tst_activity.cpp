// The Activity tab offscreen: the log model (bounded, repeats skipped, a
// restarted server's lines taken), the level and text filter, and the panel
// fed by a real embedded engine through LocalEngineClient, as in the studio.
#include "config/config.h"
#include "previewtestsupport.h"
#include "ui/activity/activitypanel.h"
#include "client/localengineclient.h"
#include "ui/activity/logfilterproxy.h"
#include "ui/activity/logmodel.h"
#include "ui/mainwindow.h"
#include "ui/activity/taskcountsmodel.h"

#include <QAbstractItemModelTester>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTabWidget>
#include <QTcpSocket>
#include <QTest>

using namespace mort;

namespace {

const QDateTime kT0(QDate(2026, 11, 26), QTime(10, 0), Qt::UTC);

LogLine line(quint64 seq, const QString &level, const QString &category, const QString &message, int secondsAfter = 0)
{
    return LogLine{seq, kT0.addSecs(secondsAfter ? secondsAfter : qint64(seq)), level, category, message};
}

// One request written as is (no client library normalising the path); the status answered.
int rawStatus(const QString &address, const QByteArray &request)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress(address.section(QLatin1Char(':'), 0, 0)),
                         quint16(address.section(QLatin1Char(':'), 1).toUInt()));
    if (!socket.waitForConnected(5000))
        return 0;
    socket.write(request);
    QByteArray answer;
    while (!answer.contains("\r\n") && socket.waitForReadyRead(5000))
        answer += socket.readAll();
    return answer.split(' ').value(1).toInt();
}

QStringList messages(const QAbstractItemModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.data(model.index(row, LogModel::MessageColumn)).toString();
    return out;
}

} // namespace

class TestActivity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void logModelSkipsRepeatsAndStaysBounded()
    {
        LogModel model(10);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append({line(1, "info", "mort.http", "a"), line(2, "warn", "mort.http", "b")});
        // A reconnected stream sends the ring again: nothing new is added.
        model.append({line(1, "info", "mort.http", "a"), line(2, "warn", "mort.http", "b"),
                      line(3, "error", "mort.storage", "c")});
        QCOMPARE(messages(model), (QStringList{"a", "b", "c"}));
        QCOMPARE(model.data(model.index(1, LogModel::LevelColumn)).toString(), QStringLiteral("warn"));
        QCOMPARE(model.data(model.index(2, LogModel::LevelColumn), LogModel::LevelRankRole).toInt(), 3);
        QCOMPARE(model.data(model.index(0, LogModel::CategoryColumn)).toString(), QStringLiteral("mort.http"));

        // A restarted server numbers from 1 again, with newer times: taken.
        model.append({line(1, "info", "mort", "restarted", 100)});
        QCOMPARE(messages(model).last(), QStringLiteral("restarted"));

        // Bounded: 25 more lines keep the newest 10.
        QList<LogLine> many;
        for (int i = 2; i <= 26; ++i)
            many << line(quint64(i), "debug", "mort", QString::number(i), 100 + i);
        model.append(many);
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(messages(model).first(), QStringLiteral("17"));
        QCOMPARE(messages(model).last(), QStringLiteral("26"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void filterByLevelAndText()
    {
        LogModel model;
        LogFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append({line(1, "debug", "mort.cache", "cache miss for /demo/small/a.jpg"),
                      line(2, "info", "mort.http", "GET /demo/a.jpg 200"), line(3, "warn", "mort.storage", "slow read"),
                      line(4, "error", "mort.imaging", "Transform failed: corrupt JPEG")});
        QCOMPARE(proxy.rowCount(), 4);
        proxy.setMinimumLevel(2);
        QCOMPARE(messages(proxy), (QStringList{"slow read", "Transform failed: corrupt JPEG"}));
        proxy.setMinimumLevel(0);
        proxy.setSearchText(QStringLiteral("  CACHE "));
        QCOMPARE(messages(proxy), (QStringList{"cache miss for /demo/small/a.jpg"}));
        proxy.setSearchText(QStringLiteral("storage")); // the category matches too
        QCOMPARE(messages(proxy), (QStringList{"slow read"}));
        proxy.setSearchText(QStringLiteral("transform"));
        proxy.setMinimumLevel(3);
        QCOMPARE(messages(proxy), (QStringList{"Transform failed: corrupt JPEG"}));
        proxy.setMinimumLevel(4);
        QCOMPARE(proxy.rowCount(), 0);
        // New lines go through the same filter.
        model.append({line(5, "fatal", "mort", "transform pool gone")});
        QCOMPARE(messages(proxy), (QStringList{"transform pool gone"}));
    }

    void embeddedEngineFeedsTheActivityTab()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const ConfigPtr config = mort::test::localBucketConfig(dir.path());
        QVERIFY(config);
        LogRing ring;
        LocalEngineClient client(config, QStringLiteral("test.yml"));
        client.engine()->setLogRing(&ring);
        MainWindow window(&client);
        window.resize(1100, 700);
        window.setCurrentTab(MainWindow::ActivityTab);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.tabs()->currentWidget(), window.activityPanel());
        QVERIFY(client.start());

        // A real request leaves its summary (category mort.access, level warn for a 404).
        QNetworkAccessManager nam;
        const QString address = client.engine()->stats().publicAddresses.value(0);
        QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(QStringLiteral("http://%1/b/one.jpg").arg(address))));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
        reply->deleteLater();
        ring.append(QStringLiteral("warn"), QStringLiteral("mort.storage"), QStringLiteral("slow storage read"));
        client.refresh();
        ActivityPanel *activity = window.activityPanel();
        const QStringList shown = messages(*activity->logModel());
        QCOMPARE(shown.size(), 2);
        QVERIFY2(QRegularExpression(QStringLiteral("^GET /b/one\\.jpg 404 \\d+\\.\\d ms \\d+ B$"))
                     .match(shown.at(0))
                     .hasMatch(),
                 qPrintable(shown.at(0)));
        QCOMPARE(activity->logModel()->line(0).category, QStringLiteral("mort.access"));
        QCOMPARE(activity->logModel()->line(0).level, QStringLiteral("warn"));
        QCOMPARE(shown.at(1), QStringLiteral("slow storage read"));
        client.refresh(); // nothing new: nothing repeated
        QCOMPARE(activity->logModel()->rowCount(), 2);

        activity->setMinimumLevel(3); // errors only
        QCOMPARE(activity->logFilter()->rowCount(), 0);
        activity->setMinimumLevel(2); // warnings: the 404 and the slow read
        QCOMPARE(activity->logFilter()->rowCount(), 2);
        activity->setMinimumLevel(0);
        activity->setSearchText(QStringLiteral("one.jpg"));
        QCOMPARE(activity->logFilter()->rowCount(), 1);
        activity->setSearchText({});

        // Tasks by kind: the table has every kind, and the stats fill it.
        QCOMPARE(activity->taskModel()->rowCount(), int(TaskKind::Count));
        QCOMPARE(activity->taskModel()->totalLive(), 0);
        for (int i = 0; i < 40; ++i)
            ring.append(QStringLiteral("debug"), QStringLiteral("mort"), QStringLiteral("line %1").arg(i));
        client.refresh();
        QCOMPARE(activity->logModel()->rowCount(), 42);
        QVERIFY(activity->isFollowing());
        // Following: the newest line is in view.
        QTableView *view = activity->logView();
        const auto lastRowVisible = [view] {
            const QRect last = view->visualRect(view->model()->index(view->model()->rowCount() - 1, 0));
            return last.top() >= 0 && last.bottom() <= view->viewport()->height();
        };
        QTRY_VERIFY(lastRowVisible());
        QVERIFY(view->visualRect(view->model()->index(0, 0)).bottom() < 0); // scrolled: the first is out of view

        QDir().mkpath(QStringLiteral(MORT_BINARY_DIR "/screenshots"));
        QVERIFY(window.grab().save(QStringLiteral(MORT_BINARY_DIR "/screenshots/studio-activity-offscreen.png")));
        client.stop();
    }

    // Issue 25.6: requests answered 400 (unknown bucket, ".." in the path) and
    // those the HTTP transport refuses itself reach the log like a 404 does.
    void badRequestsReachTheActivityTab()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const ConfigPtr config = mort::test::localBucketConfig(dir.path());
        QVERIFY(config);
        LogRing ring;
        LocalEngineClient client(config, QStringLiteral("test.yml"));
        client.engine()->setLogRing(&ring);
        MainWindow window(&client);
        window.resize(1100, 700);
        window.setCurrentTab(MainWindow::ActivityTab);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(client.start());
        const QString address = client.engine()->stats().publicAddresses.value(0);

        QCOMPARE(rawStatus(address, "GET /nobucket/x.jpg HTTP/1.1\r\nHost: t\r\n\r\n"), 400);
        QCOMPARE(rawStatus(address, "GET /b/a/../x.jpg HTTP/1.1\r\nHost: t\r\n\r\n"), 400);
        QCOMPARE(rawStatus(address, "GET /b/missing.jpg HTTP/1.1\r\nHost: t\r\n\r\n"), 404);
        QCOMPARE(rawStatus(address, "GET /b/x.jpg HTTP/1.1\r\n\r\n"), 400); // no Host: refused by the transport
        client.refresh();

        ActivityPanel *activity = window.activityPanel();
        const QStringList shown = messages(*activity->logModel());
        QCOMPARE(shown.size(), 4);
        const QStringList starts{QStringLiteral("GET /nobucket/x.jpg 400 "), QStringLiteral("GET /b/a/../x.jpg 400 "),
                                 QStringLiteral("GET /b/missing.jpg 404 ")};
        for (int i = 0; i < starts.size(); ++i)
            QVERIFY2(shown.at(i).startsWith(starts.at(i)), qPrintable(shown.at(i)));
        QCOMPARE(shown.at(3),
                 QStringLiteral("400 Bad Request from 127.0.0.1, refused by the HTTP transport: "
                                "missing Host header"));
        for (int row = 0; row < 4; ++row) {
            QCOMPARE(activity->logModel()->line(row).category, QStringLiteral("mort.access"));
            QCOMPARE(activity->logModel()->line(row).level, QStringLiteral("warn"));
        }
        // The warnings filter keeps all four.
        activity->setMinimumLevel(2);
        QCOMPARE(activity->logFilter()->rowCount(), 4);
        client.stop();
    }
};

QTEST_MAIN(TestActivity)
#include "tst_activity.moc"
