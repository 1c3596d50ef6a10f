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
      m_store(new TokenStore(this)), m_probe(new AdminAuthProbe(this))
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
    m_hint->setObjectName(QStringLiteral("hint"));

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

    m_typing.setSingleShot(true);
    m_typing.setInterval(300);
    connect(&m_typing, &QTimer::timeout, this, &AttachDialog::lookUpToken);
    connect(m_url, &QComboBox::currentTextChanged, this, [this] {
        m_need = AdminAuthProbe::Need::Unknown;
        m_hint->clear();
        m_typing.start();
    });
    connect(m_probe, &AdminAuthProbe::answered, this, &AttachDialog::onProbed);
    connect(m_store, &TokenStore::tokenRead, this,
            [this](const QString &url, const QString &token, const QString &error) {
                if (url != this->url())
                    return; // the user typed on meanwhile
                // The keychain matters only for a server that needs a token; for one
                // that did not answer, a saved token is offered without complaint.
                if (!error.isEmpty() && m_need == AdminAuthProbe::Need::Token)
                    m_hint->setText(tr("This server needs an admin token; enter it above. %1").arg(error));
                else if (!token.isEmpty() && m_token->text().isEmpty())
                    m_token->setText(token);
                Q_EMIT tokenLookedUp();
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
    m_typing.stop();
    const QString u = url();
    if (!u.isEmpty())
        m_probe->probe(QUrl(u));
}

void AttachDialog::onProbed(const QUrl &probed, AdminAuthProbe::Need need)
{
    if (probed.toString() != url())
        return; // the user typed on meanwhile
    m_need = need;
    if (need == AdminAuthProbe::Need::None) {
        m_hint->setText(tr("This server's admin API needs no token."));
        Q_EMIT tokenLookedUp();
        return;
    }
    m_store->read(url());
}

QString AttachDialog::hint() const
{
    return m_hint->text();
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
