#pragma once
// The `query` transform kind (spec urls-and-transforms.md §2.1, §3): a raw
// query string -> Transforms, with Mort's parsing rules and quirks.
#include "core/expected.h"
#include "object/transforms.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace mort {

// A query parsed with Go's url.ParseQuery rules: '&' separates pairs, '+' is
// a space, %XX decodes; a pair containing ';' or a bad escape is dropped.
class QueryValues
{
public:
    static QueryValues parse(const QByteArray &rawQuery);

    bool isEmpty() const { return m_values.isEmpty(); }
    bool has(const QString &key) const { return m_values.contains(key); }
    // First value, "" when absent (Go's Values.Get).
    QString first(const QString &key) const;
    QStringList all(const QString &key) const { return m_values.value(key); }
    int size() const { return int(m_values.size()); }

private:
    QHash<QString, QStringList> m_values;
};

// Go strconv.ParseInt(s, 10, 32): optional sign, decimal digits, int32 range.
bool parseGoInt32(const QString &text, int *out);
// Go strconv.ParseFloat(s, 32) for decimal notation, rounded to float32 as
// Mort's values are. NaN and infinities are refused (peer-differences R9).
bool parseGoFloat32(const QString &text, float *out);

// Gravity names of crop (spec §3); anything else (incl. "") is smart.
Gravity parseGravity(const QString &name);
// Watermark parameter checks shared by query and presets (spec §3):
// image non-empty, position "<top|center|bottom>-<left|center|right>".
Expected<void> validateWatermark(const QString &image, const QString &position, const QByteArray &codePrefix);
// Query rotate accepts exactly 0, 90, 180, 270 (spec §3).
bool isValidAngle(int angle);

// §3: Mode A (no `operation`) or Mode B (operations in order), then quality,
// format, grayscale. Every validation failure is a 400 with a "query.*" code.
Expected<Transforms> queryToTransforms(const QueryValues &query);

} // namespace mort
