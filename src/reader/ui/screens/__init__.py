"""The app's screens: the reader (main controller) and the help."""
