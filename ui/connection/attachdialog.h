#pragma once
// "Attach to a running server": the admin URL (recent ones offered) and the
// admin token, optionally saved in the keychain. The dialog first asks the
// server whether its admin API needs a token (AdminAuthProbe): for one that
// needs none it leaves the keychain alone, for one that does it fills in the
// saved token and says when the keychain cannot be read (issue 25 finding
// 10: a D-Bus error was shown for servers that need no token). A server that
// does not answer gets the saved token filled in, without keychain errors.
#include "client/adminauthprobe.h"

#include <QDialog>
#include <QTimer>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace mort {

class AdminAuthProbe;
class TokenStore;

class AttachDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AttachDialog(QWidget *parent = nullptr);

    QString url() const; // normalised, empty when invalid
    QString token() const;
    bool rememberToken() const;

    // What the server said about tokens for the current URL (Unknown until it answers).
    AdminAuthProbe::Need tokenNeed() const { return m_need; }
    // The line under the form: what the server needs, errors.
    QString hint() const;

    void accept() override;

Q_SIGNALS:
    // The server answered the probe for the current URL and, when it needs a
    // token, the keychain was read: the hint and the token field are final.
    void tokenLookedUp();

private:
    void lookUpToken();
    void onProbed(const QUrl &url, AdminAuthProbe::Need need);

    QComboBox *m_url;
    QLineEdit *m_token;
    QCheckBox *m_remember;
    QLabel *m_hint;
    TokenStore *m_store;
    AdminAuthProbe *m_probe;
    QTimer m_typing; // the probe waits until the URL stops changing
    AdminAuthProbe::Need m_need = AdminAuthProbe::Need::Unknown;
};

} // namespace mort
