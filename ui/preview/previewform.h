#pragma once
// The Preview's left column: the query operations (checked ones apply, in
// list order; drag to reorder) and the parameters they use. Only the rows of
// parameters that reach the server are shown, so the form fits 1137 x 720
// without scrolling (issue 25). Edits by the user emit changed(); values
// shown with showParameters() do not.
#include "ui/preview/previewparameters.h"

#include <QHash>
#include <QWidget>

class QFormLayout;
class QListWidget;

namespace mort {

class PreviewForm : public QWidget
{
    Q_OBJECT
public:
    explicit PreviewForm(QWidget *parent = nullptr);

    void showParameters(const PreviewParameters &parameters);
    PreviewParameters parameters() const;
    // Width and Height reach up to the bucket's limits.maxOutputDimension.
    void setMaximumDimension(int pixels);

Q_SIGNALS:
    void changed();
    // A width or height above the maximum was typed (and refused).
    void sizeRefused(const QString &field, qint64 typed);

private:
    QWidget *buildOperations();
    QWidget *buildParameters();
    QWidget *editorFor(const PreviewParameters::ParamSpec &spec);
    void edited();
    void updateVisibleRows();

    QListWidget *m_operations = nullptr;
    QFormLayout *m_paramsLayout = nullptr; // rows of unused parameters are hidden
    QHash<int, QWidget *> m_fields;        // PreviewParameters::Param -> editor
    bool m_updating = false;
};

} // namespace mort
