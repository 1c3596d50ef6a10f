#pragma once
// Preset definitions -> Transforms (spec urls-and-transforms.md §2.2, §4.1,
// §8; config.md §4.1.1), memoised per (bucket, preset name).
#include "config/config.h"
#include "core/expected.h"
#include "object/transforms.h"

#include <QString>

#include <map>
#include <utility>

namespace mort {

// One preset in Mort's call order: thumbnail, crop, extract, resizeCropAuto,
// quality, interlace, strip, format, blur, watermark, grayscale, rotate.
// `mode: outbound` = enlarge allowed (fit inside); an invalid rotate angle and
// an out-of-range quality are silently ignored; an invalid format or
// watermark is an error, surfaced as 400 at request time (config.md §4.1.1).
Expected<Transforms> presetToTransforms(const PresetConfig &preset);

// The memo. Mort memoises by preset name process-wide, so two buckets with a
// preset of the same name share the first one's transforms; we key by
// (bucket, name) (peer-differences R10). All presets of the snapshot are
// converted up front: the table is bounded by the config and immutable, so
// concurrent lookups need no lock.
class PresetTransforms
{
public:
    PresetTransforms() = default;
    explicit PresetTransforms(const Config &config);

    // nullptr = no such preset in that bucket.
    const Expected<Transforms> *find(const QString &bucket, const QString &presetName) const;
    int size() const { return int(m_table.size()); }

private:
    std::map<std::pair<QString, QString>, Expected<Transforms>> m_table;
};

} // namespace mort
