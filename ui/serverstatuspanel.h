#pragma once
// The studio's first screen: is the server up, where does it listen, how much
// has it served, how much memory does it hold, which tasks are alive.
#include "service/enginestats.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace mort {

class TaskCountsModel;

class ServerStatusPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ServerStatusPanel(QWidget *parent = nullptr);

    void showStats(const EngineStats &stats);
    void showError(const QString &message);
    TaskCountsModel *taskModel() const { return m_tasks; }

private:
    QLabel *m_state;
    QLabel *m_addresses;
    QLabel *m_requests;
    QLabel *m_transforms;
    QLabel *m_memory;
    QLabel *m_error;
    QTableView *m_taskView;
    TaskCountsModel *m_tasks;
};

} // namespace mort
