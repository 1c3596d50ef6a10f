#include "object/objectparser.h"

#include "object/kindparsers.h"
#include "object/resultkey.h"

namespace mort {

namespace {

const QString kBasic = QStringLiteral("basic");

// Peer-differences C12: Mort lets `..`, NUL and CR/LF reach the storages
// (where cleaning contains but silently rewrites them); we refuse them.
Expected<void> checkPath(const QString &path)
{
    for (const QChar c : path) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return Error::badRequest("object.bad_key", QStringLiteral("control character in path"));
    }
    for (QStringView segment : QStringView(path).split(QLatin1Char('/'))) {
        if (segment == QLatin1String(".."))
            return Error::badRequest("object.bad_key", QStringLiteral("'..' segment in path"));
    }
    return {};
}

using KindParser = Expected<KindParseResult> (*)(const KindParseContext &);

KindParser kindParser(const QString &kind)
{
    if (kind == QLatin1String("query"))
        return parseQueryKind;
    if (kind == QLatin1String("presets"))
        return parsePresetsKind;
    if (kind == QLatin1String("presets-query"))
        return parsePresetsQueryKind;
    if (kind == QLatin1String("base64_presets"))
        return parseBase64PresetsKind;
    if (kind == QLatin1String("cloudinary"))
        return parseCloudinaryKind;
    return nullptr; // tengo (and anything unknown): not supported
}

bool usesPathRegex(const QString &kind)
{
    return kind != QLatin1String("query") && kind != QLatin1String("tengo");
}

} // namespace

ObjectParser::ObjectParser(ConfigPtr config) : m_config(std::move(config)), m_presets(*m_config)
{
    for (auto b = m_config->buckets.constBegin(); b != m_config->buckets.constEnd(); ++b) {
        if (!b->transform || !usesPathRegex(b->transform->kind))
            continue;
        QRegularExpression re(b->transform->path);
        // Compile now: after construction the expression is only read, which
        // QRegularExpression allows from several threads at once.
        re.optimize();
        m_pathRegex.insert(b.key(), re);
    }
}

Expected<ObjectRef> ObjectParser::parse(const QString &decodedPath, const QByteArray &rawQuery) const
{
    Expected<std::shared_ptr<ObjectRef>> object = parseObject(decodedPath, rawQuery, true, 0);
    if (!object)
        return object.takeError();
    return ObjectRef(std::move(*object.value()));
}

Expected<std::shared_ptr<ObjectRef>> ObjectParser::parseObject(const QString &path, const QByteArray &rawQuery,
                                                               bool isRequest, int depth) const
{
    if (depth > kMaxChainDepth)
        return Error::badRequest("object.chain_too_deep",
                                 QStringLiteral("parent chain deeper than %1").arg(kMaxChainDepth));
    if (!path.startsWith(QLatin1Char('/')))
        return Error::badRequest("object.bad_path", QStringLiteral("path must start with '/'"));
    if (Expected<void> ok = checkPath(path); !ok)
        return ok.takeError();

    auto object = std::make_shared<ObjectRef>();
    object->uri = path;
    // §1: split into ["", bucket, rest]; the key keeps its leading '/'.
    const qsizetype slash = path.indexOf(QLatin1Char('/'), 1);
    object->bucket = slash < 0 ? path.mid(1) : path.mid(1, slash - 1);
    object->key = slash < 0 ? QString() : path.mid(slash);

    if (isRequest && object->bucket.isEmpty() && object->key.isEmpty())
        return object; // "/": service level (list buckets), no storage

    const BucketConfig *bucket = m_config->bucket(object->bucket);
    if (!bucket)
        return Error::badRequest("object.unknown_bucket", QStringLiteral("unknown bucket \"%1\"").arg(object->bucket));
    object->storageName = kBasic;

    // No transform: objects are read and written as-is. Bucket-level requests
    // are listings; their S3 query parameters are not transforms.
    if (!bucket->transform || object->key.isEmpty())
        return object;
    const TransformConfig &transform = *bucket->transform;

    const KindParser parser = kindParser(transform.kind);
    if (!parser)
        return Error::badRequest("object.parser_not_supported",
                                 QStringLiteral("transform kind \"%1\" not supported").arg(transform.kind));
    KindParseContext ctx;
    ctx.bucketName = object->bucket;
    ctx.transform = &transform;
    ctx.presets = &m_presets;
    ctx.path = path;
    ctx.key = object->key;
    ctx.rawQuery = rawQuery;
    if (usesPathRegex(transform.kind)) {
        auto re = m_pathRegex.constFind(object->bucket);
        if (re == m_pathRegex.constEnd() || !re->isValid())
            return Error::internal("object.bad_path_regex",
                                   QStringLiteral("bucket %1: invalid transform.path").arg(object->bucket));
        ctx.pathRegex = &*re;
    }

    Expected<KindParseResult> parsed = parser(ctx);
    if (!parsed)
        return parsed.takeError();
    if (parsed->parentPath.isEmpty())
        return object; // nothing requested: the original from basic

    // Parents are parsed like a request without a query (so a parent key that
    // matches the regex again builds a chain) but never get a new key (§4).
    Expected<std::shared_ptr<ObjectRef>> parent = parseObject(parsed->parentPath, {}, false, depth + 1);
    if (!parent)
        return parent.takeError();
    parent.value()->storageName = transform.parentStorage.isEmpty() ? kBasic : transform.parentStorage;

    object->transforms = std::move(parsed->transforms);
    object->parent = std::move(parent.value());
    object->checkParent = transform.checkParent;
    if (isRequest) {
        if (object->hasTransforms()) {
            object->storageName = QStringLiteral("transform");
            object->key = resultKey(*object, transform.resultKey);
        } else {
            // Parent served unchanged: noop always misses (§4).
            object->storageName = QStringLiteral("noop");
        }
    }
    return object;
}

} // namespace mort
