#include "ui/config/configsecretkeeper.h"

#include "ui/config/configsecretstore.h"

#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>

namespace mort {

namespace {

QStringList names(const QList<ConfigSecret> &secrets)
{
    QStringList out;
    for (const ConfigSecret &s : secrets)
        out << s.name;
    return out;
}

} // namespace

QString ConfigSecretKeeper::writeEnvFile(const QList<ConfigSecret> &secrets, const QString &configPath)
{
    const QString path = envFilePath(configPath);
    constexpr QFile::Permissions owner = QFile::ReadOwner | QFile::WriteOwner;
    QFile file(path);
    // Created 0600; an older file loses its other bits before a byte is written.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate, owner) || !file.setPermissions(owner))
        return tr("%1 could not be written: %2").arg(path, file.errorString());
    const QByteArray bytes = ConfigSecrets::envFileText(secrets, configPath);
    if (file.write(bytes) != bytes.size() || !file.flush())
        return tr("%1 could not be written: %2").arg(path, file.errorString());
    return {};
}

QString ConfigSecretKeeper::fallbackQuestion(const QList<ConfigSecret> &secrets, const QString &configPath,
                                             const QString &error)
{
    const QString env = envFilePath(configPath);
    return tr("The config holds secrets (%1). Mort Studio keeps them out of the file, in the system keychain, "
              "but the keychain cannot be used: %2.\n\n"
              "Write them to %3 instead, readable only by you, and refer to them from the config? mort-server "
              "reads them from its environment: run `set -a; . %3; set +a` before starting it, or put "
              "EnvironmentFile=%3 in its systemd unit.\n\n"
              "Cancel saves nothing. Start a keychain (a Secret Service such as GNOME Keyring or KWallet) and save "
              "again, or write ${VARIABLE} references in the YAML view yourself.")
        .arg(names(secrets).join(QStringLiteral(", ")), error, env);
}

bool ConfigSecretKeeper::askFallback(QWidget *parent, const QString &text)
{
    QMessageBox box(QMessageBox::Warning, tr("No keychain for the config's secrets"), text, QMessageBox::Cancel,
                    parent);
    QPushButton *write = box.addButton(tr("Write .env file"), QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == write;
}

bool ConfigSecretKeeper::keep(QWidget *parent, const QList<ConfigSecret> &secrets, const QString &configPath,
                              const Fallback &fallback, QString *message)
{
    const QString error = ConfigSecretStore::write(secrets);
    if (error.isEmpty()) {
        ConfigSecretStore::exportSaved(secrets);
        *message = tr("Secrets kept in the system keychain (%1); the file refers to them. mort-server reads them "
                      "from its environment: export them before starting it.")
                       .arg(names(secrets).join(QStringLiteral(", ")));
        return true;
    }
    const QString question = fallbackQuestion(secrets, configPath, error);
    if (!(fallback ? fallback(question) : askFallback(parent, question))) {
        *message = tr("Not saved: the keychain cannot be used (%1) and no .env file was chosen.").arg(error);
        return false;
    }
    if (const QString written = writeEnvFile(secrets, configPath); !written.isEmpty()) {
        *message = tr("Not saved: %1").arg(written);
        return false;
    }
    ConfigSecretStore::exportSaved(secrets);
    const QString env = envFilePath(configPath);
    *message = tr("The keychain cannot be used; the secrets went to %1 (mode 0600). Start mort-server with "
                  "`set -a; . %1; set +a` or EnvironmentFile=%1.")
                   .arg(QFileInfo(env).absoluteFilePath());
    return true;
}

} // namespace mort
