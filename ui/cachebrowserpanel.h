#pragma once
// Browse the response cache of the engine the studio watches: sortable,
// filterable table, totals, refresh, evict the selected entries, clear all;
// the selected entry's headers and image beside it. Destructive actions ask first.
#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace mort {

class CacheEntryDetailView;
class CacheEntryModel;
class EngineClient;

class CacheBrowserPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kListLimit = 5000;
    // Asked before evicting or clearing: (title, question) -> go ahead?
    using Confirm = std::function<bool(const QString &title, const QString &question)>;

    explicit CacheBrowserPanel(EngineClient *client, QWidget *parent = nullptr);

    CacheEntryModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLabel *totalsLabel() const { return m_totals; }
    CacheEntryDetailView *detailView() const { return m_detail; }
    bool isBusy() const { return m_busy; }
    bool hasListed() const { return m_listed; }
    // Tests replace the message box.
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    void setFilterText(const QString &text);

public Q_SLOTS:
    void refresh();
    void evictSelected();
    void clearAll();

Q_SIGNALS:
    void listed(); // the table shows a new listing

private:
    void showEntries();
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
    Confirm m_confirm;
    QStringList m_pendingEvictions;
    qsizetype m_evictedCount = 0;
    QString m_doneMessage; // shown once the listing that follows an action arrives
    bool m_busy = false;
    bool m_listed = false;
};

} // namespace mort
