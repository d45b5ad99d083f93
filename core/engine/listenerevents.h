#pragma once

namespace tandem {

class EventLog;
class PairRuntime;
class StreamListener;

// Binds a pair's listener to the pair: its client and output limits (asked each time, so a
// changed setting applies to the next client) and its events for what happens there
// (descriptors-exhausted; client-limit and client-stalled through the pair's rate limit).
// events may be null.
void reportListenerEvents(StreamListener *listener, PairRuntime *runtime, EventLog *events);

} // namespace tandem
