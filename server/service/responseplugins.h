#pragma once
// Mort's post-processing plugins, run last on every pipeline response
// (spec http-behaviour.md §3.4, §7, §8): webp adds `Vary: Accept` to
// transformed images, compress gzips/brotlis configured text types.
#include "config/config.h"
#include "http/httpmessage.h"

namespace mort {

// `transformed`: the object had transforms (the webp plugin only touches those).
void applyResponsePlugins(const PluginsConfig &plugins, const HttpRequest &request, bool transformed,
                          HttpResponse &response);

// Appends `token` to a comma-separated header (Vary), once.
void appendHeaderToken(HttpResponse &response, const QByteArray &name, const QByteArray &token);

} // namespace mort
