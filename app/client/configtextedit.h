#pragma once
// Form edits on a config's text for the studio's Config tab: one value of one
// preset changes, every line outside that preset stays as written (comments,
// order, quoting, ${ENV}), and keys the form does not know stay in the preset.
#include "core/expected.h"

#include <QString>
#include <QStringList>

namespace mort {

class ConfigTextEdit
{
public:
    // `text` with buckets.<bucket>.transform.presets.<preset>.<field...> set
    // to `value` (a YAML scalar, written as typed: 150, webp, "a b"); an empty
    // `value` removes the key, and a filter left empty goes too. Errors
    // (config.invalid) name the key path: no such preset, a text that does
    // not parse, a result the loader refuses.
    static Expected<QString> setPresetField(const QString &text, const QString &bucket, const QString &preset,
                                            const QStringList &field, const QString &value);
    // The value at that key path as written ("" when absent).
    static QString presetField(const QString &text, const QString &bucket, const QString &preset,
                               const QStringList &field);
};

} // namespace mort
