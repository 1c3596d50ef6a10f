// Admin tokens in the system keychain, against a real Secret Service:
// ctest runs this under its own D-Bus session with an unlocked
// gnome-keyring (tests/gui/with-keyring.sh), never the user's keyring.
// Write, read back, overwrite, remove, and a missing entry is no error.
#include "ui/connection/tokenstore.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>

using namespace mort;

class TestTokenStore : public QObject
{
    Q_OBJECT

    // Runs one read and returns (token, error).
    static std::pair<QString, QString> read(TokenStore &store, const QString &url)
    {
        QSignalSpy done(&store, &TokenStore::tokenRead);
        store.read(url);
        if (!done.wait(15000))
            return {{}, QStringLiteral("no answer from the keychain")};
        return {done.at(0).at(1).toString(), done.at(0).at(2).toString()};
    }

    static QString write(TokenStore &store, const QString &url, const QString &token)
    {
        QSignalSpy done(&store, &TokenStore::tokenWritten);
        store.write(url, token);
        if (!done.wait(15000))
            return QStringLiteral("no answer from the keychain");
        return done.at(0).at(1).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("MORT_TEST_KEYRING"))
            QSKIP("needs the test keyring: run through ctest (tests/gui/with-keyring.sh)");
    }

    void writeReadOverwriteRemove()
    {
        TokenStore store;
        const QString url = QStringLiteral("http://127.0.0.1:18081");
        QCOMPARE(write(store, url, QStringLiteral("first-token-0123456789")), QString());
        QCOMPARE(read(store, url), std::make_pair(QStringLiteral("first-token-0123456789"), QString()));
        QCOMPARE(write(store, url, QStringLiteral("second-token-0123456789")), QString());
        QCOMPARE(read(store, url).first, QStringLiteral("second-token-0123456789"));
        // One entry per server.
        QCOMPARE(read(store, QStringLiteral("http://other:8081")), std::make_pair(QString(), QString()));
        // An empty token removes the entry; removing twice is fine.
        QCOMPARE(write(store, url, QString()), QString());
        QCOMPARE(read(store, url), std::make_pair(QString(), QString()));
        QCOMPARE(write(store, url, QString()), QString());
    }
};

QTEST_GUILESS_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"
