#pragma once
// "Attach to a running server": the admin URL (recent ones offered) and the
// admin token, optionally saved in the keychain. A saved token is filled in
// when a known URL is picked.
#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace mort {

class TokenStore;

class AttachDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AttachDialog(QWidget *parent = nullptr);

    QString url() const; // normalised, empty when invalid
    QString token() const;
    bool rememberToken() const;

    void accept() override;

private:
    void lookUpToken();

    QComboBox *m_url;
    QLineEdit *m_token;
    QCheckBox *m_remember;
    QLabel *m_hint;
    TokenStore *m_store;
};

} // namespace mort
