#pragma once
// The XML of the S3 API: a writer for S3's documents and a reader for the few
// bodies S3 clients send (DeleteObjects). The reader is ours and small on
// purpose: no DTD, no entities beyond the five predefined and character
// references, no external anything, bounded depth, bytes and element count,
// so entity expansion, external entities and deep nesting are MalformedXML
// with flat memory (tests/fuzz/fuzz_s3xml.cpp).
#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace mort::s3 {

class XmlWriter
{
public:
    XmlWriter(); // starts with the XML declaration
    // <name xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
    void openRoot(const char *name);
    void open(const char *name);
    void close(const char *name);
    void element(const char *name, const QString &text);
    void element(const char *name, qint64 number);
    QByteArray finish() { return std::move(m_out); }

    static QByteArray escape(const QString &text);

private:
    QByteArray m_out;
};

struct XmlNode
{
    QByteArray name; // local name, namespace prefix dropped
    QString text;    // character data directly inside (trimmed)
    QList<std::shared_ptr<XmlNode>> children;

    const XmlNode *child(QByteArrayView name) const;
    QList<const XmlNode *> childrenNamed(QByteArrayView name) const;
};

struct XmlLimits
{
    qint64 maxBytes = 2 << 20;
    int maxDepth = 16;
    int maxElements = 20000;
};

// The document's root element, or nullopt for anything not well-formed or
// over a limit (S3: MalformedXML). A DOCTYPE is refused outright.
std::optional<XmlNode> parseXml(QByteArrayView bytes, const XmlLimits &limits = {});

} // namespace mort::s3
