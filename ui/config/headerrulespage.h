#pragma once
// The Config tab's Header rules page (issue 21): the top-level `headers:`
// rules in order (the first whose status codes match a response sets its
// headers), each rule's status codes, override and header name/value pairs;
// rules added, removed and moved. Edits go out as rulesEdited() and the panel
// rewrites only the `headers:` block (client/headerrulesedit.h).
#include "client/headerrulesedit.h"
#include "config/config.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace mort {

class HeaderRulesPage : public QWidget
{
    Q_OBJECT
public:
    explicit HeaderRulesPage(QWidget *parent = nullptr);

    // The rules as the text has them; the selected rule stays selected.
    void showRules(const QList<HeaderRuleText> &rules);
    // Issues at `headers` and below, listed on the page; their rules marked.
    void showIssues(const QList<ConfigIssue> &issues);
    QList<HeaderRuleText> rules() const { return m_rules; }
    bool selectRule(int index);
    int selectedRule() const;
    QString issueText() const;

Q_SIGNALS:
    void rulesEdited(const QList<mort::HeaderRuleText> &rules);

private:
    void refreshList();
    void showRule();
    void edited();
    void addRule();
    void removeRule();
    void moveRule(int by);
    void codesEdited();
    void valuesEdited();
    void addHeader();
    void removeHeader();

    QListWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_up;
    QPushButton *m_down;
    QWidget *m_rule; // the selected rule's editors
    QLineEdit *m_codes;
    QCheckBox *m_override;
    QTableWidget *m_values;
    QPushButton *m_addHeader;
    QPushButton *m_removeHeader;
    QLabel *m_issues;
    QList<HeaderRuleText> m_rules;
    QList<int> m_rulesWithIssues;
    bool m_showing = false; // the page fills its editors: no edits out
};

} // namespace mort
