#include "ui/cache/cachebrowserpanel.h"

#include "ui/cache/cacheentrydetailview.h"
#include "ui/cache/cacheentrymodel.h"
#include "client/engineclient.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace mort {

CacheBrowserPanel::CacheBrowserPanel(EngineClient *client, QWidget *parent)
    : QWidget(parent), m_client(client), m_model(new CacheEntryModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_filter(new QLineEdit(this)), m_view(new QTableView(this)), m_detail(new CacheEntryDetailView(this)),
      m_totals(new QLabel(this)), m_message(new QLabel(this)), m_refresh(new QPushButton(tr("Refresh"), this)),
      m_evict(new QPushButton(tr("Evict selected"), this)), m_clear(new QPushButton(tr("Clear all…"), this)),
      m_live(new QTimer(this)), m_messageExpiry(new QTimer(this))
{
    m_detail->setEngineClient(client);
    m_confirm = [this](const QString &title, const QString &question) {
        return QMessageBox::question(this, title, question, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes;
    };

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(CacheEntryModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1); // key, content type, status: any column matches
    m_filter->setPlaceholderText(tr("Filter by request, key, status or content type"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setObjectName(QStringLiteral("filter"));
    connect(m_filter, &QLineEdit::textChanged, this, &CacheBrowserPanel::setFilterText);

    m_view->setModel(m_proxy);
    m_view->setObjectName(QStringLiteral("entries"));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(CacheEntryModel::AgeColumn, Qt::AscendingOrder); // newest first
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    // The request names the entry; the key (a hash for most transforms) can be
    // widened. No column is squeezed below its title: a narrow window scrolls.
    QHeaderView *columns = m_view->horizontalHeader();
    const int em = m_view->fontMetrics().horizontalAdvance(QLatin1Char('m'));
    columns->setSectionResizeMode(QHeaderView::ResizeToContents);
    columns->setSectionResizeMode(CacheEntryModel::RequestColumn, QHeaderView::Interactive);
    columns->setSectionResizeMode(CacheEntryModel::KeyColumn, QHeaderView::Interactive);
    columns->resizeSection(CacheEntryModel::RequestColumn, 18 * em);
    columns->resizeSection(CacheEntryModel::KeyColumn, 7 * em);
    columns->setStretchLastSection(true);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle); // requests and keys differ at both ends
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CacheBrowserPanel::updateButtons);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CacheBrowserPanel::selectionChanged);

    m_refresh->setObjectName(QStringLiteral("refresh"));
    m_refresh->setToolTip(tr("List the cache again now (F5); while this tab is shown it is listed every %1 s anyway")
                              .arg(kLiveRefreshMs / 1000));
    m_evict->setObjectName(QStringLiteral("evict"));
    m_evict->setToolTip(tr("Remove the selected entries (Delete); the next request renders them again"));
    m_clear->setObjectName(QStringLiteral("clear"));
    connect(m_refresh, &QPushButton::clicked, this, &CacheBrowserPanel::refresh);
    connect(m_evict, &QPushButton::clicked, this, &CacheBrowserPanel::evictSelected);
    // Delete in the table evicts the selection, asking first as the button does
    // (issue 25 finding 10); not in the filter field, where it edits the text.
    auto *evictKey = new QAction(tr("Evict selected"), m_view);
    evictKey->setShortcut(QKeySequence::Delete);
    evictKey->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(evictKey);
    connect(evictKey, &QAction::triggered, this, &CacheBrowserPanel::evictSelected);
    connect(m_clear, &QPushButton::clicked, this, &CacheBrowserPanel::clearAll);

    m_totals->setObjectName(QStringLiteral("totals"));
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_refresh);
    bar->addWidget(m_evict);
    bar->addWidget(m_clear);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_totals, 1);
    bottom->addWidget(m_message, 1, Qt::AlignRight);
    auto *layout = new QVBoxLayout(this);
    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(m_view);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);
    layout->addLayout(bottom);

    m_live->setInterval(kLiveRefreshMs);
    connect(m_live, &QTimer::timeout, this, &CacheBrowserPanel::poll);
    m_messageExpiry->setSingleShot(true);
    m_messageExpiry->setInterval(kMessageMs);
    connect(m_messageExpiry, &QTimer::timeout, m_message, &QLabel::clear);

    connect(client, &EngineClient::cacheListed, this, [this](const QList<CacheEntryInfo> &entries) {
        m_listingsAsked = std::max(0, m_listingsAsked - 1);
        showListing(entries);
        if (m_listingsAsked > 0)
            return; // a newer one is on its way: wait for it
        if (m_busy) {
            if (!m_refreshAsked)
                return; // an eviction or clear still runs: the listing after it ends it
            setBusy(false, m_doneMessage);
            m_doneMessage.clear();
        }
        m_refreshAsked = false;
        Q_EMIT listed();
    });
    connect(client, &EngineClient::statsUpdated, this, [this](const EngineStats &stats) {
        if (stats.cacheCapacityBytes == m_capacityBytes)
            return;
        m_capacityBytes = stats.cacheCapacityBytes;
        updateTotals();
    });
    connect(client, &EngineClient::connectionChanged, this, [this](bool) {
        updateTotals();
        poll();
    });
    connect(client, &EngineClient::cacheEntryFetched, this, [this](const CacheEntryView &entry) {
        if (entry.info.key == m_detail->shownKey()) // not superseded by another selection
            m_detail->showEntry(entry);
    });
    connect(client, &EngineClient::cacheEvicted, this, [this](const QString &key, bool) {
        if (!m_pendingEvictions.removeOne(key) || !m_pendingEvictions.isEmpty())
            return;
        m_doneMessage =
            m_evictedCount == 1 ? tr("Evicted 1 entry.") : tr("Evicted %n entries.", nullptr, int(m_evictedCount));
        refresh();
    });
    connect(client, &EngineClient::cacheCleared, this, [this] {
        m_doneMessage = tr("Cache cleared.");
        refresh();
    });
    connect(client, &EngineClient::errorOccurred, this, [this](const QString &message) {
        if (m_detail->isLoading())
            m_detail->showPlaceholder(message);
        m_listingsAsked = 0; // the failed call may have been a listing: let the live refresh ask again
        if (!m_busy)
            return; // connection trouble is shown by the window; here only our own operations
        m_refreshAsked = false;
        m_pendingEvictions.clear();
        m_doneMessage.clear();
        setBusy(false, message, true);
    });
    updateTotals();
    updateButtons();
}

