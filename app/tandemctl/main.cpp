#include "ctl/ctlcommand.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tandemctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TANDEM_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return tandem::CtlCommand(out, err).run(QCoreApplication::arguments().mid(1));
}
