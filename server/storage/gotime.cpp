#include "storage/gotime.h"

#include <cstdio>
#include <ctime>

namespace mort {

QByteArray goTimeString(qint64 seconds, qint64 nanoseconds)
{
    // localtime_r follows TZ / /etc/localtime like Go's time.Local does. The
    // zone is loaded once, under the thread-safe static guard: later calls only
    // read libc's zone strings (tm_zone), which TSan can then order.
    static const bool zoneLoaded = [] {
        tzset();
        return true;
    }();
    (void)zoneLoaded;
    const time_t t = static_cast<time_t>(seconds);
    struct tm tm = {};
    localtime_r(&t, &tm);

    char buf[96];
    int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1,
                          tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    QByteArray out(buf, n);

    if (nanoseconds > 0) {
        char frac[16];
        std::snprintf(frac, sizeof frac, "%09lld", static_cast<long long>(nanoseconds % 1000000000));
        int len = 9;
        while (len > 0 && frac[len - 1] == '0')
            --len;
        out += '.';
        out.append(frac, len);
    }

    // "-0700": hours and minutes of the offset (seconds dropped, as Go).
    long offsetMinutes = tm.tm_gmtoff / 60;
    const char sign = offsetMinutes < 0 ? '-' : '+';
    if (offsetMinutes < 0)
        offsetMinutes = -offsetMinutes;
    n = std::snprintf(buf, sizeof buf, " %c%02ld%02ld", sign, offsetMinutes / 60, offsetMinutes % 60);
    out.append(buf, n);

    // "MST": the abbreviation; Go falls back to the -0700 form without one.
    out += ' ';
    if (tm.tm_zone && *tm.tm_zone)
        out += tm.tm_zone;
    else
        out.append(buf + 1, n - 1);
    return out;
}

} // namespace mort