void CacheBrowserPanel::setFilterText(const QString &text)
{
    if (m_filter->text() != text)
        m_filter->setText(text); // comes back here through textChanged
    m_proxy->setFilterFixedString(text);
    updateTotals();
}

void CacheBrowserPanel::refresh()
{
    setBusy(true, tr("Listing…"));
    m_refreshAsked = true;
    requestListing();
}

void CacheBrowserPanel::poll()
{
    if (!isVisible() || m_busy || m_listingsAsked > 0 || !m_client->isConnected())
        return;
    requestListing();
}

void CacheBrowserPanel::requestListing()
{
    ++m_listingsAsked;
    m_client->listCache(kListLimit);
}

void CacheBrowserPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_live->start();
    poll(); // at once: the tab is never empty until someone presses Refresh
}

void CacheBrowserPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_live->stop();
}

QStringList CacheBrowserPanel::selectedKeys() const
{
    QStringList keys;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows(CacheEntryModel::KeyColumn))
        keys << m_proxy->data(index, CacheEntryModel::SortRole).toString();
    return keys;
}

void CacheBrowserPanel::showListing(const QList<CacheEntryInfo> &entries)
{
    const QStringList selectedList = selectedKeys();
    const QSet<QString> selected(selectedList.cbegin(), selectedList.cend());
    const int scrolled = m_view->verticalScrollBar()->value();
    m_showingListing = true;
    m_model->setEntries(entries); // a reset: the selection is gone, put it back by key
    if (!selected.isEmpty()) {
        QItemSelection again;
        for (int row = 0; row < m_proxy->rowCount(); ++row) {
            const QModelIndex key = m_proxy->index(row, CacheEntryModel::KeyColumn);
            if (selected.contains(m_proxy->data(key, CacheEntryModel::SortRole).toString()))
                again.select(key, key);
        }
        m_view->selectionModel()->select(again, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    m_view->verticalScrollBar()->setValue(scrolled);
    m_showingListing = false;
    m_listed = true;
    selectionChanged(); // the same entry: nothing to fetch; gone from the cache: the detail says so
    updateTotals();
}

void CacheBrowserPanel::evictSelected()
{
    const QStringList keys = selectedKeys();
    if (keys.isEmpty() || m_busy)
        return;
    // One entry is named by its request when it has one (a key is mostly a hash).
    const QModelIndexList rows = m_view->selectionModel()->selectedRows(CacheEntryModel::RequestColumn);
    const QString url = rows.size() == 1 ? m_proxy->data(rows.first()).toString() : QString();
    const QString question = keys.size() == 1
        ? tr("Evict %1 from the cache?").arg(url.isEmpty() ? CacheEntryModel::displayKey(keys.first()) : url)
        : tr("Evict the %n selected entries from the cache?", nullptr, int(keys.size()));
    if (!m_confirm(tr("Evict cache entries"), question))
        return;
    m_pendingEvictions = keys;
    m_evictedCount = keys.size();
    setBusy(true, keys.size() == 1 ? tr("Evicting 1 entry…") : tr("Evicting %n entries…", nullptr, int(keys.size())));
    for (const QString &key : std::as_const(keys))
        m_client->evict(key);
}

void CacheBrowserPanel::clearAll()
{
    if (m_busy)
        return;
    QString question =
        tr("Remove every entry from the response cache? Requests will be rendered again until it refills.");
    if (m_model->redisCount() > 0) // Redis is shared: cleared one entry at a time, on purpose
        question += QLatin1Char(' ') + tr("Entries in Redis stay (other instances use them); evict those one by one.");
    if (!m_confirm(tr("Clear the cache"), question))
        return;
    setBusy(true, tr("Clearing…"));
    m_client->clearCache();
}

void CacheBrowserPanel::setBusy(bool busy, const QString &message, bool isError)
{
    m_busy = busy;
    m_message->setText(message);
    m_message->setStyleSheet(isError ? QStringLiteral("color: #b3261e;") : QString());
    // "Evicted 1 entry." is news for a moment; an error stays until the next action.
    if (!busy && !isError && !message.isEmpty())
        m_messageExpiry->start();
    else
        m_messageExpiry->stop();
    m_refresh->setEnabled(!busy);
    m_clear->setEnabled(!busy);
    updateButtons();
}

void CacheBrowserPanel::updateTotals()
{
    const QLocale locale;
    const int shown = m_proxy->rowCount();
    const int all = m_model->rowCount();
    if (!m_listed) {
        m_totals->setText(m_client->isConnected() ? tr("Listing…")
                                                  : tr("Not connected to the server: nothing to list."));
        return;
    }
    // How full the cache is: the listed entries' sizes (the same figure as
    // the Size column) against cacheSize.
    const qint64 held = m_model->totalBytes();
    QString text = all == 1 ? tr("1 entry") : tr("%n entries", nullptr, all);
    if (m_capacityBytes > 0)
        text += tr(" · %1 of %2 in cache (%3 %)")
                    .arg(CacheEntryModel::formatSize(held), CacheEntryModel::formatSize(m_capacityBytes),
                         locale.toString(100.0 * double(held) / double(m_capacityBytes), 'f', 1));
    else
        text += tr(" · %1 in cache").arg(CacheEntryModel::formatSize(held));
    if (m_model->redisCount() > 0)
        text += tr(" · %n in Redis", nullptr, m_model->redisCount());
    if (shown != all)
        text += tr(" — %1 match the filter").arg(shown);
    if (all >= kListLimit)
        text += tr(" (listing stops at %1)").arg(kListLimit);
    m_totals->setText(text);
}

void CacheBrowserPanel::selectionChanged()
{
    if (m_showingListing)
        return; // rows replaced, the same entries selected again right after
    const QModelIndexList rows = m_view->selectionModel()->selectedRows(CacheEntryModel::KeyColumn);
    if (rows.size() != 1) {
        m_detail->showPlaceholder(rows.isEmpty() ? tr("Select one entry to see its headers and a preview.")
                                                 : tr("%n entries selected.", nullptr, int(rows.size())));
        return;
    }
    const QString key = m_proxy->data(rows.first(), CacheEntryModel::SortRole).toString();
    if (key == m_detail->shownKey())
        return;
    m_detail->showLoading(key);
    m_client->fetchCacheEntry(key);
}

void CacheBrowserPanel::updateButtons()
{
    m_evict->setEnabled(!m_busy && m_view->selectionModel()->hasSelection());
}

} // namespace mort
