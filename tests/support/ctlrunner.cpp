#include "ctlrunner.h"

#include "ctl/ctlcommand.h"

#include <QTextStream>
#include <QThread>

#include <optional>

#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace tandem::test {

namespace {

// The environment a command sees, back to the test's own at the end.
class ScopedEnvironment final
{
public:
    explicit ScopedEnvironment(const QHash<QString, QString> &changes)
    {
        for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
            const QByteArray name = it.key().toLocal8Bit();
            m_saved.append({name, qEnvironmentVariableIsSet(name.constData())
                                      ? std::optional<QByteArray>(qgetenv(name.constData()))
                                      : std::nullopt});
            if (it.value().isNull())
                qunsetenv(name.constData());
            else
                qputenv(name.constData(), it.value().toLocal8Bit());
        }
    }
    ~ScopedEnvironment()
    {
        for (const auto &[name, value] : std::as_const(m_saved)) {
            if (value)
                qputenv(name.constData(), *value);
            else
                qunsetenv(name.constData());
        }
    }
    ScopedEnvironment(const ScopedEnvironment &) = delete;
    ScopedEnvironment &operator=(const ScopedEnvironment &) = delete;

private:
    QList<std::pair<QByteArray, std::optional<QByteArray>>> m_saved;
};

// Standard input from /dev/null, back to the test's own at the end.
class EmptyStandardInput final
{
public:
    EmptyStandardInput()
        : m_saved(::dup(STDIN_FILENO))
    {
        const int null = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (m_saved < 0 || null < 0 || ::dup2(null, STDIN_FILENO) < 0)
            qFatal("runCtl: cannot put /dev/null on standard input");
        ::close(null);
        std::clearerr(stdin);
    }
    ~EmptyStandardInput()
    {
        ::dup2(m_saved, STDIN_FILENO);
        ::close(m_saved);
        std::clearerr(stdin); // the end of file the command may have read is not the test's
    }
    EmptyStandardInput(const EmptyStandardInput &) = delete;
    EmptyStandardInput &operator=(const EmptyStandardInput &) = delete;

private:
    int m_saved;
};

// The command's log messages into its error stream, as the binary's default handler
// writes them to standard error; messages of other threads go where they went before.
class LogToStream final
{
public:
    explicit LogToStream(QTextStream &err)
    {
        s_stream = &err;
        s_thread = QThread::currentThread();
        s_previous = qInstallMessageHandler(&LogToStream::handle);
    }
    ~LogToStream()
    {
        qInstallMessageHandler(s_previous);
        s_stream = nullptr;
    }
    LogToStream(const LogToStream &) = delete;
    LogToStream &operator=(const LogToStream &) = delete;

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (QThread::currentThread() != s_thread || !s_stream) {
            if (s_previous)
                s_previous(type, context, message);
            return;
        }
        *s_stream << qFormatLogMessage(type, context, message) << '\n';
    }

    static inline QTextStream *s_stream = nullptr;
    static inline QThread *s_thread = nullptr;
    static inline QtMessageHandler s_previous = nullptr;
};

} // namespace

CtlResult runCtl(const QStringList &args, const QHash<QString, QString> &environment)
{
    CtlResult result;
    QTextStream out(&result.out);
    QTextStream err(&result.err);
    {
        const ScopedEnvironment scopedEnvironment(environment);
        const EmptyStandardInput emptyInput;
        const LogToStream logs(err);
        result.exitCode = CtlCommand(out, err).run(args);
    }
    out.flush();
    err.flush();
    return result;
}

} // namespace tandem::test
