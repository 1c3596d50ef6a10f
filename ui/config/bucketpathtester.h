#pragma once
// The URL tester on the Config tab's bucket page (ui/config/bucketpage.h):
// type a URL, see the regex's named groups, the object the
// server makes of it and the key its result is stored under (the engine's own
// parser on the config being edited, not the running one).
#include "config/config.h"

#include <QWidget>

class QLabel;
class QLineEdit;

namespace mort {

class BucketPathTester : public QWidget
{
    Q_OBJECT
public:
    explicit BucketPathTester(QWidget *parent = nullptr);
    // The bucket to show from `config` (the editor's text, parsed).
    void showBucket(const ConfigPtr &config, const QString &bucket);
    void setUrl(const QString &url);
    QString resultText() const; // what the tester shows now (tests)

private:
    void test();

    ConfigPtr m_config;
    QString m_bucket;
    QLabel *m_transform;
    QLineEdit *m_url;
    QLabel *m_result;
};

} // namespace mort
