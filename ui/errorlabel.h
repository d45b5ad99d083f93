#pragma once

#include <QString>

class QLabel;

namespace tandem {

// The red, word-wrapped, initially hidden label that dialogs and pages show a field's
// or an action's problem in.
QLabel *createErrorLabel(const QString &objectName);

} // namespace tandem
