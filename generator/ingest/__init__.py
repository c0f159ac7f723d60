"""Stage 0 — ingest: the kinds of input files besides plain text, one module per kind.

    registry.py  which reader reads which file extension; expand() and extract_unit()
    base.py      the records readers hand on (Unit, Expansion, InputNote) and shared helpers
    html.py      a saved web page (.html, .htm): trafilatura for text and metadata, htmldate for dates
    warc.py      web captures (.warc, .warc.gz) streamed with warcio: one page per HTML response
    export.py    scraper exports (.jsonl, .json, .csv), one article per row, mapped by mapping.py
    mapping.py   the field mappings of exports (site_config/exports.yml)
    markdown.py  Markdown written by hand (.md): front matter as a sidecar, body as the text

Plain text (.txt) keeps its own path (`pipeline.extract_file`). A file of another kind is first
*expanded* into units (one per article: a page, a WARC record, an export row), in the main process
and streaming; the units are then extracted like text files, in the same pool of processes.
"""
