#pragma once
// The query-string transform of one preview (spec urls-and-transforms.md §3)
// as plain values, with the metadata a form needs (ranges, units, labels) and
// the round trips the studio offers: parameters <-> query string (exactly the
// syntax the server accepts), -> request URL, -> preset YAML (config.md §4.1.1)
// and PresetConfig -> parameters. Pure value type: no Qt Gui, no I/O.
#include "config/config.h"
#include "core/expected.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace mort {

class PreviewParameters
{
    Q_DECLARE_TR_FUNCTIONS(PreviewParameters)

public:
    // Mode B operations, in the spec's order. Empty list = Mode A: the
    // implicit resize from width/height.
    enum class Operation { Resize, Crop, ResizeCropAuto, Extract, Blur, Rotate, Watermark };

    // Every query parameter of §3 (`operation` aside).
    enum class Param {
        Width,
        Height,
        CropWidth,
        CropHeight,
        Gravity,
        Embed,
        Top,
        Left,
        AreaWidth,
        AreaHeight,
        Sigma,
        MinAmpl,
        Angle,
        WatermarkImage,
        WatermarkPosition,
        Opacity,
        Quality,
        Format,
        Grayscale
    };
    enum class Kind { Integer, Decimal, Choice, Flag, Text };

    // What a form needs to edit one parameter.
    struct ParamSpec
    {
        Param param;
        Kind kind;
        QString queryKey; // name in the query string ("areaWith", sic)
        QString label;    // translated
        QString unit;     // translated suffix: " px", " °", ""
        double minimum = 0;
        double maximum = 0;
        double step = 1;
        int decimals = 0;
        QStringList choices; // Kind::Choice: the accepted values ("" = absent)
        QString toolTip;     // translated
    };

    static QList<Operation> allOperations();
    static QString operationName(Operation op);  // "resizeCropAuto", as in the query
    static QString operationLabel(Operation op); // translated
    static bool parseOperation(const QString &name, Operation *out);
    static QList<ParamSpec> specs(); // form order
    static ParamSpec spec(Param param);
    static QStringList gravityNames();  // center north south east west smart
    static QStringList formatNames();   // "" (keep the input's), jpeg, webp, png, gif, avif, heif
    static QStringList positionNames(); // top-left ... bottom-right
    static QList<int> angles();         // 0 90 180 270

    QList<Operation> operations; // in request order, each at most once
    int width = 0;               // px, Resize, ResizeCropAuto and the implicit resize; 0 = absent
    int height = 0;              // px; 0 = absent
    int cropWidth = 0;           // px, Crop's own size; 0 = keep
    int cropHeight = 0;          // px; 0 = keep
    QString gravity = QStringLiteral("smart");
    bool embed = false;
    int top = 0;
    int left = 0;
    int areaWidth = 0;
    int areaHeight = 0;
    double sigma = 1.0;
    double minAmpl = 0.0; // 0 = absent
    int angle = 90;
    QString watermarkImage; // key of the bucket's basic storage
    QString watermarkPosition = QStringLiteral("bottom-right");
    double opacity = 0.5;
    int quality = 0; // 1..100; 0 = absent (encoder default)
    QString format;  // canonical name; "" = keep the input type
    bool grayscale = false;

    bool hasOperation(Operation op) const { return operations.contains(op); }
    void setOperation(Operation op, bool on); // appends at the end when switched on
    // Whether `param` reaches the server with the current operations.
    bool isUsed(Param param) const;
    // The one width/height the query carries. Mort's query has a single
    // width/height that every sized operation reads, and in one pass Crop's
    // size overrides Resize's (as a preset's crop overrides its thumbnail):
    // with Crop on it is Crop's size, else the resize size.
    int queryWidth() const { return hasOperation(Operation::Crop) ? cropWidth : width; }
    int queryHeight() const { return hasOperation(Operation::Crop) ? cropHeight : height; }
    // True when the query asks for nothing (the server serves the original).
    bool isEmpty() const { return toQuery().isEmpty(); }

    // Canonical query: operations in order, then width, height, gravity,
    // embed, top, left, areaWith, areaHeight, sigma, minAmpl, angle, image,
    // position, opacity, quality, format, grayscale -- each only when used.
    QByteArray toQuery() const;
    // Accepts exactly what the server accepts (its own queryToTransforms
    // decides; the error is the server's 400). Unknown operations are ignored
    // as the server does; `areaWidth` is accepted as an alias of `areaWith`.
    static Expected<PreviewParameters> fromQuery(const QByteArray &rawQuery);

    // "/bucket/key?query" (no '?' when the query is empty), percent-encoded.
    QString toUrl(const QString &bucket, const QString &key) const;

    // The `presets:` entry for a bucket's `transform:` section, Mort's YAML,
    // indented as in config.md §4.1.1. The preset renders the same image as
    // the query (filter order is Mort's fixed preset order; the passes only
    // depend on the parameters, not on their order).
    QString toPresetYaml(const QString &presetName) const;
    // A preset as parameters. Whatever the query syntax cannot express
    // (thumbnail.mode outbound, preserveAspectRatio, fill, crop.mode,
    // interlace, strip, a resizeCropAuto size that differs from the
    // thumbnail's since the query has one width/height, an invalid format) is listed in `notExpressible` as
    // YAML key paths relative to the preset.
    static PreviewParameters fromPreset(const PresetConfig &preset, QStringList *notExpressible = nullptr);

    bool operator==(const PreviewParameters &other) const = default;
};

// Shortest decimal text that parses back to the same float32 value ("4", "0.25").
QString formatDecimal(double value);

} // namespace mort

Q_DECLARE_METATYPE(mort::PreviewParameters)
