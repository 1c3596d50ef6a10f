#include "ui/config/configsecretstore.h"

#include <QEventLoop>
#include <QSet>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace mort {

namespace {

// A keychain that does not answer (a hung D-Bus peer) must not hang Save.
constexpr int kTimeoutMs = 20000;

// Runs `job` to its end. The job deletes itself when finished (autoDelete);
// the loop is its only context, so a late answer after a timeout is dropped.
QString run(QKeychain::Job *job, QString *text = nullptr)
{
    QEventLoop loop;
    QString error = ConfigSecretStore::tr("the keychain did not answer within %1 seconds").arg(kTimeoutMs / 1000);
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&](QKeychain::Job *done) {
        if (done->error() == QKeychain::NoError || done->error() == QKeychain::EntryNotFound)
            error.clear();
        else
            error = done->errorString();
        if (text && done->error() == QKeychain::NoError)
            *text = static_cast<QKeychain::ReadPasswordJob *>(done)->textData();
        loop.quit();
    });
    QTimer::singleShot(kTimeoutMs, &loop, &QEventLoop::quit);
    job->start();
    loop.exec();
    return error;
}

// Names this process put into its own environment (exportSaved may update them).
QSet<QString> &exported()
{
    static QSet<QString> names;
    return names;
}

bool setByEnvironment(const QString &name)
{
    return qEnvironmentVariableIsSet(name.toLatin1().constData()) && !exported().contains(name);
}

void exportValue(const QString &name, const QString &value)
{
    qputenv(name.toLatin1().constData(), value.toUtf8());
    exported().insert(name);
}

} // namespace

QString ConfigSecretStore::write(const QList<ConfigSecret> &secrets)
{
    for (const ConfigSecret &secret : secrets) {
        auto *job = new QKeychain::WritePasswordJob(QString::fromLatin1(kService));
        job->setKey(secret.name);
        job->setTextData(secret.value);
        if (const QString error = run(job); !error.isEmpty())
            return error;
    }
    return {};
}

QString ConfigSecretStore::read(const QString &name, QString *value)
{
    value->clear();
    auto *job = new QKeychain::ReadPasswordJob(QString::fromLatin1(kService));
    job->setKey(name);
    return run(job, value);
}

QString ConfigSecretStore::remove(const QString &name)
{
    auto *job = new QKeychain::DeletePasswordJob(QString::fromLatin1(kService));
    job->setKey(name);
    return run(job);
}

QStringList ConfigSecretStore::exportMissing(const QString &configText)
{
    QStringList warnings;
    for (const QString &name : ConfigSecrets::referencedNames(configText)) {
        if (qEnvironmentVariableIsSet(name.toLatin1().constData()))
            continue;
        QString value;
        if (const QString error = read(name, &value); !error.isEmpty()) {
            warnings << tr("%1 is not set and the keychain could not be read (%2); the engine sees it empty. Export "
                           "it before starting the studio.")
                            .arg(name, error);
            break; // one message: the next reads would wait as long
        }
        if (value.isEmpty())
            warnings << tr("%1 is neither set nor in the keychain; the engine sees it empty. Save the config from "
                           "the Config tab with the secret typed in, or export the variable.")
                            .arg(name);
        else
            exportValue(name, value);
    }
    return warnings;
}

void ConfigSecretStore::exportSaved(const QList<ConfigSecret> &secrets)
{
    for (const ConfigSecret &secret : secrets) {
        if (!setByEnvironment(secret.name))
            exportValue(secret.name, secret.value);
    }
}

} // namespace mort
