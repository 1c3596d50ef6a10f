#include "service/stalepresets.h"

#include "object/presettransforms.h"

#include <algorithm>

namespace mort {

namespace {

constexpr std::pair<PurgeProgress::State, const char *> kStateNames[] = {
    {PurgeProgress::State::Idle, "idle"},     {PurgeProgress::State::Running, "running"},
    {PurgeProgress::State::Done, "done"},     {PurgeProgress::State::Cancelled, "cancelled"},
    {PurgeProgress::State::Failed, "failed"},
};

// The hash of (bucket, preset) in `table`, or none when absent or invalid.
std::optional<uint64_t> presetHash(const PresetTransforms &table, const QString &bucket, const QString &preset)
{
    const Expected<Transforms> *t = table.find(bucket, preset);
    if (!t || !t->ok())
        return std::nullopt;
    return t->value().hash();
}

} // namespace

QString purgeStateName(PurgeProgress::State state)
{
    for (const auto &[s, name] : kStateNames) {
        if (s == state)
            return QString::fromLatin1(name);
    }
    return QStringLiteral("idle");
}

PurgeProgress::State purgeStateFromName(const QString &name)
{
    for (const auto &[s, n] : kStateNames) {
        if (name == QLatin1String(n))
            return s;
    }
    return PurgeProgress::State::Idle;
}

namespace {

// changedPresets() on tables already built (record() needs `now` again).
QList<StalePreset> changedBetween(const ConfigPtr &before, const PresetTransforms &old, const Config &after,
                                  const PresetTransforms &now)
{
    QList<StalePreset> changed;
    const QDateTime at = QDateTime::currentDateTimeUtc();
    for (const BucketConfig &bucket : before->buckets) {
        if (!bucket.transform)
            continue;
        for (auto p = bucket.transform->presets.constBegin(); p != bucket.transform->presets.constEnd(); ++p) {
            const std::optional<uint64_t> was = presetHash(old, bucket.name, p.key());
            if (!was)
                continue;
            const std::optional<uint64_t> is = presetHash(now, bucket.name, p.key());
            if (is == was)
                continue;
            StalePreset s;
            s.bucket = bucket.name;
            s.preset = p.key();
            s.removed = !after.bucket(bucket.name) || !after.bucket(bucket.name)->transform
                || !after.bucket(bucket.name)->transform->presets.contains(p.key());
            s.changedAt = at;
            s.before = before;
            s.beforeHash = *was;
            changed.append(s);
        }
    }
    return changed;
}

} // namespace

QList<StalePreset> changedPresets(const ConfigPtr &before, const Config &after)
{
    return changedBetween(before, PresetTransforms(*before), after, PresetTransforms(after));
}

QList<StalePreset> StalePresetLog::record(const ConfigPtr &before, const Config &after)
{
    const PresetTransforms now(after);
    QList<StalePreset> added = changedBetween(before, PresetTransforms(*before), after, now);
    QMutexLocker lock(&m_mutex);
    // An entry whose old definition is live again names current results.
    m_entries.removeIf([&now](const StalePreset &e) {
        return e.purge.state != PurgeProgress::State::Running && presetHash(now, e.bucket, e.preset) == e.beforeHash;
    });
    for (StalePreset &s : added) {
        s.id = m_nextId++;
        m_entries.append(s);
    }
    // Bounded: the oldest entries that are not running make room.
    for (qsizetype i = 0; m_entries.size() > kCapacity && i < m_entries.size();) {
        if (m_entries.at(i).purge.state == PurgeProgress::State::Running)
            ++i;
        else
            m_entries.removeAt(i);
    }
    return added;
}

QList<StalePreset> StalePresetLog::list() const
{
    QMutexLocker lock(&m_mutex);
    return m_entries;
}

std::optional<StalePreset> StalePresetLog::find(quint64 id) const
{
    QMutexLocker lock(&m_mutex);
    for (const StalePreset &e : m_entries) {
        if (e.id == id)
            return e;
    }
    return std::nullopt;
}

Expected<StalePreset> StalePresetLog::beginPurge(quint64 id)
{
    QMutexLocker lock(&m_mutex);
    const auto entry =
        std::find_if(m_entries.begin(), m_entries.end(), [id](const StalePreset &e) { return e.id == id; });
    if (entry == m_entries.end())
        return Error::client("admin.not_found", 404, QStringLiteral("no changed preset with id %1").arg(id));
    // One purge at a time: it is storage-bound work competing with requests.
    if (std::any_of(m_entries.cbegin(), m_entries.cend(),
                    [](const StalePreset &e) { return e.purge.state == PurgeProgress::State::Running; }))
        return Error::client("purge.busy", 409, QStringLiteral("another preset's stored results are being deleted"));
    entry->purge = PurgeProgress{};
    entry->purge.state = PurgeProgress::State::Running;
    return *entry;
}

void StalePresetLog::updatePurge(quint64 id, const PurgeProgress &progress)
{
    QMutexLocker lock(&m_mutex);
    for (StalePreset &e : m_entries) {
        if (e.id == id)
            e.purge = progress;
    }
}

} // namespace mort
