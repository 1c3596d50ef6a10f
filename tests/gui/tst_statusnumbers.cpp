// The Status tab's numbers mean what they say (issue 25.5): the studio's own
// admin calls are not counted as requests, counters shown together agree after
// Stop/Start, and a server that cannot be reached is "Not connected" (with the
// reason and a Retry), in one window however often one attaches to it.
#include "config/config.h"
#include "previewtestsupport.h"
#include "service/engine.h"
#include "client/localengineclient.h"
#include "ui/mainwindow.h"
#include "client/remoteengineclient.h"
#include "ui/status/serverstatuspanel.h"
#include "ui/activity/taskcountsmodel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace mort;

namespace {

int get(const QString &url)
{
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(url)));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(10000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete reply;
    return status;
}

QString labelText(const QWidget &window, const char *name)
{
    const auto *label = window.findChild<QLabel *>(QLatin1String(name));
    return label ? label->text() : QStringLiteral("(no label %1)").arg(QLatin1String(name));
}

bool labelShown(const QWidget &window, const char *name)
{
    const auto *label = window.findChild<QLabel *>(QLatin1String(name));
    return label && label->isVisible();
}

QList<MainWindow *> visibleMainWindows()
{
    QList<MainWindow *> out;
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *window = qobject_cast<MainWindow *>(w); window && window->isVisible())
            out << window;
    }
    return out;
}

// A loopback port nothing listens on (bound, then released).
quint16 freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

} // namespace

