#include "ui/tokenstore.h"

#include <qt6keychain/keychain.h>

namespace mort {

void TokenStore::read(const QString &url)
{
    auto *job = new QKeychain::ReadPasswordJob(QString::fromLatin1(kService), this); // auto-deletes when done
    job->setKey(url);
    connect(job, &QKeychain::Job::finished, this, [this, url](QKeychain::Job *done) {
        auto *reading = static_cast<QKeychain::ReadPasswordJob *>(done);
        switch (reading->error()) {
        case QKeychain::NoError: Q_EMIT tokenRead(url, reading->textData(), {}); break;
        case QKeychain::EntryNotFound: Q_EMIT tokenRead(url, {}, {}); break;
        default:
            Q_EMIT tokenRead(url, {}, tr("The keychain could not be read: %1").arg(reading->errorString()));
            break;
        }
    });
    job->start();
}

void TokenStore::write(const QString &url, const QString &token)
{
    QKeychain::Job *job = nullptr;
    if (token.isEmpty()) {
        auto *removing = new QKeychain::DeletePasswordJob(QString::fromLatin1(kService), this);
        job = removing;
    } else {
        auto *writing = new QKeychain::WritePasswordJob(QString::fromLatin1(kService), this);
        writing->setTextData(token);
        job = writing;
    }
    job->setKey(url);
    connect(job, &QKeychain::Job::finished, this, [this, url, removing = token.isEmpty()](QKeychain::Job *done) {
        const bool ok = done->error() == QKeychain::NoError || (removing && done->error() == QKeychain::EntryNotFound);
        Q_EMIT tokenWritten(url, ok ? QString() : tr("The token could not be saved in the keychain: %1")
                                                      .arg(done->errorString()));
    });
    job->start();
}

} // namespace mort
