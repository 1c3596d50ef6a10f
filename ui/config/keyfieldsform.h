#pragma once
// A form of key paths below one node of the config (issue 21): the Config
// tab's Server form and the form of one storage, each field a line edit, a
// list of choices or a check box. Shows values as the YAML has them and the engine's issues
// under their field; edits go out as fieldEdited() and the panel rewrites
// only that value in the text (client/configkeyedit.h).
#include "config/config.h"

#include <QStringList>
#include <QWidget>

#include <functional>

class QFormLayout;
class QLabel;
class QScrollArea;

namespace mort {

// How a field shows and writes its key.
enum class KeyFieldKind {
    Text,     // a line edit, or a combo box of `choices`
    Check,    // a check box writing true or false (a YAML boolean)
    Presence, // a check box: the key there (`key: ~`) or removed (plugins.webp, a compress algorithm)
};

struct KeyField
{
    QStringList key;     // below the form's base path: {"limits", "maxFrames"}
    QString label;       // shown, translated
    QString toolTip;     // translated
    QStringList choices; // a combo box of these (editable) instead of a line edit
    bool list = false;   // comma-separated items, written as a YAML list
    KeyFieldKind kind = KeyFieldKind::Text;
};

class KeyFieldsForm : public QWidget
{
    Q_OBJECT
public:
    explicit KeyFieldsForm(QWidget *parent = nullptr);

    // The fields below `base` ("server", "buckets.media.storages.basic"); a
    // `note` under the title (why some keys have no field). value(key) gives
    // the text at a key path below `base`, present(key) whether it is there.
    void showFields(const QString &title, const QString &base, const QList<KeyField> &fields, const QString &note,
                    const std::function<QString(const QStringList &)> &value,
                    const std::function<bool(const QStringList &)> &present);
    // Issues at or below `base`, under their field (the rest under the title).
    void showIssues(const QList<ConfigIssue> &issues);
    QString base() const { return m_base; }
    // Off (the bucket page, whose page scrolls as a whole): the rows take the
    // height they need instead of scrolling inside the form.
    void setScrollsOwnRows(bool scrolls);
    // Tests: a field as a person typing in it would (then Enter); a check
    // box is clicked when `value` ("true"/"false") differs from it.
    bool setFieldValue(const QStringList &key, const QString &value);
    QString fieldValue(const QStringList &key) const;
    QString issueText(const QStringList &key) const;

Q_SIGNALS:
    // The whole key path and the text typed ("" = remove the key).
    void fieldEdited(const QStringList &keyPath, const QString &value, bool list);
    // A Presence field: the key added (`key: ~`) or removed.
    void presenceEdited(const QStringList &keyPath, bool present);

private:
    struct Row
    {
        KeyField field;
        QWidget *editor = nullptr;
        QLabel *issue = nullptr;
        QString shown; // the value as last shown or sent
    };
    void edited(Row &row);

    void fitWidth();
    void fitHeight();

    QScrollArea *m_scroll;
    QFormLayout *m_layout;
    QLabel *m_title;
    QLabel *m_note;
    QLabel *m_generalIssue;
    QList<Row> m_rows;
    QString m_base;
    bool m_showing = false;
    bool m_scrollsOwnRows = true;
};

} // namespace mort
