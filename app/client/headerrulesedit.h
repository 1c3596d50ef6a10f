#pragma once
// The config's top-level `headers:` rules as the Config tab's Header rules
// page edits them (issue 21): read as written, and written back as one
// block in place of the old one; every line outside `headers:` stays.
#include "core/expected.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace mort {

// One rule as written (status codes as text, so a typo reaches the engine's
// validator instead of vanishing here).
struct HeaderRuleText
{
    QStringList statusCodes;               // statusCodes: [200, 404]
    QList<QPair<QString, QString>> values; // values: header name -> value, in order
    bool override = false;                 // override (false: only headers the response lacks)

    bool operator==(const HeaderRuleText &other) const = default;
};

class HeaderRulesEdit
{
public:
    // The rules of the top-level `headers:` list, in order; none when it is
    // absent, not a list or the text does not parse.
    static QList<HeaderRuleText> rules(const QString &text);

    // `text` with its `headers:` block replaced by `rules` (removed when there
    // are none; added after the `server:` block when missing). Errors
    // (config.invalid) when the text does not parse or `headers` is in flow style.
    static Expected<QString> setRules(const QString &text, const QList<HeaderRuleText> &rules);

    // The block as written for `rules` (lines without the end of line).
    static QStringList block(const QList<HeaderRuleText> &rules);
};

} // namespace mort
