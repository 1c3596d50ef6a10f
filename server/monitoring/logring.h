#pragma once
// The most recent log lines, bounded in count and bytes, for the admin API's
// stream and the studio's activity view. Thread-safe; appending is O(1).
#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QString>

#include <deque>

namespace mort {

struct LogLine
{
    quint64 seq = 0; // increasing, unique per ring
    QDateTime at;    // UTC
    QString level;   // debug | info | warn | error | fatal
    QString category;
    QString message;
};

class LogRing
{
public:
    explicit LogRing(int maxLines = 1000, qint64 maxBytes = 1 << 20);

    void append(const QString &level, const QString &category, const QString &message);
    // Lines with seq > afterSeq, oldest first, at most `max`.
    QList<LogLine> since(quint64 afterSeq, int max) const;
    quint64 lastSeq() const;
    int size() const;
    qint64 bytes() const;

private:
    static qint64 cost(const LogLine &line);

    const int m_maxLines;
    const qint64 m_maxBytes;
    mutable QMutex m_mutex;
    std::deque<LogLine> m_lines;
    qint64 m_bytes = 0;
    quint64 m_seq = 0;
};

} // namespace mort
