#include "cache/usecounter.h"

namespace mort {

UseCounter::UseCounter(int capacity) : m_capacity(std::max(1, capacity)) {}

bool UseCounter::reached(const QString &key, quint64 threshold)
{
    if (threshold <= 1)
        return true;
    QMutexLocker lock(&m_mutex);
    auto it = m_index.find(key);
    if (it == m_index.end()) {
        m_lru.push_front(Entry{key, 0});
        it = m_index.insert(key, m_lru.begin());
        if (int(m_lru.size()) > m_capacity) {
            m_index.remove(m_lru.back().key);
            m_lru.pop_back();
        }
    } else {
        m_lru.splice(m_lru.begin(), m_lru, *it);
    }
    Entry &entry = m_lru.front();
    if (++entry.count < threshold)
        return false;
    m_index.remove(key);
    m_lru.pop_front();
    return true;
}

int UseCounter::size() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_lru.size());
}

} // namespace mort
