#pragma once
// A bucket's `keys:` (the access key pairs requests are signed with) as the
// Config tab's bucket page edits them (issue 21): read as written, written
// back as one block in place of the old one (client/yamlblockedit.h).
#include "core/expected.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace mort {

struct BucketKeyText
{
    QString accessKey;
    QString secretAccessKey; // as written: a literal, or a ${MORT_SECRET_...} reference

    bool operator==(const BucketKeyText &other) const = default;
};

class BucketKeysEdit
{
public:
    // The pairs of `buckets.<bucket>.keys`, in order; none when absent, not
    // a list or the text does not parse.
    static QList<BucketKeyText> keys(const QString &text, const QString &bucket);
    // `text` with that block replaced by `keys` (removed when there are none,
    // added at the end of the bucket when missing). Errors as YamlBlockEdit.
    static Expected<QString> setKeys(const QString &text, const QString &bucket, const QList<BucketKeyText> &keys);
    // The block as written for `keys` (at column 0, without ends of line).
    static QStringList block(const QList<BucketKeyText> &keys);
};

} // namespace mort
