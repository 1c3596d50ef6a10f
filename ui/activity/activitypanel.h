#pragma once
// "Activity": what the server is doing now. Left, its recent log lines live
// (level filter, search, follow the newest); right, tasks by kind with live,
// started and finished counts. Fed by the EngineClient's signals, so it works
// for the embedded engine and an attached server alike.
#include "monitoring/logring.h"
#include "service/enginestats.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace mort {

class LogFilterProxy;
class LogModel;
class TaskCountsModel;

class ActivityPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ActivityPanel(QWidget *parent = nullptr);

    LogModel *logModel() const { return m_log; }
    LogFilterProxy *logFilter() const { return m_filter; }
    TaskCountsModel *taskModel() const { return m_tasks; }
    QTableView *logView() const { return m_logView; }

    // Level filter by rank (LogModel::levelRank); search text.
    void setMinimumLevel(int rank);
    void setSearchText(const QString &text);
    bool isFollowing() const;

public Q_SLOTS:
    void appendLog(const QList<mort::LogLine> &lines);
    void showStats(const mort::EngineStats &stats);
    void focusSearch();

private:
    void updateSummary();

    LogModel *m_log;
    LogFilterProxy *m_filter;
    TaskCountsModel *m_tasks;
    QTableView *m_logView;
    QTableView *m_taskView;
    QComboBox *m_level;
    QLineEdit *m_search;
    QCheckBox *m_follow;
    QLabel *m_logSummary;
    QLabel *m_taskSummary;
};

} // namespace mort
