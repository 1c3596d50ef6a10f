#pragma once
// Command-line options shared by mort-server and mort-studio. Mort's single-dash
// long options (-config FILE, -version) are accepted as well as --config.
#include <QString>
#include <QStringList>

namespace mort {

struct CommandLine
{
    QString configPath; // -config / --config
    bool configGiven = false;
    bool showVersion = false;
    bool showHelp = false;
    QString error; // non-empty: print it with the usage and exit 2
    // mort-studio only
    QString attachUrl;      // --attach URL
    QString previewFile;    // --preview FILE
    QString previewPreset;  // --preset NAME
    QString screenshotPath; // --screenshot FILE: render the main window to a PNG and quit
    bool headless = false;  // --headless: run the engine without a window

    static CommandLine parse(const QStringList &arguments, bool studio);
    static QString usage(const QString &program, bool studio);
};

QString versionString(); // "<version> commit <commit> date <date>", as Mort's -version

} // namespace mort
