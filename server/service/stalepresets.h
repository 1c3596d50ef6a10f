#pragma once
// Presets whose definition changed or vanished on a config apply (issue #21):
// their results already in the transform storage are still served, as in
// Mort, until deleted. The engine remembers each with the config snapshot in
// which the old definition was live, so StaleResultsPurge can compute the old
// result keys with the old parser -- the only way to know them.
#include "config/config.h"
#include "core/expected.h"

#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QString>

#include <cstdint>
#include <optional>

namespace mort {

// Where a purge of one stale preset stands (GET /api/v1/presets/stale).
struct PurgeProgress
{
    enum class State { Idle, Running, Done, Cancelled, Failed };
    State state = State::Idle;
    int total = 0;        // originals listed
    int done = 0;         // originals handled
    int deleted = 0;      // stored results removed
    int skipped = 0;      // originals no request of the preset can name (the path regex does not match)
    int failed = 0;       // results the storage refused to remove
    QByteArray errorCode; // Failed: why ("purge.too_many_originals", a storage code, ...)
    QString errorMessage;
};

QString purgeStateName(PurgeProgress::State state);
PurgeProgress::State purgeStateFromName(const QString &name);

struct StalePreset
{
    quint64 id = 0;
    QString bucket;
    QString preset;
    bool removed = false;    // gone from the new config (else changed)
    QDateTime changedAt;     // UTC
    ConfigPtr before;        // the snapshot the old definition was live in (engine side only)
    uint64_t beforeHash = 0; // the old definition's transform hash (engine side only)
    PurgeProgress purge;
};

// (bucket, preset) of `before` whose transforms differ in `after` or are gone
// there. Presets that never converted (an invalid definition) served nothing.
QList<StalePreset> changedPresets(const ConfigPtr &before, const Config &after);

// The bounded list the engine keeps. Thread-safe.
class StalePresetLog
{
public:
    static constexpr int kCapacity = 32; // oldest idle entries go first

    // Records what changed from `before` to `after`; entries whose old
    // definition `after` has again (a change undone) are dropped, as their
    // results are current again. Returns the entries added by this apply.
    QList<StalePreset> record(const ConfigPtr &before, const Config &after);
    QList<StalePreset> list() const;
    std::optional<StalePreset> find(quint64 id) const;
    // Moves entry `id` to Running unless it or another one is running.
    // Errors: admin.not_found (404), purge.busy (409).
    Expected<StalePreset> beginPurge(quint64 id);
    void updatePurge(quint64 id, const PurgeProgress &progress);

private:
    mutable QMutex m_mutex;
    QList<StalePreset> m_entries; // oldest first
    quint64 m_nextId = 1;
};

} // namespace mort
