#pragma once

// Helpers shared by the files that implement types.h (types.cpp, typeencoding.cpp and
// variantencoding.cpp); nothing for other users.

#include "types.h"

namespace tandem::opcua::detail {

// "0x1f": an encoding byte in an error message.
QString hexByte(quint8 value);

// Whether the dimensions describe exactly `length` elements. Any dimension <= 0 makes
// the array empty (5.2.2.16); the product is cut short before it can overflow.
bool dimensionsMatch(const QList<qint32> &dimensions, qsizetype length);

} // namespace tandem::opcua::detail
