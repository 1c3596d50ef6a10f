#include "ui/activity/activitypanel.h"

#include "ui/activity/logfilterproxy.h"
#include "ui/activity/logmodel.h"
#include "ui/activity/taskcountsmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace mort {

ActivityPanel::ActivityPanel(QWidget *parent)
    : QWidget(parent), m_log(new LogModel(LogModel::kDefaultCapacity, this)), m_filter(new LogFilterProxy(this)),
      m_tasks(new TaskCountsModel(this)), m_logView(new QTableView), m_taskView(new QTableView), m_level(new QComboBox),
      m_search(new QLineEdit), m_follow(new QCheckBox(tr("Follow"))), m_logSummary(new QLabel),
      m_taskSummary(new QLabel)
{
    m_filter->setSourceModel(m_log);

    // Log: filter row, table, summary.
    m_level->addItem(tr("All levels"), 0);
    m_level->addItem(tr("Info and above"), 1);
    m_level->addItem(tr("Warnings and errors"), 2);
    m_level->addItem(tr("Errors only"), 3);
    m_level->setToolTip(tr("Show log lines at this level or above"));
    m_search->setPlaceholderText(tr("Search messages (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_follow->setChecked(true);
    m_follow->setToolTip(tr("Keep the newest line in view"));
    auto *clear = new QPushButton(tr("Clear"));
    clear->setToolTip(tr("Forget the lines shown so far (the server keeps its own)"));
    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Level:")));
    filters->addWidget(m_level);
    filters->addWidget(m_search, 1);
    filters->addWidget(m_follow);
    filters->addWidget(clear);

    m_logView->setModel(m_filter);
    m_logView->setObjectName(QStringLiteral("logView"));
    m_logView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_logView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_logView->setWordWrap(false);
    m_logView->verticalHeader()->hide();
    m_logView->verticalHeader()->setDefaultSectionSize(m_logView->fontMetrics().height() + 6);
    m_logView->horizontalHeader()->setStretchLastSection(true);
    m_logView->horizontalHeader()->setSectionResizeMode(LogModel::TimeColumn, QHeaderView::ResizeToContents);
    m_logView->horizontalHeader()->setSectionResizeMode(LogModel::LevelColumn, QHeaderView::ResizeToContents);
    m_logView->setColumnWidth(LogModel::CategoryColumn, 110);
    m_logView->setAlternatingRowColors(true);

    auto *logBox = new QWidget;
    auto *logLayout = new QVBoxLayout(logBox);
    logLayout->setContentsMargins(0, 0, 0, 0);
    logLayout->addLayout(filters);
    logLayout->addWidget(m_logView, 1);
    logLayout->addWidget(m_logSummary);

    // Tasks by kind.
    auto *taskSort = new QSortFilterProxyModel(this);
    taskSort->setSourceModel(m_tasks);
    m_taskView->setModel(taskSort);
    m_taskView->setObjectName(QStringLiteral("taskView"));
    m_taskView->setSortingEnabled(true);
    m_taskView->sortByColumn(TaskCountsModel::KindColumn, Qt::AscendingOrder);
    m_taskView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_taskView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_taskView->verticalHeader()->hide();
    m_taskView->verticalHeader()->setDefaultSectionSize(m_taskView->fontMetrics().height() + 8);
    m_taskView->setMinimumWidth(m_taskView->fontMetrics().horizontalAdvance(QStringLiteral("collapse-wait")) * 4);
    m_taskView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_taskView->horizontalHeader()->setSectionResizeMode(TaskCountsModel::KindColumn, QHeaderView::ResizeToContents);
    auto *taskBox = new QWidget;
    auto *taskLayout = new QVBoxLayout(taskBox);
    taskLayout->setContentsMargins(0, 0, 0, 0);
    auto *taskTitle = new QLabel(tr("Tasks by kind"));
    taskTitle->setToolTip(tr("Every unit of asynchronous work the server runs, counted while it lives: "
                             "after a load, every kind returns to its idle count"));
    taskLayout->addWidget(taskTitle);
    taskLayout->addWidget(m_taskView, 1);
    taskLayout->addWidget(m_taskSummary);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(logBox);
    splitter->addWidget(taskBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_level, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setMinimumLevel(m_level->currentData().toInt());
        updateSummary();
    });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setSearchText(text);
        updateSummary();
    });
    connect(clear, &QPushButton::clicked, this, [this] {
        m_log->clear();
        updateSummary();
    });
    // Scrolling up to read stops following; back at the bottom, it resumes.
    connect(m_logView->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        const QScrollBar *bar = m_logView->verticalScrollBar();
        if (bar->isSliderDown())
            m_follow->setChecked(value >= bar->maximum());
    });
    updateSummary();
}

void ActivityPanel::setMinimumLevel(int rank)
{
    const int index = m_level->findData(rank);
    if (index >= 0)
        m_level->setCurrentIndex(index);
}

void ActivityPanel::setSearchText(const QString &text)
{
    m_search->setText(text);
}

bool ActivityPanel::isFollowing() const
{
    return m_follow->isChecked();
}

void ActivityPanel::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void ActivityPanel::appendLog(const QList<LogLine> &lines)
{
    m_log->append(lines);
    if (m_follow->isChecked())
        m_logView->scrollToBottom();
    updateSummary();
}

void ActivityPanel::showStats(const EngineStats &stats)
{
    m_tasks->setCounts(stats.tasks);
    m_taskSummary->setText(tr("%1 live now").arg(QLocale().toString(m_tasks->totalLive())));
}

void ActivityPanel::updateSummary()
{
    const QLocale locale;
    if (m_log->rowCount() == 0) {
        m_logSummary->setText(tr("No log lines yet: they appear here as the server writes them."));
        return;
    }
    m_logSummary->setText(tr("%1 of %2 lines shown (the last %3 are kept)")
                              .arg(locale.toString(m_filter->rowCount()), locale.toString(m_log->rowCount()),
                                   locale.toString(m_log->capacity())));
}

} // namespace mort
