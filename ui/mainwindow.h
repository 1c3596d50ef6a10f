#pragma once
// The studio's main window: one tab per screen (Status, Dashboard, Cache,
// Activity; Preview for the embedded engine), all fed by one EngineClient,
// embedded or remote.
#include "config/config.h"

#include <QMainWindow>

class QAction;
class QTabWidget;
class QTimer;
class QUrl;

namespace mort {

class ActivityPanel;
class CacheBrowserPanel;
class ConfigPanel;
class DashboardPanel;
class PreviewPanel;
class EngineClient;
class ServerStatusPanel;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum Tab { StatusTab, DashboardTab, CacheTab, ActivityTab, PreviewTab, ConfigTab };

    explicit MainWindow(EngineClient *client, QWidget *parent = nullptr);
    ServerStatusPanel *statusPanel() const { return m_status; }
    DashboardPanel *dashboardPanel() const { return m_dashboard; }
    CacheBrowserPanel *cachePanel() const { return m_cache; }
    ActivityPanel *activityPanel() const { return m_activity; }
    QTabWidget *tabs() const { return m_tabs; }
    void setCurrentTab(int tab);
    // Adds the preset preview tab (embedded engine: it renders with `config`'s
    // presets through the server's own pipeline). Returns the panel.
    PreviewPanel *enablePreview(ConfigPtr config);
    PreviewPanel *previewPanel() const { return m_preview; }
    // Adds the Config tab (after Preview: enablePreview() first). Returns the panel.
    ConfigPanel *enableConfig();
    ConfigPanel *configPanel() const { return m_config; }

public Q_SLOTS:
    // F5: a fresh stats snapshot, and the cache listing when its tab is shown.
    void refreshAll();

Q_SIGNALS:
    void startRequested();
    void stopRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void updateActions(bool running);
    void updateTabShortcuts();
    void attachToServer();
    // The open window attached to the server at `url` (normalised), if any.
    static MainWindow *windowAttachedTo(const QUrl &url);

    EngineClient *m_client;
    QTabWidget *m_tabs;
    ServerStatusPanel *m_status;
    DashboardPanel *m_dashboard;
    CacheBrowserPanel *m_cache;
    ActivityPanel *m_activity;
    PreviewPanel *m_preview = nullptr;
    ConfigPanel *m_config = nullptr;
    QMenu *m_viewMenu = nullptr;
    QTimer *m_refresh;
    QAction *m_start;
    QAction *m_stop;
    QAction *m_pause;
};

} // namespace mort
