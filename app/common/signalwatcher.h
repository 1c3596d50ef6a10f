#pragma once
// Turns SIGTERM/SIGINT into a Qt signal on the main thread (self-pipe), so
// shutdown runs as ordinary code: drain, close, remove socket files. SIGUSR2 is
// ignored as Mort does.
#include <QObject>

class QSocketNotifier;

namespace mort {

class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signal);

private:
    void onActivated();
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace mort
