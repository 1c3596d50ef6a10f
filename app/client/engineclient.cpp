#include "client/engineclient.h"

namespace mort {

void EngineClient::probeObject(const QString &path)
{
    ObjectProbe probe;
    probe.path = path;
    probe.error = tr("the studio cannot send requests to this server; open %1 in a browser").arg(path);
    Q_EMIT objectProbed(probe);
}

void EngineClient::renderForDisplay(const PreviewRequest &request, const CancelToken &cancel, QObject *context,
                                    Done<DisplayedRender> done)
{
    QPointer<EngineClient> self(this);
    renderPreview(request, cancel, context,
                  [self, cancel, context, done = std::move(done)](const Expected<RenderedPreview> &rendered) {
                      if (!rendered)
                          return done(rendered.error());
                      if (!self || cancel.isCancelled()) // superseded: skip the display decode
                          return done(Error::client("request.cancelled", 499, tr("cancelled")));
                      self->decodeForDisplay(rendered->body, false, 0, context,
                                             [result = *rendered, done](const Expected<QImage> &image) {
                                                 if (!image)
                                                     return done(image.error());
                                                 return done(DisplayedRender{result, *image});
                                             });
                  });
}

} // namespace mort
