#pragma once
// Runs `promtool check metrics` (Debian package 'prometheus') on an exposition:
// the strict, real Prometheus text parser and linter the acceptance names.
#include <QProcess>
#include <QStandardPaths>
#include <QString>

#include <utility>

namespace mort::test {

// Empty when promtool is not installed (tests QSKIP then).
inline QString findPromtool()
{
    return QStandardPaths::findExecutable(QStringLiteral("promtool"));
}

// Exit code (0 clean, 1 parse error, 3 lint findings; -1 did not run) and output.
inline std::pair<int, QString> runPromtool(const QString &promtool, const QByteArray &text)
{
    QProcess process;
    process.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
    if (!process.waitForStarted())
        return {-1, QStringLiteral("promtool did not start")};
    process.write(text);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000))
        return {-1, QStringLiteral("promtool timed out")};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError())};
}

} // namespace mort::test
