"""A structured document in the real app: the palette goes to a book's chapters and an article's
sections, the title bar shows the declared title, headings have room before them, and a
preformatted line is never wrapped nor drawn past the article's edge."""

from __future__ import annotations

from pathlib import Path

from reader_pilot import reader_app, reader_screen, settle, text_path
from rich.cells import cell_len
from textual.command import CommandPalette

from reader.text.document import Block, Document
from reader.text.epub_book import epub_document
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.title_bar import TitleBar

CHAPTERS = ("news-03.ar.txt", "news-05.ar.txt", "news-08.ar.txt")


def paragraphs(name: str) -> list[str]:
    text = Path(text_path(name)).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


def book(path: Path) -> Document:
    """An EPUB of three real articles, one a chapter, built with ebooklib and read back."""
    from ebooklib import epub

    made = epub.EpubBook()
    made.set_identifier("structured-view")
    made.set_title("مختارات")
    made.set_language("ar")
    items = []
    for number, name in enumerate(CHAPTERS, 1):
        title, *body = paragraphs(name)
        item = epub.EpubHtml(title=title, file_name=f"c{number}.xhtml", lang="ar")
        item.content = f"<html><body><h1>{title}</h1>{''.join(f'<p>{p}</p>' for p in body)}"
        item.content += "</body></html>"
        made.add_item(item)
        items.append(item)
    made.toc = items
    made.add_item(epub.EpubNcx())
    made.add_item(epub.EpubNav())
    made.spine = items
    epub.write_epub(str(path), made)
    return epub_document(path.read_bytes(), "book.epub")


async def test_the_palette_goes_to_a_chapter(tmp_path: Path) -> None:
    document = book(tmp_path / "book.epub")
    third = document.chapters[2]
    assert third.title == paragraphs(CHAPTERS[2])[0]
    app = reader_app(document=document)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*third.title.split()[0])  # the first word of the chapter's title
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        screen = reader_screen(pilot)
        assert screen.current == third.paragraph
        assert screen.article.paragraph_at_top() == third.paragraph


async def test_the_palette_goes_to_a_section() -> None:
    body = paragraphs("news-02.ar.txt")
    blocks = [Block(body[0], "title"), *(Block(p) for p in body[1:4])]
    blocks += [Block("الوضع في حلب", "heading", 2), *(Block(p) for p in body[4:])]
    document = Document.from_blocks(blocks, "page.html", source_format="html")
    section = next(p.index for p in document.paragraphs if p.kind == "heading")
    app = reader_app(document=document)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"حلب")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert reader_screen(pilot).current == section


async def test_the_title_bar_shows_the_declared_title() -> None:
    """A title longer than a headline (so the first-paragraph rule would not take it)."""
    title = "عنوان طويل جدا لمقال منشور على موقع إخباري عربي يتجاوز ستين حرفا بكثير"
    assert len(title) > 60
    document = Document.from_blocks(
        [Block(title, "title"), *(Block(p) for p in paragraphs("news-01.ar.txt")[1:])],
        "page.html",
        title=title,
        source_format="html",
    )
    app = reader_app(document=document)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert reader_screen(pilot).query_one(TitleBar).title == title


async def test_headings_have_room_and_code_is_not_wrapped() -> None:
    code = "for (int i = 0; i < count; i++) { total += values[i] * weights[i]; }  // المجموع"
    body = paragraphs("news-04.ar.txt")
    document = Document.from_blocks(
        [
            Block(body[0], "title"),
            Block(body[1]),
            Block("القسم الثاني", "heading", 2),
            Block(code, "preformatted"),
            Block(body[2]),
        ],
        "notes.md",
        source_format="markdown",
    )
    app = reader_app(document=document)
    async with app.run_test(size=(60, 30)) as pilot:  # narrow: the code line does not fit
        await settle(pilot)
        view = reader_screen(pilot).query_one(ArticleView)
        heading = view.layout_of(2)
        assert heading.lines[0].text == ""  # a blank row before the heading
        assert [line.text for line in heading.lines[1:]] != []
        laid = view.layout_of(3)
        assert len(laid.lines) == 1  # never wrapped
        assert laid.lines[0].width > view.measure
        width = view.scrollable_content_region.width
        for y in range(view.scrollable_content_region.height):
            strip = view.render_line(y)
            assert strip.cell_length == width
        row = view.row_of(3) - view.scroll_offset.y
        drawn = "".join(segment.text for segment in view.render_line(row))
        assert "for (int i = 0;" in drawn  # the start of the code is what is shown
        assert cell_len(drawn) == width
