#include "object/objectref.h"

namespace mort {

QList<Transforms> ObjectRef::transformChain() const
{
    QList<Transforms> rootFirst;
    for (const ObjectRef *o = this; o; o = o->parent.get()) {
        if (o->hasTransforms())
            rootFirst.prepend(o->transforms);
    }
    return rootFirst;
}

const ObjectRef &ObjectRef::root() const
{
    const ObjectRef *o = this;
    while (o->parent)
        o = o->parent.get();
    return *o;
}

int ObjectRef::depth() const
{
    int n = 0;
    for (const ObjectRef *o = parent.get(); o; o = o->parent.get())
        ++n;
    return n;
}

QString collapseKey(const ObjectRef &object)
{
    return object.bucket + object.key;
}

QString responseCacheKey(const ObjectRef &object, const QByteArray &rangeHeader)
{
    return collapseKey(object) + QString::fromLatin1(rangeHeader);
}

QString wholeResponseCacheKey(const ObjectRef &object)
{
    return (object.hasTransforms() ? QStringLiteral("transform:") : QString()) + responseCacheKey(object, {});
}

} // namespace mort
