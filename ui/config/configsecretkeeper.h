#pragma once
// What Save does with the secrets of a config (issue 21 item 5): they go to
// the system keychain and the file gets ${MORT_SECRET_...} references. Where
// no keychain can be used, the user is told so and chooses: the secrets in
// "<config>.env" (mode 0600, for `set -a; . FILE` or systemd's
// EnvironmentFile=), or nothing saved. A plain secret is never written into
// the YAML behind the user's back.
#include "client/configsecrets.h"

#include <QCoreApplication>

#include <functional>

class QWidget;

namespace mort {

class ConfigSecretKeeper
{
    Q_DECLARE_TR_FUNCTIONS(mort::ConfigSecretKeeper)
public:
    // Asked when the keychain failed, with the dialog's text: true = write the
    // .env file. Tests answer it; by default a QMessageBox over `parent`.
    using Fallback = std::function<bool(const QString &text)>;

    // Keeps `secrets` of the config about to be written to `configPath`.
    // True when the caller may write the text with references; *message says
    // where the secrets went (or why nothing is saved).
    static bool keep(QWidget *parent, const QList<ConfigSecret> &secrets, const QString &configPath,
                     const Fallback &fallback, QString *message);

    static QString envFilePath(const QString &configPath) { return configPath + QStringLiteral(".env"); }
    // The .env file, created with mode 0600 (an existing one is made 0600 before it is written).
    static QString writeEnvFile(const QList<ConfigSecret> &secrets, const QString &configPath);

    // The dialog's text for a keychain that failed with `error`.
    static QString fallbackQuestion(const QList<ConfigSecret> &secrets, const QString &configPath,
                                    const QString &error);
    // Asks with a QMessageBox (buttons "Write .env file" and Cancel).
    static bool askFallback(QWidget *parent, const QString &text);
};

} // namespace mort
