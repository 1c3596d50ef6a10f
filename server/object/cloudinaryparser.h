#pragma once
// Cloudinary transformation notation -> Transforms (spec §2.4).
#include "core/expected.h"
#include "object/transforms.h"

#include <QString>

namespace mort {

// `definition` is the comma-separated token list ("c_fit,w_100,h_50").
// Only c_fit, c_fill, c_crop with w_/h_ qualifiers are implemented; every
// other action and the b_, ar_, g_, bo_, co_, x_, y_ qualifiers are 400s.
Expected<Transforms> cloudinaryToTransforms(const QString &definition);

} // namespace mort
