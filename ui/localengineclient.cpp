#include "ui/localengineclient.h"

#include <QFileInfo>

namespace mort {

LocalEngineClient::LocalEngineClient(ConfigPtr config, QString configPath, QObject *parent)
    : EngineClient(parent), m_engine(std::make_unique<Engine>(std::move(config))), m_configPath(std::move(configPath))
{
}

LocalEngineClient::~LocalEngineClient()
{
    stop();
}

QString LocalEngineClient::description() const
{
    return tr("Embedded server (%1)").arg(QFileInfo(m_configPath).fileName());
}

bool LocalEngineClient::isRunning() const
{
    return m_engine->isRunning();
}

bool LocalEngineClient::start()
{
    Expected<void> started = m_engine->start();
    if (!started) {
        Q_EMIT errorOccurred(tr("The embedded server could not start: %1\n"
                                "Free the port or change \"listens\" in %2, then restart.")
                                 .arg(started.error().detail, m_configPath));
        return false;
    }
    Q_EMIT stateChanged(true);
    refresh();
    return true;
}

void LocalEngineClient::stop()
{
    if (!m_engine->isRunning())
        return;
    m_engine->stop();
    Q_EMIT stateChanged(false);
}

void LocalEngineClient::refresh()
{
    // A snapshot is atomics and one /proc read: cheap enough for the GUI thread.
    Q_EMIT statsUpdated(m_engine->stats());
}

} // namespace mort
