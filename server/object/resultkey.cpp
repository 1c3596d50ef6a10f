#include "object/resultkey.h"

namespace mort {

namespace {

void appendBigEndian64(QByteArray &out, uint64_t v)
{
    for (int shift = 56; shift >= 0; shift -= 8)
        out.append(char((v >> shift) & 0xff));
}

QString hex16(uint64_t v)
{
    return QStringLiteral("%1").arg(v, 16, 16, QLatin1Char('0'));
}

// Mort's internal key (no leading '/') with every '/' turned into '-'.
QByteArray safePath(const QString &key)
{
    QByteArray bytes = key.toUtf8();
    if (bytes.startsWith('/'))
        bytes.remove(0, 1);
    bytes.replace('/', '-');
    return bytes;
}

} // namespace

QString hashResultKey(const ObjectRef &object)
{
    Q_ASSERT(object.parent);
    const QByteArray h = QByteArray::number(qulonglong(object.transforms.hash()), 16);
    const QByteArray s = safePath(object.parent->key);
    // Byte slices as Go does; S[0:3] may cut a UTF-8 sequence (then U+FFFD).
    QByteArray key = '/' + h.left(3) + '/' + s.left(3) + '/' + s + '-' + h;
    return QString::fromUtf8(key);
}

QString hashParentResultKey(const ObjectRef &object)
{
    Q_ASSERT(object.parent);
    QByteArray b;
    appendBigEndian64(b, object.transforms.hash());
    const ObjectRef *current = object.parent.get();
    b += current->key.toUtf8();
    // The immediate parent's key appears twice when it has a parent itself:
    // Mort's loop starts at the parent again (kept for key compatibility).
    while (current->parent) {
        b += current->key.toUtf8();
        appendBigEndian64(b, current->transforms.hash());
        current = current->parent.get();
    }
    uint64_t h1 = 0, h2 = 0;
    murmur3x64_128(b.constData(), int(b.size()), 0, &h1, &h2);
    return QLatin1Char('/') + QString::fromUtf8(safePath(current->key)) + QLatin1Char('/') + hex16(h1) + hex16(h2);
}

QString resultKey(const ObjectRef &object, const QString &resultKeyKind)
{
    if (resultKeyKind == QLatin1String("hash"))
        return hashResultKey(object);
    if (resultKeyKind == QLatin1String("hashParent"))
        return hashParentResultKey(object);
    return object.key;
}

} // namespace mort
