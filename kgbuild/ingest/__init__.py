"""Stage 1, ingest: files, folders, JSON Lines, HTML pages, web archives and feeds in, ``model.Document`` out.

``documents`` reads paths and dispatches by kind; ``text`` holds the helpers every reader shares (dates,
clean text, the size limit); ``web`` reads HTML pages, WARC archives and RSS/Atom feeds.
"""
