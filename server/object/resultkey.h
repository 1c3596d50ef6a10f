#pragma once
// Result keys of transformed objects (spec urls-and-transforms.md §4):
// where a generated image is stored, byte-compatible with Mort.
#include "object/objectref.h"

#include <QString>

namespace mort {

// resultKey "hash": "/" + H[0:3] + "/" + S[0:3] + "/" + S + "-" + H, with H
// the unpadded hex transformHash64 and S the immediate parent's key without
// its leading '/' and '/' -> '-'. Needs object.parent.
QString hashResultKey(const ObjectRef &object);

// resultKey "hashParent": "/" + R + "/" + hex32(murmur3_x64_128(seed 0, B)),
// R = the root key made safe like S, B = BE64(hash(obj)) ‖ parent.Key, then
// for every ancestor that itself has a parent (starting with the immediate
// parent): its Key ‖ BE64(its hash). Needs object.parent.
QString hashParentResultKey(const ObjectRef &object);

// Dispatch on the bucket's `resultKey`: "hash", "hashParent", anything else
// keeps the request key (config.md §4.1).
QString resultKey(const ObjectRef &object, const QString &resultKeyKind);

} // namespace mort
