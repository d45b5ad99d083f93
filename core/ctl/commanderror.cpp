#include "commanderror.h"

namespace tandem::ctl {

void usageError(const QString &message)
{
    throw CommandError{2, message};
}

void refused(const ConfigIssues &issues)
{
    throw CommandError{1, joinIssues(issues)};
}

} // namespace tandem::ctl
