#include "common/serverbootstrap.h"

#include "common/commandline.h"

#include <QCoreApplication>
#include <QTextStream>

namespace mort {

ConfigPtr loadConfigOrExplain(const QString &path, QString *message)
{
    Expected<ConfigPtr> config = ConfigLoader::fromFile(path);
    if (config)
        return *config;
    *message = QCoreApplication::translate("Bootstrap",
                                           "cannot use configuration %1:\n%2\n"
                                           "Fix the file (every line names the key) or pass another with -config FILE.")
                   .arg(path, config.error().detail);
    return nullptr;
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
