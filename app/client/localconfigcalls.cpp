// LocalEngineClient's config checks: the embedded engine's own validator and
// hot reload (Engine::applyConfig), on a worker thread; the stored results of
// presets an apply changed (Engine::stalePresets and its purge).
#include "client/configcheck.h"
#include "client/localengineclient.h"

#include "service/staleresultspurge.h"

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

void LocalEngineClient::listStalePresets(QObject *context, Done<QList<StalePreset>> done)
{
    Engine *engine = m_engine.get();
    answer<QList<StalePreset>>(
        m_pool, context, [engine] { return engine->stalePresets(); }, std::move(done));
}

void LocalEngineClient::purgeStaleResults(quint64 id, QObject *context, Done<StalePreset> done)
{
    Engine *engine = m_engine.get();
    answer<StalePreset>(
        m_pool, context, [engine, id] { return engine->startStaleResultsPurge(id, StaleResultsPurge::kMaxOriginals); },
        std::move(done));
}

void LocalEngineClient::cancelStaleResultsPurge(quint64 id, QObject *context, Done<bool> done)
{
    Engine *engine = m_engine.get();
    answer<bool>(
        m_pool, context, [engine, id] { return engine->cancelStaleResultsPurge(id); }, std::move(done));
}

} // namespace mort
