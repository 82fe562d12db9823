"""Realistic Arabic news pages, web pages saved from a browser and Markdown notes, built from the
real Wikinews articles in ../shared/data/texts (CC BY 2.5 / CC BY-SA 4.0; see PROVENANCE.md
there): the article's own title and paragraphs inside the chrome a news site wraps around them
(menus, breadcrumbs, a cookie banner, share buttons, related links, a most-read list, comments,
a footer, scripts), in UTF-8 or Windows-1256.

Each page says what a good extraction gives (`expected`: the title, the byline and the body in
order) and what must be left out (`boilerplate`: words that are only in the chrome).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

TEXTS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "texts"
"""The real test texts, beside the checkout as in CI."""

NEWS = tuple(f"news-0{n}.ar.txt" for n in range(1, 9))
"""The eight Arabic Wikinews articles: title on the first line, then paragraphs."""

AUTHOR = "فريق تحرير ويكي الأخبار"
DATE = "2014-07-09"

MENU = ("الرئيسية", "سياسة", "اقتصاد", "رياضة", "ثقافة", "علوم وتقنية", "اتصل بنا")
COOKIES = "يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك في التصفح"
SHARE = ("شارك على فيسبوك", "شارك على تويتر", "أرسل بالبريد")
FOOTER = "جميع الحقوق محفوظة لموقع الأخبار اليومية"
COMMENTS_HEADING = "تعليقات القراء"
RELATED_HEADING = "أخبار ذات صلة"
MOST_READ = "الأكثر قراءة"
NEWSLETTER = "اشترك في النشرة البريدية ليصلك كل جديد"


@dataclass(frozen=True)
class Article:
    """One real article: its title and paragraphs."""

    name: str
    title: str
    paragraphs: tuple[str, ...]


def article(name: str) -> Article:
    """Read a news text: the first non-blank line is the title, the rest are paragraphs."""
    lines = [line.strip() for line in (TEXTS / name).read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    return Article(name, lines[0], tuple(lines[1:]))


@dataclass(frozen=True)
class NewsPage:
    """A built page and what extraction should make of it."""

    html: bytes
    expected: tuple[tuple[str, str], ...]
    """(kind, text) of each block a good extraction gives, in order."""
    boilerplate: tuple[str, ...]
    """Texts found only in the chrome: none may be in the document."""


def _others(name: str) -> list[Article]:
    return [article(other) for other in NEWS if other != name]


def news_page(name: str, charset: str = "utf-8", *, declare: bool = True) -> NewsPage:
    """A news site's page around the article `name`, encoded in `charset` and declaring it in a
    `<meta>` when `declare` (else the server has to say it)."""
    story = article(name)
    others = _others(name)
    e = html.escape
    related = [o.title for o in others[:3]]
    most_read = [o.title for o in others[3:6]]
    comments = [o.paragraphs[0] for o in others[:3]]
    meta = f'<meta charset="{charset}">' if declare else ""
    comment_blocks = "".join(
        f'<div class="comment"><span class="comment-author">قارئ {i}</span><p>{e(c)}</p></div>'
        for i, c in enumerate(comments)
    )
    menu = "".join(f'<li><a href="/section/{i}">{e(m)}</a></li>' for i, m in enumerate(MENU))
    body = "".join(f"<p>{e(p)}</p>\n" for p in story.paragraphs)
    page = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
{meta}
<title>{e(story.title)} | الأخبار اليومية</title>
<meta name="author" content="{e(AUTHOR)}">
<meta property="article:published_time" content="{DATE}T10:00:00+03:00">
<meta property="og:title" content="{e(story.title)}">
<link rel="stylesheet" href="/static/site.css">
<style>body {{ font-family: serif; }} .ad {{ display: block; }}</style>
<script>window.dataLayer = []; function track() {{ document.title = "tracked"; }}</script>
</head>
<body>
<div class="cookie-banner" id="cookie-consent"><p>{e(COOKIES)}</p><button>موافق</button></div>
<header class="site-header">
  <div class="logo"><a href="/">الأخبار اليومية</a></div>
  <nav class="main-menu"><ul>{menu}</ul></nav>
  <form class="search" action="/search"><input name="q" placeholder="ابحث في الموقع"></form>
</header>
<div class="breadcrumb"><a href="/">الرئيسية</a> &gt; <a href="/section/1">سياسة</a></div>
<main>
<article class="story">
<h1 class="headline">{e(story.title)}</h1>
<div class="byline">بقلم <span class="author">{e(AUTHOR)}</span> ·
  <time datetime="{DATE}">{DATE}</time></div>
<div class="share">{"".join(f'<a href="#">{e(s)}</a>' for s in SHARE)}</div>
<div class="story-body">
{body}</div>
</article>
<section id="comments" class="comments">
<h3>{e(COMMENTS_HEADING)}</h3>
{comment_blocks}
<form class="comment-form"><textarea placeholder="اكتب تعليقك"></textarea></form>
</section>
<aside class="related">
<h3>{e(RELATED_HEADING)}</h3>
<ul>{"".join(f'<li><a href="/news/{i}">{e(t)}</a></li>' for i, t in enumerate(related))}</ul>
</aside>
<aside class="most-read">
<h3>{e(MOST_READ)}</h3>
<ol>{"".join(f'<li><a href="/news/m{i}">{e(t)}</a></li>' for i, t in enumerate(most_read))}</ol>
</aside>
</main>
<div class="newsletter"><p>{e(NEWSLETTER)}</p></div>
<footer class="site-footer"><p>{e(FOOTER)}</p>
<ul>{menu}</ul></footer>
<script src="/static/app.js"></script>
<script>track();</script>
</body>
</html>
"""
    expected = (
        ("title", story.title),
        ("byline", f"{AUTHOR} · {DATE}"),
        *(("paragraph", p) for p in story.paragraphs),
    )
    boilerplate = (
        *MENU[1:],
        COOKIES,
        *SHARE,
        FOOTER,
        COMMENTS_HEADING,
        RELATED_HEADING,
        MOST_READ,
        NEWSLETTER,
        *related,
        *most_read,
        *comments,
        "tracked",
        "dataLayer",
        "font-family",
        "| الأخبار اليومية",
    )
    # A menu word the article itself uses ("اقتصاد") cannot show a leak: only the others count.
    own = "\n".join((story.title, *story.paragraphs))
    boilerplate = tuple(text for text in boilerplate if text not in own)
    return NewsPage(page.encode(charset, "xmlcharrefreplace"), expected, boilerplate)


