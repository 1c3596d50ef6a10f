#pragma once
// The admin token for `mort-studio --attach URL`, found the way the Attach
// dialog finds it (issue 25 finding 10): MORT_ADMIN_TOKEN when set, else ask
// the server first (AdminAuthProbe) and read the keychain only when its admin
// API may need a token. A server that answers without a token never touches
// the keychain, so no D-Bus error is shown for it.
#include "client/adminauthprobe.h"

#include <QObject>
#include <QString>
#include <QUrl>

namespace mort {

class TokenStore;

class AttachTokenLookup : public QObject
{
    Q_OBJECT
public:
    explicit AttachTokenLookup(QObject *parent = nullptr);

    // -> found() once. `envToken` non-empty: that one, nothing asked.
    void start(const QUrl &url, const QString &envToken);
    // Whether the keychain was asked (tests).
    bool keychainRead() const { return m_keychainRead; }

Q_SIGNALS:
    // `warning`: what went wrong and what to do, empty when nothing did.
    void found(const QString &token, const QString &warning);

private:
    void onProbed(const QUrl &url, AdminAuthProbe::Need need);

    AdminAuthProbe *m_probe;
    TokenStore *m_store;
    QUrl m_url;
    AdminAuthProbe::Need m_need = AdminAuthProbe::Need::Unknown;
    bool m_keychainRead = false;
};

} // namespace mort
