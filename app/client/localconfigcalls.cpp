// LocalEngineClient's config checks: the embedded engine's own validator and
// hot reload (Engine::applyConfig), on a worker thread.
#include "client/configcheck.h"
#include "client/localengineclient.h"

namespace mort {

namespace {

ConfigCheck checkAgainst(const Config &running, const QString &yaml)
{
    ConfigCheck check;
    const Config next = ConfigLoader::parse(yaml, check.issues, running.sourcePath);
    if (check.issues.isEmpty()) {
        check.restartKeys = restartKeysBetween(running, next);
        check.restartRequired = !check.restartKeys.isEmpty();
    }
    return check;
}

} // namespace

void LocalEngineClient::validateConfig(const QString &yaml, QObject *context, Done<ConfigCheck> done)
{
    Engine *engine = m_engine.get();
    answer<ConfigCheck>(
        m_pool, context,
        [engine, yaml]() -> Expected<ConfigCheck> {
            ConfigCheck check = checkAgainst(*engine->config(), yaml);
            check.restartRequired = false; // validating only: say which keys, nothing is refused
            return check;
        },
        std::move(done));
}

void LocalEngineClient::applyConfig(const QString &yaml, QObject *context, Done<ConfigCheck> done)
{
    Engine *engine = m_engine.get();
    answer<ConfigCheck>(
        m_pool, context,
        [engine, yaml]() -> Expected<ConfigCheck> {
            ConfigCheck check = checkAgainst(*engine->config(), yaml);
            if (!check.ok())
                return check;
            if (Expected<void> applied = engine->applyConfig(yaml); !applied) {
                if (applied.error().code == QByteArrayLiteral("config.restart_required"))
                    check.restartRequired = true;
                else
                    check.refusal = applied.error().detail.isEmpty()
                        ? applied.error().publicMessage
                        : applied.error().publicMessage + QStringLiteral(": ") + applied.error().detail;
                return check;
            }
            check.applied = true;
            return check;
        },
        std::move(done));
}

} // namespace mort
