#include "ui/config/headerrulespage.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mort {

namespace {

QPushButton *button(const QString &text, const QString &name, const QString &toolTip, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(name);
    b->setToolTip(toolTip);
    return b;
}

// The rule index of an issue's key path: headers[2].values -> 2; -1 for `headers` itself.
int ruleOf(const QString &keyPath)
{
    static const QRegularExpression indexed(QStringLiteral("^headers\\[(\\d+)\\]"));
    const QRegularExpressionMatch match = indexed.match(keyPath);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

} // namespace

HeaderRulesPage::HeaderRulesPage(QWidget *parent)
    : QWidget(parent), m_list(new QListWidget(this)),
      m_add(button(tr("Add rule"), QStringLiteral("addRule"), tr("A new rule at the end (status 200)"), this)),
      m_remove(button(tr("Remove rule"), QStringLiteral("removeRule"), tr("Remove the selected rule"), this)),
      m_up(button(tr("Up"), QStringLiteral("ruleUp"), tr("Check the selected rule earlier"), this)),
      m_down(button(tr("Down"), QStringLiteral("ruleDown"), tr("Check the selected rule later"), this)),
      m_rule(new QWidget(this)), m_codes(new QLineEdit(m_rule)), m_override(new QCheckBox(m_rule)),
      m_values(new QTableWidget(0, 2, m_rule)),
      m_addHeader(button(tr("Add header"), QStringLiteral("addHeader"), tr("A new header of this rule"), m_rule)),
      m_removeHeader(button(tr("Remove header"), QStringLiteral("removeHeader"),
                            tr("Remove the selected header of this rule"), m_rule)),
      m_issues(new QLabel(this))
{
    auto *title = new QLabel(tr("Header rules"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    auto *note = new QLabel(tr("Headers added to responses. The first rule whose status codes match a response "
                               "applies; without override it sets only headers the response lacks."),
                            this);
    note->setWordWrap(true);
    m_issues->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_issues->setWordWrap(true);
    m_issues->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_issues->hide();

    m_list->setObjectName(QStringLiteral("headerRules"));
    m_list->setMaximumHeight(140);
    auto *listButtons = new QHBoxLayout;
    for (QPushButton *b : {m_add, m_remove, m_up, m_down})
        listButtons->addWidget(b);
    listButtons->addStretch(1);

    m_codes->setObjectName(QStringLiteral("statusCodes"));
    m_codes->setPlaceholderText(QStringLiteral("200, 404")); // numbers, the same in every language
    m_codes->setToolTip(tr("Status codes of the responses this rule applies to, comma-separated"));
    m_override->setObjectName(QStringLiteral("override"));
    m_override->setToolTip(tr("Replace headers the response already has (off: add only missing ones)"));
    m_values->setObjectName(QStringLiteral("headerValues"));
    m_values->setHorizontalHeaderLabels({tr("Header"), tr("Value")});
    m_values->horizontalHeader()->setStretchLastSection(true);
    m_values->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_values->verticalHeader()->hide();
    m_values->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto *headerButtons = new QHBoxLayout;
    headerButtons->addWidget(m_addHeader);
    headerButtons->addWidget(m_removeHeader);
    headerButtons->addStretch(1);
    auto *ruleForm = new QFormLayout(m_rule);
    ruleForm->setContentsMargins(0, 0, 0, 0);
    ruleForm->addRow(tr("Status codes"), m_codes);
    ruleForm->addRow(tr("Override"), m_override);
    ruleForm->addRow(m_values);
    ruleForm->addRow(headerButtons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(note);
    layout->addWidget(m_issues);
    layout->addWidget(m_list);
    layout->addLayout(listButtons);
    layout->addWidget(m_rule, 1);

    connect(m_list, &QListWidget::currentRowChanged, this, &HeaderRulesPage::showRule);
    connect(m_add, &QPushButton::clicked, this, &HeaderRulesPage::addRule);
    connect(m_remove, &QPushButton::clicked, this, &HeaderRulesPage::removeRule);
    connect(m_up, &QPushButton::clicked, this, [this] { moveRule(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveRule(1); });
    connect(m_codes, &QLineEdit::editingFinished, this, &HeaderRulesPage::codesEdited);
    connect(m_override, &QCheckBox::clicked, this, [this](bool on) {
        const int row = selectedRule();
        if (m_showing || row < 0 || m_rules.at(row).override == on)
            return;
        m_rules[row].override = on;
        edited();
    });
    connect(m_values, &QTableWidget::itemChanged, this, &HeaderRulesPage::valuesEdited);
    connect(m_addHeader, &QPushButton::clicked, this, &HeaderRulesPage::addHeader);
    connect(m_removeHeader, &QPushButton::clicked, this, &HeaderRulesPage::removeHeader);
    showRule();
}

void HeaderRulesPage::showRules(const QList<HeaderRuleText> &rules)
{
    // The page's own edit coming back from the text: the editors already show it
    // (and a header row still without a name stays).
    if (rules == m_rules && m_list->count() == rules.size())
        return;
    const int keep = selectedRule();
    m_rules = rules;
    refreshList();
    if (!selectRule(std::min(std::max(keep, 0), int(m_rules.size()) - 1)))
        showRule(); // no rules: the editors empty and disabled
}

void HeaderRulesPage::refreshList()
{
    const QSignalBlocker block(m_list);
    const int keep = m_list->currentRow();
    m_list->clear();
    for (int i = 0; i < m_rules.size(); ++i) {
        const HeaderRuleText &rule = m_rules.at(i);
        QStringList names;
        for (const auto &value : rule.values)
            names << value.first;
        const QString codes =
            rule.statusCodes.isEmpty() ? tr("no status codes") : rule.statusCodes.join(QStringLiteral(", "));
        const QString headers = names.isEmpty() ? tr("no headers") : names.join(QStringLiteral(", "));
        auto *item = new QListWidgetItem(rule.override ? tr("%1. %2: %3 (override)").arg(i + 1).arg(codes, headers)
                                                       : tr("%1. %2: %3").arg(i + 1).arg(codes, headers),
                                         m_list);
        if (m_rulesWithIssues.contains(i))
            item->setForeground(QColor(0xb0, 0x00, 0x20));
    }
    m_list->setCurrentRow(std::min(keep, int(m_rules.size()) - 1));
}

void HeaderRulesPage::showRule()
{
    const int row = selectedRule();
    m_showing = true;
    m_rule->setEnabled(row >= 0);
    m_remove->setEnabled(row >= 0);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < m_rules.size());
    const HeaderRuleText rule = row >= 0 ? m_rules.at(row) : HeaderRuleText{};
    m_codes->setText(rule.statusCodes.join(QStringLiteral(", ")));
    m_override->setChecked(rule.override);
    m_values->setRowCount(0);
    for (const auto &[name, value] : rule.values) {
        const int r = m_values->rowCount();
        m_values->insertRow(r);
        m_values->setItem(r, 0, new QTableWidgetItem(name));
        m_values->setItem(r, 1, new QTableWidgetItem(value));
    }
    m_showing = false;
}

void HeaderRulesPage::edited()
{
    refreshList();
    Q_EMIT rulesEdited(m_rules);
}

void HeaderRulesPage::addRule()
{
    m_rules.append(HeaderRuleText{{QStringLiteral("200")}, {}, false});
    edited();
    selectRule(int(m_rules.size()) - 1);
    m_codes->setFocus();
}

void HeaderRulesPage::removeRule()
{
    const int row = selectedRule();
    if (row < 0)
        return;
    m_rules.removeAt(row);
    edited();
    if (!selectRule(std::min(row, int(m_rules.size()) - 1)))
        showRule(); // the last one gone: nothing to edit
}

void HeaderRulesPage::moveRule(int by)
{
    const int row = selectedRule();
    if (row < 0 || row + by < 0 || row + by >= m_rules.size())
        return;
    m_rules.swapItemsAt(row, row + by);
    edited();
    selectRule(row + by);
}

void HeaderRulesPage::codesEdited()
{
    const int row = selectedRule();
    if (m_showing || row < 0)
        return;
    QStringList codes;
    for (const QString &code : m_codes->text().split(u',', Qt::SkipEmptyParts)) {
        if (!code.trimmed().isEmpty())
            codes << code.trimmed();
    }
    if (codes == m_rules.at(row).statusCodes)
        return;
    m_rules[row].statusCodes = codes;
    edited();
}

void HeaderRulesPage::valuesEdited()
{
    const int row = selectedRule();
    if (m_showing || row < 0)
        return;
    // Rows without a name are not written yet (a header just added).
    QList<QPair<QString, QString>> values;
    for (int r = 0; r < m_values->rowCount(); ++r) {
        const QTableWidgetItem *name = m_values->item(r, 0);
        const QTableWidgetItem *value = m_values->item(r, 1);
        if (name && !name->text().trimmed().isEmpty())
            values.append({name->text().trimmed(), value ? value->text() : QString()});
    }
    if (values == m_rules.at(row).values)
        return;
    m_rules[row].values = values;
    edited();
}

void HeaderRulesPage::addHeader()
{
    if (selectedRule() < 0)
        return;
    m_showing = true; // an empty row changes nothing in the text
    const int r = m_values->rowCount();
    m_values->insertRow(r);
    m_values->setItem(r, 0, new QTableWidgetItem);
    m_values->setItem(r, 1, new QTableWidgetItem);
    m_showing = false;
    m_values->setCurrentCell(r, 0);
    m_values->editItem(m_values->item(r, 0));
}

void HeaderRulesPage::removeHeader()
{
    const int r = m_values->currentRow();
    if (r < 0)
        return;
    m_values->removeRow(r);
    valuesEdited();
}

void HeaderRulesPage::showIssues(const QList<ConfigIssue> &issues)
{
    QStringList lines;
    m_rulesWithIssues.clear();
    for (const ConfigIssue &issue : issues) {
        if (issue.keyPath != QLatin1String("headers") && !issue.keyPath.startsWith(QLatin1String("headers[")))
            continue;
        lines << issue.keyPath + QStringLiteral(": ") + issue.message;
        m_rulesWithIssues << ruleOf(issue.keyPath);
    }
    m_issues->setText(lines.join(u'\n'));
    m_issues->setVisible(!lines.isEmpty());
    refreshList();
}

bool HeaderRulesPage::selectRule(int index)
{
    if (index < 0 || index >= m_rules.size())
        return false;
    {
        const QSignalBlocker block(m_list);
        m_list->setCurrentRow(index);
    }
    showRule(); // also when the row stays: it may hold another rule now
    return true;
}

int HeaderRulesPage::selectedRule() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_rules.size() ? row : -1;
}

QString HeaderRulesPage::issueText() const
{
    return m_issues->text();
}

} // namespace mort
