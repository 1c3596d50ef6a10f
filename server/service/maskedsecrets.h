#pragma once
// The way back from maskConfigSecrets() (adminsecurity.h): a config posted to
// config/validate or config/apply that still holds the admin API's mask
// ("***") at a masked key means "keep the secret the server runs", so the
// server puts its running value back at the same key path before it checks
// or applies the text. Without this the mask would become the new secret.
#include "config/config.h"

#include <QString>

namespace mort {

struct RestoredSecrets
{
    QString yaml;              // `posted` with every resolvable mask replaced; the rest byte for byte
    QList<ConfigIssue> issues; // masks with no running value at their key path (a new key): type the secret
};

// `posted`: the text from the client. `running`: the text the server runs
// (before ${ENV} expansion, so `${VAR}` comes back as `${VAR}`). Only values
// that are exactly the quoted mask under a key of maskedConfigKeys() are
// touched, wherever they sit (block or flow style, inside lists); a restored
// value is written double-quoted. A running value that is not a scalar (a map
// under `password:`) is not restored: an issue, so the mask is never stored.
RestoredSecrets restoreMaskedSecrets(const QString &posted, const QString &running);

} // namespace mort
