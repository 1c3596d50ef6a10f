#pragma once
// Value types the engine shows its observers (admin API, the studio's cache
// browser): plain data, Qt Core only, so screens hold them without seeing
// the cache itself.
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace mort {

// One row of the studio's cache browser.
struct CacheEntryInfo
{
    QString key;
    QString backend = QStringLiteral("memory"); // where it is held: "memory" (this process) or "redis"
    QString url;     // the request it answered ("/demo/small/a.jpg"); empty when no request stored it
    qint64 size = 0; // bytes charged against cacheSize (CachedResponse::cost())
    qint64 bodyBytes = 0;
    int status = 0;
    QByteArray contentType;
    quint64 hits = 0; // hits since insert
    qint64 ageMs = 0; // since insert
    qint64 ttlMs = 0; // remaining lifetime (<= 0: expired, dropped on next touch)
};

// One entry as a client shows it: the row, the stored headers, and the body
// when it is an image (empty otherwise).
struct CacheEntryView
{
    CacheEntryInfo info;
    QList<QPair<QByteArray, QByteArray>> headers; // as stored, in order
    QByteArray body;
};

} // namespace mort
