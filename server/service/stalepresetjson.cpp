#include "service/stalepresetjson.h"

#include "service/adminjson.h"

namespace mort {

QJsonObject stalePresetToJson(const StalePreset &stale)
{
    const PurgeProgress &p = stale.purge;
    QJsonObject purge{{QStringLiteral("state"), purgeStateName(p.state)},
                      {QStringLiteral("total"), p.total},
                      {QStringLiteral("done"), p.done},
                      {QStringLiteral("deleted"), p.deleted},
                      {QStringLiteral("skipped"), p.skipped},
                      {QStringLiteral("failed"), p.failed}};
    if (!p.errorCode.isEmpty()) {
        purge.insert(QStringLiteral("errorCode"), QString::fromLatin1(p.errorCode));
        purge.insert(QStringLiteral("errorMessage"), p.errorMessage);
    }
    return QJsonObject{{QStringLiteral("id"), qint64(stale.id)},
                       {QStringLiteral("bucket"), stale.bucket},
                       {QStringLiteral("preset"), stale.preset},
                       {QStringLiteral("removed"), stale.removed},
                       {QStringLiteral("changedAt"), isoUtc(stale.changedAt)},
                       {QStringLiteral("purge"), purge}};
}

QJsonArray stalePresetsToJson(const QList<StalePreset> &stale)
{
    QJsonArray array;
    for (const StalePreset &s : stale)
        array.append(stalePresetToJson(s));
    return array;
}

StalePreset stalePresetFromJson(const QJsonObject &o)
{
    StalePreset s;
    s.id = quint64(o.value(QLatin1String("id")).toInteger());
    s.bucket = o.value(QLatin1String("bucket")).toString();
    s.preset = o.value(QLatin1String("preset")).toString();
    s.removed = o.value(QLatin1String("removed")).toBool();
    s.changedAt = dateTimeFromJson(o.value(QLatin1String("changedAt")));
    const QJsonObject p = o.value(QLatin1String("purge")).toObject();
    s.purge.state = purgeStateFromName(p.value(QLatin1String("state")).toString());
    s.purge.total = p.value(QLatin1String("total")).toInt();
    s.purge.done = p.value(QLatin1String("done")).toInt();
    s.purge.deleted = p.value(QLatin1String("deleted")).toInt();
    s.purge.skipped = p.value(QLatin1String("skipped")).toInt();
    s.purge.failed = p.value(QLatin1String("failed")).toInt();
    s.purge.errorCode = p.value(QLatin1String("errorCode")).toString().toLatin1();
    s.purge.errorMessage = p.value(QLatin1String("errorMessage")).toString();
    return s;
}

QList<StalePreset> stalePresetsFromJson(const QJsonArray &array)
{
    QList<StalePreset> out;
    for (const QJsonValue &v : array)
        out.append(stalePresetFromJson(v.toObject()));
    return out;
}

} // namespace mort
