#pragma once
// What the Config tab's Server, bucket and storage forms show (issue 21): the
// fields of `server`, of a bucket's transform and of each storage kind, and which kinds this build can serve.
#include "ui/config/keyfieldsform.h"

#include <QCoreApplication>

namespace mort {

class ConfigFormFields
{
    Q_DECLARE_TR_FUNCTIONS(mort::ConfigFormFields)
public:
    static QList<KeyField> serverFields();
    // A bucket's `transform` keys the engine reads (all but presets, which have their own forms).
    static QList<KeyField> bucketFields();
    // The fields of a storage of `kind`; empty for noop and for kinds not built.
    static QList<KeyField> storageFields(const QString &kind);
    // Kinds the server can serve (noop, local, local-meta, http, s3). The
    // validator accepts more of Mort's kinds (b2, google, azure, oracle, sftp);
    // a request to one answers 503.
    static bool storageKindBuilt(const QString &kind);
    // The line under a storage form's title: what the kind is, or that it is not built.
    static QString storageNote(const QString &kind);
};

} // namespace mort
