// mort-server: the headless daemon, a drop-in for Mort (`mort-server -config FILE`).
#include "common/allocator.h"
#include "common/commandline.h"
#include "common/logging.h"
#include "common/serverbootstrap.h"
#include "common/signalwatcher.h"
#include "monitoring/logring.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace mort;

int main(int argc, char *argv[])
{
    tuneAllocator();
    // Declared first so it outlives everything that may still log (the app object included).
    LogRing recentLog; // the admin API's /api/v1/stream carries these lines
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mort-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MORT_VERSION));
    QTextStream out(stdout), err(stderr);

    const CommandLine cmd = CommandLine::parse(app.arguments(), false);
    if (!cmd.error.isEmpty()) {
        err << cmd.error << '\n' << CommandLine::usage(QStringLiteral("mort-server"), false);
        return 2;
    }
    if (cmd.showHelp) {
        out << CommandLine::usage(QStringLiteral("mort-server"), false);
        return 0;
    }
    if (cmd.showVersion) {
        out << versionString() << '\n';
        return 0;
    }
    QString problem;
    ConfigPtr config = loadConfigOrExplain(cmd.configPath, &problem);
    if (!config) {
        err << "mort-server: " << problem << '\n';
        return 1;
    }
    installLogHandler(config->server.logLevel, &recentLog);
    for (const QString &warning : unsetVariableWarnings(cmd.configPath))
        qWarning("%s", qPrintable(warning));

    Engine engine(config);
    engine.setLogRing(&recentLog);
    if (Expected<void> started = engine.start(); !started) {
        err << "mort-server: " << started.error().detail << '\n';
        return 1;
    }
    printBanner(engine, QStringLiteral("mort-server"));

    SignalWatcher signals_;
    QObject::connect(&signals_, &SignalWatcher::terminationRequested, &app, [&](int) {
        engine.stop(); // drains in-flight requests, removes unix socket files
        QTextStream(stdout) << "Bye...\n";
        app.quit();
    });
    const int code = app.exec();
    installLogHandler(config->server.logLevel, nullptr); // the ring ends with main; static destructors may still log
    return code;
}
