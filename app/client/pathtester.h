#pragma once
// The Config tab's live URL tester: a request path parsed by the engine's own
// ObjectParser against a config (not the running one: the text being edited).
// Pure, no I/O.
#include "config/config.h"

#include <QList>
#include <QPair>
#include <QString>

namespace mort {

struct PathTestResult
{
    QString path;  // the request path tested ("/demo/small/photo.jpg"), decoded
    QString error; // why the server answers 400 for it; "" = it parses
    bool regexMatched = false;
    QList<QPair<QString, QString>> groups; // transform.path's named groups on the key, in pattern order
    QString bucket;
    QString key;     // the object's key: for a transform, the result key it is stored under
    QString storage; // the storage that holds it ("basic", "transform")
    bool transformed = false;
    QString parentKey; // the original's key, when transformed
    QString parentStorage;
};

// `url`: a path ("/demo/small/photo.jpg"), with or without scheme and host
// and query.
PathTestResult testRequestPath(const ConfigPtr &config, const QString &url);

} // namespace mort
