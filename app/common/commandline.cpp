#include "common/commandline.h"

#include <QCoreApplication>

namespace mort {

CommandLine CommandLine::parse(const QStringList &arguments, bool studio)
{
    CommandLine c;
    c.configPath = QStringLiteral("/etc/mort/mort.yml");
    auto value = [&](int &i, const QString &name) -> QString {
        if (i + 1 >= arguments.size()) {
            c.error = QCoreApplication::translate("CommandLine", "%1 needs a value").arg(name);
            return {};
        }
        return arguments.at(++i);
    };
    for (int i = 1; i < arguments.size(); ++i) {
        QString arg = arguments.at(i);
        QString inlineValue;
        if (const qsizetype eq = arg.indexOf(QLatin1Char('=')); eq > 0 && arg.startsWith(QLatin1Char('-'))) {
            inlineValue = arg.mid(eq + 1);
            arg = arg.left(eq);
        }
        // Mort (Go flag package) uses one dash; accept both.
        const QString name = arg.startsWith(QLatin1String("--")) ? arg.mid(2) : arg.mid(1);
        auto take = [&](const QString &n) { return inlineValue.isEmpty() ? value(i, n) : inlineValue; };
        if (!arg.startsWith(QLatin1Char('-'))) {
            c.error = QCoreApplication::translate("CommandLine", "unexpected argument: %1").arg(arg);
        } else if (name == QLatin1String("config")) {
            c.configPath = take(arg);
            c.configGiven = true;
        } else if (name == QLatin1String("version")) {
            c.showVersion = true;
        } else if (name == QLatin1String("help") || name == QLatin1String("h")) {
            c.showHelp = true;
        } else if (studio && name == QLatin1String("attach")) {
            c.attachUrl = take(arg);
        } else if (studio && name == QLatin1String("preview")) {
            c.previewFile = take(arg);
        } else if (studio && name == QLatin1String("preset")) {
            c.previewPreset = take(arg);
        } else if (studio && name == QLatin1String("screenshot")) {
            c.screenshotPath = take(arg);
        } else if (studio && name == QLatin1String("headless")) {
            c.headless = true;
        } else {
            c.error = QCoreApplication::translate("CommandLine", "unknown option: %1").arg(arg);
        }
        if (!c.error.isEmpty())
            break;
    }
    return c;
}

QString CommandLine::usage(const QString &program, bool studio)
{
    QString u = QCoreApplication::translate("CommandLine",
                                            "Usage: %1 [-config FILE] [-version] [--help]\n"
                                            "  -config FILE   Mort YAML configuration (default /etc/mort/mort.yml)\n"
                                            "  -version       print the version and exit\n")
                    .arg(program);
    if (studio)
        u += QCoreApplication::translate(
            "CommandLine",
            "  --attach URL   attach to a running mort-server's admin API\n"
            "  --preview FILE open an image in the preset preview\n"
            "  --preset NAME  preset to preview\n"
            "  --headless     run the embedded server without a window\n"
            "  --screenshot F save a PNG of the main window and quit\n"
            "  --tab NAME     the screen shown first: status, dashboard, cache, activity, preview, config\n"
            "  --lang CODE    the window's language: en, pl or de (default: saved, else the system's)\n");
    return u;
}

QString versionString()
{
#ifndef MORT_GIT_COMMIT
#define MORT_GIT_COMMIT "unknown"
#endif
    return QStringLiteral(MORT_VERSION " commit " MORT_GIT_COMMIT " date " __DATE__);
}

} // namespace mort
