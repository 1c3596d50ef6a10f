// mort-studio: the desktop app with the engine embedded. Without --config it
// serves the bundled demo config and sample images.
#include "common/allocator.h"
#include "common/commandline.h"
#include "common/logging.h"
#include "common/serverbootstrap.h"
#include "common/signalwatcher.h"
#include "ui/localengineclient.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

using namespace mort;

namespace {

bool haveDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
           || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

// The demo config names its folders through ${MORT_DEMO_IMAGES} and ${MORT_DEMO_CACHE}.
QString prepareDemoConfig()
{
    const QString demoDir = QStringLiteral(MORT_DEMO_DIR);
    if (qEnvironmentVariableIsEmpty("MORT_DEMO_IMAGES"))
        qputenv("MORT_DEMO_IMAGES", QDir(demoDir).filePath(QStringLiteral("images")).toLocal8Bit());
    if (qEnvironmentVariableIsEmpty("MORT_DEMO_CACHE")) {
        const QString cache = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)
                              + QStringLiteral("/mort-studio/demo");
        QDir().mkpath(cache);
        qputenv("MORT_DEMO_CACHE", cache.toLocal8Bit());
    }
    return QDir(demoDir).filePath(QStringLiteral("mort.yml"));
}

// Without a window: the embedded engine only, stopped by SIGTERM/SIGINT.
int runHeadless(int argc, char *argv[], const CommandLine &cmd)
{
    QCoreApplication app(argc, argv);
    QString problem;
    const QString path = cmd.configGiven ? cmd.configPath : prepareDemoConfig();
    ConfigPtr config = loadConfigOrExplain(path, &problem);
    if (!config) {
        QTextStream(stderr) << "mort-studio: " << problem << '\n';
        return 1;
    }
    installLogHandler(config->server.logLevel);
    Engine engine(config);
    if (Expected<void> started = engine.start(); !started) {
        QTextStream(stderr) << "mort-studio: " << started.error().detail << '\n';
        return 1;
    }
    printBanner(engine, QStringLiteral("mort-studio (headless)"));
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &app, [&](int) {
        engine.stop();
        app.quit();
    });
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    tuneAllocator();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    CommandLine cmd = CommandLine::parse(arguments, true);
    QTextStream out(stdout), err(stderr);
    if (!cmd.error.isEmpty()) {
        err << cmd.error << '\n' << CommandLine::usage(QStringLiteral("mort-studio"), true);
        return 2;
    }
    if (cmd.showHelp) {
        out << CommandLine::usage(QStringLiteral("mort-studio"), true);
        return 0;
    }
    if (cmd.showVersion) {
        out << versionString() << '\n';
        return 0;
    }
    if (!cmd.attachUrl.isEmpty() || !cmd.previewFile.isEmpty()) {
        err << "mort-studio: --attach and --preview are not available in this version yet; "
               "start without them to use the embedded server.\n";
        return 2;
    }
    if (!cmd.headless && !haveDisplay()) {
        err << "mort-studio: no display found (DISPLAY is unset); running the embedded server without a window. "
               "Stop it with Ctrl+C.\n";
        cmd.headless = true;
    }
    if (cmd.headless)
        return runHeadless(argc, argv, cmd);

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MortStudio"));
    QApplication::setApplicationName(QStringLiteral("mort-studio"));
    QApplication::setApplicationVersion(QStringLiteral(MORT_VERSION));

    const QString path = cmd.configGiven ? cmd.configPath : prepareDemoConfig();
    QString problem;
    ConfigPtr config = loadConfigOrExplain(path, &problem);
    if (!config) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Mort Studio"), problem);
        return 1;
    }
    installLogHandler(config->server.logLevel);

    LocalEngineClient client(config, path);
    MainWindow window(&client);
    QObject::connect(&window, &MainWindow::startRequested, &client, &LocalEngineClient::start);
    QObject::connect(&window, &MainWindow::stopRequested, &client, &LocalEngineClient::stop);
    client.start();
    window.show();

    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &app, &QApplication::quit);

    if (!cmd.screenshotPath.isEmpty()) {
        // For docs and the Xvfb check: wait for the first stats refresh, then save the window.
        QTimer::singleShot(1500, &window, [&] {
            const bool saved = window.grab().save(cmd.screenshotPath);
            app.exit(saved ? 0 : 1);
        });
    }
    const int code = app.exec();
    client.stop();
    return code;
}
