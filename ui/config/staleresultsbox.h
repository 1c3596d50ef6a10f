#pragma once
// The Config tab's offer for presets an Apply changed or removed (issue 21):
// the results their old definition stored are still served (as in Mort)
// until deleted. Lists them with where each deletion stands, starts one
// ("Delete stored results"), shows its progress and stops it. Hidden while
// no preset changed. Works the same embedded and attached (EngineClient).
#include "client/engineclient.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace mort {

class StaleResultsBox : public QWidget
{
    Q_OBJECT
public:
    explicit StaleResultsBox(EngineClient *client, QWidget *parent = nullptr);

    // Asks the engine for the list again; refreshed() follows.
    void refresh();
    // Starts or stops the deletion for the selected preset (the buttons).
    void purgeSelected();
    void cancelSelected();
    // Selects the row of `bucket`/`preset`; false when it is not listed.
    bool selectPreset(const QString &bucket, const QString &preset);

    QList<StalePreset> presets() const { return m_presets; }
    QTreeWidget *list() const { return m_list; }
    QProgressBar *progress() const { return m_progress; }
    // What the status column says for a row (tests, screenshots).
    static QString stateText(const StalePreset &stale);

Q_SIGNALS:
    void refreshed();
    // A start or stop was refused or could not be asked (translated).
    void problem(const QString &message);

private:
    void showPresets(const QList<StalePreset> &presets);
    void updateButtons();
    std::optional<StalePreset> selected() const;

    EngineClient *m_client;
    QLabel *m_title;
    QTreeWidget *m_list;
    QProgressBar *m_progress;
    QPushButton *m_purge;
    QPushButton *m_cancel;
    QTimer *m_poll; // while a deletion runs
    QList<StalePreset> m_presets;
    bool m_asking = false;   // a list request is on its way
    bool m_askAgain = false; // refresh() came meanwhile: its answer may be older than the caller's change
};

} // namespace mort
