#include "s3/s3xml.h"

namespace mort::s3 {

XmlWriter::XmlWriter()
{
    m_out.reserve(1024);
    m_out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
}

void XmlWriter::openRoot(const char *name)
{
    m_out += '<';
    m_out += name;
    m_out += " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">";
}

void XmlWriter::open(const char *name)
{
    m_out += '<';
    m_out += name;
    m_out += '>';
}

void XmlWriter::close(const char *name)
{
    m_out += "</";
    m_out += name;
    m_out += '>';
}

void XmlWriter::element(const char *name, const QString &text)
{
    open(name);
    m_out += escape(text);
    close(name);
}

void XmlWriter::element(const char *name, qint64 number)
{
    open(name);
    m_out += QByteArray::number(number);
    close(name);
}

QByteArray XmlWriter::escape(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(utf8.size());
    for (char c : utf8) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        case '\r': out += "&#13;"; break;
        default:
            if (uchar(c) < 0x20 && c != '\n' && c != '\t')
                out += "&#" + QByteArray::number(int(uchar(c))) + ';'; // not valid XML 1.0 anyway
            else
                out += c;
        }
    }
    return out;
}

const XmlNode *XmlNode::child(QByteArrayView wanted) const
{
    for (const auto &c : children) {
        if (c->name == wanted)
            return c.get();
    }
    return nullptr;
}

QList<const XmlNode *> XmlNode::childrenNamed(QByteArrayView wanted) const
{
    QList<const XmlNode *> out;
    for (const auto &c : children) {
        if (c->name == wanted)
            out.append(c.get());
    }
    return out;
}

namespace {

bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
        || c == '.' || c == ':' || uchar(c) >= 0x80;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

class Reader
{
public:
    Reader(QByteArrayView in, const XmlLimits &limits) : m_in(in), m_limits(limits) {}

    std::optional<XmlNode> document()
    {
        if (m_in.size() > m_limits.maxBytes)
            return std::nullopt;
        if (m_in.startsWith("\xEF\xBB\xBF"))
            m_pos = 3;
        if (!skipMisc())
            return std::nullopt;
        if (m_pos >= m_in.size() || m_in[m_pos] != '<')
            return std::nullopt;
        XmlNode root;
        if (!element(root, 1))
            return std::nullopt;
        if (!skipMisc() || m_pos != m_in.size())
            return std::nullopt;
        return root;
    }

private:
    // Prolog and trailing misc: the XML declaration, comments, processing
    // instructions, whitespace. A DOCTYPE (and so any entity declaration) fails.
    bool skipMisc()
    {
        for (;;) {
            while (m_pos < m_in.size() && isSpace(m_in[m_pos]))
                ++m_pos;
            if (m_in.sliced(m_pos).startsWith("<?")) {
                const qsizetype end = m_in.indexOf("?>", m_pos + 2);
                if (end < 0)
                    return false;
                m_pos = end + 2;
            } else if (m_in.sliced(m_pos).startsWith("<!--")) {
                if (!skipComment())
                    return false;
            } else if (m_in.sliced(m_pos).startsWith("<!")) {
                return false; // DOCTYPE, CDATA outside the root, ...
            } else {
                return true;
            }
        }
    }

    bool skipComment()
    {
        const qsizetype end = m_in.indexOf("-->", m_pos + 4);
        if (end < 0)
            return false;
        m_pos = end + 3;
        return true;
    }

    bool name(QByteArray &out)
    {
        const qsizetype start = m_pos;
        while (m_pos < m_in.size() && isNameChar(m_in[m_pos]))
            ++m_pos;
        if (m_pos == start)
            return false;
        QByteArrayView full = m_in.sliced(start, m_pos - start);
        const qsizetype colon = full.lastIndexOf(':');
        out = (colon >= 0 ? full.sliced(colon + 1) : full).toByteArray();
        return !out.isEmpty();
    }

