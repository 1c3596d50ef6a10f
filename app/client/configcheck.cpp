#include "client/configcheck.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace mort {

QStringList restartKeysBetween(const Config &running, const Config &next)
{
    QStringList keys;
    if (next.server.cache.type != running.server.cache.type)
        keys << QStringLiteral("server.cache.type");
    if (next.server.cache.cacheSize != running.server.cache.cacheSize)
        keys << QStringLiteral("server.cache.cacheSize");
    if (next.server.lock.type != running.server.lock.type)
        keys << QStringLiteral("server.lock.type");
    return keys;
}

QList<ConfigIssue> maskedSecretIssues(const QString &yaml)
{
    // Block style only (`key: "***"`), the form GET /api/v1/config writes;
    // the key path comes from the indentation of the keys above.
    static const QRegularExpression keyLine(
        QStringLiteral(R"(^(\s*)(?:-\s+)?(["']?)([A-Za-z_][A-Za-z0-9_-]*)\2\s*:(?:\s+(.*?))?\s*$)"));
    QList<ConfigIssue> issues;
    QList<QPair<int, QString>> parents; // indentation, key
    for (const QString &raw : yaml.split(QLatin1Char('\n'))) {
        const QString line = raw.endsWith(QLatin1Char('\r')) ? raw.chopped(1) : raw;
        const QRegularExpressionMatch m = keyLine.match(line);
        if (!m.hasMatch())
            continue;
        const int indent = int(m.capturedLength(1));
        while (!parents.isEmpty() && parents.last().first >= indent)
            parents.removeLast();
        const QString key = m.captured(3);
        const QString value = m.captured(4);
        if (value == QLatin1String("\"***\"") || value == QLatin1String("'***'")) {
            QStringList path;
            for (const auto &p : std::as_const(parents))
                path << p.second;
            path << key;
            issues.append(ConfigIssue{
                path.join(QLatin1Char('.')),
                QCoreApplication::translate("mort::ConfigCheck",
                                            "still holds the server's mask (\"***\"), not the secret; type the "
                                            "secret again or use ${ENV} before applying")});
        }
        parents.append({indent, key});
    }
    return issues;
}

} // namespace mort
