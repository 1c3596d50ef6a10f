#pragma once
// The config's secrets in the system keychain (QtKeychain: Secret Service,
// KWallet, macOS Keychain, Windows Credential Store). Service
// "mort-studio-config", key = the variable name the config refers to
// (MORT_SECRET_...): one namespace per user, like the environment those
// references are read from, so a config keeps its secrets when it is moved
// or saved under another name. The calls wait for the keychain in a local
// event loop (it may ask the user to unlock it): Save and the studio's
// start-up need the answer before they go on.
#include "client/configsecrets.h"

#include <QCoreApplication>
#include <QHash>

namespace mort {

class ConfigSecretStore
{
    Q_DECLARE_TR_FUNCTIONS(mort::ConfigSecretStore)
public:
    static constexpr const char *kService = "mort-studio-config";

    // Each returns "" or what went wrong, for the user.
    static QString write(const QList<ConfigSecret> &secrets);
    // A missing entry is no error: *value is empty.
    static QString read(const QString &name, QString *value);
    static QString remove(const QString &name);

    // For the embedded engine: every MORT_SECRET_ name `configText` refers to
    // that the environment does not set is read from the keychain into this
    // process's environment, where the loader's ${NAME} expansion (start-up,
    // Apply, reload) finds it. The environment wins over the keychain.
    // Returns warnings (names found nowhere, a keychain that did not answer).
    static QStringList exportMissing(const QString &configText);
    // Values just saved: this process's engine reads them at once (Apply)
    // unless the environment this process started with sets the name.
    static void exportSaved(const QList<ConfigSecret> &secrets);
};

} // namespace mort