    // Appends the text from m_pos up to `end`, resolving references; false on
    // an unknown entity.
    bool text(qsizetype end, QByteArray &out)
    {
        while (m_pos < end) {
            const char c = m_in[m_pos];
            if (c != '&') {
                out += c;
                ++m_pos;
                continue;
            }
            const qsizetype semi = m_in.indexOf(';', m_pos);
            if (semi < 0 || semi > end || semi - m_pos > 12)
                return false;
            const QByteArrayView ref = m_in.sliced(m_pos + 1, semi - m_pos - 1);
            if (ref == "amp")
                out += '&';
            else if (ref == "lt")
                out += '<';
            else if (ref == "gt")
                out += '>';
            else if (ref == "quot")
                out += '"';
            else if (ref == "apos")
                out += '\'';
            else if (ref.startsWith('#')) {
                bool ok = false;
                const uint cp = ref.startsWith("#x") ? ref.sliced(2).toUInt(&ok, 16) : ref.sliced(1).toUInt(&ok, 10);
                if (!ok || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                    return false;
                const char32_t ch = cp;
                out += QString::fromUcs4(&ch, 1).toUtf8();
            } else {
                return false; // any other entity would need a DTD: refused
            }
            m_pos = semi + 1;
        }
        return true;
    }

    bool element(XmlNode &node, int depth)
    {
        if (depth > m_limits.maxDepth || ++m_elements > m_limits.maxElements)
            return false;
        ++m_pos; // '<'
        if (!name(node.name))
            return false;
        // Attributes (namespaces): checked for shape, values dropped.
        for (;;) {
            while (m_pos < m_in.size() && isSpace(m_in[m_pos]))
                ++m_pos;
            if (m_pos >= m_in.size())
                return false;
            if (m_in[m_pos] == '/') {
                if (m_pos + 1 >= m_in.size() || m_in[m_pos + 1] != '>')
                    return false;
                m_pos += 2;
                return true;
            }
            if (m_in[m_pos] == '>') {
                ++m_pos;
                break;
            }
            QByteArray attr;
            if (!name(attr))
                return false;
            while (m_pos < m_in.size() && isSpace(m_in[m_pos]))
                ++m_pos;
            if (m_pos >= m_in.size() || m_in[m_pos] != '=')
                return false;
            ++m_pos;
            while (m_pos < m_in.size() && isSpace(m_in[m_pos]))
                ++m_pos;
            if (m_pos >= m_in.size() || (m_in[m_pos] != '"' && m_in[m_pos] != '\''))
                return false;
            const char quote = m_in[m_pos];
            const qsizetype end = m_in.indexOf(quote, m_pos + 1);
            if (end < 0)
                return false;
            ++m_pos;
            QByteArray ignored;
            if (m_in.sliced(m_pos, end - m_pos).contains('<') || !text(end, ignored))
                return false;
            m_pos = end + 1;
        }
        // Content.
        QByteArray chars;
        for (;;) {
            const qsizetype lt = m_in.indexOf('<', m_pos);
            if (lt < 0)
                return false;
            if (!text(lt, chars))
                return false;
            const QByteArrayView rest = m_in.sliced(m_pos);
            if (rest.startsWith("</")) {
                m_pos += 2;
                QByteArray closing;
                if (!name(closing) || closing != node.name)
                    return false;
                while (m_pos < m_in.size() && isSpace(m_in[m_pos]))
                    ++m_pos;
                if (m_pos >= m_in.size() || m_in[m_pos] != '>')
                    return false;
                ++m_pos;
                node.text = QString::fromUtf8(chars).trimmed();
                return true;
            }
            if (rest.startsWith("<!--")) {
                if (!skipComment())
                    return false;
                continue;
            }
            if (rest.startsWith("<![CDATA[")) {
                const qsizetype end = m_in.indexOf("]]>", m_pos + 9);
                if (end < 0)
                    return false;
                chars += m_in.sliced(m_pos + 9, end - m_pos - 9).toByteArray();
                m_pos = end + 3;
                continue;
            }
            if (rest.startsWith("<!") || rest.startsWith("<?"))
                return false;
            auto child = std::make_shared<XmlNode>();
            if (!element(*child, depth + 1))
                return false;
            node.children.append(std::move(child));
        }
    }

    QByteArrayView m_in;
    const XmlLimits &m_limits;
    qsizetype m_pos = 0;
    int m_elements = 0;
};

} // namespace

std::optional<XmlNode> parseXml(QByteArrayView bytes, const XmlLimits &limits)
{
    return Reader(bytes, limits).document();
}

} // namespace mort::s3
