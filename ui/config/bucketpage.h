#pragma once
// The Config tab's page for a bucket (issue 21): the form of its `transform`
// keys (a KeyFieldsForm of ConfigFormFields::bucketFields()), its access keys
// (BucketKeysBox) and the URL tester below them, which follows every edit;
// one scroll area when they do not fit.
#include "client/bucketkeysedit.h"
#include "config/config.h"

#include <QWidget>

namespace mort {

class BucketKeysBox;
class BucketPathTester;
class KeyFieldsForm;

class BucketPage : public QWidget
{
    Q_OBJECT
public:
    explicit BucketPage(QWidget *parent = nullptr);

    // `bucket` as the editor's `text` has it (`config`: that text parsed).
    void showBucket(const QString &text, const ConfigPtr &config, const QString &bucket);
    void showIssues(const QList<ConfigIssue> &issues);
    QString bucket() const { return m_bucket; }

    KeyFieldsForm *transformForm() const { return m_transform; }
    BucketKeysBox *keysBox() const { return m_keys; }
    BucketPathTester *tester() const { return m_tester; }

private:
    KeyFieldsForm *m_transform;
    BucketKeysBox *m_keys;
    BucketPathTester *m_tester;
    QString m_bucket;
};

} // namespace mort
