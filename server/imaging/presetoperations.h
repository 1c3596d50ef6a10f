#pragma once
// A preset's filters as operations, in the order the engine applies them to
// the pixels (issue 21: the Config tab lists a preset this way). The order of
// the keys under `filters:` in the YAML never changes it: each filter belongs
// to one step of a pass (imaging/pipelinesteps.h), and the steps run in a
// fixed order.
#include "config/config.h"

#include <QList>
#include <QString>

namespace mort {

struct PresetOperationStep
{
    QString filter; // its key below `filters:` ("rotate", "thumbnail", "grayscale", ...)
    QString step;   // the pass step that applies it ("orient", "resize", ...; "auto-crop" = passes of its own)
};

// Every filter a preset can have, in the order the engine applies them.
const QList<PresetOperationStep> &presetOperationOrder();

// The filters that are on in `preset`, in that order.
QStringList presetOperations(const PresetConfig &preset);

} // namespace mort
