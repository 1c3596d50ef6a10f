#pragma once
// Admin tokens in the system keychain (QtKeychain: Secret Service, KWallet,
// macOS Keychain, Windows Credential Store), never in QSettings. One entry per
// server: service "mort-studio", key = the server's admin URL. The keychain
// may prompt the user or talk D-Bus, so every call is asynchronous.
#include <QObject>
#include <QString>

namespace mort {

class TokenStore : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *kService = "mort-studio";

    using QObject::QObject;

    // -> tokenRead(). No saved token is not an error: token and error are empty.
    void read(const QString &url);
    // -> tokenWritten(). An empty token removes the entry.
    void write(const QString &url, const QString &token);

Q_SIGNALS:
    void tokenRead(const QString &url, const QString &token, const QString &error);
    void tokenWritten(const QString &url, const QString &error);
};

} // namespace mort
