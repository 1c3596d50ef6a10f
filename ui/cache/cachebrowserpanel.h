#pragma once
// Browse the response cache of the engine the studio watches: sortable,
// filterable table, totals with the cache's capacity and fill, evict the
// selected entries, clear all; the selected entry's headers and image beside
// it. Destructive actions ask first. While shown it lists the cache again
// every kLiveRefreshMs by itself (selection and scroll position kept); hidden,
// it asks nothing. Messages about a finished action go after kMessageMs.
#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace mort {

struct CacheEntryInfo;
class CacheEntryDetailView;
class CacheEntryModel;
class EngineClient;

class CacheBrowserPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kListLimit = 5000;
    static constexpr int kLiveRefreshMs = 2000;
    static constexpr int kMessageMs = 5000;
    // Asked before evicting or clearing: (title, question) -> go ahead?
    using Confirm = std::function<bool(const QString &title, const QString &question)>;

    explicit CacheBrowserPanel(EngineClient *client, QWidget *parent = nullptr);

    CacheEntryModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLabel *totalsLabel() const { return m_totals; }
    CacheEntryDetailView *detailView() const { return m_detail; }
    bool isBusy() const { return m_busy; }
    // Tests replace the message box.
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    void setFilterText(const QString &text);

public Q_SLOTS:
    void refresh();
    void evictSelected();
    void clearAll();

Q_SIGNALS:
    void listed(); // the table shows the newest listing asked for

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    // The live refresh: a listing without "Listing…", skipped while one is
    // on its way, an action runs or the server is not reached.
    void poll();
    void requestListing();
    // A listing arrived: shown with the selection and scroll position kept.
    void showListing(const QList<CacheEntryInfo> &entries);
    QStringList selectedKeys() const;
    void setBusy(bool busy, const QString &message = {}, bool isError = false);
    void updateTotals();
    void updateButtons();
    void selectionChanged();

    EngineClient *m_client;
    CacheEntryModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_view;
    CacheEntryDetailView *m_detail;
    QLabel *m_totals;
    QLabel *m_message;
    QPushButton *m_refresh;
    QPushButton *m_evict;
    QPushButton *m_clear;
    QTimer *m_live;
    QTimer *m_messageExpiry;
    Confirm m_confirm;
    QStringList m_pendingEvictions;
    qsizetype m_evictedCount = 0;
    QString m_doneMessage; // shown once the listing that follows an action arrives
    bool m_busy = false;
    bool m_listed = false;
    bool m_showingListing = false; // the selection changes only because a listing replaces the rows
    int m_listingsAsked = 0;       // listings asked for and not arrived yet
    bool m_refreshAsked = false;   // refresh() asked for one: its arrival ends the busy state
    qint64 m_capacityBytes = 0;    // cacheSize, from the engine's stats; 0 until known
};

} // namespace mort
