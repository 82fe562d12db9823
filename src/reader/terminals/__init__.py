"""Which terminal reader runs in, and how to draw right-to-left text in it.

`detect` decides the bidi mode (`app` or `terminal`) from the environment and from the
terminal's answers to a start-up query (`query`); `rows` encodes the screen for terminals that
reorder each row themselves. Nothing here imports Textual.
"""
