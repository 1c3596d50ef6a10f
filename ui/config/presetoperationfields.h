#pragma once
// The operations a preset can have, as the Config tab's preset page shows
// them (issue 21): each filter's name, what it does, its fields (key paths
// below `filters.<filter>`) and what adding it writes. The list is in the
// engine's order (imaging/presetoperations.h).
#include "ui/config/keyfieldsform.h"

#include <QCoreApplication>
#include <QPair>

#include <functional>

namespace mort {

struct PresetOperationKind
{
    QString filter;        // key below `filters:`
    QString label;         // shown, translated
    QString description;   // what it does to the image, translated
    bool isSwitch = false; // `grayscale: true`: no fields, on or off
    QList<KeyField> fields;
    // What adding it writes, as (key path below the preset, value): a filter
    // whose key holds no map is off (`thumbnail: ~`), so each gets a value.
    QList<QPair<QStringList, QString>> added;
};

class PresetOperationFields
{
    Q_DECLARE_TR_FUNCTIONS(mort::PresetOperationFields)
public:
    // Every operation, in the order the engine applies them.
    static QList<PresetOperationKind> kinds();
    // One of them; an empty filter when there is no such operation.
    static PresetOperationKind kind(const QString &filter);
    // One line of its values as written ("width 150, mode outbound"); value(key) gives the text at a key below the filter.
    static QString summary(const PresetOperationKind &kind, const std::function<QString(const QStringList &)> &value);
};

} // namespace mort
