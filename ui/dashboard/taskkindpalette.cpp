#include "ui/dashboard/taskkindpalette.h"

#include <array>

namespace mort {

namespace {

// Tableau 10 (and Tableau 20's light blue for the eleventh): hues told apart
// on screen and by most colour-blind readers.
constexpr std::array<QRgb, size_t(TaskKind::Count)> kColors = {
    0x1f77b4, // Request: blue
    0xff7f0e, // Transform: orange
    0x2ca02c, // Fetch: green
    0x8c564b, // Store: brown
    0x9467bd, // CacheFill: purple
    0xd62728, // CollapseWait: red
    0xbcbd22, // LockRefresh: olive
    0x17becf, // PubSub: cyan
    0x7f7f7f, // Background: grey
    0xe377c2, // Admin: pink
    0xaec7e8, // Purge: light blue
};
static_assert(kColors.size() == size_t(TaskKind::Count), "a colour for every task kind");

} // namespace

QColor taskKindColor(TaskKind kind)
{
    return QColor::fromRgb(kColors.at(size_t(kind)));
}

} // namespace mort
