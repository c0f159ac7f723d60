"""The one place that makes slugs, ids and URLs.

Article ids come from the source file's path relative to `corpus/` (never from its title or date), so
re-extracting an article or correcting its date never moves its page. Ids are ASCII: Arabic letters
are transliterated, anything else becomes "-", and a short hash of the full relative path is added
when the readable part had to drop characters, so two different names never share an id.
"""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

_TRANSLIT = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "aa", "ٱ": "a", "ء": "", "ؤ": "w", "ئ": "y", "ب": "b", "ت": "t",
    "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s",
    "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "gh", "ف": "f", "ق": "q",
    "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "a", "و": "w", "ي": "y", "ى": "a",
}
for _i in range(10):
    _TRANSLIT[chr(0x0660 + _i)] = str(_i)
    _TRANSLIT[chr(0x06F0 + _i)] = str(_i)

_SAFE = re.compile(r"[^a-z0-9]+")


def slugify(text: str, max_len: int = 60) -> str:
    """ASCII slug: lower-case letters, digits and single hyphens; may be empty."""
    out = []
    for ch in unicodedata.normalize("NFKD", text):
        if ch in _TRANSLIT:
            out.append(_TRANSLIT[ch])
        elif unicodedata.combining(ch):
            continue
        else:
            out.append(ch.lower())
    slug = _SAFE.sub("-", "".join(out)).strip("-")
    return slug[:max_len].strip("-")


def short_hash(text: str, n: int = 8) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


def article_id(rel_path: str) -> str:
    """Stable id for a corpus file, from its path relative to corpus/ ("a/b.txt" → "a-b")."""
    stem = re.sub(r"\.[^./]*$", "", rel_path)
    slug = slugify(stem.replace("/", "-"), max_len=80)
    plain = re.fullmatch(r"[A-Za-z0-9_\-/]+", stem) is not None
    if not slug:
        return "a-" + short_hash(rel_path)
    if not plain:
        slug = f"{slug}-{short_hash(rel_path, 6)}"
    return slug


def found_entity_id(entity_type: str, key: str) -> str:
    """Stable id of a name the recogniser found (not curated): "found-" + a transliteration of its
    folded key + a short hash of type and key, so two names never share an id and a curated id
    (which never starts with "found-") is never taken."""
    slug = slugify(key, max_len=40) or "x"
    return f"found-{slug}-{short_hash(entity_type + ':' + key, 6)}"


def safe_slug(curated_id: str) -> str:
    """ASCII slug for a curated id: the id itself when it is already a clean slug, else a
    transliteration plus a short hash of the id (so two different ids never share a slug)."""
    slug = slugify(curated_id, max_len=80)
    if slug == curated_id:
        return slug
    return f"{slug}-{short_hash(curated_id, 6)}" if slug else "x-" + short_hash(curated_id)


def resolve_clashes(wanted: dict[str, str]) -> dict[str, str]:
    """Give every key a distinct slug. `wanted` maps a key (a source path, a curated id) to the
    slug it would like. When several keys want one slug, the key whose own name already is that
    slug keeps it (else the first key in sorted order); the others get "-" + a hash of their key.
    The result depends only on the set of keys, never on the order they were found in."""
    by_slug: dict[str, list[str]] = {}
    for key in sorted(wanted):
        by_slug.setdefault(wanted[key], []).append(key)
    out: dict[str, str] = {}
    taken = set(by_slug)
    for slug, keys in sorted(by_slug.items()):
        keys = sorted(keys, key=lambda k: (_bare(k) != slug, k))
        out[keys[0]] = slug
        for key in keys[1:]:
            n = 6
            alt = f"{slug}-{short_hash(key, n)}"
            while alt in taken:
                n += 2
                alt = f"{slug}-{short_hash(key, n)}"
            taken.add(alt)
            out[key] = alt
    return out


def _bare(key: str) -> str:
    stem = re.sub(r"\.[^./]*$", "", key)
    return stem.replace("/", "-")


ENTITY_FOLDERS: dict[str, str] = {"person": "people", "place": "places", "organization": "organizations"}
INDEX_KINDS: tuple[str, ...] = ("people", "places", "organizations", "topics", "outlets")


def entity_folder(entity_type: str) -> str:
    return ENTITY_FOLDERS.get(entity_type, "others")


