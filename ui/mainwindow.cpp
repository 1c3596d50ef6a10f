#include "ui/mainwindow.h"

#include "ui/engineclient.h"
#include "ui/serverstatuspanel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>

namespace mort {

MainWindow::MainWindow(EngineClient *client, QWidget *parent)
    : QMainWindow(parent), m_client(client), m_status(new ServerStatusPanel(this)), m_refresh(new QTimer(this))
{
    setWindowTitle(tr("Mort Studio — %1").arg(client->description()));
    setCentralWidget(m_status);

    m_start = new QAction(tr("&Start server"), this);
    m_start->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_stop = new QAction(tr("S&top server"), this);
    m_stop->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    connect(m_start, &QAction::triggered, this, &MainWindow::startRequested);
    connect(m_stop, &QAction::triggered, this, &MainWindow::stopRequested);
    auto *quit = new QAction(tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *server = menuBar()->addMenu(tr("&Server"));
    server->addAction(m_start);
    server->addAction(m_stop);
    server->addSeparator();
    server->addAction(quit);
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

    connect(client, &EngineClient::statsUpdated, m_status, &ServerStatusPanel::showStats);
    connect(client, &EngineClient::errorOccurred, m_status, &ServerStatusPanel::showError);
    connect(client, &EngineClient::stateChanged, this, &MainWindow::updateActions);
    connect(client, &EngineClient::stateChanged, this, [this](bool) { m_status->showError({}); });
    connect(m_refresh, &QTimer::timeout, client, &EngineClient::refresh);
    m_refresh->start(1000);
    updateActions(client->isRunning());

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        resize(720, 560);
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
}

void MainWindow::updateActions(bool running)
{
    m_start->setEnabled(!running);
    m_stop->setEnabled(running);
    statusBar()->showMessage(running ? tr("Server running") : tr("Server stopped"));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    event->accept();
}

} // namespace mort
