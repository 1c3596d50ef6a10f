#pragma once
// "Open from bucket": lists the images in a bucket's `basic` storage of the
// engine (embedded or remote, through EngineClient), filters them by name,
// and reads the chosen one for the preview.
#include "client/engineclient.h"
#include <QDialog>
#include <QPointer>

class QLabel;
class QLineEdit;
class QListWidget;

namespace mort {

class BucketImageDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int kListLimit = 5000;

    BucketImageDialog(EngineClient *client, const QString &bucket, QWidget *parent = nullptr);

    static bool looksLikeImage(const QString &key); // by extension
    QStringList shownKeys() const;
    void setFilterText(const QString &text);
    // Reads `key`; imageRead() follows, or the error is shown in the dialog.
    void openKey(const QString &key);

Q_SIGNALS:
    void listed(const QStringList &keys);
    void imageRead(const QString &key, const QByteArray &bytes);

private:
    void showKeys();

    QPointer<EngineClient> m_client;
    QString m_bucket;
    QStringList m_keys;
    QLineEdit *m_filter;
    QListWidget *m_list;
    QLabel *m_status;
};

} // namespace mort
