#pragma once
// What every studio screen talks to: an engine, embedded or remote. Calls are
// asynchronous; results arrive as signals on the GUI thread.
#include "service/enginestats.h"

#include <QObject>
#include <QString>

namespace mort {

class EngineClient : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~EngineClient() override = default;

    virtual QString description() const = 0; // "Embedded server (demo config)", "http://host:8081"
    virtual bool isRunning() const = 0;
    // Asks for a fresh snapshot; statsUpdated() follows.
    virtual void refresh() = 0;

Q_SIGNALS:
    void statsUpdated(const mort::EngineStats &stats);
    void stateChanged(bool running);
    void errorOccurred(const QString &message); // already translated, says what to do next
};

} // namespace mort
