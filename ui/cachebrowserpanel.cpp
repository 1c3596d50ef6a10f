#include "ui/cachebrowserpanel.h"

#include "ui/cacheentrydetailview.h"
#include "ui/cacheentrymodel.h"
#include "ui/engineclient.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace mort {

CacheBrowserPanel::CacheBrowserPanel(EngineClient *client, QWidget *parent)
    : QWidget(parent), m_client(client), m_model(new CacheEntryModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_filter(new QLineEdit(this)), m_view(new QTableView(this)), m_detail(new CacheEntryDetailView(this)),
      m_totals(new QLabel(this)),
      m_message(new QLabel(this)), m_refresh(new QPushButton(tr("Refresh"), this)),
      m_evict(new QPushButton(tr("Evict selected"), this)), m_clear(new QPushButton(tr("Clear all…"), this))
{
    m_confirm = [this](const QString &title, const QString &question) {
        return QMessageBox::question(this, title, question, QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Cancel)
               == QMessageBox::Yes;
    };

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(CacheEntryModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1); // key, content type, status: any column matches
    m_filter->setPlaceholderText(tr("Filter by key, status or content type"));
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
    m_view->horizontalHeader()->setSectionResizeMode(CacheEntryModel::KeyColumn, QHeaderView::Stretch);
    for (int column : {CacheEntryModel::StatusColumn, CacheEntryModel::SizeColumn, CacheEntryModel::HitsColumn,
                       CacheEntryModel::AgeColumn, CacheEntryModel::ContentTypeColumn})
        m_view->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle); // keys differ at both ends: bucket and hash
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CacheBrowserPanel::updateButtons);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CacheBrowserPanel::selectionChanged);

    m_refresh->setObjectName(QStringLiteral("refresh"));
    m_refresh->setToolTip(tr("List the cache again (F5)"));
    m_evict->setObjectName(QStringLiteral("evict"));
    m_evict->setToolTip(tr("Remove the selected entries; the next request renders them again"));
    m_clear->setObjectName(QStringLiteral("clear"));
    connect(m_refresh, &QPushButton::clicked, this, &CacheBrowserPanel::refresh);
    connect(m_evict, &QPushButton::clicked, this, &CacheBrowserPanel::evictSelected);
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
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);
    layout->addLayout(bottom);

    connect(client, &EngineClient::cacheListed, this, [this](const QList<CacheEntryInfo> &entries) {
        m_model->setEntries(entries);
        m_listed = true;
        selectionChanged(); // a new listing has no selection
        setBusy(false, m_doneMessage);
        m_doneMessage.clear();
        updateTotals();
        Q_EMIT listed();
    });
    connect(client, &EngineClient::cacheEntryFetched, this, [this](const CacheEntryDetail &entry) {
        if (entry.info.key == m_detail->shownKey()) // not superseded by another selection
            m_detail->showEntry(entry);
    });
    connect(client, &EngineClient::cacheEvicted, this, [this](const QString &key, bool) {
        if (!m_pendingEvictions.removeOne(key) || !m_pendingEvictions.isEmpty())
            return;
        m_doneMessage = m_evictedCount == 1 ? tr("Evicted 1 entry.") : tr("Evicted %1 entries.").arg(m_evictedCount);
        refresh();
    });
    connect(client, &EngineClient::cacheCleared, this, [this] {
        m_doneMessage = tr("Cache cleared.");
        refresh();
    });
    connect(client, &EngineClient::errorOccurred, this, [this](const QString &message) {
        if (m_detail->isLoading())
            m_detail->showPlaceholder(message);
        if (!m_busy)
            return; // connection trouble is shown by the window; here only our own operations
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
    m_client->listCache(kListLimit);
}

void CacheBrowserPanel::evictSelected()
{
    QStringList keys;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows(CacheEntryModel::KeyColumn))
        keys << m_proxy->data(index, CacheEntryModel::SortRole).toString();
    if (keys.isEmpty() || m_busy)
        return;
    const QString question = keys.size() == 1
                                 ? tr("Evict %1 from the cache?").arg(CacheEntryModel::displayKey(keys.first()))
                                 : tr("Evict the %1 selected entries from the cache?").arg(keys.size());
    if (!m_confirm(tr("Evict cache entries"), question))
        return;
    m_pendingEvictions = keys;
    m_evictedCount = keys.size();
    setBusy(true, keys.size() == 1 ? tr("Evicting 1 entry…") : tr("Evicting %1 entries…").arg(keys.size()));
    for (const QString &key : std::as_const(keys))
        m_client->evict(key);
}

void CacheBrowserPanel::clearAll()
{
    if (m_busy)
        return;
    if (!m_confirm(tr("Clear the cache"),
                   tr("Remove every entry from the response cache? Requests will be rendered again until it refills.")))
        return;
    setBusy(true, tr("Clearing…"));
    m_client->clearCache();
}

void CacheBrowserPanel::setBusy(bool busy, const QString &message, bool isError)
{
    m_busy = busy;
    m_message->setText(message);
    m_message->setStyleSheet(isError ? QStringLiteral("color: #b3261e;") : QString());
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
        m_totals->setText(tr("Not listed yet — press Refresh (F5)."));
        return;
    }
    QString text = (all == 1 ? tr("1 entry, %1") : tr("%1 entries, %2").arg(all))
                       .arg(locale.formattedDataSize(m_model->totalBytes()));
    if (shown != all)
        text += tr(" — %1 match the filter").arg(shown);
    if (all >= kListLimit)
        text += tr(" (listing stops at %1)").arg(kListLimit);
    m_totals->setText(text);
}

void CacheBrowserPanel::selectionChanged()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows(CacheEntryModel::KeyColumn);
    if (rows.size() != 1) {
        m_detail->showPlaceholder(rows.isEmpty() ? tr("Select one entry to see its headers and a preview.")
                                                 : tr("%1 entries selected.").arg(rows.size()));
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
