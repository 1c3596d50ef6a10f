#include "storage/glacierrestorer.h"

#include <QMutexLocker>

namespace mort {

GlacierRestorer::GlacierRestorer(int capacity, Clock now) : m_capacity(capacity), m_now(std::move(now)) {}

int GlacierRestorer::retryAfterSeconds(const GlacierConfig &config)
{
    if (config.retryAfterSeconds > 0)
        return config.retryAfterSeconds;
    if (config.restoreTier == QLatin1String("Expedited"))
        return 300;
    if (config.restoreTier == QLatin1String("Bulk"))
        return 43'200;
    return 14'400; // Standard
}

GlacierAnswer GlacierRestorer::answer(const Error &archived, Storage &storage, const QString &storageId,
                                      const QString &key, const GlacierConfig &config)
{
    GlacierAnswer out{archived, {}, false};
    if (!config.enabled)
        return out;
    const int retryAfter = retryAfterSeconds(config);
    const QString storageClass = archived.detail.section(QLatin1Char(' '), -1);
    out.headers = {{"Retry-After", QByteArray::number(retryAfter)},
                   {"X-Mort-Glacier-Status", "restoring"},
                   {"X-Mort-Glacier-Tier", config.restoreTier.toLatin1()},
                   {"X-Mort-Storage-Class", storageClass.toLatin1()}};

    const QString id = storageId + QLatin1Char('\n') + key;
    const QDateTime now = m_now();
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_until.constFind(id);
        if (it != m_until.constEnd() && *it > now)
            return out; // already asked: collapsed
        if (m_until.size() >= m_capacity) {
            // Forget expired entries first, then the one closest to expiry.
            for (auto e = m_until.begin(); e != m_until.end();)
                e = *e <= now ? m_until.erase(e) : std::next(e);
            if (m_until.size() >= m_capacity) {
                auto oldest = std::min_element(m_until.begin(), m_until.end());
                m_until.erase(oldest);
            }
        }
        // Marked before asking, so concurrent requests do not ask again.
        m_until.insert(id, now.addSecs(retryAfter));
    }
    if (Expected<void> asked = storage.requestRestore(key, config.restoreDays, config.restoreTier); !asked) {
        QMutexLocker lock(&m_mutex);
        m_until.remove(id); // the next request tries again
        return out;
    }
    QMutexLocker lock(&m_mutex);
    ++m_requested;
    out.restoreRequested = true;
    return out;
}

int GlacierRestorer::remembered() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_until.size());
}

quint64 GlacierRestorer::restoresRequested() const
{
    QMutexLocker lock(&m_mutex);
    return m_requested;
}

} // namespace mort
