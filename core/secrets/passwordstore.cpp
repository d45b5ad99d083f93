#include "passwordstore.h"

#include "servicecredentials.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QPointer>
#include <QThread>

#include <qt6keychain/keychain.h>

namespace tandem::PasswordStore {

namespace {

const QString Service = QStringLiteral("Tandem");

// A context lupdate files these texts under, the same one Tr::tr() looks them up in.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(PasswordStore)
};

Result finish(QKeychain::Job *job)
{
    Result r;
    switch (job->error()) {
    case QKeychain::NoError:
        r.ok = true;
        break;
    case QKeychain::EntryNotFound:
        r.notFound = true;
        r.error = Tr::tr("no password is stored in the keychain");
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::OtherError:
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
    case QKeychain::NotImplemented:
        r.error = Tr::tr("the system keychain is not available (%1); start a Secret Service such "
                         "as gnome-keyring in this session")
                      .arg(job->errorString());
        break;
    }
    if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(job); read && r.ok)
        r.password = read->textData();
    return r;
}

// Keychain jobs run on a thread of their own. QtKeychain's Secret Service backend
// (libsecret) answers through a GLib main context, which the thread's event loop only
// iterates when it is GLib's; tandemd's main thread runs Qt's own poll loop
// (QT_NO_GLIB), so jobs started there would never finish.
QThread *secretsThread = nullptr;

void stopSecretsThread()
{
    secretsThread->quit();
    secretsThread->wait();
    delete secretsThread;
    secretsThread = nullptr;
}

QObject *secretsWorker()
{
    static QObject *worker = nullptr;
    if (!secretsThread) {
        secretsThread = new QThread;
        secretsThread->setObjectName(QStringLiteral("tandem-secrets"));
        secretsThread->start();
        delete worker;
        worker = new QObject;
        worker->moveToThread(secretsThread);
        qAddPostRoutine(stopSecretsThread);
    }
    return worker;
}

// `make` builds the job; it runs on the secrets thread and `done` on `context`'s thread.
void start(std::function<QKeychain::Job *()> make, QObject *context,
           std::function<void(const Result &)> done)
{
    QPointer<QObject> target(context);
    QMetaObject::invokeMethod(secretsWorker(), [make = std::move(make), target,
                                                done = std::move(done)] {
        QKeychain::Job *job = make();
        job->setAutoDelete(true);
        job->setInsecureFallback(false); // a plain-text file is not a keychain
        QObject::connect(job, &QKeychain::Job::finished, job, [target, done](QKeychain::Job *j) {
            const Result r = finish(j);
            if (target)
                QMetaObject::invokeMethod(target, [done, r] { done(r); });
        });
        job->start();
    });
}

Result blocking(const std::function<void(QObject *, std::function<void(const Result &)>)> &call)
{
    QEventLoop loop;
    Result result;
    call(&loop, [&](const Result &r) {
        result = r;
        loop.quit();
    });
    loop.exec();
    return result;
}

} // namespace

QString smtpKey(const QString &user)
{
    return QStringLiteral("smtp:") + user;
}

QString opcUaKey(const QString &user)
{
    return QStringLiteral("opcua:") + user;
}

QString opcUaServerKey(const QString &pair, const QString &side)
{
    return QStringLiteral("opcua-server:") + pair + QLatin1Char('/') + side;
}

void read(const QString &key, QObject *context, std::function<void(const Result &)> done)
{
    // The system service: its passwords are the credentials systemd gave it.
    if (!ServiceCredentials::directory().isEmpty()) {
        const ServiceCredentials::ReadResult c = ServiceCredentials::read(key);
        Result r;
        r.ok = c.password.has_value();
        r.notFound = c.notFound;
        r.password = c.password.value_or(QString());
        r.error = c.error;
        QPointer<QObject> target(context);
        QMetaObject::invokeMethod(
            context,
            [target, done = std::move(done), r] {
                if (target)
                    done(r);
            },
            Qt::QueuedConnection);
        return;
    }
    start(
        [key]() -> QKeychain::Job * {
            auto *job = new QKeychain::ReadPasswordJob(Service);
            job->setKey(key);
            return job;
        },
        context, std::move(done));
}

void write(const QString &key, const QString &password, QObject *context,
           std::function<void(const Result &)> done)
{
    start(
        [key, password]() -> QKeychain::Job * {
            auto *job = new QKeychain::WritePasswordJob(Service);
            job->setKey(key);
            job->setTextData(password);
            return job;
        },
        context, std::move(done));
}

void remove(const QString &key, QObject *context, std::function<void(const Result &)> done)
{
    start(
        [key]() -> QKeychain::Job * {
            auto *job = new QKeychain::DeletePasswordJob(Service);
            job->setKey(key);
            return job;
        },
        context, std::move(done));
}

Result readBlocking(const QString &key)
{
    return blocking([&](QObject *c, auto done) { read(key, c, std::move(done)); });
}

Result writeBlocking(const QString &key, const QString &password)
{
    return blocking([&](QObject *c, auto done) { write(key, password, c, std::move(done)); });
}

Result removeBlocking(const QString &key)
{
    return blocking([&](QObject *c, auto done) { remove(key, c, std::move(done)); });
}

} // namespace tandem::PasswordStore
