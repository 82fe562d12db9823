"""The app's widgets, one per module (import them from their modules)."""
