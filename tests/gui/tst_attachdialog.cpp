// Issue 25 finding 10: the Attach dialog showed a keychain (D-Bus) error even
// for a server whose admin API needs no token. It asks the server first
// (GET /api/v1/info without a token: 200 = open, 401 = token) and speaks of
// the keychain only for a server that needs a token. Runs without a Secret
// Service (no D-Bus session), so every keychain read fails here. The same for
// `mort-studio --attach URL` from the command line (AttachTokenLookup).
#include "ui/connection/attachdialog.h"
#include "ui/connection/attachtoken.h"
#include "ui/connection/tokenstore.h"

#include <QComboBox>
#include <QLabel>
#include <QProcess>
#include <QTemporaryDir>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace mort;

namespace {

// An admin listener that answers every request with one status.
class FakeAdmin : public QTcpServer
{
public:
    explicit FakeAdmin(int status) : m_status(status)
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    if (!socket->readAll().contains("\r\n\r\n"))
                        return;
                    ++requests;
                    const QByteArray body = m_status == 200 ? QByteArray(R"({"auth":"none"})")
                                                            : QByteArray(R"({"code":"admin.unauthorized"})");
                    socket->write("HTTP/1.1 " + QByteArray::number(m_status)
                                  + (m_status == 200 ? " OK" : " Unauthorized")
                                  + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                                  + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(serverPort()); }
    int requests = 0;

private:
    int m_status;
};

} // namespace

class TestAttachDialog : public QObject
{
    Q_OBJECT

    // The dialog on `url`, once it has looked the token up.
    static QString hintFor(AttachDialog &dialog, const QString &url)
    {
        QSignalSpy done(&dialog, &AttachDialog::tokenLookedUp);
        dialog.findChild<QComboBox *>()->setEditText(url);
        if (!done.wait(10000))
            return QStringLiteral("(no answer)");
        return dialog.hint();
    }

private Q_SLOTS:
    void initTestCase()
    {
        // No Secret Service: every keychain read fails, as on a machine without one.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/mort-test-bus");
        QSettings().remove(QStringLiteral("attach/recent")); // RecentList::connections()
        TokenStore store;
        QSignalSpy read(&store, &TokenStore::tokenRead);
        store.read(QStringLiteral("http://127.0.0.1:1"));
        QVERIFY(read.wait(15000));
        QVERIFY2(!read.at(0).at(2).toString().isEmpty(), "the keychain answered: this test needs one that fails");
    }

    void openServerShowsNoKeychainError()
    {
        FakeAdmin open(200);
        QVERIFY(open.listen(QHostAddress::LocalHost));
        AttachDialog dialog;
        QCOMPARE(hintFor(dialog, open.url()), QStringLiteral("This server's admin API needs no token."));
        QCOMPARE(dialog.tokenNeed(), AdminAuthProbe::Need::None);
        QCOMPARE(open.requests, 1);
        QCOMPARE(dialog.token(), QString());
    }

    void tokenServerSaysWhyTheKeychainDidNotHelp()
    {
        FakeAdmin guarded(401);
        QVERIFY(guarded.listen(QHostAddress::LocalHost));
        AttachDialog dialog;
        const QString hint = hintFor(dialog, guarded.url());
        QCOMPARE(dialog.tokenNeed(), AdminAuthProbe::Need::Token);
        QVERIFY2(hint.startsWith(QStringLiteral("This server needs an admin token; enter it above. "
                                                "The keychain could not be read: ")),
                 qPrintable(hint));
    }

    void unreachableServerShowsNoKeychainError()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const QString url = QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort());
        closed.close(); // nothing listens there now
        AttachDialog dialog;
        QCOMPARE(hintFor(dialog, url), QString());
        QCOMPARE(dialog.tokenNeed(), AdminAuthProbe::Need::Unknown);
    }

    // `mort-studio --attach URL`: the lookup asks the server first, as the dialog.
    void commandLineLookupSkipsTheKeychainForAnOpenServer()
    {
        FakeAdmin open(200);
        QVERIFY(open.listen(QHostAddress::LocalHost));
        AttachTokenLookup lookup;
        QSignalSpy found(&lookup, &AttachTokenLookup::found);
        lookup.start(QUrl(open.url()), QString());
        QVERIFY(found.wait(10000));
        QCOMPARE(found.at(0).at(0).toString(), QString());
        QCOMPARE(found.at(0).at(1).toString(), QString()); // no keychain error
        QVERIFY(!lookup.keychainRead());
        QCOMPARE(open.requests, 1);
    }

    void commandLineLookupSaysWhatToDoForATokenServer()
    {
        FakeAdmin guarded(401);
        QVERIFY(guarded.listen(QHostAddress::LocalHost));
        AttachTokenLookup lookup;
        QSignalSpy found(&lookup, &AttachTokenLookup::found);
        lookup.start(QUrl(guarded.url()), QString());
        QVERIFY(found.wait(15000));
        QVERIFY(lookup.keychainRead());
        const QString warning = found.at(0).at(1).toString();
        QVERIFY2(warning.startsWith(QStringLiteral("This server's admin API needs a token. "
                                                   "The keychain could not be read: ")),
                 qPrintable(warning));
        QVERIFY2(warning.contains(QStringLiteral("MORT_ADMIN_TOKEN")), qPrintable(warning));
    }

    void commandLineLookupTakesTheEnvironmentsToken()
    {
        AttachTokenLookup lookup;
        QSignalSpy found(&lookup, &AttachTokenLookup::found);
        lookup.start(QUrl(QStringLiteral("http://127.0.0.1:1")), QStringLiteral("s3cret"));
        QVERIFY(found.wait(1000));
        QCOMPARE(found.at(0).at(0).toString(), QStringLiteral("s3cret"));
        QVERIFY(!lookup.keychainRead());
    }

    // The real program: `mort-studio --attach URL` on a server that needs no
    // token prints no keychain or D-Bus error (it did before, from main.cpp).
    void studioAttachedFromTheCommandLinePrintsNoKeychainError()
    {
        FakeAdmin open(200);
        QVERIFY(open.listen(QHostAddress::LocalHost));
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/mort-test-bus"));
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path() + QStringLiteral("/config"));
        env.remove(QStringLiteral("MORT_ADMIN_TOKEN"));
        QProcess studio;
        studio.setProcessEnvironment(env);
        studio.start(QStringLiteral(MORT_STUDIO_BINARY),
                     {QStringLiteral("--attach"), open.url(), QStringLiteral("--screenshot"),
                      home.filePath(QStringLiteral("shot.png"))});
        QVERIFY(studio.waitForStarted(10000));
        // The fake answers on this thread's event loop while the studio runs.
        QTRY_VERIFY_WITH_TIMEOUT(studio.state() == QProcess::NotRunning, 30000);
        const QString err = QString::fromLocal8Bit(studio.readAllStandardError());
        QCOMPARE(studio.exitCode(), 0);
        QVERIFY(open.requests >= 1);
        QVERIFY2(!err.contains(QStringLiteral("keychain"), Qt::CaseInsensitive), qPrintable(err));
        QVERIFY2(!err.contains(QStringLiteral("D-Bus"), Qt::CaseInsensitive), qPrintable(err));
        QVERIFY2(!err.contains(QStringLiteral("dbus"), Qt::CaseInsensitive), qPrintable(err));
    }
};

QTEST_MAIN(TestAttachDialog)
#include "tst_attachdialog.moc"
