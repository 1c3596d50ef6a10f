#include "monitoring/processstats.h"

#include <QDir>
#include <QFile>

#include <unistd.h>

namespace mort {

namespace {

qint64 statusKb(const QByteArray &status, QByteArrayView key)
{
    const qsizetype at = status.indexOf(key);
    if (at < 0)
        return 0;
    const qsizetype end = status.indexOf('\n', at);
    return status.mid(at + key.size(), end - at - key.size()).trimmed().split(' ').value(0).toLongLong();
}

} // namespace

ProcessStats readProcessStats()
{
    ProcessStats s;
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        const QByteArray text = status.readAll();
        s.residentBytes = statusKb(text, "VmRSS:") * 1024;
        s.virtualBytes = statusKb(text, "VmSize:") * 1024;
        s.peakResidentBytes = statusKb(text, "VmHWM:") * 1024;
        s.threads = int(statusKb(text, "Threads:"));
    }
    s.openFds =
        int(QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot).size());
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (stat.open(QIODevice::ReadOnly)) {
        // Fields after the parenthesised command name; utime/stime are 14/15, starttime 22.
        const QByteArray text = stat.readAll();
        const QList<QByteArray> f = text.mid(text.lastIndexOf(')') + 2).split(' ');
        const double ticks = double(sysconf(_SC_CLK_TCK));
        if (f.size() > 19 && ticks > 0) {
            s.cpuSeconds = (f.at(11).toDouble() + f.at(12).toDouble()) / ticks;
            QFile uptime(QStringLiteral("/proc/stat"));
            if (uptime.open(QIODevice::ReadOnly)) {
                for (const QByteArray &line : uptime.readAll().split('\n')) {
                    if (line.startsWith("btime "))
                        s.startTimeSeconds = line.mid(6).trimmed().toLongLong() + qint64(f.at(19).toDouble() / ticks);
                }
            }
        }
    }
    return s;
}

} // namespace mort
