#pragma once
// `minUseCount` (spec config.md §2.1): a response is cached only on its N-th
// cacheable miss, so one-off URLs do not push popular entries out. Mort applies
// it to Redis only; we apply it to the memory cache too. The counters are an
// LRU bounded in entries: a flood of unique URLs cannot grow it.
#include <QHash>
#include <QMutex>
#include <QString>

#include <list>

namespace mort {

class UseCounter
{
public:
    explicit UseCounter(int capacity = 10000);

    // Counts one miss of `key`; true when this is at least the `threshold`-th
    // (the counter is then forgotten, as Mort deletes its Redis counter).
    // threshold <= 1 is always true and counts nothing.
    bool reached(const QString &key, quint64 threshold);

    int size() const;
    int capacity() const { return m_capacity; }

private:
    struct Entry
    {
        QString key;
        quint64 count = 0;
    };
    const int m_capacity;
    mutable QMutex m_mutex;
    std::list<Entry> m_lru; // front = most recent
    QHash<QString, std::list<Entry>::iterator> m_index;
};

} // namespace mort
