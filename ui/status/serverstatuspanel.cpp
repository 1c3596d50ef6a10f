#include "ui/status/serverstatuspanel.h"

#include "ui/activity/taskcountsmodel.h"
#include "ui/shared/sharedbackendstext.h"

#include <QFormLayout>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace mort {

ServerStatusPanel::ServerStatusPanel(QWidget *parent)
    : QWidget(parent), m_connection(new QFrame(this)), m_connectionState(new QLabel(m_connection)),
      m_connectionReason(new QLabel(m_connection)), m_retry(new QPushButton(tr("&Retry"), m_connection)),
      m_server(new QGroupBox(tr("Server"), this)), m_taskBox(new QGroupBox(tr("Live tasks by kind"), this)),
      m_state(new QLabel(this)), m_addresses(new QLabel(this)), m_requests(new QLabel(this)),
      m_transforms(new QLabel(this)), m_memory(new QLabel(this)), m_backends(new QLabel(this)),
      m_redis(new QLabel(this)), m_error(new QLabel(this)), m_taskView(new QTableView(this)),
      m_tasks(new TaskCountsModel(this))
{
    m_connection->setObjectName(QStringLiteral("connection"));
    m_connection->setFrameShape(QFrame::StyledPanel);
    m_connectionState->setObjectName(QStringLiteral("connectionState"));
    QFont bold = m_connectionState->font();
    bold.setBold(true);
    m_connectionState->setFont(bold);
    m_connectionReason->setObjectName(QStringLiteral("connectionReason"));
    m_connectionReason->setWordWrap(true);
    m_connectionReason->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry->setObjectName(QStringLiteral("retry"));
    m_retry->setToolTip(tr("Try to reach the server again now"));
    connect(m_retry, &QPushButton::clicked, this, &ServerStatusPanel::retryRequested);
    auto *connectionLayout = new QVBoxLayout(m_connection);
    connectionLayout->addWidget(m_connectionState);
    connectionLayout->addWidget(m_connectionReason);
    auto *retryRow = new QHBoxLayout;
    retryRow->addWidget(m_retry);
    retryRow->addStretch(1);
    connectionLayout->addLayout(retryRow);
    m_connection->hide();

    auto *form = new QFormLayout(m_server);
    form->addRow(tr("State:"), m_state);
    form->addRow(tr("Listening on:"), m_addresses);
    form->addRow(tr("Requests:"), m_requests);
    form->addRow(tr("Transforms:"), m_transforms);
    form->addRow(tr("Memory:"), m_memory);
    form->addRow(tr("Cache and lock:"), m_backends);
    form->addRow(tr("Redis:"), m_redis);
    m_backends->setObjectName(QStringLiteral("backends"));
    m_backends->setToolTip(tr("server.cache.type and server.lock.type: memory is this process only; redis is "
                              "shared by every instance on the same Redis"));
    m_redis->setObjectName(QStringLiteral("redis"));
    m_redis->setWordWrap(true);
    m_redis->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_addresses->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_addresses->setObjectName(QStringLiteral("addresses"));
    m_requests->setObjectName(QStringLiteral("requests"));
    m_requests->setToolTip(tr("Requests to the image listeners since the server started; the studio's own calls "
                              "to the admin API are not counted (they are \"admin\" tasks)"));
    m_transforms->setObjectName(QStringLiteral("transforms"));
    m_memory->setObjectName(QStringLiteral("memory"));
    m_state->setObjectName(QStringLiteral("state"));

    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: palette(bright-text); background: #b3261e; padding: 8px;"));
    m_error->hide();

    auto *tasksLayout = new QVBoxLayout(m_taskBox);
    m_taskView->setModel(m_tasks);
    m_taskView->verticalHeader()->hide();
    m_taskView->verticalHeader()->setDefaultSectionSize(m_taskView->fontMetrics().height() + 8);
    m_taskView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_taskView->setSelectionMode(QAbstractItemView::NoSelection);
    tasksLayout->addWidget(m_taskView);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_error);
    layout->addWidget(m_connection);
    layout->addWidget(m_server);
    layout->addWidget(m_taskBox, 1);
    layout->addStretch(0);
    showStats(EngineStats{});
}

void ServerStatusPanel::showNumbers(bool shown)
{
    m_connection->setVisible(!shown);
    m_server->setVisible(shown);
    m_taskBox->setVisible(shown);
}

void ServerStatusPanel::showStats(const EngineStats &s)
{
    showNumbers(true);
    const QLocale locale;
    m_state->setText(s.running
                         ? tr("Running since %1").arg(locale.toString(s.startedAt.toLocalTime(), QLocale::ShortFormat))
                         : tr("Stopped"));
    QStringList addresses;
    for (const QString &a : s.publicAddresses)
        addresses << tr("%1 (images)").arg(a);
    for (const QString &a : s.internalAddresses)
        addresses << tr("%1 (metrics)").arg(a);
    m_addresses->setText(addresses.isEmpty() ? tr("not listening") : addresses.join(QLatin1Char('\n')));
    // One source for the numbers shown together: the engine's own counters,
    // which run on across Stop/Start as the transforms do.
    m_requests->setText(tr("%1 served, %2 in flight, %3 dropped (client left)")
                            .arg(locale.toString(s.requests.served), locale.toString(s.requests.inFlight),
                                 locale.toString(s.requests.dropped)));
    m_transforms->setText(tr("%1 executed, %2 failed, %3 throttled")
                              .arg(locale.toString(s.transformsExecuted), locale.toString(s.transformsFailed),
                                   locale.toString(s.throttled)));
    m_memory->setText(
        tr("%1 resident, %2 held by libvips")
            .arg(locale.formattedDataSize(s.residentBytes), locale.formattedDataSize(s.imagingMemoryBytes)));
    m_backends->setText(SharedBackendsText::backends(s.shared));
    m_redis->setText(SharedBackendsText::redisState(s.shared));
    static_cast<QFormLayout *>(m_server->layout())->setRowVisible(m_redis, SharedBackendsText::usesRedis(s.shared));
    m_tasks->setCounts(s.tasks);
}

void ServerStatusPanel::showConnecting(const QString &server)
{
    showNumbers(false);
    m_connectionState->setText(tr("Connecting to %1…").arg(server));
    m_connectionReason->clear();
    m_connectionReason->hide();
    m_retry->hide();
}

void ServerStatusPanel::showNotConnected(const QString &server, const QString &reason)
{
    showNumbers(false);
    m_connectionState->setText(tr("Not connected to %1").arg(server));
    m_connectionReason->setText(reason);
    m_connectionReason->setVisible(!reason.isEmpty());
    m_retry->show();
}

void ServerStatusPanel::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

} // namespace mort
