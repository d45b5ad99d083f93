#pragma once

// What the OPC UA crypto files (channelcrypto.cpp, asymmetriccrypto.cpp) share around
// OpenSSL: byte pointers for its calls, the reason of its last error, and a CryptoError.
// Private to core/opcua.

#include "channelcrypto.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <openssl/err.h>

namespace tandem::opcua::detail {

inline const unsigned char *bytes(QByteArrayView view)
{
    return reinterpret_cast<const unsigned char *>(view.data());
}

inline unsigned char *bytes(QByteArray &array)
{
    return reinterpret_cast<unsigned char *>(array.data());
}

// The last OpenSSL error of this thread, for a message; clears the queue so the next
// failure does not report an old one.
inline QString openSslReason()
{
    const unsigned long code = ERR_peek_last_error();
    ERR_clear_error();
    if (code == 0)
        return QStringLiteral("no reason given");
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    return QString::fromLatin1(text);
}

// Sets *error (when asked for) and returns false.
inline bool fail(CryptoError *error, quint32 status, const QString &message)
{
    if (error)
        *error = CryptoError{status, message};
    return false;
}

} // namespace tandem::opcua::detail
