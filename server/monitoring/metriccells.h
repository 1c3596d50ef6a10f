#pragma once
// The label-set table behind every metric family: one heap cell per distinct
// label-value tuple, found under a shared (reader) lock and created under the
// exclusive lock. Cells never move or die before the family, so the handles
// given out hold raw pointers and update them with plain atomics.
#include <QByteArrayList>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>

namespace mort {

template<typename Cell>
class MetricCells
{
public:
    explicit MetricCells(int limit) : m_limit(limit) {}
    MetricCells(const MetricCells &) = delete;
    MetricCells &operator=(const MetricCells &) = delete;

    // The cell for `values`, created by `make()` if new. nullptr once `limit`
    // label sets exist: a label fed from a URL must never grow memory without
    // bound, so new sets are refused (and counted) while known ones still work.
    template<typename Make>
    Cell *get(const QByteArrayList &values, Make make, bool *refused)
    {
        *refused = false;
        {
            std::shared_lock lock(m_mutex);
            const auto it = m_cells.find(values);
            if (it != m_cells.end())
                return it->second.get();
        }
        std::unique_lock lock(m_mutex);
        const auto it = m_cells.find(values);
        if (it != m_cells.end())
            return it->second.get();
        if (int(m_cells.size()) >= m_limit) {
            m_refused.fetch_add(1, std::memory_order_relaxed);
            *refused = true;
            return nullptr;
        }
        return m_cells.emplace(values, make()).first->second.get();
    }

    // Visits cells in label-value order, which keeps the exposition stable.
    template<typename Visit>
    void forEach(Visit visit) const
    {
        std::shared_lock lock(m_mutex);
        for (const auto &[values, cell] : m_cells)
            visit(values, *cell);
    }

    int size() const
    {
        std::shared_lock lock(m_mutex);
        return int(m_cells.size());
    }
    int limit() const { return m_limit; }
    quint64 refused() const { return m_refused.load(std::memory_order_relaxed); }

private:
    const int m_limit;
    mutable std::shared_mutex m_mutex;
    std::map<QByteArrayList, std::unique_ptr<Cell>> m_cells;
    std::atomic<quint64> m_refused{0};
};

} // namespace mort
