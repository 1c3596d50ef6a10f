#include "common/logging.h"

#include "monitoring/logring.h"

#include <QDateTime>
#include <QHostInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <cstdio>
#include <unistd.h>

namespace mort {

namespace {
bool g_json = true;        // set once in main before any thread starts
LogRing *g_ring = nullptr; // likewise

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return "debug";
    case QtInfoMsg: return "info";
    case QtWarningMsg: return "warn";
    case QtCriticalMsg: return "error";
    case QtFatalMsg: return "fatal";
    }
    return "info";
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString ts = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QByteArray line;
    if (g_json) {
        static const QString host = QHostInfo::localHostName();
        QJsonObject o{{QStringLiteral("level"), QString::fromLatin1(levelName(type))},
                      {QStringLiteral("ts"), ts},
                      {QStringLiteral("msg"), message},
                      {QStringLiteral("hostname"), host},
                      {QStringLiteral("pid"), qint64(::getpid())}};
        if (context.category && qstrcmp(context.category, "default") != 0)
            o.insert(QStringLiteral("logger"), QString::fromLatin1(context.category));
        line = QJsonDocument(o).toJson(QJsonDocument::Compact);
    } else {
        line = (ts + QLatin1Char(' ') + QString::fromLatin1(levelName(type)).toUpper() + QLatin1Char(' ')
                + QString::fromLatin1(context.category ? context.category : "") + QStringLiteral(": ") + message)
                   .toUtf8();
    }
    line += '\n';
    if (g_ring)
        g_ring->append(QString::fromLatin1(levelName(type)),
                       QString::fromLatin1(context.category ? context.category : "default"), message);
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    if (type == QtFatalMsg)
        std::abort();
}
} // namespace

void installLogHandler(const QString &logLevel, LogRing *ring)
{
    g_json = logLevel != QLatin1String("debug");
    g_ring = ring;
    if (g_json)
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false"));
    qInstallMessageHandler(handler);
}

} // namespace mort
