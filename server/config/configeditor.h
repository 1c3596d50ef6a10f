#pragma once
// Edits a config file's text the way a person would: a preset's lines are
// replaced, or a new preset is appended to its bucket's `presets:` block, and
// every other line (comments, order, quoting, ${ENV} references) stays as the
// user wrote it. The result is checked by the same loader mort-server uses
// before anyone writes it. Used by the studio's "Save preset".
#include "config/config.h"
#include "core/expected.h"

#include <QString>

namespace mort {

struct PresetEdit
{
    QString text;                  // the whole new config text
    bool replacedExisting = false; // a preset of that name was there before
    bool formattingKept = true;    // false: the file had to be re-emitted (comments lost)
    QString name;                  // the preset's name
    ConfigPtr config;              // `text`, loaded and validated (setPreset() only)
};

class ConfigEditor
{
public:
    // Puts `presetSnippet` (a `presets:` mapping holding exactly one preset, as
    // PreviewParameters::toPresetYaml writes it) into bucket `bucket` of
    // `configText`. Errors (config.invalid, 422) name the key path: unknown
    // bucket, a transform kind without presets, a snippet that is not one
    // preset, or a result the loader rejects.
    // `sourcePath` is recorded in the loaded config (Config::sourcePath).
    static Expected<PresetEdit> setPreset(const QString &configText, const QString &bucket,
                                          const QString &presetSnippet, const QString &sourcePath = {});
    // The same edit without loading the result: a text the validator has
    // issues with is still returned (an editor shows them under their keys;
    // a broken key elsewhere must not block a preset edit). `config` stays null.
    static Expected<PresetEdit> splicePreset(const QString &configText, const QString &bucket,
                                             const QString &presetSnippet);

    // Replaces `path` atomically (write to a temporary file, then rename); the
    // previous content is kept as `path.bak`.
    static Expected<void> writeFile(const QString &path, const QString &text);
};

} // namespace mort