class Urls:
    """Every page's path inside content/ (the MkDocs docs_dir) and every link between pages.

    Paths are POSIX, relative to content/, and end in ".md"; `link` makes the relative Markdown link
    from one page to another (MkDocs checks these with --strict), and `page_url` gives the URL the
    built site serves a page at (directory URLs: "articles/x.md" → "articles/x/")."""

    def __init__(
        self,
        articles: dict[str, str] | None = None,
        entities: dict[str, str] | None = None,
        topics: dict[str, str] | None = None,
        outlets: dict[str, str] | None = None,
    ) -> None:
        self.article_slugs = dict(articles or {})  # article id → slug
        self.entity_slugs = dict(entities or {})  # entity id → slug
        self.topic_slugs = dict(topics or {})
        self.outlet_slugs = dict(outlets or {})

    # ---- pages -----------------------------------------------------------------------------------
    def home(self) -> str:
        return "index.md"

    def report(self) -> str:
        return "report.md"

    def timeline(self) -> str:
        return "timeline/index.md"

    def month(self, year: int, month: int) -> str:
        return f"timeline/{year:04d}-{month:02d}.md"

    def undated(self) -> str:
        return "timeline/undated.md"

    def index(self, kind: str) -> str:
        if kind not in INDEX_KINDS:
            raise ValueError(f"unknown index: {kind}")
        return f"{kind}/index.md"

    def entity_index(self, entity_type: str) -> str:
        return f"{entity_folder(entity_type)}/index.md"

    def article(self, article_id: str) -> str:
        return f"articles/{self.article_slugs.get(article_id) or safe_slug(article_id)}.md"

    def entity(self, entity_type: str, entity_id: str) -> str:
        slug = self.entity_slugs.get(entity_id) or safe_slug(entity_id)
        return f"{entity_folder(entity_type)}/{slug}.md"

    def topic(self, topic_id: str) -> str:
        return f"topics/{self.topic_slugs.get(topic_id) or safe_slug(topic_id)}.md"

    def outlet(self, outlet_id: str) -> str:
        return f"outlets/{self.outlet_slugs.get(outlet_id) or safe_slug(outlet_id)}.md"

    def subpage(self, page_path: str, part: str) -> str:
        """A page under another page's URL ("people/x.md", "2015" → "people/x/2015.md"), used
        to split a long list of articles by year."""
        return f"{page_path[: -len('.md')]}/{part}.md"

    @staticmethod
    def search(**query: str) -> str:
        """The search page with a query string: search(entity="baghdad") → "search.md?entity=baghdad"
        (a path inside content/, for `link`; MkDocs keeps the query when it rewrites the link). The
        keys the search page reads: q, entity (an entity id), topic (a topic id), outlet (an
        outlet's name), year, sort."""
        from urllib.parse import urlencode
        return "search.md" + ("?" + urlencode(sorted(query.items())) if query else "")

    def list_page(self, page_path: str, number: int) -> str:
        """Page `number` (from 1) of a long list that starts on `page_path`: the first page is
        `page_path` itself, the others sit under its URL ("timeline/2015-09.md", 2 →
        "timeline/2015-09/page-2.md")."""
        if number <= 1:
            return page_path
        stem = page_path[: -len("/index.md")] if page_path.endswith("/index.md") else page_path[: -len(".md")]
        return f"{stem}/page-{number}.md"
    # ---- stories, shared text, the archive as data (generator/reuse_pages.py, data_export.py) -----
    def stories_index(self) -> str:
        return "stories/index.md"

    def story(self, story_id: str) -> str:
        """A story's page; a story's id is its first article's id, so it takes that article's slug."""
        return f"stories/{self.article_slugs.get(story_id) or safe_slug(story_id)}.md"

    def versions(self, a_id: str, b_id: str) -> str:
        """The page comparing two versions of one text, older first."""
        a = self.article_slugs.get(a_id) or safe_slug(a_id)
        b = self.article_slugs.get(b_id) or safe_slug(b_id)
        return f"versions/{a}--{b}.md"

    def quotations_index(self) -> str:
        return "quotations/index.md"

    def data_page(self) -> str:
        return "data/index.md"

    @staticmethod
    def data_file(name: str) -> str:
        """A data file beside the data page ("articles-2015.csv" → "data/articles-2015.csv")."""
        return f"data/{name}"

    def feed(self, kind: str = "archive", key: str = "", entity_type: str = "") -> str:
        """The Atom feed of the archive (kind "archive") or of one topic, outlet or entity (kind
        "topic", "outlet" or "entity" with its id, and the entity's type): a path inside content/
        beside the pages, e.g. "feeds/topics/iraq.xml"."""
        if kind == "archive":
            return "feeds/archive.xml"
        if kind == "topic":
            return f"feeds/{self.topic(key)[: -len('.md')]}.xml"
        if kind == "outlet":
            return f"feeds/{self.outlet(key)[: -len('.md')]}.xml"
        if kind == "entity":
            return f"feeds/{self.entity(entity_type, key)[: -len('.md')]}.xml"
        raise ValueError(f"unknown feed: {kind}")

    @staticmethod
    def from_file(file_path: str, target_url: str) -> str:
        """A site URL (`page_url` form, relative to the site root) as seen from a file at
        `file_path` inside content/ that is not a page (a feed: "feeds/topics/x.xml")."""
        return "../" * file_path.count("/") + target_url

    @staticmethod
    def absolute(site_url: str, path: str) -> str:
        """The full URL of a page or file (`path` inside content/) on a site served at `site_url`."""
        rel = Urls.page_url(path) if path.endswith(".md") else path
        return site_url.rstrip("/") + "/" + rel

    # ---- links -----------------------------------------------------------------------------------
    @staticmethod
    def link(from_path: str, to_path: str) -> str:
        """Relative link from the page at `from_path` to the page at `to_path` (both in content/)."""
        return _relative(from_path[:from_path.rfind("/") + 1], to_path)

    @staticmethod
    def page_url(path: str) -> str:
        """URL of a page in the built site, relative to the site root (directory URLs)."""
        if path == "index.md":
            return ""
        if path.endswith("/index.md"):
            return path[: -len("index.md")]
        return path[: -len(".md")] + "/"


@functools.lru_cache(maxsize=1 << 16)
def _relative(from_folder: str, to_path: str) -> str:
    """`Urls.link` from any page in `from_folder` ("articles/", or "" at the top): remembered, since
    every article page sits in one folder and links to the same names, topics and months (an
    archive's pages ask for hundreds of thousands of links, a few thousand distinct)."""
    src = from_folder.split("/")[:-1]
    dst = to_path.split("/")
    common = 0
    while common < len(src) and common < len(dst) - 1 and src[common] == dst[common]:
        common += 1
    return "/".join([".."] * (len(src) - common) + dst[common:])
