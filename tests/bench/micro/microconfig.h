#pragma once
// The config the micro-benchmarks parse URLs against: one bucket per URL
// kind, the presets and header rules of tests/bench/mort-config.yml.in, so a
// figure here is the same work a request of run-bench.sh causes.
#include "config/config.h"

#include <cstdio>
#include <cstdlib>

namespace mort::bench {

inline const char *kMicroConfigYaml = R"yaml(
server:
  listens: ["127.0.0.1:8080"]
headers:
  - statusCodes: [200]
    values:
      "cache-control": "max-age=86400, public"
      "x-bench-cache": "on"
  - statusCodes: [404, 400]
    values:
      "cache-control": "max-age=60, public"
buckets:
  query:
    transform: {kind: "query", resultKey: "hash"}
    storages:
      basic: {kind: "local-meta", rootPath: "/nonexistent"}
  presets:
    transform:
      kind: "presets"
      path: "\\/(?P<presetName>[a-z0-9_]+)\\/(?P<parent>[a-zA-Z0-9_\\-\\.]+)$"
      parentBucket: "query"
      resultKey: "hash"
      presets:
        thumb300: {quality: 80, filters: {thumbnail: {width: 300}, strip: true}}
        square: {quality: 85, filters: {crop: {width: 300, height: 300, gravity: smart}}}
    storages:
      basic: {kind: "local-meta", rootPath: "/nonexistent"}
  pq:
    transform:
      kind: "presets-query"
      path: "\\/(?P<presetName>[a-z0-9_]+)\\/(?P<parent>[a-zA-Z0-9_\\-\\.]+)$"
      parentBucket: "pq"
      resultKey: "hashParent"
      presets:
        thumb300: {quality: 80, filters: {thumbnail: {width: 300}, strip: true}}
    storages:
      basic: {kind: "local-meta", rootPath: "/nonexistent"}
  cld:
    transform:
      kind: "cloudinary"
      path: "\\/(?P<transformations>[^/]*)\\/(?P<parent>[a-zA-Z0-9_,\\-\\./]+)"
      parentBucket: "query"
      resultKey: "hash"
    storages:
      basic: {kind: "local-meta", rootPath: "/nonexistent"}
)yaml";

// Loaded once per process; a broken config is a broken benchmark: exit.
inline ConfigPtr microConfig()
{
    static const ConfigPtr config = [] {
        Expected<ConfigPtr> c = ConfigLoader::fromText(QString::fromUtf8(kMicroConfigYaml));
        if (!c) {
            std::fprintf(stderr, "micro config: %s\n", qPrintable(c.error().detail));
            std::exit(2);
        }
        return *c;
    }();
    return config;
}

} // namespace mort::bench
