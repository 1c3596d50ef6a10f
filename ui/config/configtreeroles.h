#pragma once
// The Config tab's tree items: what a node is (data roles of column 0).
#include <QString>
#include <Qt>

namespace mort {

enum ConfigNodeRole { KindRole = Qt::UserRole, BucketRole, NameRole };
enum ConfigNodeKind { ServerNode, BucketNode, PresetNode, StorageNode, GroupNode, HeaderRulesNode };
// The NameRole of a GroupNode: which group.
inline constexpr QLatin1String kPresetsGroup("presets");
inline constexpr QLatin1String kStoragesGroup("storages");

} // namespace mort
