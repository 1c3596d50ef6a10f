#pragma once
// Secrets out of the config file (issue 21 item 5). A literal value under a
// secret key (maskedConfigKeys(): secretAccessKey, password, adminToken,
// headers' authorization...) is replaced in the text by a reference
// "${MORT_SECRET_<KEY PATH>}": plain environment expansion, so mort-server and
// the Go Mort read it from their environment unchanged. The studio keeps the
// value in the system keychain (ui/config/configsecretstore.h) or, without
// one, in an .env file. Only the value's characters change; every other byte
// of the file stays.
#include "config/config.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace mort {

struct ConfigSecret
{
    QString keyPath; // buckets.media.keys[0].secretAccessKey (messages)
    QString name;    // MORT_SECRET_BUCKETS_MEDIA_KEYS_0_SECRETACCESSKEY
    QString value;   // the secret itself: never logged or shown
};

struct SecretExtraction
{
    QString text;                // the config with references in place of the secrets
    QList<ConfigSecret> secrets; // what was taken out, in file order
    QList<ConfigIssue> problems; // secrets that could not be replaced (multi-line values): nothing may be saved
};

class ConfigSecrets
{
public:
    static constexpr QLatin1StringView kPrefix{"MORT_SECRET_"};

    // Whether values under `key` (the last key of a path) are secrets.
    static bool isSecretKey(const QString &key);
    // The variable for a key path ("buckets", "media", "keys", "0", ...):
    // MORT_SECRET_ and the path, upper case, every other character than A-Z
    // and 0-9 as "_" (a shell and Go os.ExpandEnv name).
    static QString variableName(const QStringList &keyPath);

    // Every literal secret of `text` taken out. Values already holding a "$"
    // (a ${VAR} reference, or text expanded from one) and the admin API's
    // mask "***" are left as they are. A text that does not parse: no secret.
    static SecretExtraction extract(const QString &text);

    // The MORT_SECRET_ names `text` refers to, each once.
    static QStringList referencedNames(const QString &text);

    // NAME='value' lines, one a secret: for `set -a; . FILE; set +a` and
    // systemd's EnvironmentFile= (a value with a quote is written shell style).
    static QByteArray envFileText(const QList<ConfigSecret> &secrets, const QString &configPath);
};

} // namespace mort
