#pragma once
// One Mort "transforms" object: the image operations requested for an object,
// plus the 64-bit accumulator Mort hashes into result keys.
//
// Builder calls (resize(), crop(), ...) mirror Mort's and feed the hash in call
// order (spec urls-and-transforms.md §4.1), so result keys match Mort's byte
// for byte. The public `Params` are what imaging/ executes.
#include <QList>
#include <QString>

#include <cstdint>

namespace mort {

enum class Gravity { Center = 0, North = 1, East = 2, South = 3, West = 4, Smart = 5 };

// Values are Mort's hash codes for `format` (T in spec §4.1); None = keep input type.
enum class ImageFormat {
    None = 0,
    Jpeg = 1,
    Webp = 2,
    Png = 3,
    Gif = 5,
    Pdf = 6,
    Svg = 7,
    Bmp = 100,
    Avif = 101,
    Heif = 102
};

// Parses Mort's accepted names ("jpeg", "jpg", "webp", "png", "gif", "svg", "pdf")
// plus "avif" and "heif" (ours). Returns false for anything else ("bmp" included,
// as Mort: libvips has no trusted BMP saver).
bool parseImageFormat(const QString &name, ImageFormat *out);
QString imageFormatName(ImageFormat format);        // "jpeg", "webp", ...
QByteArray imageFormatMimeType(ImageFormat format); // "image/jpeg", ...

struct WatermarkParams
{
    QString image;    // URL or storage path; resolved by imaging under its allow-list
    QString position; // "<top|center|bottom>-<left|center|right>"
    float opacity = 1.0f;
};

class Transforms
{
public:
    struct Params
    {
        int width = 0;
        int height = 0;
        bool enlarge = false;
        bool preserveAspectRatio = false;
        bool fill = false;
        bool crop = false;
        bool embed = false;
        Gravity gravity = Gravity::Smart;

        bool extract = false; // an extract area was requested (also at top=left=0)
        int top = 0;
        int left = 0;
        int areaWidth = 0;
        int areaHeight = 0;

        bool resizeCropAuto = false;
        int autoCropWidth = 0;
        int autoCropHeight = 0;

        int quality = 0; // 0 = encoder default (75)
        bool interlace = false;
        bool strip = false;
        ImageFormat format = ImageFormat::None;

        double sigma = 0.0;
        double minAmpl = 0.0;

        bool watermark = false;
        WatermarkParams watermarkParams;

        bool grayscale = false;
        int rotate = 0; // 0, 90, 180, 270 clockwise
    };

    // --- builder calls, in the vocabulary of Mort -------------------------
    void resize(int width, int height, bool enlarge, bool preserveAspectRatio, bool fill);
    void crop(int width, int height, Gravity gravity, bool enlarge, bool embed);
    void extract(int top, int left, int areaWidth, int areaHeight);
    void resizeCropAuto(int width, int height);
    void interlace();
    void quality(int quality); // ignored unless 1..100 (as Mort)
    void stripMetadata();
    void blur(double sigma, double minAmpl);
    void format(ImageFormat format);
    void watermark(const WatermarkParams &params);
    void grayscale();
    void rotate(int angle);
    // Folds `other` into this one (chain merging, spec §5.3).
    void merge(const Transforms &other);

    // --- read side ---------------------------------------------------------
    const Params &params() const { return m_p; }
    bool isEmpty() const { return !m_notEmpty; }
    uint64_t accumulator() const { return m_acc; }
    // Mort's transformHash64 (spec §4.1).
    uint64_t hash() const;

private:
    void write(std::initializer_list<int64_t> values);

    Params m_p;
    uint64_t m_acc = 0;
    bool m_notEmpty = false;
    int m_watermarkCount = 0;
    friend QList<Transforms> mergeChain(const QList<Transforms> &rootFirst);
};

// Chain merging (spec §5.3): transforms of an object chain, root-most first,
// merged into as few passes as Mort would run. With a resizeCropAuto anywhere,
// or a second watermark, elements stay separate and run one after another.
QList<Transforms> mergeChain(const QList<Transforms> &rootFirst);

// MurmurHash3_x64_128 (standard output pair h1, h2).
void murmur3x64_128(const void *data, int length, uint32_t seed, uint64_t *h1, uint64_t *h2);

} // namespace mort
