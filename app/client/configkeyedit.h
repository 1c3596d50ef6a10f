#pragma once
// Form edits of one key anywhere in a config's text (the Config tab's server
// and storage forms, issue 21): the value's own characters are replaced and
// every other byte stays (comments, order, quoting, ${ENV}); a key that is
// not there is added under its parent block, with the parents it lacks.
#include "core/expected.h"

#include <QString>
#include <QStringList>

namespace mort {

class ConfigKeyEdit
{
public:
    // The value at `keyPath` as written: a scalar's text, a list of scalars
    // joined with ", ", "" when absent (or a map).
    static QString value(const QString &text, const QStringList &keyPath);
    // Whether `keyPath` is in the text, whatever its value (`webp: ~` is).
    static bool present(const QString &text, const QStringList &keyPath);
    // Whether a scalar as written reads as YAML true (true, yes, on, ... as the engine's parser).
    static bool isTrue(const QString &scalar);

    // `text` with `keyPath` set to `value`, a YAML scalar as typed (or, with
    // `list`, comma-separated items written as a flow list); an empty value
    // removes the key. Errors (config.invalid) name the key path and say what
    // to do: a text that does not parse, a parent written in flow style.
    static Expected<QString> setValue(const QString &text, const QStringList &keyPath, const QString &value,
                                      bool list = false);
    // `text` with `keyPath` there: unchanged when it is, else added as
    // `key: ~` (a key whose presence is the setting: plugins.webp, a
    // compress algorithm). Keys added later below it replace the `~`.
    static Expected<QString> setPresent(const QString &text, const QStringList &keyPath);

    // One past the last line of the block of the key at (keyLine,
    // keyColumn): the following lines indented deeper, and a list's `- `
    // items at the key's own column (blank lines and comments in between
    // belong to what follows).
    static int blockEnd(const QStringList &lines, int keyLine, int keyColumn);

    // The end (a byte offset in the UTF-8 `line`) of the scalar whose first
    // character is at byte `start`, when it ends on that line; -1 for a
    // multi-line or block scalar. `inFlow`: inside {...} or [...].
    static int scalarEnd(const QByteArray &line, int start, bool inFlow);

private:
    // setValue() with the value as it goes into the text ("" = remove the key).
    static Expected<QString> setWritten(const QString &text, const QStringList &keyPath, const QString &written);
};

} // namespace mort
