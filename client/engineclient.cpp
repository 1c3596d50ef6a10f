#include "ui/engineclient.h"

namespace mort {

void EngineClient::probeObject(const QString &path)
{
    ObjectProbe probe;
    probe.path = path;
    probe.error = tr("the studio cannot send requests to this server; open %1 in a browser").arg(path);
    Q_EMIT objectProbed(probe);
}

} // namespace mort
