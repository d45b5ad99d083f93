#include "languages.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <memory>
#include <vector>

namespace tandem::Languages {

namespace {
const QString SettingsKey = QStringLiteral("language");

QSettings settings()
{
    return QSettings(QStringLiteral("tandem"), QStringLiteral("console"));
}

std::vector<std::unique_ptr<QTranslator>> &installed()
{
    static std::vector<std::unique_ptr<QTranslator>> translators;
    return translators;
}

QString &inUse()
{
    static QString language = QStringLiteral("en");
    return language;
}
} // namespace

QList<Language> available()
{
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")},
            {QStringLiteral("es"), QStringLiteral("Español")}};
}

bool isAvailable(const QString &code)
{
    for (const Language &language : available())
        if (language.code == code)
            return true;
    return false;
}

QString savedChoice()
{
    const QString code = settings().value(SettingsKey).toString();
    return isAvailable(code) ? code : QString();
}

void saveChoice(const QString &code)
{
    QSettings s = settings();
    if (code.isEmpty())
        s.remove(SettingsKey);
    else
        s.setValue(SettingsKey, code);
    s.sync();
}

QString resolve(const QString &choice)
{
    if (isAvailable(choice))
        return choice;
    // "de-AT", "es_MX", "de": the language part decides.
    for (const QString &name : QLocale::system().uiLanguages()) {
        const QString code = QLocale(name).name().section(QLatin1Char('_'), 0, 0);
        if (isAvailable(code))
            return code;
    }
    return QStringLiteral("en");
}

QString current()
{
    return inUse();
}

QString installTranslators(QCoreApplication &app, const QString &choice)
{
    Q_UNUSED(app) // the translators are the application's; the parameter says so
    for (const std::unique_ptr<QTranslator> &translator : installed())
        QCoreApplication::removeTranslator(translator.get());
    installed().clear();
    const QString language = resolve(choice);
    inUse() = language;
    if (language == QLatin1String("en"))
        return language;
    auto load = [](const QString &name, const QString &folder) {
        auto translator = std::make_unique<QTranslator>();
        if (translator->load(name, folder) && QCoreApplication::installTranslator(translator.get()))
            installed().push_back(std::move(translator));
    };
    // Qt's own first: a later translator wins, so Tandem's texts override Qt's.
    load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    load(QStringLiteral("tandem_") + language, QStringLiteral(":/i18n"));
    return language;
}

} // namespace tandem::Languages
