#pragma once
// The Config tab's tree items: what a node is (data roles of column 0).
#include <Qt>

namespace mort {

enum ConfigNodeRole { KindRole = Qt::UserRole, BucketRole, NameRole };
enum ConfigNodeKind { ServerNode, BucketNode, PresetNode, StorageNode, GroupNode, HeaderRulesNode };

} // namespace mort
