#pragma once
// Shared helpers of the imaging tests: test images from the shared testdata
// folder, and an independent libvips decode of the output so assertions are
// perceptual (sizes, pixel colours), never byte comparisons.
#include "imaging/imageprocessor.h"
#include "imaging/vipsref.h"

#include <QFile>
#include <QTest>

#include <array>

namespace mort::test {

inline QByteArray testImage(const char *relative)
{
    QFile file(QStringLiteral(MORT_TESTDATA_DIR "/") + QLatin1String(relative));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test image %s", relative);
    return file.readAll();
}

// Decoded output; keeps the bytes alive as long as the image.
struct Decoded
{
    QByteArray bytes;
    ImageRef image;
    int width() const { return vips_image_get_width(image.get()); }
    int height() const { return vips_image_get_height(image.get()); }
    int bands() const { return vips_image_get_bands(image.get()); }
    QByteArray loader() const
    {
        const char *name = nullptr;
        if (vips_image_get_string(image.get(), "vips-loader", &name) != 0)
            return {};
        return QByteArray(name);
    }
    // Pixel as RGB(A); grey images are expanded so tests can compare colours.
    // Reads the 8-bit pixels cached by cachePixels(): a libvips call per
    // pixel would make the whole-image scans take seconds.
    std::array<double, 4> pixel(int x, int y) const
    {
        std::array<double, 4> out{0, 0, 0, 255};
        const int n = bands();
        const auto *p = reinterpret_cast<const unsigned char *>(pixels.constData()) + (qsizetype(y) * width() + x) * n;
        if (n <= 2) {
            out[0] = out[1] = out[2] = p[0];
            if (n == 2)
                out[3] = p[1];
        } else {
            for (int i = 0; i < n && i < 4; ++i)
                out[size_t(i)] = p[i];
        }
        return out;
    }
    void cachePixels()
    {
        ImageRef uchar;
        if (vips_cast(image.get(), uchar.out(), VIPS_FORMAT_UCHAR, nullptr) != 0)
            qFatal("cast failed: %s", vips_error_buffer());
        size_t size = 0;
        void *data = vips_image_write_to_memory(uchar.get(), &size);
        if (!data)
            qFatal("write_to_memory failed: %s", vips_error_buffer());
        pixels = QByteArray(static_cast<const char *>(data), qsizetype(size));
        g_free(data);
    }
    QByteArray pixels;
};

inline Decoded decode(const QByteArray &bytes)
{
    Decoded d;
    d.bytes = bytes;
    d.image.reset(vips_image_new_from_buffer(d.bytes.constData(), size_t(d.bytes.size()), "", "access",
                                             VIPS_ACCESS_RANDOM, nullptr));
    if (!d.image)
        qFatal("test decode failed: %s", vips_error_buffer());
    d.cachePixels();
    return d;
}

inline bool near(const std::array<double, 4> &p, double r, double g, double b, double tolerance)
{
    return qAbs(p[0] - r) <= tolerance && qAbs(p[1] - g) <= tolerance && qAbs(p[2] - b) <= tolerance;
}

inline QString describe(const std::array<double, 4> &p)
{
    return QStringLiteral("(%1,%2,%3,%4)").arg(p[0]).arg(p[1]).arg(p[2]).arg(p[3]);
}

// Live VipsImage objects. libvips keeps every object in a global table, so
// LSan would never report a forgotten g_object_unref; this count does.
inline int liveVipsImages()
{
    int count = 0;
    vips_object_map(
        [](void *object, void *a, void *) -> void * {
            if (VIPS_IS_IMAGE(object))
                ++*static_cast<int *>(a);
            return nullptr;
        },
        &count, nullptr);
    return count;
}

inline void initVipsForTests()
{
    const Expected<void> init = initImaging("mort-tests");
    QVERIFY2(init.ok(), init.ok() ? "" : qPrintable(init.error().toString()));
}

} // namespace mort::test
