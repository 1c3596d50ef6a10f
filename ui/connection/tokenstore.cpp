#include "ui/connection/tokenstore.h"

#include <qt6keychain/keychain.h>

namespace mort {

// Jobs are never children of the store: the keychain backend (libsecret over
// D-Bus) calls back into the job when it answers, and a store destroyed before
// that (the Attach dialog accepted at once) would have deleted the job under
// it -- a crash. A job deletes itself once finished (QtKeychain's autoDelete,
// on by default); finished() is connected with the store as context, so the
// answer for a store that is gone is dropped.

void TokenStore::read(const QString &url)
{
    auto *job = new QKeychain::ReadPasswordJob(QString::fromLatin1(kService));
    job->setKey(url);
    connect(job, &QKeychain::Job::finished, this, [this, url](QKeychain::Job *done) {
        auto *reading = static_cast<QKeychain::ReadPasswordJob *>(done);
        switch (reading->error()) {
        case QKeychain::NoError: Q_EMIT tokenRead(url, reading->textData(), {}); break;
        case QKeychain::EntryNotFound: Q_EMIT tokenRead(url, {}, {}); break;
        default: Q_EMIT tokenRead(url, {}, tr("The keychain could not be read: %1").arg(reading->errorString())); break;
        }
    });
    job->start();
}

void TokenStore::write(const QString &url, const QString &token)
{
    QKeychain::Job *job = nullptr;
    if (token.isEmpty()) {
        job = new QKeychain::DeletePasswordJob(QString::fromLatin1(kService));
    } else {
        auto *writing = new QKeychain::WritePasswordJob(QString::fromLatin1(kService));
        writing->setTextData(token);
        job = writing;
    }
    job->setKey(url);
    connect(job, &QKeychain::Job::finished, this, [this, url, removing = token.isEmpty()](QKeychain::Job *done) {
        const bool ok = done->error() == QKeychain::NoError || (removing && done->error() == QKeychain::EntryNotFound);
        Q_EMIT tokenWritten(
            url, ok ? QString() : tr("The token could not be saved in the keychain: %1").arg(done->errorString()));
    });
    job->start();
}

} // namespace mort
