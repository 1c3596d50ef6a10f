// mort-studio: the desktop app with the engine embedded. Without --config it
// serves the bundled demo config and sample images; with --attach URL it
// watches a running server through its admin API instead.
#include "common/allocator.h"
#include "common/commandline.h"
#include "common/logging.h"
#include "common/serverbootstrap.h"
#include "common/signalwatcher.h"
#include "client/localengineclient.h"
#include "ui/config/configpanel.h"
#include "ui/config/configsecretstore.h"
#include "ui/mainwindow.h"
#include "ui/preview/previewpanel.h"
#include "monitoring/logring.h"
#include "ui/shared/recentlist.h"
#include "client/remoteengineclient.h"
#include "ui/connection/attachtoken.h"
#include "ui/shared/language.h"
#include "service/adminsecurity.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
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

// The demo config names its folders through ${MORT_DEMO_IMAGES} and
// ${MORT_DEMO_CACHE}. The studio runs on the user's own copy of it
// (~/.config/mort-studio/demo.yml, made on first start), so presets saved from
// the preview land in a file the user owns, never in the installation.
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
    const QString bundled = QDir(demoDir).filePath(QStringLiteral("mort.yml"));
    const QString configDir =
        QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/mort-studio");
    const QString copy = configDir + QStringLiteral("/demo.yml");
    if (QFile::exists(copy))
        return copy;
    if (!QDir().mkpath(configDir) || !QFile::copy(bundled, copy)) {
        qWarning("mort-studio: cannot copy the demo config to %s; using %s (saving presets is off)", qPrintable(copy),
                 qPrintable(bundled));
        return bundled;
    }
    QFile(copy).setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    return copy;
}

// The config's ${MORT_SECRET_...} references that the environment does not
// set, read from the keychain before the engine loads the file (the
// environment wins, as for mort-server). Warnings name variables, never values.
void resolveConfigSecrets(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return; // loadConfigOrExplain says why
    for (const QString &warning : ConfigSecretStore::exportMissing(QString::fromUtf8(file.readAll())))
        qWarning("mort-studio: %s", qPrintable(warning));
}

