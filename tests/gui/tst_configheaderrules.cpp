// Issue 21 (item 1, header rules): the Config tab's Header rules page. The
// top-level `headers:` rules listed in order; rules added, removed, moved and
// edited through the page rewrite only the `headers:` block (every other
// line and comment stays); the engine parses what was written; its
// validator's issues under `headers...` show on the page.
#include "client/headerrulesedit.h"
#include "client/localengineclient.h"
#include "ui/config/configpanel.h"
#include "ui/config/headerrulespage.h"

#include <QCheckBox>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace mort;

namespace {

const QString kHead = QStringLiteral(R"(# demo
server:
  listens: ["127.0.0.1:0"]
  internalListen: "127.0.0.1:0"

# responses' headers
)");
const QString kRule1 = QStringLiteral(R"(  - statusCodes: [200]
    values:
      "cache-control": "max-age=84000, public"
)");
const QString kRule2 = QStringLiteral(R"(  - statusCodes: [404, 400]
    values:
      "cache-control": "max-age=60, public"
    override: true
)");
const QString kTail = QStringLiteral(R"(
buckets:   # one bucket
  media:
    storages:
      basic: {kind: noop}
)");
const QString kText = kHead + QStringLiteral("headers:\n") + kRule1 + kRule2 + kTail;

} // namespace

class TestConfigHeaderRules : public QObject
{
    Q_OBJECT

    ConfigPanel *m_panel = nullptr;
    HeaderRulesPage *m_page = nullptr;
    std::unique_ptr<LocalEngineClient> m_client;

    template<typename T>
    T *child(const char *name) const
    {
        T *found = m_page->findChild<T *>(QString::fromLatin1(name));
        if (!found)
            qFatal("no %s on the page", name);
        return found;
    }
    void click(const char *name) const { child<QPushButton>(name)->click(); }
    QList<HeaderRule> parsed() const
    {
        QList<ConfigIssue> issues;
        const Config config = ConfigLoader::parse(m_panel->editedText(), issues);
        if (!issues.isEmpty())
            qWarning("%s", qPrintable(describe(issues.constFirst())));
        return issues.isEmpty() ? config.headers : QList<HeaderRule>{};
    }

private Q_SLOTS:
    void init()
    {
        m_client = std::make_unique<LocalEngineClient>(std::make_shared<const Config>(), QString());
        m_panel = new ConfigPanel(m_client.get());
        m_panel->setValidationDelayMs(0);
        m_panel->resize(1200, 760);
        m_panel->setEditedText(kText);
        QVERIFY(m_panel->selectHeaderRules());
        m_page = m_panel->headerRulesPage();
    }
    void cleanup()
    {
        delete m_panel;
        m_panel = nullptr;
    }

    void readAndWrittenBackExactly()
    {
        const QList<HeaderRuleText> rules = HeaderRulesEdit::rules(kText);
        QCOMPARE(rules.size(), 2);
        QCOMPARE(rules.at(1).statusCodes, (QStringList{QStringLiteral("404"), QStringLiteral("400")}));
        QCOMPARE(rules.at(0).values.constFirst().second, QStringLiteral("max-age=84000, public"));
        QVERIFY(rules.at(1).override && !rules.at(0).override);
        QCOMPARE(*HeaderRulesEdit::setRules(kText, rules), kText);
        // None: the block goes; back again after the server block.
        const QString none = *HeaderRulesEdit::setRules(kText, {});
        QCOMPARE(none, kHead + kTail);
        QCOMPARE(*HeaderRulesEdit::setRules(none, {rules.at(0)}),
                 kHead.chopped(QStringLiteral("\n# responses' headers\n").size()) + QStringLiteral("\nheaders:\n")
                     + kRule1 + QStringLiteral("\n# responses' headers\n") + kTail);
        // A list written at its key's column is replaced whole.
        const QString compact = QStringLiteral("headers:\n- statusCodes: [200]\n  values: {a: b}\nbuckets: {}\n");
        QCOMPARE(*HeaderRulesEdit::setRules(compact, {}), QStringLiteral("buckets: {}\n"));
        QVERIFY(!HeaderRulesEdit::setRules(QStringLiteral("headers: [unclosed\n"), rules));
    }

    void pageListsTheRules()
    {
        QCOMPARE(m_page->rules(), HeaderRulesEdit::rules(kText));
        auto *list = child<QListWidget>("headerRules");
        QCOMPARE(list->count(), 2);
        QVERIFY(list->item(1)->text().contains(QLatin1String("404, 400")));
        QVERIFY(list->item(1)->text().contains(QLatin1String("cache-control")));
        QCOMPARE(m_page->selectedRule(), 0);
        QCOMPARE(child<QLineEdit>("statusCodes")->text(), QStringLiteral("200"));
        QCOMPARE(child<QTableWidget>("headerValues")->item(0, 1)->text(), QStringLiteral("max-age=84000, public"));
    }

