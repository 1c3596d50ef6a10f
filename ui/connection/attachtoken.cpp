#include "ui/connection/attachtoken.h"

#include "ui/connection/tokenstore.h"

#include <QTimer>

namespace mort {

AttachTokenLookup::AttachTokenLookup(QObject *parent)
    : QObject(parent), m_probe(new AdminAuthProbe(this)), m_store(new TokenStore(this))
{
    connect(m_probe, &AdminAuthProbe::answered, this, &AttachTokenLookup::onProbed);
    connect(m_store, &TokenStore::tokenRead, this, [this](const QString &, const QString &token, const QString &error) {
        // The keychain matters only for a server that needs a token; one that
        // did not answer gets a saved token without complaint (as the dialog).
        QString warning;
        if (!error.isEmpty() && m_need == AdminAuthProbe::Need::Token)
            warning = tr("This server's admin API needs a token. %1. Start the studio with MORT_ADMIN_TOKEN set, "
                         "or attach with Server > Attach (Ctrl+Shift+A) and enter the token there.")
                          .arg(error);
        Q_EMIT found(token, warning);
    });
}

void AttachTokenLookup::start(const QUrl &url, const QString &envToken)
{
    m_url = url;
    if (!envToken.isEmpty()) {
        QTimer::singleShot(0, this, [this, envToken] { Q_EMIT found(envToken, QString()); });
        return;
    }
    m_probe->probe(url);
}

void AttachTokenLookup::onProbed(const QUrl &url, AdminAuthProbe::Need need)
{
    if (url != m_url)
        return;
    m_need = need;
    if (need == AdminAuthProbe::Need::None) {
        Q_EMIT found(QString(), QString()); // an open API: no token, no keychain
        return;
    }
    m_keychainRead = true;
    m_store->read(url.toString());
}

} // namespace mort
