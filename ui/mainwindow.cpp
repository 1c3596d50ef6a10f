#include "ui/mainwindow.h"

#include "ui/activity/activitypanel.h"
#include "ui/connection/attachdialog.h"
#include "ui/cache/cachebrowserpanel.h"
#include "ui/config/configfilebar.h"
#include "ui/config/configpanel.h"
#include "ui/dashboard/dashboardpanel.h"
#include "client/engineclient.h"
#include "ui/preview/previewpanel.h"
#include "ui/shared/recentlist.h"
#include "client/remoteengineclient.h"
#include "ui/status/serverstatuspanel.h"
#include "ui/dashboard/statshistory.h"
#include "ui/connection/tokenstore.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>

namespace mort {

MainWindow::MainWindow(EngineClient *client, QWidget *parent)
    : QMainWindow(parent), m_client(client), m_tabs(new QTabWidget(this)), m_status(new ServerStatusPanel(this)),
      m_dashboard(new DashboardPanel(this)), m_cache(new CacheBrowserPanel(client, this)),
      m_activity(new ActivityPanel(this)), m_refresh(new QTimer(this))
{
    setWindowTitle(tr("Mort Studio — %1").arg(client->description()));
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_status, tr("&Status"));
    m_tabs->addTab(m_dashboard, tr("&Dashboard"));
    m_tabs->addTab(m_cache, tr("&Cache"));
    m_tabs->addTab(m_activity, tr("&Activity"));
    setCentralWidget(m_tabs);

    m_start = new QAction(tr("&Start server"), this);
    m_start->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_stop = new QAction(tr("S&top server"), this);
    m_stop->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    connect(m_start, &QAction::triggered, this, &MainWindow::startRequested);
    connect(m_stop, &QAction::triggered, this, &MainWindow::stopRequested);
    // Attached, the charts are the server's memory: the studio's own is shown beside it.
    m_dashboard->setShowsStudioMemory(!client->controlsServer());
    // An attached server is run by someone else: the studio only watches it.
    m_start->setVisible(client->controlsServer());
    m_stop->setVisible(client->controlsServer());
    auto *attach = new QAction(tr("&Attach to running server…"), this);
    attach->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connect(attach, &QAction::triggered, this, &MainWindow::attachToServer);
    auto *quit = new QAction(tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *server = menuBar()->addMenu(tr("&Server"));
    server->addAction(m_start);
    server->addAction(m_stop);
    server->addAction(attach);
    server->addSeparator();
    server->addAction(quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_viewMenu = view;
    const QStringList tabNames{tr("Status"), tr("Dashboard"), tr("Cache"), tr("Activity")};
    for (int i = 0; i < tabNames.size(); ++i) {
        QAction *show = view->addAction(tabNames.at(i), this, [this, i] { setCurrentTab(i); });
        show->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }
    view->addSeparator();
    QAction *refresh = view->addAction(tr("&Refresh"), this, &MainWindow::refreshAll);
    refresh->setShortcut(QKeySequence::Refresh); // F5
    m_pause = view->addAction(tr("&Pause dashboard"));
    m_pause->setCheckable(true);
    m_pause->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    connect(m_pause, &QAction::toggled, m_dashboard, &DashboardPanel::setPaused);
    connect(m_dashboard, &DashboardPanel::pausedChanged, m_pause, &QAction::setChecked);
    QAction *find = view->addAction(tr("&Find in log"), this, [this] {
        setCurrentTab(ActivityTab);
        m_activity->focusSearch();
    });
    find->setShortcut(QKeySequence::Find);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Mort Studio"), this, [this] {
        QMessageBox::about(this, tr("About Mort Studio"),
                           tr("<b>Mort Studio %1</b><p>A memory-safe image server compatible with Mort, "
                              "and the desktop studio to run and diagnose it.</p>")
                               .arg(QStringLiteral(MORT_VERSION)));
    });
    QToolBar *toolbar = addToolBar(tr("Server"));
    toolbar->setObjectName(QStringLiteral("serverToolbar"));
    toolbar->addAction(m_start);
    toolbar->addAction(m_stop);
    toolbar->addAction(refresh);
    toolbar->addAction(m_pause);

