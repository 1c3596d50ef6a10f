#pragma once
// Config snapshots for object/ tests, built directly as structs (the YAML
// loader is tested on its own).
#include "config/config.h"

#include <QTest>

#include <memory>

namespace mort::test {

inline QString hex(uint64_t v)
{
    return QString::number(qulonglong(v), 16);
}

inline BucketConfig bucket(const QString &name, std::optional<TransformConfig> transform = std::nullopt)
{
    BucketConfig b;
    b.name = name;
    b.transform = std::move(transform);
    StorageConfig basic;
    basic.name = QStringLiteral("basic");
    basic.kind = QStringLiteral("local-meta");
    b.storages.insert(basic.name, basic);
    return b;
}

inline TransformConfig transform(const QString &kind, const QString &resultKey = {}, const QString &path = {})
{
    TransformConfig t;
    t.kind = kind;
    t.resultKey = resultKey;
    t.path = path;
    return t;
}

// The preset of the spec vectors (§4.1): thumbnail{width:320}, quality 80, strip.
inline PresetConfig thumbnail320()
{
    PresetConfig p;
    p.name = QStringLiteral("small");
    p.hasThumbnail = true;
    p.thumbnailWidth = 320;
    p.quality = 80;
    p.strip = true;
    return p;
}

inline ConfigPtr configWith(std::initializer_list<BucketConfig> buckets)
{
    auto c = std::make_shared<Config>();
    for (const BucketConfig &b : buckets)
        c->buckets.insert(b.name, b);
    return c;
}

// Mort's documented presets regex: `/<preset>/<parent...>`.
inline const QString kPresetPath = QStringLiteral("\\/(?P<presetName>[a-z0-9_]+)\\/(?P<parent>.*)");

} // namespace mort::test
