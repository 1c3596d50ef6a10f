#pragma once
// Go's time.Time.String() for file mtimes. Mort derives file ETags from this
// text (local: the text itself; local-meta: W/"md5(text)"), so we must print
// exactly what Go prints for the same file to keep ETags equal to Mort's.
#include <QByteArray>
#include <QtGlobal>

namespace mort {

// Layout "2006-01-02 15:04:05.999999999 -0700 MST" in the process's local
// time zone (Go's os.FileInfo.ModTime() is in time.Local): fraction without
// trailing zeros and no dot when zero; zone abbreviation, or "+hhmm" when the
// zone has none. Example: "2024-05-01 10:00:00.123456789 +0000 UTC".
QByteArray goTimeString(qint64 seconds, qint64 nanoseconds);

} // namespace mort
