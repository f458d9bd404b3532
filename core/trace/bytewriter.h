#pragma once

#include <QByteArray>
#include <QIODevice>

#include <algorithm>
#include <charconv>
#include <cstring>

namespace concviz {

// Bytes appended to a QByteArray through a cursor of its own. A million tasks' JSON is tens of
// millions of small appends, and QByteArray::append checks, detaches and inserts for each one.
// What was written is in `out` once the writer is gone (or after finish()).
class ByteWriter
{
public:
    explicit ByteWriter(QByteArray &out)
        : m_out(out)
        , m_size(out.size())
        , m_data(out.data())
    {
    }
    ~ByteWriter() { finish(); }
    ByteWriter(const ByteWriter &) = delete;
    ByteWriter &operator=(const ByteWriter &) = delete;

    void put(char c)
    {
        reserve(1);
        m_data[m_size++] = c;
    }
    void put(const char *bytes, qsizetype n)
    {
        reserve(n);
        std::memcpy(m_data + m_size, bytes, static_cast<std::size_t>(n));
        m_size += n;
    }
    // A literal's length is worked out when compiled: these are inline.
    void put(const char *text) { put(text, static_cast<qsizetype>(std::strlen(text))); }
    void put(const QByteArray &bytes) { put(bytes.constData(), bytes.size()); }
    ByteWriter &operator+=(char c)
    {
        put(c);
        return *this;
    }
    ByteWriter &operator+=(const char *text)
    {
        put(text);
        return *this;
    }
    ByteWriter &operator+=(const QByteArray &bytes)
    {
        put(bytes);
        return *this;
    }

    // A whole number, without a temporary string: a million tasks write a few million of them.
    void putNumber(qint64 value)
    {
        char buffer[24];
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
        put(buffer, static_cast<qsizetype>(result.ptr - buffer));
    }
    // Microseconds (at least 0) as milliseconds, exactly and as short as can be: 1500 → 1.5,
    // 2000000 → 2000, 1234 → 1.234.
    void putMillis(qint64 us)
    {
        putNumber(us / 1000);
        if (const qint64 fraction = us % 1000; fraction != 0) {
            const char digits[3] = {static_cast<char>('0' + fraction / 100), static_cast<char>('0' + fraction / 10 % 10),
                                    static_cast<char>('0' + fraction % 10)};
            qsizetype length = 3;
            while (digits[length - 1] == '0')
                --length;
            put('.');
            put(digits, length);
        }
    }

    // Room for n more bytes at least, so that a run of put(char) grows the buffer once.
    void reserve(qsizetype n)
    {
        if (m_size + n > m_out.size()) {
            m_out.resize(std::max(m_size + n, m_out.size() * 2 + 4096));
            m_data = m_out.data();
        }
    }
    const char *data() const { return m_data; }
    qsizetype size() const { return m_size; }
    // Forgets what was written, keeping the room.
    void clear() { m_size = 0; }
    // With a device, hands it what was written once that passes a megabyte and starts again in the
    // same room, so that a million tasks never sit in memory whole; false when the device took less.
    // Without one, keeps everything.
    bool flushTo(QIODevice *device)
    {
        constexpr qsizetype flushAt = 1 << 20;
        if (!device || m_size < flushAt)
            return true;
        const bool written = device->write(m_data, m_size) == m_size;
        clear();
        return written;
    }
    // The same whatever the size: the end of what is to be written.
    bool flushAllTo(QIODevice &device)
    {
        const bool written = device.write(m_data, m_size) == m_size;
        clear();
        return written;
    }
    // Leaves `out` holding exactly what was written.
    void finish() { m_out.resize(m_size); }

    // What write(out, device) writes, as bytes (with no device to hand them to as it goes).
    template<typename Write>
    static QByteArray bytesOf(Write write)
    {
        QByteArray bytes;
        ByteWriter out(bytes);
        write(out, nullptr);
        out.finish();
        return bytes;
    }
    // The same, handed to `device` a megabyte at a time (write() calls flushTo) and the rest at the
    // end; false when the device took less. write() returns whether its own flushes went through.
    template<typename Write>
    static bool streamTo(QIODevice &device, Write write)
    {
        QByteArray bytes;
        ByteWriter out(bytes);
        const bool written = write(out, &device);
        return out.flushAllTo(device) && written;
    }

private:
    QByteArray &m_out;
    qsizetype m_size;
    char *m_data;
};

} // namespace concviz
