#pragma once
// The form for one preset of the Config tab: quality, format and the sizes of
// its filters, each a key path below the preset ("filters.thumbnail.width").
// Shows values as the YAML has them and the engine's issues under their field;
// edits go out as fieldEdited() (the panel rewrites the text, so keys the form
// does not know stay).
#include "config/config.h"

#include <QHash>
#include <functional>
#include <QStringList>
#include <QWidget>

class QAbstractSpinBox;
class QComboBox;
class QFormLayout;
class QLabel;

namespace mort {

class PresetFieldsForm : public QWidget
{
    Q_OBJECT
public:
    explicit PresetFieldsForm(QWidget *parent = nullptr);

    // Fields the form edits, as key paths below the preset.
    static QList<QStringList> fields();
    // Which preset (title) and its values; `value(field)` gives the text at a field.
    void showPreset(const QString &bucket, const QString &preset,
                    const std::function<QString(const QStringList &)> &value);
    // Issues whose key path is inside this preset, shown under their field
    // (the rest under the title). Key paths are whole ("buckets.b.transform.presets.p.quality").
    void showIssues(const QList<ConfigIssue> &issues);
    QString bucket() const { return m_bucket; }
    QString preset() const { return m_preset; }
    // Tests: set a field as a person typing in it would.
    bool setFieldValue(const QStringList &field, const QString &value);
    QString issueText(const QStringList &field) const;

Q_SIGNALS:
    void fieldEdited(const QStringList &field, const QString &value); // "" = remove the key

private:
    struct Row
    {
        QStringList field;
        QWidget *editor = nullptr;
        QLabel *issue = nullptr;
    };
    QString textOf(const Row &row) const;
    void addRow(const QStringList &field, const QString &label, QWidget *editor, const QString &toolTip);
    QString presetPath() const;

    QFormLayout *m_layout;
    QLabel *m_title;
    QLabel *m_generalIssue;
    QList<Row> m_rows;
    QString m_bucket;
    QString m_preset;
    bool m_showing = false; // showPreset() fills the editors: no fieldEdited()
};

} // namespace mort