class TestStatusNumbers : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString bucketConfig(const QString &internalListen) const
    {
        return QStringLiteral(R"(
server:
  listens: ["127.0.0.1:0"]
  internalListen: "%2"
buckets:
  b:
    storages:
      basic: {kind: local-meta, rootPath: "%1"}
  q:
    transform:
      kind: "query"
    storages:
      basic: {kind: local-meta, rootPath: "%1"}
      transform: {kind: local-meta, rootPath: "%1/results"}
)")
            .arg(m_dir.path(), internalListen);
    }

    std::unique_ptr<Engine> startEngine(const QString &internalListen)
    {
        auto config = ConfigLoader::fromText(bucketConfig(internalListen));
        if (!config)
            return nullptr;
        auto engine = std::make_unique<Engine>(*config);
        return engine->start() ? std::move(engine) : nullptr;
    }

    // The attach dialog, answered with `url` as soon as it is open.
    static void answerAttachDialog(const QString &url)
    {
        QTimer::singleShot(0, [url] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto *address = dialog->findChild<QComboBox *>();
            QVERIFY(address);
            address->setEditText(url);
            dialog->accept();
        });
    }

    static QAction *attachAction(MainWindow &window)
    {
        for (QAction *action : window.findChildren<QAction *>()) {
            if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A))
                return action;
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // local-meta keeps <rootPath>/<bucket>/<key>.
        for (const char *bucket : {"b", "q"}) {
            QDir().mkpath(m_dir.filePath(QLatin1String(bucket)));
            QVERIFY(QFile::copy(mort::test::photoPath(QStringLiteral("photo_800x600.jpg")),
                                m_dir.filePath(QLatin1String(bucket) + QStringLiteral("/photo.jpg"))));
        }
    }

    // Attached and idle: the event stream and every F5 are admin calls, not requests.
    void idleAttachedServerShowsNoRequests()
    {
        std::unique_ptr<Engine> engine = startEngine(QStringLiteral("127.0.0.1:0"));
        QVERIFY(engine);
        const QString internal = engine->stats().internalAddresses.value(0);
        RemoteEngineClient client(QUrl(QStringLiteral("http://") + internal), QString());
        client.setStreamIntervalMs(100);
        MainWindow window(&client);
        window.setCurrentTab(MainWindow::StatusTab);
        window.show();
        QSignalSpy stats(&client, &EngineClient::statsUpdated);
        client.connectToServer();
        QVERIFY(stats.wait(5000));

        // Every GET .../stats the client's own network manager finishes is one
        // F5 answered and read (the event stream stays open meanwhile).
        auto *network = client.findChild<QNetworkAccessManager *>();
        QVERIFY(network);
        int answered = 0;
        connect(network, &QNetworkAccessManager::finished, &window, [&answered](QNetworkReply *reply) {
            if (reply->url().path().endsWith(QLatin1String("/stats")))
                ++answered;
        });
        for (int i = 0; i < 3; ++i) { // F5, three times, each one answered before the next
            window.refreshAll();
            QTRY_VERIFY_WITH_TIMEOUT(answered > i, 5000);
        }
        stats.clear();
        QVERIFY(stats.wait(5000));
        QCOMPARE(labelText(window, "requests"), QStringLiteral("0 served, 0 in flight, 0 dropped (client left)"));
        const TaskCountsModel *tasks = window.statusPanel()->taskModel();
        QCOMPARE(tasks->data(tasks->index(int(TaskKind::Request), TaskCountsModel::LiveColumn)).toInt(), 0);

        // A request to the public listener is one.
        const QString publicAddress = engine->stats().publicAddresses.value(0);
        QCOMPARE(get(QStringLiteral("http://%1/b/photo.jpg").arg(publicAddress)), 200);
        QTRY_COMPARE_WITH_TIMEOUT(labelText(window, "requests"),
                                  QStringLiteral("1 served, 0 in flight, 0 dropped (client left)"), 5000);
        client.disconnectFromServer();
    }

    // Stop/Start: served requests and transforms count from the same start.
    void countersAgreeAfterStopAndStart()
    {
        auto config = ConfigLoader::fromText(bucketConfig(QStringLiteral("127.0.0.1:0")));
        QVERIFY(config.ok());
        LocalEngineClient client(*config, QStringLiteral("status.yml"));
        MainWindow window(&client);
        window.show();
        QVERIFY(client.start());
        const QString address = client.engine()->stats().publicAddresses.value(0);
        QCOMPARE(get(QStringLiteral("http://%1/q/photo.jpg?width=100").arg(address)), 200);
        QCOMPARE(get(QStringLiteral("http://%1/q/photo.jpg?width=120").arg(address)), 200);
        client.stop();
        QVERIFY(client.start());
        client.refresh();
        QCOMPARE(labelText(window, "requests"), QStringLiteral("2 served, 0 in flight, 0 dropped (client left)"));
        QCOMPARE(labelText(window, "transforms"), QStringLiteral("2 executed, 0 failed, 0 throttled"));
        client.stop();
    }

    // Nothing listens: "Not connected", the reason, Retry -- and one window per server.
    void failedAttachShowsNotConnectedInOneWindow()
    {
        auto config = ConfigLoader::fromText(bucketConfig(QStringLiteral("127.0.0.1:0")));
        QVERIFY(config.ok());
        LocalEngineClient embedded(*config, QStringLiteral("status.yml"));
        MainWindow opener(&embedded);
        opener.show();
        QAction *attach = attachAction(opener);
        QVERIFY(attach);

        const quint16 port = freePort();
        QVERIFY(port != 0);
        const QString url = QStringLiteral("http://127.0.0.1:%1").arg(port);
        answerAttachDialog(url);
        attach->trigger();
        QCOMPARE(visibleMainWindows().size(), 2);
        MainWindow *attached =
            visibleMainWindows().value(0) == &opener ? visibleMainWindows().value(1) : visibleMainWindows().value(0);
        QVERIFY(attached);
        QTRY_COMPARE_WITH_TIMEOUT(labelText(*attached, "connectionState"),
                                  QStringLiteral("Not connected to %1").arg(url), 5000);
        QCOMPARE(labelText(*attached, "connectionReason"),
                 QStringLiteral("Cannot reach %1: connection refused. Is mort-server running and is internalListen "
                                "reachable?")
                     .arg(url));
        auto *retry = attached->findChild<QPushButton *>(QStringLiteral("retry"));
        QVERIFY(retry);
        QVERIFY(retry->isVisible());
        // No figures of a server nobody reached.
        QVERIFY(attached->findChild<QLabel *>(QStringLiteral("requests")));
        QVERIFY(!labelShown(*attached, "requests"));
        QVERIFY(!labelShown(*attached, "memory"));

        // A second attempt at the same server: the same window, not another on top.
        answerAttachDialog(url + QLatin1Char('/'));
        attach->trigger();
        QCOMPARE(visibleMainWindows().size(), 2);

        // The server comes up: Retry connects.
        std::unique_ptr<Engine> engine = startEngine(QStringLiteral("127.0.0.1:%1").arg(port));
        QVERIFY(engine);
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(labelText(*attached, "state").startsWith(QLatin1String("Running since")), 10000);
        QVERIFY(!retry->isVisible());
        QVERIFY(labelShown(*attached, "requests"));
        attached->close();
        QTRY_COMPARE(visibleMainWindows().size(), 1);
    }
};

QTEST_MAIN(TestStatusNumbers)
#include "tst_statusnumbers.moc"
