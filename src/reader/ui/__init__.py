"""The Textual app: the reader screen, its widgets, the palette commands and the terminal."""
