#pragma once
// Form edits on a config's text for the studio's Config tab: one value of one
// preset changes, every line outside that preset stays as written (comments,
// order, quoting, ${ENV}), and keys the form does not know stay in the preset.
#include "core/expected.h"

#include <QPair>
#include <QString>
#include <QStringList>

#include <functional>

namespace mort {

class ConfigTextEdit
{
public:
    // `text` with buckets.<bucket>.transform.presets.<preset>.<field...> set
    // to `value` (a YAML scalar, written as typed: 150, webp, "a b"); an empty
    // `value` removes the key, and a filter left empty goes too. Errors
    // (config.invalid) name the key path: no such preset, a text that does
    // not parse, a preset that did not land. A value the validator refuses is
    // written all the same: the editor shows the issue under its field.
    static Expected<QString> setPresetField(const QString &text, const QString &bucket, const QString &preset,
                                            const QStringList &field, const QString &value);
    // The same for several fields at once, in order (an operation added with its values).
    static Expected<QString> setPresetFields(const QString &text, const QString &bucket, const QString &preset,
                                             const QList<QPair<QStringList, QString>> &fields);
    // The values of one preset as written: `fields(field)` gives the text at a
    // key path below it ("" when absent or not a scalar). The text is parsed
    // once, here, however many fields are read.
    static std::function<QString(const QStringList &)> presetFields(const QString &text, const QString &bucket,
                                                                    const QString &preset);
};

} // namespace mort