    connect(client, &EngineClient::statsUpdated, m_status, &ServerStatusPanel::showStats);
    connect(client, &EngineClient::statsUpdated, m_dashboard, &DashboardPanel::showStats);
    connect(client, &EngineClient::statsUpdated, m_activity, &ActivityPanel::showStats);
    connect(client, &EngineClient::logLinesReceived, m_activity, &ActivityPanel::appendLog);
    connect(client, &EngineClient::errorOccurred, this, [this](const QString &message) {
        if (m_client->isConnected()) // else the "Not connected" notice says it
            m_status->showError(message);
    });
    connect(client, &EngineClient::connectionChanged, this, [this](bool connected) {
        if (!connected)
            m_status->showNotConnected(m_client->description(), m_client->connectionError());
    });
    connect(m_status, &ServerStatusPanel::retryRequested, this, [this] {
        m_status->showConnecting(m_client->description());
        m_client->reconnect();
    });
    if (!client->isConnected())
        m_status->showConnecting(client->description()); // no numbers before the server answered
    connect(client, &EngineClient::errorOccurred, this,
            [this](const QString &message) { statusBar()->showMessage(message.section(QLatin1Char('\n'), 0, 0)); });
    connect(client, &EngineClient::stateChanged, this, &MainWindow::updateActions);
    connect(client, &EngineClient::stateChanged, this, [this](bool) { m_status->showError({}); });
    // A remote client streams its stats; polling it as well would double the traffic.
    if (!client->pushesStats()) {
        connect(m_refresh, &QTimer::timeout, client, &EngineClient::refresh);
        m_refresh->start(1000);
    }
    updateActions(client->isRunning());

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        resize(QSize(1000, 720).boundedTo(screen()->availableGeometry().size())); // small screens: no larger than them
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    m_tabs->setCurrentIndex(settings.value(QStringLiteral("mainWindow/tab"), int(StatusTab)).toInt());
    const int window = settings.value(QStringLiteral("dashboard/windowSeconds"), 60).toInt();
    m_dashboard->setWindowSeconds(window);
}

PreviewPanel *MainWindow::enablePreview(ConfigPtr config)
{
    if (!m_preview) {
        m_preview = new PreviewPanel(this);
        m_preview->setObjectName(QStringLiteral("previewPanel"));
        m_tabs->addTab(m_preview, tr("&Preview"));
        QAction *show = new QAction(tr("Preview"), this);
        show->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_5));
        connect(show, &QAction::triggered, this, [this] { setCurrentTab(PreviewTab); });
        m_viewMenu->insertAction(m_viewMenu->actions().value(4), show); // after Status, Dashboard, Cache, Activity
        auto *image = new QMenu(tr("&Image"), this);                    // Open image, Save as preset, ... (issue 25.10)
        image->addActions(m_preview->menuActions());
        menuBar()->insertMenu(m_viewMenu->menuAction(), image);
        connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateTabShortcuts);
        updateTabShortcuts();
    }
    m_preview->setConfig(std::move(config));
    m_preview->setEngineClient(m_client); // confirms saved presets with a request
    return m_preview;
}

ConfigPanel *MainWindow::enableConfig()
{
    if (!m_config) {
        m_config = new ConfigPanel(m_client, this);
        m_config->setObjectName(QStringLiteral("configPanel"));
        m_tabs->addTab(m_config, tr("Con&fig"));
        QAction *show = new QAction(tr("Config"), this);
        show->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_6));
        connect(show, &QAction::triggered, this, [this] { setCurrentTab(ConfigTab); });
        m_viewMenu->insertAction(m_viewMenu->actions().value(m_preview ? 5 : 4), show);
        // The Preview renders with the presets the server runs: after an Apply, those.
        connect(m_config, &ConfigPanel::applyFinished, this, [this](const ConfigCheck &check) {
            if (check.applied && m_preview)
                m_preview->loadConfigFromEngine();
        });
    }
    return m_config;
}

