#pragma once
// The YAML keys of LimitsConfig (server.limits, buckets.<b>.limits; ours, not
// Mort's), shared by the parser and the validator so both name the same keys.
#include "config/config.h"

#include <array>

namespace mort {

struct LimitsField
{
    const char *key;
    int LimitsConfig::*intMember = nullptr;      // set for int fields
    qint64 LimitsConfig::*int64Member = nullptr; // set for qint64 fields

    qint64 value(const LimitsConfig &limits) const
    {
        return intMember ? qint64(limits.*intMember) : limits.*int64Member;
    }
};

inline const std::array<LimitsField, 12> &limitsFields()
{
    static const std::array<LimitsField, 12> fields{{
        {"maxSourcePixels", nullptr, &LimitsConfig::maxSourcePixels},
        {"maxFrames", &LimitsConfig::maxFrames, nullptr},
        {"maxOutputDimension", &LimitsConfig::maxOutputDimension, nullptr},
        {"maxTransformCost", nullptr, &LimitsConfig::maxTransformCost},
        {"heavyTransformCost", nullptr, &LimitsConfig::heavyTransformCost},
        {"maxParentBytes", nullptr, &LimitsConfig::maxParentBytes},
        {"maxHeaderBytes", nullptr, &LimitsConfig::maxHeaderBytes},
        {"maxBodyBytes", nullptr, &LimitsConfig::maxBodyBytes},
        {"maxBufferedBodyBytes", nullptr, &LimitsConfig::maxBufferedBodyBytes},
        {"headerTimeoutMs", &LimitsConfig::headerTimeoutMs, nullptr},
        {"idleTimeoutMs", &LimitsConfig::idleTimeoutMs, nullptr},
        {"shutdownGraceMs", &LimitsConfig::shutdownGraceMs, nullptr},
    }};
    return fields;
}

} // namespace mort
