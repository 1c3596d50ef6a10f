#include "config/config.h"

#include "config/configparser.h"

#include <QFile>

namespace mort {

QString describe(const ConfigIssue &issue)
{
    return issue.keyPath.isEmpty() ? issue.message : issue.keyPath + QStringLiteral(": ") + issue.message;
}

Config ConfigLoader::parse(const QString &yaml, QList<ConfigIssue> &issues, const QString &sourcePath)
{
    YamlFieldReader reader;
    Config config;
    YAML::Node root;
    bool parsed = false;
    try {
        root = YAML::Load(expandEnvironment(yaml).toStdString());
        parsed = true;
    } catch (const YAML::Exception &e) {
        // yaml-cpp marks are 0-based; editors count from 1.
        reader.addIssue(QString(),
                        QStringLiteral("YAML syntax error at line %1, column %2: %3")
                            .arg(e.mark.line + 1)
                            .arg(e.mark.column + 1)
                            .arg(QString::fromStdString(e.msg)));
    }
    if (parsed) {
        try {
            config = ConfigParser(reader).parse(root);
        } catch (const YAML::Exception &e) {
            // Not expected (the reader never throws on types); kept so a yaml-cpp
            // surprise becomes a config error rather than a crash at startup.
            reader.addIssue(QString(),
                            QStringLiteral("unreadable YAML at line %1: %2")
                                .arg(e.mark.line + 1)
                                .arg(QString::fromStdString(e.msg)));
        }
    }
    config.sourcePath = sourcePath;
    issues = reader.issues();
    if (parsed)
        issues += validate(config);
    return config;
}

Expected<ConfigPtr> ConfigLoader::fromText(const QString &yaml, const QString &sourcePath)
{
    QList<ConfigIssue> issues;
    Config config = parse(yaml, issues, sourcePath);
    if (!issues.isEmpty()) {
        QStringList lines;
        for (const ConfigIssue &issue : issues)
            lines.append(describe(issue));
        const QString summary = sourcePath.isEmpty() ? QStringLiteral("invalid configuration")
                                                     : QStringLiteral("invalid configuration in ") + sourcePath;
        return Error{"config.invalid", 500, summary, lines.join(QLatin1Char('\n')), ErrorCause::Internal};
    }
    return ConfigPtr(std::make_shared<const Config>(std::move(config)));
}

Expected<ConfigPtr> ConfigLoader::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{"config.unreadable", 500, QStringLiteral("configuration file unreadable"),
                     path + QStringLiteral(": ") + file.errorString(), ErrorCause::Internal};
    return fromText(QString::fromUtf8(file.readAll()), path);
}

} // namespace mort
