#include "ui/serverstatuspanel.h"

#include "ui/taskcountsmodel.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace mort {

ServerStatusPanel::ServerStatusPanel(QWidget *parent)
    : QWidget(parent), m_state(new QLabel(this)), m_addresses(new QLabel(this)), m_requests(new QLabel(this)),
      m_transforms(new QLabel(this)), m_memory(new QLabel(this)), m_error(new QLabel(this)),
      m_taskView(new QTableView(this)), m_tasks(new TaskCountsModel(this))
{
    auto *server = new QGroupBox(tr("Server"), this);
    auto *form = new QFormLayout(server);
    form->addRow(tr("State:"), m_state);
    form->addRow(tr("Listening on:"), m_addresses);
    form->addRow(tr("Requests:"), m_requests);
    form->addRow(tr("Transforms:"), m_transforms);
    form->addRow(tr("Memory:"), m_memory);
    m_addresses->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_addresses->setObjectName(QStringLiteral("addresses"));
    m_requests->setObjectName(QStringLiteral("requests"));
    m_state->setObjectName(QStringLiteral("state"));

    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: palette(bright-text); background: #b3261e; padding: 8px;"));
    m_error->hide();

    auto *tasks = new QGroupBox(tr("Live tasks by kind"), this);
    auto *tasksLayout = new QVBoxLayout(tasks);
    m_taskView->setModel(m_tasks);
    m_taskView->verticalHeader()->hide();
    m_taskView->verticalHeader()->setDefaultSectionSize(m_taskView->fontMetrics().height() + 8);
    m_taskView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_taskView->setSelectionMode(QAbstractItemView::NoSelection);
    tasksLayout->addWidget(m_taskView);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_error);
    layout->addWidget(server);
    layout->addWidget(tasks, 1);
    showStats(EngineStats{});
}

void ServerStatusPanel::showStats(const EngineStats &s)
{
    const QLocale locale;
    m_state->setText(s.running ? tr("Running since %1").arg(locale.toString(s.startedAt.toLocalTime(), QLocale::ShortFormat))
                               : tr("Stopped"));
    QStringList addresses;
    for (const QString &a : s.publicAddresses)
        addresses << tr("%1 (images)").arg(a);
    for (const QString &a : s.internalAddresses)
        addresses << tr("%1 (metrics)").arg(a);
    m_addresses->setText(addresses.isEmpty() ? tr("not listening") : addresses.join(QLatin1Char('\n')));
    m_requests->setText(tr("%1 served, %2 in flight, %3 dropped (client left)")
                            .arg(locale.toString(s.http.responsesWritten), locale.toString(s.http.exchangesInFlight),
                                 locale.toString(s.http.responsesDropped)));
    m_transforms->setText(tr("%1 executed, %2 failed, %3 throttled")
                              .arg(locale.toString(s.transformsExecuted), locale.toString(s.transformsFailed),
                                   locale.toString(s.throttled)));
    m_memory->setText(tr("%1 resident, %2 held by libvips")
                          .arg(locale.formattedDataSize(s.residentBytes), locale.formattedDataSize(s.imagingMemoryBytes)));
    m_tasks->setCounts(s.tasks);
}

void ServerStatusPanel::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

} // namespace mort
