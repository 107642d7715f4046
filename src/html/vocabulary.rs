//! The vocabulary of page structure: the tags, roles and class/id words
//! that tell article text from page furniture (English, and the Russian and
//! Persian words common on sites that name classes in their language).

/// Elements whose content is never article text.
pub(super) const DROPPED_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "canvas",
    "video",
    "audio",
    "picture",
    "img",
    "map",
    "nav",
    "footer",
    "aside",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "label",
    "figure",
    "figcaption",
    "dialog",
    "menu",
    "address",
    "head",
    "title",
    "meta",
    "link",
];

/// Elements that start and end a paragraph of the output.
pub(super) const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Roles whose elements are never the article.
pub(super) const DROPPED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "dialog",
    "alertdialog",
    "search",
    "menu",
    "menubar",
    "toolbar",
    "form",
];

/// Words of `class`/`id` that mark boilerplate. A word matches a class or id
/// token it begins (`comment` matches `comments`, not `recomment`); tokens are
/// split at anything but letters and digits. The Russian and Persian words are
/// the common ones on sites that name classes in their language.
pub(super) const NEGATIVE_HINTS: &[&str] = &[
    "ad",
    "ads",
    "adsbygoogle",
    "adslot",
    "advert",
    "advertisement",
    "author",
    "banner",
    "breadcrumb",
    "byline",
    "caption",
    "comment",
    "consent",
    "cookie",
    "disqus",
    "footer",
    "gdpr",
    "menu",
    "modal",
    "more",
    "most",
    "mostread",
    "nav",
    "newsletter",
    "outbrain",
    "popular",
    "popup",
    "promo",
    "recommend",
    "related",
    "sidebar",
    "sponsor",
    "subscribe",
    "taboola",
    "tags",
    "trending",
    // ru
    "автор",
    "баннер",
    "коммент",
    "меню",
    "подвал",
    "поделит",
    "подпис",
    "популярн",
    "реклам",
    "теги",
    "читайте",
    // fa
    "آگهی",
    "برچسب",
    "تبلیغ",
    "مرتبط",
    "منو",
    "نظر",
    "نویسنده",
    "پربازدید",
    "کوکی",
];

/// Words of `class`/`id` that mark boilerplate only on small elements: sites
/// also put them on wrappers around the whole article (`share-container`,
/// `share-bar` wrappers), so an element with at least
/// [`WEAK_HINT_MAX_PARAGRAPH_CHARS`] of paragraph text stays.
pub(super) const WEAK_NEGATIVE_HINTS: &[&str] = &["share", "sharing", "social", "toolbar"];

/// Paragraph text (in `<p>`s, in characters) from which a weak hint no longer
/// drops an element: a few paragraphs, more than any share bar or tag list.
pub(super) const WEAK_HINT_MAX_PARAGRAPH_CHARS: usize = 1000;

/// Words of `class`/`id` that mark the article.
pub(super) const POSITIVE_HINTS: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "main",
    "post",
    "story",
    "text", // en
    "статья",
    "статьи",
    "текст",
    "материал", // ru
    "متن",
    "خبر",
    "مطلب", // fa
];