void MainWindow::setCurrentTab(int tab)
{
    m_tabs->setCurrentIndex(tab);
}

void MainWindow::updateTabShortcuts()
{
    // The Image menu's actions stay reachable from the menu bar on every tab,
    // so their keys would be too: Ctrl+O/Ctrl+S would clash with the Config
    // tab's own (Qt runs neither). Their keys live only on the Preview.
    if (!m_preview)
        return;
    const bool shown = m_tabs->currentWidget() == m_preview;
    static const char *const kKeys = "mortShortcuts";
    for (QAction *action : m_preview->menuActions()) {
        if (!action->property(kKeys).isValid())
            action->setProperty(kKeys, QVariant::fromValue(action->shortcuts()));
        action->setShortcuts(shown ? action->property(kKeys).value<QList<QKeySequence>>() : QList<QKeySequence>());
    }
}

void MainWindow::refreshAll()
{
    m_client->refresh();
    if (m_tabs->currentIndex() == CacheTab && !m_cache->isBusy())
        m_cache->refresh();
}

void MainWindow::updateActions(bool running)
{
    m_start->setEnabled(!running);
    m_stop->setEnabled(running);
    if (m_client->controlsServer())
        statusBar()->showMessage(running ? tr("Server running") : tr("Server stopped"));
    else
        statusBar()->showMessage(running ? tr("Attached to %1").arg(m_client->description())
                                         : tr("Not connected to %1").arg(m_client->description()));
}

void MainWindow::attachToServer()
{
    AttachDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString url = dialog.url();
    RecentList::connections().remember(url);
    // One window per server: attaching again to one already open brings that
    // window up (and retries it) instead of opening another on top of it.
    if (MainWindow *open = windowAttachedTo(QUrl(url))) {
        auto *remote = static_cast<RemoteEngineClient *>(open->m_client);
        if (!dialog.token().isEmpty())
            remote->setToken(dialog.token());
        if (!remote->isConnected() || !dialog.token().isEmpty()) {
            open->m_status->showConnecting(remote->description());
            remote->reconnect();
        }
        open->showNormal();
        open->raise();
        open->activateWindow();
        return;
    }
    if (dialog.rememberToken() && !dialog.token().isEmpty()) {
        auto *store = new TokenStore(this);
        connect(store, &TokenStore::tokenWritten, this, [this, store](const QString &, const QString &error) {
            if (!error.isEmpty())
                statusBar()->showMessage(error);
            store->deleteLater();
        });
        store->write(url, dialog.token());
    }
    // A window of its own per attached server; it owns its client.
    auto *client = new RemoteEngineClient(QUrl(url), dialog.token());
    auto *window = new MainWindow(client);
    window->setAttribute(Qt::WA_DeleteOnClose);
    // Not a child of the window: the client must outlive the panels it feeds.
    connect(window, &QObject::destroyed, client, &QObject::deleteLater);
    if (window->geometry().topLeft() == geometry().topLeft())
        window->move(pos() + QPoint(32, 32)); // both restored the same saved place: not exactly on top
    window->show();
    client->connectToServer();
}

MainWindow *MainWindow::windowAttachedTo(const QUrl &url)
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        auto *window = qobject_cast<MainWindow *>(widget);
        auto *remote = window ? qobject_cast<RemoteEngineClient *>(window->m_client) : nullptr;
        if (remote && window->isVisible() && remote->baseUrl() == url)
            return window;
    }
    return nullptr;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_config && !m_config->fileBar()->maybeSave()) {
        event->ignore(); // Cancel: the edits stay
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    settings.setValue(QStringLiteral("mainWindow/tab"), m_tabs->currentIndex());
    settings.setValue(QStringLiteral("dashboard/windowSeconds"), m_dashboard->history()->windowSeconds());
    event->accept();
}

} // namespace mort
