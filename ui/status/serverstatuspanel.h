#pragma once
// The studio's first screen: is the server up, where does it listen, how much
// has it served, how much memory does it hold, which cache and lock backends
// it uses (Redis: reachable, round trip), which tasks are alive. A
// server the studio cannot reach shows no numbers at all: "Not connected",
// why, and Retry.
#include "service/enginestats.h"

#include <QWidget>

class QFrame;
class QGroupBox;
class QLabel;
class QPushButton;
class QTableView;

namespace mort {

class TaskCountsModel;

class ServerStatusPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ServerStatusPanel(QWidget *parent = nullptr);

    // A snapshot of a reached engine: the numbers, no connection notice.
    void showStats(const EngineStats &stats);
    // Before the first snapshot of a remote server, and after Retry.
    void showConnecting(const QString &server);
    // The server cannot be reached: `reason` (translated, says what to do) and Retry.
    void showNotConnected(const QString &server, const QString &reason);
    void showError(const QString &message);
    TaskCountsModel *taskModel() const { return m_tasks; }

Q_SIGNALS:
    void retryRequested();

private:
    // The numbers, or the connection notice instead of them.
    void showNumbers(bool shown);

    QFrame *m_connection;
    QLabel *m_connectionState;
    QLabel *m_connectionReason;
    QPushButton *m_retry;
    QGroupBox *m_server;
    QGroupBox *m_taskBox;
    QLabel *m_state;
    QLabel *m_addresses;
    QLabel *m_requests;
    QLabel *m_transforms;
    QLabel *m_memory;
    QLabel *m_backends; // cache and lock backends
    QLabel *m_redis;    // Redis reachability and round trip; its row hidden without Redis
    QLabel *m_error;
    QTableView *m_taskView;
    TaskCountsModel *m_tasks;
};

} // namespace mort
