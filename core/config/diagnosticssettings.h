#pragma once

namespace tandem {

// Seed: Diagnostics tab settings.
struct DiagnosticsSettings
{
    static constexpr int MinMaxEvents = 1000;
    static constexpr int MaxMaxEvents = 30000;
    static constexpr int DefaultMaxEvents = 5000;

    bool preserveEvents = true;
    int maxEvents = DefaultMaxEvents;

    friend bool operator==(const DiagnosticsSettings &, const DiagnosticsSettings &) = default;
};

} // namespace tandem