// Without a window: the embedded engine only, stopped by SIGTERM/SIGINT.
int runHeadless(int argc, char *argv[], const CommandLine &cmd, LogRing *ring)
{
    QCoreApplication app(argc, argv);
    QString problem;
    const QString path = cmd.configGiven ? cmd.configPath : prepareDemoConfig();
    resolveConfigSecrets(path);
    ConfigPtr config = loadConfigOrExplain(path, &problem);
    if (!config) {
        QTextStream(stderr) << "mort-studio: " << problem << '\n';
        return 1;
    }
    installLogHandler(config->server.logLevel, ring);
    Engine engine(config);
    engine.setLogRing(ring);
    engine.setDefaultAdminToken(randomAdminToken()); // as LocalEngineClient: attach only with a token of one's own
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

// `--tab NAME` (status, dashboard, cache, activity, preview, config; or 0..5 in that
// order): the tab shown first. Studio-only and taken out before CommandLine
// sees the arguments.
int takeTabOption(QStringList &arguments, QString *error)
{
    const int at = arguments.indexOf(QStringLiteral("--tab"));
    if (at < 0)
        return -1;
    static const QStringList names{QStringLiteral("status"),   QStringLiteral("dashboard"), QStringLiteral("cache"),
                                   QStringLiteral("activity"), QStringLiteral("preview"),   QStringLiteral("config")};
    const QString value = arguments.value(at + 1).trimmed().toLower();
    bool ok = false;
    int tab = value.toInt(&ok);
    if (!ok)
        tab = int(names.indexOf(value));
    if (tab < MainWindow::StatusTab || tab > MainWindow::ConfigTab) {
        *error = QStringLiteral("mort-studio: --tab takes a screen name: %1 (or its number, 0..5); got \"%2\"")
                     .arg(names.join(QStringLiteral(", ")), arguments.value(at + 1));
    }
    arguments.remove(at, std::min<qsizetype>(2, arguments.size() - at));
    return tab;
}

// `--lang CODE` (en, pl, de): the language of this run, over the saved choice
// and the system locale (screenshots, tests). Taken out like --tab.
QString takeLangOption(QStringList &arguments, QString *error)
{
    const int at = arguments.indexOf(QStringLiteral("--lang"));
    if (at < 0)
        return QString();
    const QString value = arguments.value(at + 1).trimmed().toLower();
    if (!studioLanguages().contains(value)) {
        *error = QStringLiteral("mort-studio: --lang takes one of %1; got \"%2\"")
                     .arg(studioLanguages().join(QStringLiteral(", ")), arguments.value(at + 1));
    }
    arguments.remove(at, std::min<qsizetype>(2, arguments.size() - at));
    return value;
}

// --screenshot: wait for the panels to fill, then save the window and quit.
// MORT_SCREENSHOT_DELAY_MS lets the dashboard gather a few samples first; the
// cache listing is refreshed a second before the picture.
void scheduleScreenshot(QApplication &app, MainWindow &window, const QString &path)
{
    bool ok = false;
    int delay = qEnvironmentVariableIntValue("MORT_SCREENSHOT_DELAY_MS", &ok);
    if (!ok || delay < 1500)
        delay = 1500;
    QTimer::singleShot(delay - 1000, &window, [&window] { window.refreshAll(); });
    QTimer::singleShot(delay, &window, [&app, &window, path] {
        const bool saved = window.grab().save(path);
        app.exit(saved ? 0 : 1);
    });
}

// The window over a remote server. The token comes from MORT_ADMIN_TOKEN, else
// from the keychain when the server needs one (asynchronously: the window
// shows at once and connects when the token is known).
int runAttached(QApplication &app, const CommandLine &cmd, int tab)
{
    const QUrl url = RemoteEngineClient::normalizedUrl(cmd.attachUrl);
    if (!url.isValid() || url.isEmpty()) {
        QTextStream(stderr) << "mort-studio: --attach needs the server's admin URL, e.g. http://127.0.0.1:8081 (got \""
                            << cmd.attachUrl << "\")\n";
        return 2;
    }
    RemoteEngineClient client(url, QString());
    MainWindow window(&client);
    addLanguageMenu(&window);
    // The Preview renders through the server's own pipeline (admin API); its
    // presets and buckets come from the server's config once it answers.
    PreviewPanel *preview = window.enablePreview(nullptr);
    QObject::connect(&client, &EngineClient::connectionChanged, preview, [preview](bool connected) {
        if (connected)
            preview->loadConfigFromEngine();
    });
    if (cmd.previewFile.isEmpty()) {
        QObject::connect(preview, &PreviewPanel::configLoaded, preview, &PreviewPanel::openFirstBucketImage);
    } else {
        // `mort-studio --attach URL --preview FILE [--preset NAME]`: rendered by that server.
        auto opened = std::make_shared<QMetaObject::Connection>();
        *opened = QObject::connect(preview, &PreviewPanel::configLoaded, preview, [&cmd, preview, opened] {
            QObject::disconnect(*opened);       // once: a reconnect keeps what the user did since
            preview->openFile(cmd.previewFile); // a failure is shown in the panel
            if (!cmd.previewPreset.isEmpty())
                preview->selectPreset(cmd.previewPreset);
        });
    }
    ConfigPanel *configTab = window.enableConfig();
    QObject::connect(&client, &EngineClient::connectionChanged, configTab, [configTab](bool connected) {
        if (connected && configTab->runningText().isEmpty())
            configTab->loadFromEngine(); // once: a reconnect keeps the edits
    });
    if (!cmd.previewFile.isEmpty())
        window.setCurrentTab(MainWindow::PreviewTab);
    if (tab >= 0)
        window.setCurrentTab(tab);
    RecentList::connections().remember(url.toString());
    // The keychain only for a server that may need a token (AttachTokenLookup).
    AttachTokenLookup tokens;
    QObject::connect(&tokens, &AttachTokenLookup::found, &client,
                     [&client](const QString &token, const QString &warning) {
                         if (!warning.isEmpty())
                             qWarning("mort-studio: %s", qPrintable(warning)); // connect without: shown as refused
                         client.setToken(token);
                         client.connectToServer();
                     });
    tokens.start(url, qEnvironmentVariable("MORT_ADMIN_TOKEN"));
    window.show();
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &app, &QApplication::quit);
    if (!cmd.screenshotPath.isEmpty())
        scheduleScreenshot(app, window, cmd.screenshotPath);
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    tuneAllocator();
    // Declared first so it outlives everything that may still log.
    LogRing recentLog; // recent lines for the admin API's stream
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QString tabError;
    const int tab = takeTabOption(arguments, &tabError);
    const QString lang = takeLangOption(arguments, &tabError);
    CommandLine cmd = CommandLine::parse(arguments, true);
    QTextStream out(stdout), err(stderr);
    if (!tabError.isEmpty()) {
        err << tabError << '\n';
        return 2;
    }
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
    if (!cmd.attachUrl.isEmpty() && (cmd.headless || !haveDisplay())) {
        err << "mort-studio: --attach needs a display (DISPLAY is unset or --headless was given).\n";
        return 2;
    }
    if (!cmd.headless && !haveDisplay()) {
        err << "mort-studio: no display found (DISPLAY is unset); running the embedded server without a window. "
               "Stop it with Ctrl+C.\n";
        cmd.headless = true;
    }
    if (cmd.headless) {
        const int code = runHeadless(argc, argv, cmd, &recentLog);
        installLogHandler(QStringLiteral("prod"), nullptr); // the ring ends with main
        return code;
    }

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MortStudio"));
    QApplication::setApplicationName(QStringLiteral("mort-studio"));
    QApplication::setApplicationVersion(QStringLiteral(MORT_VERSION));
    installStudioTranslator(lang.isEmpty() ? savedLanguage() : lang); // "" = the system locale
    if (!cmd.attachUrl.isEmpty())
        return runAttached(app, cmd, tab);

    const QString path = cmd.configGiven ? cmd.configPath : prepareDemoConfig();
    resolveConfigSecrets(path);
    QString problem;
    ConfigPtr config = loadConfigOrExplain(path, &problem);
    if (!config) {
        // A scripted --screenshot must end: no modal box nobody will close.
        QTextStream(stderr) << "mort-studio: " << problem << '\n';
        if (cmd.screenshotPath.isEmpty())
            QMessageBox::critical(nullptr, QApplication::translate("main", "Mort Studio"), problem);
        return 1;
    }
    installLogHandler(config->server.logLevel, &recentLog);

    LocalEngineClient client(config, path);
    client.engine()->setLogRing(&recentLog);
    MainWindow window(&client);
    addLanguageMenu(&window);
    PreviewPanel *preview = window.enablePreview(config);
    if (QFileInfo(path).isWritable())
        preview->setConfigFile(path, [&client](const QString &yaml) { return client.engine()->applyConfig(yaml); });
    if (!cmd.previewFile.isEmpty()) {
        // `mort-studio --preview FILE [--preset NAME]`: a designer's shortcut to the preview tab.
        preview->openFile(cmd.previewFile); // a failure is shown in the panel
        if (!cmd.previewPreset.isEmpty())
            preview->selectPreset(cmd.previewPreset);
        window.setCurrentTab(MainWindow::PreviewTab);
    } else {
        preview->openFirstBucketImage(); // something to look at on the Preview tab
    }
    window.enableConfig()->loadFromEngine();
    if (tab >= 0)
        window.setCurrentTab(tab);
    QObject::connect(&window, &MainWindow::startRequested, &client, &LocalEngineClient::start);
    QObject::connect(&window, &MainWindow::stopRequested, &client, &LocalEngineClient::stop);
    client.start();
    window.show();

    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &app, &QApplication::quit);

    if (!cmd.screenshotPath.isEmpty())
        scheduleScreenshot(app, window, cmd.screenshotPath);
    const int code = app.exec();
    client.stop();
    installLogHandler(config->server.logLevel, nullptr); // the ring ends with main
    return code;
}
