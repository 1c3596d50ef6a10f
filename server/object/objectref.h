#pragma once
// What a request path names (spec urls-and-transforms.md §1-§4): bucket, key,
// which storage holds it, its transforms and its parent chain.
#include "object/transforms.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace mort {

struct ObjectRef
{
    QString uri;          // request path as received (decoded), for logs/debug
    QString bucket;       // first path segment
    QString key;          // with leading '/', "" for bucket-level requests
    QString storageName;  // "basic", "transform", "noop" or parentStorage for parents
    Transforms transforms;
    bool hasTransforms() const { return !transforms.isEmpty(); }
    std::shared_ptr<const ObjectRef> parent; // immediate parent (for a transform)
    bool checkParent = false;
    bool webpConverted = false; // webp plugin forced webp and appended "webp" to the key

    // Root-most first: the transforms of this object and its ancestors, as
    // mergeChain() expects them.
    QList<Transforms> transformChain() const;
    // The end of the parent chain (the original image).
    const ObjectRef &root() const;
};

} // namespace mort
