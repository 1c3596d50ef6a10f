#pragma once
// load.lua's request order in C++, so mort-floor transforms exactly the URLs
// wrk sent: request k gets cell (k * step) mod size of the WMIN..WMAX x
// QMIN..QMAX grid, step coprime with size (a permutation: no pair repeats
// before all are used). Keep the two in step: same step, same arithmetic.
#include <cmath>
#include <cstdint>
#include <numeric>
#include <string>

namespace mort::bench {

struct ColdCell
{
    int width;
    int quality;
};

class ColdSequence
{
public:
    ColdSequence(int wmin, int wmax, int qmin, int qmax)
        : m_wmin(wmin), m_qmin(qmin), m_nw(wmax - wmin + 1), m_size(int64_t(m_nw) * (qmax - qmin + 1))
    {
        // load.lua: step = math.floor(size * 0.382) + 1, then the next coprime.
        m_step = int64_t(std::floor(double(m_size) * 0.382)) + 1;
        while (std::gcd(m_step, m_size) != 1)
            ++m_step;
    }

    int64_t size() const { return m_size; }

    ColdCell at(int64_t k) const
    {
        const int64_t cell = (k * m_step) % m_size;
        return {m_wmin + int(cell % m_nw), m_qmin + int(cell / m_nw)};
    }

    // load.lua's template expansion: {IMG} {W} {Q}, and {N} = TAG-k.
    static std::string expand(std::string tmpl, const std::string &img, ColdCell c, const std::string &n)
    {
        auto replace = [&tmpl](const std::string &what, const std::string &with) {
            for (size_t at = tmpl.find(what); at != std::string::npos; at = tmpl.find(what, at + with.size()))
                tmpl.replace(at, what.size(), with);
        };
        replace("{IMG}", img);
        replace("{W}", std::to_string(c.width));
        replace("{Q}", std::to_string(c.quality));
        replace("{N}", n);
        return tmpl;
    }

private:
    int m_wmin;
    int m_qmin;
    int m_nw;
    int64_t m_size;
    int64_t m_step = 1;
};

} // namespace mort::bench
