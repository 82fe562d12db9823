"""The default article, shipped inside the package so `reader` with no file works when installed."""
