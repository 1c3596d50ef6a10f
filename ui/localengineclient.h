#pragma once
// The engine embedded in the studio process: owns it, starts and stops it.
#include "ui/engineclient.h"

#include "service/engine.h"

#include <memory>

namespace mort {

class LocalEngineClient : public EngineClient
{
    Q_OBJECT
public:
    LocalEngineClient(ConfigPtr config, QString configPath, QObject *parent = nullptr);
    ~LocalEngineClient() override;

    QString description() const override;
    bool isRunning() const override;
    void refresh() override;

    bool start();
    void stop();
    Engine *engine() { return m_engine.get(); }

private:
    std::unique_ptr<Engine> m_engine;
    QString m_configPath;
};

} // namespace mort
