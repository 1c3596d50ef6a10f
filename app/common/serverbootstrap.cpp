#include "common/serverbootstrap.h"

#include "common/commandline.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

namespace mort {

ConfigPtr loadConfigOrExplain(const QString &path, QString *message)
{
    Expected<ConfigPtr> config = ConfigLoader::fromFile(path);
    if (config)
        return *config;
    // An unset variable is often why a required key is empty: say so beside it.
    QString detail = config.error().detail;
    for (const QString &warning : unsetVariableWarnings(path))
        detail += u'\n' + warning;
    *message = QCoreApplication::translate("Bootstrap",
                                           "cannot use configuration %1:\n%2\n"
                                           "Fix the file (every line names the key) or pass another with -config FILE.")
                   .arg(path, detail);
    return nullptr;
}

QStringList unsetVariableWarnings(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList warnings;
    for (const QString &name : ConfigLoader::unsetVariables(QString::fromUtf8(file.readAll())))
        warnings << QCoreApplication::translate("Bootstrap",
                                                "the configuration refers to ${%1}, which is not set: it reads as "
                                                "empty. Export it before starting (systemd: EnvironmentFile=).")
                        .arg(name);
    return warnings;
}

void printBanner(const Engine &engine, const QString &program)
{
    QTextStream out(stdout);
    const EngineStats s = engine.stats();
    out << program << ' ' << versionString() << '\n';
    for (const QString &a : s.publicAddresses)
        out << "listening on " << a << '\n';
    for (const QString &a : s.internalAddresses)
        out << "internal (metrics, health) on " << a << '\n';
    out.flush();
}

} // namespace mort
