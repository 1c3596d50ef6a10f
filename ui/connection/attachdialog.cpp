#include "ui/connection/attachdialog.h"

#include "ui/shared/recentlist.h"
#include "client/remoteengineclient.h"
#include "ui/connection/tokenstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace mort {

AttachDialog::AttachDialog(QWidget *parent)
    : QDialog(parent), m_url(new QComboBox(this)), m_token(new QLineEdit(this)),
      m_remember(new QCheckBox(tr("Remember the token in the system keychain"), this)), m_hint(new QLabel(this)),
      m_store(new TokenStore(this))
{
    setWindowTitle(tr("Attach to a running server"));
    m_url->setEditable(true);
    m_url->addItems(RecentList::connections().list());
    if (m_url->count() == 0)
        m_url->setEditText(QStringLiteral("http://127.0.0.1:8081"));
    m_url->setToolTip(tr("The server's internalListen address (where /metrics is served)"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("server.adminToken or MORT_ADMIN_TOKEN of the server; empty if none"));
    m_remember->setChecked(true);
    m_hint->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Admin URL:"), m_url);
    form->addRow(tr("Token:"), m_token);
    form->addRow(QString(), m_remember);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Attach"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(buttons);

    connect(m_url, &QComboBox::currentTextChanged, this, &AttachDialog::lookUpToken);
    connect(m_store, &TokenStore::tokenRead, this, [this](const QString &url, const QString &token, const QString &error) {
        if (url != this->url())
            return; // the user typed on meanwhile
        if (!error.isEmpty())
            m_hint->setText(error);
        else if (!token.isEmpty() && m_token->text().isEmpty())
            m_token->setText(token);
    });
    lookUpToken();
}

QString AttachDialog::url() const
{
    return RemoteEngineClient::normalizedUrl(m_url->currentText()).toString();
}

QString AttachDialog::token() const
{
    return m_token->text().trimmed();
}

bool AttachDialog::rememberToken() const
{
    return m_remember->isChecked();
}

void AttachDialog::lookUpToken()
{
    const QString u = url();
    if (!u.isEmpty())
        m_store->read(u);
}

void AttachDialog::accept()
{
    if (url().isEmpty()) {
        m_hint->setText(tr("Enter an address such as http://127.0.0.1:8081."));
        return;
    }
    QDialog::accept();
}

} // namespace mort
