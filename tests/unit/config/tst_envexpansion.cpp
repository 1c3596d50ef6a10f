// Spec config.md §1: Mort's shell-style $NAME / ${NAME} expansion of the whole
// config text, quirks included ($$ and $1 are consumed, $" is kept).
#include "config/config.h"

#include <QTest>

using namespace mort;

class TestEnvExpansion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void expandsLikeMort_data();
    void expandsLikeMort();
    void lookupReceivesTheName_data();
    void lookupReceivesTheName();
    void readsTheProcessEnvironment();
    void unsetVariablesAreNamedOnce();
};

namespace {

QString fakeEnvironment(const QString &name)
{
    if (name == QLatin1String("REDIS_HOST"))
        return QStringLiteral("redis.local");
    if (name == QLatin1String("S3_KEY"))
        return QStringLiteral("AKIA");
    if (name == QLatin1String("EMPTY"))
        return QString();
    if (name == QLatin1String("WITH_DOLLAR"))
        return QStringLiteral("a$S3_KEY"); // values are not expanded again
    return QString();
}

} // namespace

void TestEnvExpansion::expandsLikeMort_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plainNameReplaced") << "address: $REDIS_HOST:6379"
                                       << "address: redis.local:6379";
    QTest::newRow("bracedNameReplaced") << "${REDIS_HOST}x"
                                        << "redis.localx";
    QTest::newRow("nameEndsAtNonNameChar") << "$REDIS_HOST-1"
                                           << "redis.local-1";
    QTest::newRow("nameIncludesDigitsAndUnderscore") << "$S3_KEY2"
                                                     << "";
    QTest::newRow("unsetNameBecomesEmpty") << "a$NOPE.b"
                                           << "a.b";
    QTest::newRow("setButEmptyBecomesEmpty") << "[$EMPTY]"
                                             << "[]";
    QTest::newRow("valueNotExpandedAgain") << "$WITH_DOLLAR"
                                           << "a$S3_KEY";
    QTest::newRow("severalInOneLine") << "$S3_KEY/${REDIS_HOST}/$S3_KEY"
                                      << "AKIA/redis.local/AKIA";
    QTest::newRow("dollarBeforeQuoteKept") << R"(path: "\\/(?P<parent>.*)$")"
                                           << R"(path: "\\/(?P<parent>.*)$")";
    QTest::newRow("dollarBeforeParenKept") << "(a$)"
                                           << "(a$)";
    QTest::newRow("dollarBeforeSpaceKept") << "5 $ each"
                                           << "5 $ each";
    QTest::newRow("dollarBeforeNonAsciiKept") << "$\u00e9t\u00e9"
                                              << "$\u00e9t\u00e9";
    QTest::newRow("trailingDollarKept") << "abc$"
                                        << "abc$";
    QTest::newRow("loneDollarKept") << "$"
                                    << "$";
    QTest::newRow("digitIsSpecialAndConsumed") << "a$1b"
                                               << "ab";
    QTest::newRow("onlyOneDigitIsSpecial") << "$12"
                                           << "2";
    QTest::newRow("starIsSpecialAndConsumed") << "$*x"
                                              << "x";
    QTest::newRow("doubleDollarConsumedNotEscape") << "price $$5"
                                                   << "price 5";
    QTest::newRow("hashIsSpecialAndConsumed") << "$#"
                                              << "";
    QTest::newRow("bracedSpecialConsumed") << "${1}x"
                                           << "x";
    QTest::newRow("emptyBracesRemoved") << "a${}b"
                                        << "ab";
    QTest::newRow("unterminatedBraceDropsDollarBrace") << "a${REDIS_HOST"
                                                       << "aREDIS_HOST";
    QTest::newRow("bracedTextIsTheWholeName") << "${REDIS_HOST:-x}"
                                              << "";
    QTest::newRow("regexQuantifierInBracesIsEaten") << "x${3,5}y"
                                                    << "xy";
    QTest::newRow("regexQuantifierWithoutDollarUntouched") << "^a{3}$"
                                                           << "^a{3}$";
    QTest::newRow("commentsAreExpandedToo") << "# $REDIS_HOST"
                                            << "# redis.local";
    QTest::newRow("noDollarUnchanged") << "server:\n  listen: \":8080\"\n"
                                       << "server:\n  listen: \":8080\"\n";
}

void TestEnvExpansion::expandsLikeMort()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(ConfigLoader::expandEnvironment(input, fakeEnvironment), expected);
}

void TestEnvExpansion::lookupReceivesTheName_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("names");

    QTest::newRow("plain") << "$A_b9" << QStringList{"A_b9"};
    QTest::newRow("braced") << "${with space}" << QStringList{"with space"};
    QTest::newRow("special") << "$$ $1 ${?}" << QStringList{"$", "1", "?"};
    QTest::newRow("keptDollarsLookNothingUp") << "$\" $) $" << QStringList{};
}

void TestEnvExpansion::lookupReceivesTheName()
{
    QFETCH(QString, input);
    QFETCH(QStringList, names);
    QStringList seen;
    ConfigLoader::expandEnvironment(input, [&](const QString &name) {
        seen.append(name);
        return QString();
    });
    QCOMPARE(seen, names);
}

void TestEnvExpansion::readsTheProcessEnvironment()
{
    qputenv("MORT_TST_ENVEXPANSION", "from-env");
    QCOMPARE(ConfigLoader::expandEnvironment(QStringLiteral("v=$MORT_TST_ENVEXPANSION;")),
             QStringLiteral("v=from-env;"));
    qunsetenv("MORT_TST_ENVEXPANSION");
    QCOMPARE(ConfigLoader::expandEnvironment(QStringLiteral("v=$MORT_TST_ENVEXPANSION;")), QStringLiteral("v=;"));
}

void TestEnvExpansion::unsetVariablesAreNamedOnce()
{
    qputenv("MORT_TST_SET", "x");
    qputenv("MORT_TST_SET_EMPTY", ""); // set, even if empty: no warning
    qunsetenv("MORT_TST_UNSET_A");
    qunsetenv("MORT_TST_UNSET_B");
    const QString text = QStringLiteral("a: \"${MORT_TST_UNSET_B}\"\nb: $MORT_TST_SET $MORT_TST_SET_EMPTY\n"
                                        "c: $MORT_TST_UNSET_A ${MORT_TST_UNSET_B} $1 $$ ${?}\nd: \"^/x$\"\n");
    QCOMPARE(ConfigLoader::unsetVariables(text), (QStringList{"MORT_TST_UNSET_B", "MORT_TST_UNSET_A"}));
    qunsetenv("MORT_TST_SET");
    qunsetenv("MORT_TST_SET_EMPTY");
}

QTEST_GUILESS_MAIN(TestEnvExpansion)
#include "tst_envexpansion.moc"
