#include "object/cloudinaryparser.h"

#include "object/kindparsers.h"

#include <QRegularExpression>
#include <QStringList>

#include <limits>

namespace mort {

namespace {

struct Token
{
    QString name;
    QStringList args; // value split on ':'
};

Error cloudinaryError(const char *code, const QString &detail)
{
    return Error::badRequest(QByteArray(code), detail);
}

// w_/h_: exactly one argument, a non-negative decimal integer (Go Atoi).
Expected<int> tokenUint(const Token &t)
{
    static const QRegularExpression re(QStringLiteral("^[+-]?[0-9]+$"));
    if (t.args.size() != 1 || !re.match(t.args.first()).hasMatch())
        return cloudinaryError("cloudinary.bad_value", QStringLiteral("'%1' needs an integer").arg(t.name));
    bool ok = false;
    const qlonglong v = t.args.first().toLongLong(&ok);
    if (!ok || v < 0 || v > std::numeric_limits<int>::max())
        return cloudinaryError("cloudinary.bad_value", QStringLiteral("'%1' needs a non-negative integer").arg(t.name));
    return int(v);
}

} // namespace

Expected<Transforms> cloudinaryToTransforms(const QString &definition)
{
    QList<Token> tokens;
    for (const QString &plain : definition.split(QLatin1Char(','))) {
        const qsizetype us = plain.indexOf(QLatin1Char('_'));
        if (us < 0)
            return cloudinaryError("cloudinary.bad_token", QStringLiteral("token without '_': %1").arg(plain));
        tokens.append(Token{plain.left(us), plain.mid(us + 1).split(QLatin1Char(':'))});
    }

    const Token &action = tokens.first();
    if (action.name != QLatin1String("c"))
        return cloudinaryError("cloudinary.not_implemented", QStringLiteral("unknown action %1").arg(action.name));
    if (action.args.size() != 1)
        return cloudinaryError("cloudinary.bad_token", QStringLiteral("crop requires a mode"));
    const QString mode = action.args.first();
    if (mode != QLatin1String("fit") && mode != QLatin1String("fill") && mode != QLatin1String("crop"))
        return cloudinaryError("cloudinary.not_implemented",
                               QStringLiteral("'%1' is not implemented for crop action").arg(mode));

    int width = 0, height = 0;
    for (qsizetype i = 1; i < tokens.size(); ++i) {
        const Token &t = tokens.at(i);
        if (t.name == QLatin1String("w") || t.name == QLatin1String("h")) {
            Expected<int> v = tokenUint(t);
            if (!v)
                return v.takeError();
            (t.name == QLatin1String("w") ? width : height) = *v;
        } else {
            static const QStringList unsupported{QStringLiteral("b"),  QStringLiteral("ar"), QStringLiteral("g"),
                                                 QStringLiteral("bo"), QStringLiteral("co"), QStringLiteral("x"),
                                                 QStringLiteral("y")};
            if (unsupported.contains(t.name))
                return cloudinaryError("cloudinary.not_implemented",
                                       QStringLiteral("'%1' qualifier is not implemented").arg(t.name));
            // any other qualifier is ignored, as Mort
        }
    }

    Transforms result;
    if (mode == QLatin1String("fit"))
        result.resize(width, height, false, true, false);
    else if (mode == QLatin1String("fill"))
        result.resize(width, height, true, true, true);
    else
        result.crop(width, height, Gravity::Smart, false, false);
    return result;
}

Expected<KindParseResult> parseCloudinaryKind(const KindParseContext &ctx)
{
    KindParseResult result;
    PathMatch m;
    if (!matchPath(*ctx.pathRegex, ctx.key, &m))
        return result;
    // Mort memoises parsed definitions by their text without bound; the text
    // comes from the URL, so we re-parse (cheap) instead of growing a map.
    if (!m.transformations.isEmpty()) {
        Expected<Transforms> t = cloudinaryToTransforms(m.transformations);
        if (!t)
            return t.takeError();
        result.transforms = std::move(t.value());
    }
    // Parent handling as presets (§2.4): empty transformations -> the parent
    // is served unchanged through the noop storage.
    if (!ctx.transform->parentBucket.isEmpty())
        result.parentPath = joinParentBucket(ctx.transform->parentBucket, m.parent);
    else
        result.parentPath = m.parent.startsWith(QLatin1Char('/')) ? m.parent : QLatin1Char('/') + m.parent;
    return result;
}

} // namespace mort
