// Fuzz target: YAML configuration text (config/configloader), which also
// arrives over the admin API (config/apply) and from the studio's editor.
// Checks: no crash, no sanitizer report, no uncaught exception (yaml-cpp
// throws; deep nesting must end as an error, not a stack overflow); a
// refused text says why; an accepted config builds an ObjectParser (every
// path regex compiles) and loads again to an equal bucket set.
#include "fuzzfailure.h"

#include "config/config.h"
#include "object/objectparser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    mort::Expected<mort::ConfigPtr> config = mort::ConfigLoader::fromText(text);
    if (!config.ok()) {
        if (config.error().publicMessage.isEmpty() && config.error().detail.isEmpty())
            mort::fuzz::failWithInput("config loader", "refused without saying why", data, size);
        return 0;
    }
    const mort::ObjectParser parser(*config);
    mort::Expected<mort::ConfigPtr> again = mort::ConfigLoader::fromText(text);
    if (!again.ok() || (*again)->buckets.keys() != (*config)->buckets.keys())
        mort::fuzz::failWithInput("config loader", "the same text loaded twice differs", data, size);
    return 0;
}
