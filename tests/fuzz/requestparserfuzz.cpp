#include "requestparserfuzz.h"

#include "http/requestparser.h"

#include <boost/beast/core/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <vector>

namespace mort::fuzz {

namespace {

namespace http = boost::beast::http;

struct Framed
{
    std::string method;
    std::string target; // origin-form
    std::string body;
    bool operator==(const Framed &) const = default;
};

constexpr qint64 kMaxBody = 1 << 20;
constexpr qint64 kMaxHeader = 16 * 1024;

// Ours, fed in pieces of `step` bytes: the requests it completes.
std::vector<Framed> oursFramed(const char *data, size_t size, size_t step)
{
    RequestParser::Limits limits;
    limits.maxBodyBytes = kMaxBody;
    limits.maxHeaderBytes = kMaxHeader;
    RequestParser parser(limits);
    std::vector<Framed> out;
    size_t fed = 0;
    for (;;) {
        const RequestParser::Event e = parser.next();
        if (e == RequestParser::Event::NeedMore) {
            if (fed >= size)
                return out;
            const size_t n = std::min(step, size - fed);
            parser.append(QByteArrayView(data + fed, qsizetype(n)));
            fed += n;
        } else if (e == RequestParser::Event::MessageComplete) {
            const RequestHead &h = parser.head();
            std::string target = h.path.toStdString();
            if (!h.rawQuery.isEmpty())
                target += '?' + h.rawQuery.toStdString();
            const QByteArray body = parser.takeBody();
            out.push_back({h.method.toStdString(), target, body.toStdString()});
        } else if (e == RequestParser::Event::Failed) {
            return out;
        }
    }
}

// Beast on the same bytes, message after message, until it stops.
std::vector<Framed> beastFramed(const char *data, size_t size, size_t wanted)
{
    std::vector<Framed> out;
    size_t offset = 0;
    while (out.size() < wanted && offset < size) {
        // RFC 9112 §2.2 lets a server skip empty lines before a request (we
        // skip up to four); Beast does not, so they are skipped for it here.
        for (int skipped = 0; skipped < 4 && offset + 1 < size && data[offset] == '\r' && data[offset + 1] == '\n';
             ++skipped)
            offset += 2;
        http::request_parser<http::string_body> parser;
        parser.eager(true);
        parser.body_limit(kMaxBody);
        parser.header_limit(kMaxHeader);
        boost::beast::error_code ec;
        while (!parser.is_done()) {
            const size_t used = parser.put(boost::asio::buffer(data + offset, size - offset), ec);
            offset += used;
            if (ec || used == 0)
                break;
        }
        if (!parser.is_done())
            break;
        const auto &message = parser.get();
        std::string target(message.target());
        // Absolute-form: ours keeps the origin-form part only.
        if (!target.empty() && target.front() != '/') {
            const size_t authority = target.find("://");
            const size_t path =
                authority == std::string::npos ? std::string::npos : target.find_first_of("/?", authority + 3);
            target = path == std::string::npos ? std::string("/") : target.substr(path);
        }
        // "/a?" has an empty query: ours keeps no '?' then.
        if (!target.empty() && target.back() == '?' && target.find('?') == target.size() - 1)
            target.pop_back();
        out.push_back({std::string(message.method_string()), target, message.body()});
    }
    return out;
}

} // namespace

std::string checkRequestParser(const uint8_t *bytes, size_t size)
{
    const char *data = reinterpret_cast<const char *>(bytes);
    const std::vector<Framed> whole = oursFramed(data, size, size + 1);
    // Incremental parsing must not depend on how the bytes were cut.
    const size_t step = size == 0 ? 1 : 1 + bytes[0] % 7;
    if (oursFramed(data, size, step) != whole)
        return "different requests when fed in pieces of " + std::to_string(step);
    const std::vector<Framed> beast = beastFramed(data, size, whole.size());
    for (size_t i = 0; i < whole.size(); ++i) {
        if (i >= beast.size())
            return "request " + std::to_string(i + 1) + " (" + whole[i].method + ' ' + whole[i].target
                + ") accepted by us, refused by Beast";
        if (!(beast[i] == whole[i]))
            return "request " + std::to_string(i + 1) + " framed differently: ours " + whole[i].method + ' '
                + whole[i].target + " body " + std::to_string(whole[i].body.size()) + " B, Beast " + beast[i].method
                + ' ' + beast[i].target + " body " + std::to_string(beast[i].body.size()) + " B";
    }
    return {};
}

} // namespace mort::fuzz
