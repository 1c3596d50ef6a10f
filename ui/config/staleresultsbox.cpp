#include "ui/config/staleresultsbox.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mort {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kPollMs = 500;

bool isRunning(const StalePreset &stale)
{
    return stale.purge.state == PurgeProgress::State::Running;
}

} // namespace

StaleResultsBox::StaleResultsBox(EngineClient *client, QWidget *parent)
    : QWidget(parent), m_client(client), m_title(new QLabel(this)), m_list(new QTreeWidget(this)),
      m_progress(new QProgressBar(this)), m_purge(new QPushButton(tr("Delete stored results"), this)),
      m_cancel(new QPushButton(tr("Stop"), this)), m_poll(new QTimer(this))
{
    setObjectName(QStringLiteral("staleResults"));
    m_title->setWordWrap(true);
    m_title->setText(tr("Presets changed since the server stored their results. What the old definition made is "
                        "still served until it is deleted; deleted results are made again, with the new "
                        "definition, on their next request."));
    m_list->setRootIsDecorated(false);
    m_list->setColumnCount(3);
    m_list->setHeaderLabels({tr("Preset"), tr("Change"), tr("Stored results")});
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    m_list->setMaximumHeight(120);
    m_purge->setObjectName(QStringLiteral("stalePurge"));
    m_purge->setToolTip(tr("Delete the results the old definition stored for every original of the bucket, in "
                           "the background"));
    m_cancel->setObjectName(QStringLiteral("staleCancel"));
    m_cancel->setToolTip(tr("Stop deleting; results already deleted stay deleted"));
    m_progress->setTextVisible(true);
    m_progress->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_purge);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_progress, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_list);
    layout->addLayout(buttons);

    m_poll->setInterval(kPollMs);
    connect(m_poll, &QTimer::timeout, this, &StaleResultsBox::refresh);
    connect(m_purge, &QPushButton::clicked, this, &StaleResultsBox::purgeSelected);
    connect(m_cancel, &QPushButton::clicked, this, &StaleResultsBox::cancelSelected);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &StaleResultsBox::updateButtons);
    hide(); // until a preset changed
}

QString StaleResultsBox::stateText(const StalePreset &stale)
{
    const PurgeProgress &p = stale.purge;
    switch (p.state) {
    case PurgeProgress::State::Idle: return tr("kept, still served");
    case PurgeProgress::State::Running:
        return p.total == 0 ? tr("deleting: listing the originals...")
                            : tr("deleting: %1 of %2 originals, %n deleted", "", p.deleted).arg(p.done).arg(p.total);
    case PurgeProgress::State::Done:
        return p.failed == 0
            ? tr("%n deleted", "", p.deleted)
            : tr("%n deleted; %1 could not be deleted (see the server log)", "", p.deleted).arg(p.failed);
    case PurgeProgress::State::Cancelled:
        return tr("stopped after %1 of %2 originals, %n deleted", "", p.deleted).arg(p.done).arg(p.total);
    case PurgeProgress::State::Failed: return tr("not deleted: %1").arg(p.errorMessage);
    }
    return {};
}

void StaleResultsBox::refresh()
{
    if (m_asking) {
        m_askAgain = true;
        return;
    }
    m_asking = true;
    m_client->listStalePresets(this, [this](const Expected<QList<StalePreset>> &presets) {
        m_asking = false;
        if (std::exchange(m_askAgain, false))
            return refresh();
        // An engine that keeps no such list (or cannot be reached) has nothing to offer.
        showPresets(presets ? *presets : QList<StalePreset>{});
        Q_EMIT refreshed();
    });
}

void StaleResultsBox::showPresets(const QList<StalePreset> &presets)
{
    const std::optional<StalePreset> was = selected();
    m_presets = presets;
    m_list->clear();
    QTreeWidgetItem *current = nullptr;
    bool running = false;
    for (const StalePreset &stale : presets) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, stale.bucket + QStringLiteral(" / ") + stale.preset);
        const QString at = QLocale().toString(stale.changedAt.toLocalTime().time(), QLocale::ShortFormat);
        item->setText(1, stale.removed ? tr("removed at %1").arg(at) : tr("changed at %1").arg(at));
        item->setText(2, stateText(stale));
        item->setToolTip(2, item->text(2));
        item->setData(0, kIdRole, stale.id);
        if ((was && was->id == stale.id) || (!was && !current))
            current = item;
        running = running || isRunning(stale);
    }
    if (current)
        m_list->setCurrentItem(current);
    setVisible(!presets.isEmpty());
    if (running)
        m_poll->start();
    else
        m_poll->stop();
    updateButtons();
}

std::optional<StalePreset> StaleResultsBox::selected() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return std::nullopt;
    const quint64 id = item->data(0, kIdRole).toULongLong();
    for (const StalePreset &stale : m_presets) {
        if (stale.id == id)
            return stale;
    }
    return std::nullopt;
}

bool StaleResultsBox::selectPreset(const QString &bucket, const QString &preset)
{
    for (int i = 0; i < m_presets.size(); ++i) {
        if (m_presets.at(i).bucket == bucket && m_presets.at(i).preset == preset) {
            m_list->setCurrentItem(m_list->topLevelItem(i));
            return true;
        }
    }
    return false;
}

void StaleResultsBox::updateButtons()
{
    const std::optional<StalePreset> stale = selected();
    const bool anyRunning = std::any_of(m_presets.cbegin(), m_presets.cend(), isRunning);
    m_purge->setEnabled(stale && !anyRunning); // one deletion at a time
    m_cancel->setEnabled(stale && isRunning(*stale));
    const bool showProgress = stale && stale->purge.state != PurgeProgress::State::Idle && stale->purge.total > 0;
    m_progress->setVisible(showProgress);
    if (showProgress) {
        m_progress->setRange(0, stale->purge.total);
        m_progress->setValue(stale->purge.done);
        m_progress->setFormat(tr("%1 of %2 originals").arg(stale->purge.done).arg(stale->purge.total));
    }
}

void StaleResultsBox::purgeSelected()
{
    const std::optional<StalePreset> stale = selected();
    if (!stale)
        return;
    m_purge->setEnabled(false);
    m_client->purgeStaleResults(stale->id, this, [this](const Expected<StalePreset> &started) {
        if (!started)
            Q_EMIT problem(tr("Stored results not deleted: %1. Wait for the running deletion to end, or check the "
                              "connection, then try again.")
                               .arg(started.error().publicMessage));
        refresh();
    });
}

void StaleResultsBox::cancelSelected()
{
    const std::optional<StalePreset> stale = selected();
    if (!stale)
        return;
    m_client->cancelStaleResultsPurge(stale->id, this, [this](const Expected<bool> &cancelled) {
        if (!cancelled)
            Q_EMIT problem(tr("Could not stop the deletion: %1. Check the connection, then press Stop again.")
                               .arg(cancelled.error().publicMessage));
        refresh();
    });
}

} // namespace mort
