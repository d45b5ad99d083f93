// libFuzzer target: the engine's control socket as any local client may talk to it. A real
// EngineHost (an engine on an empty configuration in a scratch state folder) serves its
// control socket; each input is one connection's bytes, sent at once. Every complete line
// must get exactly one answer, a JSON object; a line longer than the request cap closes
// the connection; the engine must never crash nor hang, and keep serving the next one.
#include "base/enginesocket.h"
#include "host/controlserver.h"
#include "host/enginehost.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

using namespace tandem;

namespace {

constexpr qsizetype RequestCap = 64 * 1024; // ControlServer's MaxRequestSize
QTemporaryDir *g_dir = nullptr;
EngineHost *g_host = nullptr;
TandemPaths g_paths;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    QLoggingCategory::setFilterRules(QStringLiteral("tandem.*=false\nqt.*=false"));
    g_dir = new QTemporaryDir(QDir(QStringLiteral("/dev/shm")).exists()
                                  ? QStringLiteral("/dev/shm/fuzz_control-XXXXXX")
                                  : QDir::tempPath() + QStringLiteral("/fuzz_control-XXXXXX"));
    g_paths.configFile = g_dir->filePath(QStringLiteral("tandem.xml"));
    g_paths.stateDir = g_dir->filePath(QStringLiteral("state"));
    g_host = new EngineHost(g_paths);
    ConfigIssues warnings;
    const ConfigIssues fatal = g_host->start(&warnings);
    if (!fatal.isEmpty()) {
        fprintf(stderr, "the engine did not start: %s\n", qPrintable(joinIssues(fatal)));
        abort();
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype lines = input.count('\n');
    qsizetype longest = 0; // the longest line, the unterminated rest included
    for (qsizetype from = 0; from <= input.size();) {
        const qsizetype end = input.indexOf('\n', from);
        longest = std::max(longest, (end < 0 ? input.size() : end) - from);
        if (end < 0)
            break;
        from = end + 1;
    }
    QLocalSocket socket;
    socket.connectToServer(EngineSocket::pathFor(g_paths.stateDir));
    if (!socket.waitForConnected(5000))
        abort(); // the engine stopped serving
    socket.write(input);
    QByteArray received;
    qsizetype answers = 0;
    bool closed = false;
    const QDeadlineTimer deadline(20000);
    while (answers < lines && !closed) {
        if (deadline.hasExpired()) {
            fprintf(stderr, "no answer to %lld of %lld lines\n", qlonglong(lines - answers),
                    qlonglong(lines));
            abort();
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        received += socket.readAll();
        qsizetype newline;
        while ((newline = received.indexOf('\n')) >= 0) {
            const QJsonDocument answer = QJsonDocument::fromJson(received.left(newline));
            if (!answer.isObject())
                abort(); // every answer is one JSON object on one line
            received.remove(0, newline + 1);
            ++answers;
        }
        closed = socket.state() != QLocalSocket::ConnectedState;
    }
    if (answers > lines)
        abort();
    if (closed && answers < lines && longest <= RequestCap)
        abort(); // closed although no request was over the cap
    socket.abort();
    QCoreApplication::processEvents();
    return 0;
}
