#include "storage/storage.h"

#include <QTest>

using namespace mort;

class TestStorageKey : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void clean_data()
    {
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expected");

        QTest::newRow("plain") << ""
                               << "/img.jpg"
                               << "/img.jpg";
        QTest::newRow("dotdot resolves") << ""
                                         << "/a/../b"
                                         << "/b";
        QTest::newRow("traversal stays at root") << ""
                                                 << "../../etc/passwd"
                                                 << "/etc/passwd";
        QTest::newRow("traversal from rooted key") << ""
                                                   << "/../../../etc/passwd"
                                                   << "/etc/passwd";
        QTest::newRow("double slashes") << ""
                                        << "//a//b"
                                        << "/a/b";
        QTest::newRow("dot segments") << ""
                                      << "/a/./b/."
                                      << "/a/b";
        QTest::newRow("trailing slash dropped") << ""
                                                << "/dir/"
                                                << "/dir";
        QTest::newRow("root") << ""
                              << "/"
                              << "/";
        QTest::newRow("empty key") << ""
                                   << ""
                                   << "/";
        QTest::newRow("all climbed away") << ""
                                          << "/a/b/../../../.."
                                          << "/";
        QTest::newRow("prefix joins like Go path.Join") << "transforms"
                                                        << "/img.jpg"
                                                        << "transforms/img.jpg";
        QTest::newRow("prefix with slash") << "transforms/"
                                           << "img.jpg"
                                           << "transforms/img.jpg";
        QTest::newRow("prefix cannot be escaped") << "transforms"
                                                  << "/../../x"
                                                  << "x";
        QTest::newRow("prefix climbed to root") << "transforms"
                                                << "/.."
                                                << ".";
        QTest::newRow("prefix only") << "transforms"
                                     << ""
                                     << "transforms";
        QTest::newRow("absolute prefix") << "/abs"
                                         << "/k"
                                         << "/abs/k";
        QTest::newRow("dots inside names kept") << ""
                                                << "/a..b/..c/.d"
                                                << "/a..b/..c/.d";
        QTest::newRow("mixed") << ""
                               << "/a/./b//../c/"
                               << "/a/c";
    }
    void clean()
    {
        QFETCH(QString, prefix);
        QFETCH(QString, key);
        QFETCH(QString, expected);
        QCOMPARE(cleanStorageKey(prefix, key), expected);
    }

    void neverContainsDotDotSegment()
    {
        const QStringList keys{"..", "/..", "../..", "a/../../..", "/x/../../y/../../z", ".../...", "/.../../"};
        for (const QString &prefix : {QString(), QStringLiteral("p"), QStringLiteral("/p/q")}) {
            for (const QString &key : keys) {
                const QString cleaned = cleanStorageKey(prefix, key);
                QVERIFY2(!cleaned.split(QLatin1Char('/')).contains(QStringLiteral("..")), qPrintable(cleaned));
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestStorageKey)
#include "tst_storagekey.moc"
