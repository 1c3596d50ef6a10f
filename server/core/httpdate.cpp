#include "core/httpdate.h"

#include <QList>

namespace mort {

namespace {

bool isDayName(QByteArrayView name, bool longForm)
{
    static const char *shortNames[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *longNames[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    for (const char *n : longForm ? longNames : shortNames) {
        if (name.compare(n, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

int monthNumber(QByteArrayView name)
{
    static const char *names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (int i = 0; i < 12; ++i) {
        if (name.compare(names[i], Qt::CaseInsensitive) == 0)
            return i + 1;
    }
    return 0;
}

// Unsigned decimal of minDigits..maxDigits digits, or -1.
int number(QByteArrayView text, int minDigits, int maxDigits)
{
    if (text.size() < minDigits || text.size() > maxDigits)
        return -1;
    int n = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return -1;
        n = n * 10 + (c - '0');
    }
    return n;
}

QDateTime utcDateTime(int year, int month, int day, QByteArrayView hms)
{
    const QList<QByteArray> parts = hms.toByteArray().split(':');
    if (parts.size() != 3)
        return {};
    const QDate date(year, month, day);
    const QTime time(number(parts[0], 1, 2), number(parts[1], 1, 2), number(parts[2], 1, 2));
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

} // namespace

// Go's http.ParseTime: IMF-fixdate, RFC 850 and ANSI C asctime; the weekday is
// checked for syntax only. Built field by field directly in UTC: parsing
// through local time (QLocale::toDateTime) lost dates falling into a DST gap
// of the host's zone and rejected asctime's space-padded day ("Nov  6").
QDateTime parseHttpDate(const QByteArray &value)
{
    const QList<QByteArray> f = value.simplified().split(' ');
    if (f.size() == 6 && f[0].endsWith(',') && isDayName(QByteArrayView(f[0]).chopped(1), false) && f[5] == "GMT")
        return utcDateTime(number(f[3], 4, 4), monthNumber(f[2]), number(f[1], 1, 2), f[4]); // IMF-fixdate
    if (f.size() == 4 && f[0].endsWith(',') && isDayName(QByteArrayView(f[0]).chopped(1), true) && f[3] == "GMT") {
        const QList<QByteArray> d = f[1].split('-'); // RFC 850: 06-Nov-94
        if (d.size() != 3)
            return {};
        int year = number(d[2], 2, 2);
        if (year < 0)
            return {};
        year += year >= 69 ? 1900 : 2000; // Go's two-digit year rule
        return utcDateTime(year, monthNumber(d[1]), number(d[0], 1, 2), f[2]);
    }
    if (f.size() == 5 && isDayName(f[0], false)) // asctime: Sun Nov  6 08:49:37 1994
        return utcDateTime(number(f[4], 4, 4), monthNumber(f[1]), number(f[2], 1, 2), f[3]);
    return {};
}

} // namespace mort
