#pragma once
// One YAML block rewritten in place (issue 21): the block of a key below a
// parent map (the top-level `headers:` rules, a bucket's `keys:`, one preset
// or storage) replaced by new lines, removed, or added under its parent;
// every line outside that block stays (comments, order, quoting).
#include "core/expected.h"

#include <QString>
#include <QStringList>

namespace mort {

class YamlBlockEdit
{
public:
    // `text` with the block of `key` in the map at `parentPath` ({} = the
    // document) replaced by `block` (its lines as at column 0, the first one
    // `key:...`; indented here to the key's column), the block removed when
    // `block` is empty. A missing key is added at the end of its parent's
    // block; at the top level after the block of `after` (or at the end),
    // behind a blank line. Errors (config.invalid) name the key path and say
    // what to do: a text that does not parse, a parent missing, not a map or
    // written in flow style.
    static Expected<QString> replaceBlock(const QString &text, const QStringList &parentPath, const QString &key,
                                          const QStringList &block, const QString &after = {});
};

} // namespace mort