    void addRemoveReorder()
    {
        click("addRule");
        QCOMPARE(m_panel->editedText(),
                 kHead + QStringLiteral("headers:\n") + kRule1 + kRule2
                     + QStringLiteral("  - statusCodes: [200]\n    values: {}\n") + kTail);
        QCOMPARE(m_page->selectedRule(), 2);
        QCOMPARE(parsed().size(), 3);

        click("ruleUp"); // the new rule before the 404 one
        QCOMPARE(m_panel->editedText(),
                 kHead + QStringLiteral("headers:\n") + kRule1
                     + QStringLiteral("  - statusCodes: [200]\n    values: {}\n") + kRule2 + kTail);
        QCOMPARE(m_page->selectedRule(), 1);
        click("removeRule");
        QCOMPARE(m_panel->editedText(), kText);
        QCOMPARE(m_page->selectedRule(), 1);

        click("ruleUp"); // first match wins: 404/400 now checked first
        QCOMPARE(m_panel->editedText(), kHead + QStringLiteral("headers:\n") + kRule2 + kRule1 + kTail);
        QCOMPARE(parsed().constFirst().statusCodes, (QList<int>{404, 400}));
        click("ruleDown");
        QCOMPARE(m_panel->editedText(), kText);

        QVERIFY(m_page->selectRule(0));
        click("removeRule");
        click("removeRule");
        QCOMPARE(m_panel->editedText(), kHead + kTail);
        QVERIFY(!child<QPushButton>("removeRule")->isEnabled());
        QVERIFY(parsed().isEmpty());
    }

    void editARule()
    {
        QVERIFY(m_page->selectRule(1));
        auto *codes = child<QLineEdit>("statusCodes");
        codes->setText(QStringLiteral("404, 410,"));
        Q_EMIT codes->editingFinished();
        QString expected = kText;
        expected.replace(QStringLiteral("[404, 400]"), QStringLiteral("[404, 410]"));
        QCOMPARE(m_panel->editedText(), expected);

        child<QCheckBox>("override")->click();
        expected.remove(QStringLiteral("    override: true\n"));
        QCOMPARE(m_panel->editedText(), expected);

        auto *values = child<QTableWidget>("headerValues");
        values->item(0, 1)->setText(QStringLiteral("no-store"));
        expected.replace(QStringLiteral("\"max-age=60, public\""), QStringLiteral("\"no-store\""));
        QCOMPARE(m_panel->editedText(), expected);

        click("addHeader"); // a row without a name is not written yet
        QCOMPARE(m_panel->editedText(), expected);
        QCOMPARE(values->rowCount(), 2);
        values->item(1, 0)->setText(QStringLiteral("x-served-by"));
        values->item(1, 1)->setText(QStringLiteral("mort \"studio\""));
        expected.replace(QStringLiteral("\"no-store\"\n"),
                         QStringLiteral("\"no-store\"\n      \"x-served-by\": \"mort \\\"studio\\\"\"\n"));
        QCOMPARE(m_panel->editedText(), expected);
        QCOMPARE(values->rowCount(), 2);

        const QList<HeaderRule> rules = parsed();
        QCOMPARE(rules.size(), 2);
        QCOMPARE(rules.at(1).statusCodes, (QList<int>{404, 410}));
        QVERIFY(!rules.at(1).override);
        QCOMPARE(rules.at(1).values.size(), 2);
        QCOMPARE(rules.at(1).values.at(1).second, QStringLiteral("mort \"studio\""));

        values->setCurrentCell(0, 0);
        click("removeHeader");
        expected.remove(QStringLiteral("      \"cache-control\": \"no-store\"\n"));
        QCOMPARE(m_panel->editedText(), expected);
        QCOMPARE(m_page->rules(), HeaderRulesEdit::rules(expected));
        QVERIFY(expected.contains(QStringLiteral("# responses' headers")));
    }

    void issuesOnThePage()
    {
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel));
        QSignalSpy validated(m_panel, &ConfigPanel::validated);
        QVERIFY(m_page->selectRule(1));
        auto *codes = child<QLineEdit>("statusCodes");
        codes->setText(QStringLiteral("404, 4o4"));
        Q_EMIT codes->editingFinished();
        QVERIFY(m_panel->editedText().contains(QStringLiteral("statusCodes: [404, 4o4]")));
        QTRY_VERIFY_WITH_TIMEOUT(!m_panel->shownIssues().isEmpty(), 10000);
        QVERIFY2(m_page->issueText().contains(QLatin1String("headers[1].statusCodes")),
                 qPrintable(m_panel->shownIssues().join(u'\n')));
        QVERIFY(m_page->issueText().contains(QLatin1String("an integer")));
        QCOMPARE(child<QListWidget>("headerRules")->item(1)->foreground().color(), QColor(0xb0, 0x00, 0x20));
        QTest::qWait(100); // the layout settles, as it does before a person looks
        QDir().mkpath(QStringLiteral(MORT_BINARY_DIR "/screenshots"));
        QVERIFY(m_panel->grab().save(QStringLiteral(MORT_BINARY_DIR "/screenshots/studio-config-header-rules.png")));
        codes->setText(QStringLiteral("404"));
        Q_EMIT codes->editingFinished();
        QVERIFY(validated.wait(10000));
        QVERIFY(m_page->issueText().isEmpty());
    }
};

QTEST_MAIN(TestConfigHeaderRules)
#include "tst_configheaderrules.moc"
