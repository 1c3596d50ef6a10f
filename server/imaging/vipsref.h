#pragma once
// Small RAII holders for libvips/GObject references. Every VipsImage, VipsBlob
// or operation the imaging module touches lives in one of these, so that every
// early return (limit hit, deadline, decode error) releases its references;
// LSan runs on the test suite.
#include <vips/vips.h>

#include <QByteArray>
#include <QString>

#include <utility>

namespace mort {

// Owns one GObject reference (g_object_unref on destruction).
template<typename T>
class VipsRef
{
public:
    VipsRef() = default;
    explicit VipsRef(T *object) : m_object(object) {}
    ~VipsRef() { reset(); }
    VipsRef(const VipsRef &) = delete;
    VipsRef &operator=(const VipsRef &) = delete;
    VipsRef(VipsRef &&other) noexcept : m_object(std::exchange(other.m_object, nullptr)) {}
    VipsRef &operator=(VipsRef &&other) noexcept
    {
        if (this != &other) {
            reset();
            m_object = std::exchange(other.m_object, nullptr);
        }
        return *this;
    }

    T *get() const { return m_object; }
    T *operator->() const { return m_object; }
    explicit operator bool() const { return m_object != nullptr; }
    // For libvips out-parameters: `vips_foo(in, ref.out(), NULL)`.
    T **out()
    {
        reset();
        return &m_object;
    }
    T *release() { return std::exchange(m_object, nullptr); }
    void reset(T *object = nullptr)
    {
        if (m_object)
            g_object_unref(m_object);
        m_object = object;
    }

private:
    T *m_object = nullptr;
};

using ImageRef = VipsRef<VipsImage>;

// Takes (and clears) the text of libvips' error buffer. The buffer is
// process-wide, so with several workers the text may mix messages; it is only
// used for the internal `detail` of an Error, never for the status code.
inline QString takeVipsError()
{
    QString text = QString::fromUtf8(vips_error_buffer()).trimmed();
    vips_error_clear();
    return text;
}

} // namespace mort