STRUCTURED_HEADINGS = ("خلفية الانتخابات", "ردود الفعل")
STRUCTURED_QUOTE = "إن المرحلة المقبلة تتطلب توحيد صفوف المعارضة والعمل معا من أجل سوريا"
STRUCTURED_ITEMS = ("عدد الأصوات: 62 صوتا", "أقرب المنافسين: 41 صوتا", "مكان الاجتماع: إسطنبول")


def structured_page(name: str = "news-01.ar.txt") -> NewsPage:
    """A news page whose article has sections (h2), a block quote and a list, inside the same
    chrome as `news_page`."""
    story = article(name)
    plain = news_page(name)
    paragraphs = story.paragraphs
    e = html.escape
    half = len(paragraphs) // 2
    body = (
        "".join(f"<p>{e(p)}</p>\n" for p in paragraphs[:half])
        + f"<h2>{e(STRUCTURED_HEADINGS[0])}</h2>\n"
        + f"<blockquote><p>{e(STRUCTURED_QUOTE)}</p></blockquote>\n"
        + "<ul>"
        + "".join(f"<li>{e(item)}</li>" for item in STRUCTURED_ITEMS)
        + "</ul>\n"
        + f"<h2>{e(STRUCTURED_HEADINGS[1])}</h2>\n"
        + "".join(f"<p>{e(p)}</p>\n" for p in paragraphs[half:])
    )
    old_body = "".join(f"<p>{e(p)}</p>\n" for p in paragraphs)
    page = plain.html.decode("utf-8").replace(old_body, body)
    expected = (
        ("title", story.title),
        ("byline", f"{AUTHOR} · {DATE}"),
        *(("paragraph", p) for p in paragraphs[:half]),
        ("heading", STRUCTURED_HEADINGS[0]),
        ("quote", STRUCTURED_QUOTE),
        *(("item", item) for item in STRUCTURED_ITEMS),
        ("heading", STRUCTURED_HEADINGS[1]),
        *(("paragraph", p) for p in paragraphs[half:]),
    )
    return NewsPage(page.encode("utf-8"), expected, plain.boilerplate)


def markdown_article(name: str = "news-02.ar.txt") -> tuple[str, tuple[tuple[str, str], ...]]:
    """A Markdown article made from a real text: a title, two sections, a quote, a bulleted and
    a numbered list and a code block; and the (kind, text) blocks it should give."""
    story = article(name)
    p = story.paragraphs
    half = len(p) // 2
    code = ["curl -s https://example.org/data.json", "  | jq '.items[]'"]
    lines = [
        f"# {story.title}",
        "",
        *[line for para in p[:half] for line in (para, "")],
        "## الوضع الإنساني",
        "",
        "> " + STRUCTURED_QUOTE,
        "",
        "- " + STRUCTURED_ITEMS[0],
        "- " + STRUCTURED_ITEMS[1],
        "",
        "1. الخطوة الأولى",
        "2. الخطوة الثانية",
        "",
        "```sh",
        *code,
        "```",
        "",
        "## ما بعد ذلك",
        "",
        *[line for para in p[half:] for line in (para, "")],
    ]
    expected = (
        ("title", story.title),
        *(("paragraph", x) for x in p[:half]),
        ("heading", "الوضع الإنساني"),
        ("quote", STRUCTURED_QUOTE),
        ("item", STRUCTURED_ITEMS[0]),
        ("item", STRUCTURED_ITEMS[1]),
        ("item", "1. الخطوة الأولى"),
        ("item", "2. الخطوة الثانية"),
        *(("preformatted", line) for line in code),
        ("heading", "ما بعد ذلك"),
        *(("paragraph", x) for x in p[half:]),
    )
    return "\n".join(lines) + "\n", expected
