#pragma once
// Request path + raw query -> ObjectRef, exactly as Mort parses it
// (spec urls-and-transforms.md §1-§4). Pure: no I/O, thread-safe.
#include "config/config.h"
#include "core/expected.h"
#include "object/objectref.h"

namespace mort {

class ObjectParser
{
public:
    explicit ObjectParser(ConfigPtr config);

    // `decodedPath` is the percent-decoded path ("/bucket/a/b.jpg"), `rawQuery`
    // the undecoded query without '?'. Errors are 400 (unknown bucket, parser
    // error, unknown preset, invalid parameter) with a stable code.
    Expected<ObjectRef> parse(const QString &decodedPath, const QByteArray &rawQuery) const;

private:
    ConfigPtr m_config;
};

} // namespace mort
