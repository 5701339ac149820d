"""Stage 8, story: the articles of a corpus read as one story (``kgbuild story``).

After every article is built on its own, the story step links them: per-article events that report the
same real-world event (``events``), claims repeated across articles from the same original source, and
claims that contradict or support each other (``claims``). The result is a story layer (``graph``): one
more graph beside the articles', and its page in the report (``page``). It reads only the built graphs
(``kgbuild.report.data``), so in-memory, streamed, parallel and Dask builds give the same story.
"""
