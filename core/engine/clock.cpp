#include "clock.h"

#include <chrono>

namespace tandem {

namespace {
class SteadyClock final : public Clock
{
public:
    qint64 nowMs() const override
    {
        using namespace std::chrono;
        return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
    }
};
} // namespace

const Clock *Clock::system()
{
    static const SteadyClock clock;
    return &clock;
}

} // namespace tandem
