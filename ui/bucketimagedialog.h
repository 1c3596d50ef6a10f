#pragma once
// "Open from bucket": lists the images in a bucket's `basic` storage of the
// embedded engine (a worker thread does the storage I/O), filters them by
// name, and reads the chosen one for the preview.
#include "core/expected.h"

#include <QDialog>
#include <QThreadPool>

#include <functional>

class QLabel;
class QLineEdit;
class QListWidget;

namespace mort {

class BucketImageDialog : public QDialog
{
    Q_OBJECT
public:
    // Blocking storage calls, run on the dialog's own thread.
    struct Source
    {
        std::function<Expected<QStringList>(const QString &bucket)> list;
        std::function<Expected<QByteArray>(const QString &bucket, const QString &key)> read;
    };
    static constexpr int kListLimit = 5000;

    BucketImageDialog(Source source, const QString &bucket, QWidget *parent = nullptr);
    ~BucketImageDialog() override; // waits for its storage call

    static bool looksLikeImage(const QString &key); // by extension
    QStringList shownKeys() const;
    void setFilterText(const QString &text);
    // Reads `key`; imageRead() follows, or the error is shown in the dialog.
    void openKey(const QString &key);

Q_SIGNALS:
    void listed(const QStringList &keys);
    void imageRead(const QString &key, const QByteArray &bytes);

private:
    template<typename Result>
    void run(std::function<Result()> work, std::function<void(const Result &)> deliver);
    void showKeys();

    Source m_source;
    QString m_bucket;
    QStringList m_keys;
    QLineEdit *m_filter;
    QListWidget *m_list;
    QLabel *m_status;
    QThreadPool m_pool; // declared last: joined first
};

} // namespace mort
