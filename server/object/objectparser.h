#pragma once
// Request path + raw query -> ObjectRef, exactly as Mort parses it
// (spec urls-and-transforms.md §1-§4). Pure: no I/O, thread-safe.
#include "config/config.h"
#include "core/expected.h"
#include "object/objectref.h"
#include "object/presettransforms.h"

#include <QHash>
#include <QRegularExpression>

#include <memory>

namespace mort {

class ObjectParser
{
public:
    // Parents nest at most this deep (a regex whose parent matches again
    // builds a chain, §2.2.5); deeper -> 400 instead of unbounded recursion.
    static constexpr int kMaxChainDepth = 16;

    // One parser per config snapshot: compiles every bucket's `transform.path`
    // and converts every preset once, so parse() only reads shared state.
    explicit ObjectParser(ConfigPtr config);

    // `decodedPath` is the percent-decoded path ("/bucket/a/b.jpg"), `rawQuery`
    // the undecoded query without '?'. Errors are 400 (unknown bucket, parser
    // error, unknown preset, invalid parameter) with a stable code.
    Expected<ObjectRef> parse(const QString &decodedPath, const QByteArray &rawQuery) const;

    const Config &config() const { return *m_config; }

private:
    Expected<std::shared_ptr<ObjectRef>> parseObject(const QString &path, const QByteArray &rawQuery, bool isRequest,
                                                     int depth) const;

    ConfigPtr m_config;
    QHash<QString, QRegularExpression> m_pathRegex; // bucket -> compiled transform.path
    PresetTransforms m_presets;
};

} // namespace mort
