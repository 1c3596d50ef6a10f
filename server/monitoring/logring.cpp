#include "monitoring/logring.h"

namespace mort {

namespace {
constexpr int kMaxMessageChars = 4096; // one runaway message cannot flush the whole ring
}

LogRing::LogRing(int maxLines, qint64 maxBytes) : m_maxLines(std::max(1, maxLines)), m_maxBytes(maxBytes) {}

qint64 LogRing::cost(const LogLine &line)
{
    return qint64(sizeof(LogLine)) + 2 * (line.level.size() + line.category.size() + line.message.size());
}

void LogRing::append(const QString &level, const QString &category, const QString &message)
{
    LogLine line;
    line.at = QDateTime::currentDateTimeUtc();
    line.level = level;
    line.category = category;
    line.message = message.size() > kMaxMessageChars ? message.left(kMaxMessageChars) + QStringLiteral("…") : message;
    QMutexLocker lock(&m_mutex);
    line.seq = ++m_seq;
    m_bytes += cost(line);
    m_lines.push_back(std::move(line));
    while (!m_lines.empty() && (int(m_lines.size()) > m_maxLines || m_bytes > m_maxBytes)) {
        m_bytes -= cost(m_lines.front());
        m_lines.pop_front();
    }
}

QList<LogLine> LogRing::since(quint64 afterSeq, int max) const
{
    QList<LogLine> out;
    QMutexLocker lock(&m_mutex);
    if (m_lines.empty() || max <= 0)
        return out;
    // seq is contiguous inside the ring: jump straight to the first newer line.
    const quint64 first = m_lines.front().seq;
    size_t index = afterSeq < first ? 0 : size_t(afterSeq - first + 1);
    for (; index < m_lines.size() && out.size() < max; ++index)
        out.append(m_lines[index]);
    return out;
}

quint64 LogRing::lastSeq() const
{
    QMutexLocker lock(&m_mutex);
    return m_seq;
}

int LogRing::size() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_lines.size());
}

qint64 LogRing::bytes() const
{
    QMutexLocker lock(&m_mutex);
    return m_bytes;
}

} // namespace mort
