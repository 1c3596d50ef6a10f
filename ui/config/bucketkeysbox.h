#pragma once
// A bucket's access key pairs on the Config tab's bucket page (issue 21):
// each pair's access key and secret (masked), pairs added and removed. Edits
// go out as keysEdited() and the panel rewrites only the bucket's `keys:`
// block (client/bucketkeysedit.h); Save moves typed secrets to the keychain.
#include "client/bucketkeysedit.h"
#include "config/config.h"

#include <QGroupBox>

class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace mort {

class BucketKeysBox : public QGroupBox
{
    Q_OBJECT
public:
    explicit BucketKeysBox(QWidget *parent = nullptr);

    // The pairs as the text has them; the editors stay when their count does.
    void showKeys(const QString &bucket, const QList<BucketKeyText> &keys);
    // Issues at `buckets.<bucket>.keys` and below, under the pairs.
    void showIssues(const QList<ConfigIssue> &issues);
    QList<BucketKeyText> keys() const { return m_keys; }
    QString issueText() const;

    // As a person would: the Add and Remove buttons, a pair typed in (then Enter).
    void addKey();
    void removeKey(int index);
    void setKey(int index, const QString &accessKey, const QString &secretAccessKey);
    QLineEdit *secretEditor(int index) const;

Q_SIGNALS:
    void keysEdited(const QString &bucket, const QList<mort::BucketKeyText> &keys);

private:
    struct Row
    {
        QLineEdit *access = nullptr;
        QLineEdit *secret = nullptr;
        QPushButton *remove = nullptr;
    };
    void rebuild();
    void edited();

    QGridLayout *m_grid;
    QPushButton *m_add;
    QLabel *m_empty;
    QLabel *m_issues;
    QList<Row> m_rows;
    QList<BucketKeyText> m_keys;
    QString m_bucket;
};

} // namespace mort
