#pragma once
// The studio's main window. Screens are added per issue; today: server status.
#include <QMainWindow>

class QAction;
class QTimer;

namespace mort {

class EngineClient;
class ServerStatusPanel;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(EngineClient *client, QWidget *parent = nullptr);
    ServerStatusPanel *statusPanel() const { return m_status; }

Q_SIGNALS:
    void startRequested();
    void stopRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void updateActions(bool running);

    EngineClient *m_client;
    ServerStatusPanel *m_status;
    QTimer *m_refresh;
    QAction *m_start;
    QAction *m_stop;
};

} // namespace mort
