"""Site profiles: the lines a site repeats on its pages, learned from a corpus of its pages.

A profile maps a site (a host name, ``www.`` dropped, or a ``site`` name given in the corpus)
to the normalised lines seen in at least ``min_docs`` of that site's documents and in at least
``min_share`` of them. The ``site_template`` filter removes those lines from a document of that
site (see :mod:`cleantext.filters.site_template`).

Learning is deterministic: a line is counted once per document, exact duplicate documents of
a site count once, and the profile is written sorted, so the same corpus in any order gives the
same profile, byte for byte.

>>> docs = [("https://www.example.com/a", "Share this story\\nThe mayor resigned on Monday."),
...         ("https://example.com/b", "Share this story\\nRain is expected all week."),
...         ("https://example.com/c", "SHARE  this story\\nThe library reopens in May.")]
>>> p = learn_profile(docs, min_docs=3, min_share=0.5)
>>> p.lines_for("example.com")
frozenset({'share this story'})
>>> normalise_line("  1.2K  Shares ")
'0.0k shares'
"""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import regex

from ._errors import CleantextError, OptionError

__all__ = [
    "Profile",
    "ProfileError",
    "learn_profile",
    "normalise_line",
    "site_key",
    "PROFILE_FORMAT",
    "PROFILE_VERSION",
    "DEFAULT_MIN_DOCS",
    "DEFAULT_MIN_SHARE",
    "DEFAULT_MAX_DOCS_PER_SITE",
]

PROFILE_FORMAT = "cleantext-site-profile"
PROFILE_VERSION = 1

#: Defaults, measured on the labelled dev set (``benchmarks/profile_defaults.py``): a line must
#: recur in at least 3 documents of a site and in at least 30% of them.
DEFAULT_MIN_DOCS = 3
DEFAULT_MIN_SHARE = 0.3
#: Documents a site is learned from at most (a deterministic sample: see ProfileLearner).
DEFAULT_MAX_DOCS_PER_SITE = 1000

#: Lines longer than this are not learned: a recurring paragraph that long is syndicated text
#: (or a duplicate story), which the duplicate filter and a person should judge, not a profile.
MAX_LINE_CHARS = 400

_WS = regex.compile(r"\s+")
_DIGITS = regex.compile(r"\p{Nd}+")
_EOL = regex.compile(r"\r\n|\r|\n")


class ProfileError(CleantextError, ValueError):
    """A profile file that cannot be read: not JSON, another format, or a newer version."""


def normalise_line(line: str) -> str:
    """The form lines are compared in: NFKC, case-folded, digits as ``0``, white space folded.

    Digits are folded so that "1.1k shares" and "2.3k shares", or "Page 2 of 5" and "Page 3 of
    5", are one template line.
    """
    s = unicodedata.normalize("NFKC", line).casefold()
    s = _DIGITS.sub("0", s)
    return _WS.sub(" ", s).strip()


def site_key(url_or_site: str | None) -> str | None:
    """The site a URL belongs to (its host, lower case, without ``www.`` and port), or a site name.

    >>> site_key("https://WWW.Example.com:8080/news/1")
    'example.com'
    >>> site_key("example.org")
    'example.org'
    >>> site_key("") is None
    True
    """
    if not url_or_site or not isinstance(url_or_site, str):
        return None
    s = url_or_site.strip()
    if "://" in s or s.startswith("//"):
        try:
            host = urlsplit(s).hostname
        except ValueError:
            return None
        if not host:
            return None
        s = host
    else:
        s = s.split("/", 1)[0].rsplit(":", 1)[0] if "/" in s or ":" in s else s
    s = s.lower().rstrip(".")
    if s.startswith("www."):
        s = s[4:]
    return s or None


@dataclass(frozen=True, eq=False)
class Profile:
    """Per-site template lines (normalised) with the number of documents each was seen in.

    ``sites[site][line]`` is the number of the site's (distinct) documents the line occurs in,
    ``documents[site]`` the number of the site's documents. Load with :meth:`load`, write with
    :meth:`save`; :meth:`from_lines` builds one by hand.
    """

    sites: Mapping[str, Mapping[str, int]]
    documents: Mapping[str, int]
    min_docs: int = DEFAULT_MIN_DOCS
    min_share: float = DEFAULT_MIN_SHARE
    _sets: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for site, lines in self.sites.items():
            self._sets[site] = frozenset(lines)

    # -- querying ----------------------------------------------------------------------------
    def lines_for(self, url_or_site: str | None) -> frozenset[str]:
        """The template lines of the site of ``url_or_site`` (empty when the site is unknown)."""
        key = site_key(url_or_site)
        if key is None:
            return frozenset()
        return self._sets.get(key, frozenset())

    def share(self, site: str, line: str) -> float:
        """The share of the site's documents a (normalised) line was seen in."""
        n = self.documents.get(site, 0)
        return self.sites.get(site, {}).get(line, 0) / n if n else 0.0

    def __len__(self) -> int:
        return sum(len(v) for v in self.sites.values())

    def __repr__(self) -> str:
        return f"Profile({len(self.sites)} sites, {len(self)} lines)"

    # -- building ----------------------------------------------------------------------------
    @classmethod
    def from_lines(cls, sites: Mapping[str, Iterable[str]]) -> Profile:
        """A profile by hand: ``{"example.com": ["Share this story", ...]}`` (lines normalised)."""
        out: dict[str, dict[str, int]] = {}
        for site, lines in sites.items():
            key = site_key(site)
            if key is None:
                raise OptionError(f"not a site name or URL: {site!r}")
            out[key] = {normalise_line(x): 1 for x in lines if normalise_line(x)}
        return cls(out, {k: 1 for k in out}, min_docs=1, min_share=0.0)

    # -- files -------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        sites: dict[str, Any] = {}
        for site in sorted(self.sites):
            lines = self.sites[site]
            sites[site] = {
                "documents": self.documents.get(site, 0),
                "lines": [
                    {"line": ln, "documents": n}
                    for ln, n in sorted(lines.items(), key=lambda kv: (-kv[1], kv[0]))
                ],
            }
        return {
            "format": PROFILE_FORMAT,
            "version": PROFILE_VERSION,
            "normalisation": "NFKC, casefold, digit runs as 0, white space folded",
            "min_docs": self.min_docs,
            "min_share": self.min_share,
            "sites": sites,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1, sort_keys=False) + "\n"

    def save(self, path: str | os.PathLike[str]) -> None:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(self.to_json())

    @classmethod
    def from_dict(cls, d: object) -> Profile:
        if not isinstance(d, dict) or d.get("format") != PROFILE_FORMAT:
            raise ProfileError(f"not a cleantext site profile (expected \"format\": {PROFILE_FORMAT!r})")
        version = d.get("version")
        if not isinstance(version, int) or version > PROFILE_VERSION or version < 1:
            raise ProfileError(
                f"profile version {version!r} is not supported (this cleantext reads version {PROFILE_VERSION})"
            )
        sites: dict[str, dict[str, int]] = {}
        documents: dict[str, int] = {}
        raw_sites = d.get("sites")
        if not isinstance(raw_sites, dict):
            raise ProfileError("profile has no \"sites\" object")
        try:
            for site, entry in raw_sites.items():
                documents[site] = int(entry["documents"])
                sites[site] = {str(x["line"]): int(x["documents"]) for x in entry["lines"]}
        except (KeyError, TypeError, ValueError) as exc:
            raise ProfileError(f"malformed profile entry: {exc}") from exc
        return cls(
            sites,
            documents,
            min_docs=int(d.get("min_docs", DEFAULT_MIN_DOCS)),
            min_share=float(d.get("min_share", DEFAULT_MIN_SHARE)),
        )

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Profile:
        """Read a profile file written by :meth:`save` or ``cleantext learn``."""
        try:
            with open(path, encoding="utf-8") as fh:
                d = json.load(fh)
        except json.JSONDecodeError as exc:
            raise ProfileError(f"{os.fspath(path)}: not JSON ({exc})") from exc
        return cls.from_dict(d)


def _doc_lines(text: str) -> set[str]:
    out = set()
    for line in _EOL.split(text):
        if len(line) > MAX_LINE_CHARS * 2:
            continue
        n = normalise_line(line)
        if n and len(n) <= MAX_LINE_CHARS:
            out.add(n)
    return out


class ProfileLearner:
    """Learns a profile incrementally: ``add(site_or_url, text)`` per document, then ``profile()``.

    With ``max_docs_per_site`` (default 1000), each site is learned from a sample of that many
    of its documents: those whose content hash is smallest, which is the same sample whatever
    the order of the corpus, so memory stays bounded and the profile deterministic. ``None``
    counts every document.
    """

    def __init__(
        self,
        min_docs: int = DEFAULT_MIN_DOCS,
        min_share: float = DEFAULT_MIN_SHARE,
        max_docs_per_site: int | None = DEFAULT_MAX_DOCS_PER_SITE,
    ) -> None:
        if min_docs < 1:
            raise OptionError(f"min_docs must be at least 1, got {min_docs!r}")
        if not 0 <= min_share <= 1:
            raise OptionError(f"min_share must be in [0, 1], got {min_share!r}")
        if max_docs_per_site is not None and max_docs_per_site < 1:
            raise OptionError(f"max_docs_per_site must be at least 1 or None, got {max_docs_per_site!r}")
        self.min_docs = min_docs
        self.min_share = min_share
        self.max_docs = max_docs_per_site
        # site -> {content hash: the document's lines}: the sample (or every document)
        self._docs: dict[str, dict[bytes, frozenset[str]]] = {}
        self._worst: dict[str, bytes] = {}  # site -> the largest hash in a full sample

    def add(self, site_or_url: str | None, text: str) -> bool:
        """Count one document; False when it has no site, is an exact duplicate, or is not sampled."""
        site = site_key(site_or_url)
        if site is None:
            return False
        lines = _doc_lines(text)
        digest = hashlib.blake2b("\n".join(sorted(lines)).encode("utf-8", "surrogatepass"), digest_size=16).digest()
        docs = self._docs.setdefault(site, {})
        if digest in docs:
            return False
        if self.max_docs is not None and len(docs) >= self.max_docs:
            worst = self._worst.get(site) or max(docs)
            if digest >= worst:
                return False
            del docs[worst]
            docs[digest] = frozenset(lines)
            self._worst[site] = max(docs)
            return True
        docs[digest] = frozenset(lines)
        self._worst.pop(site, None)
        return True

    def profile(self) -> Profile:
        sites: dict[str, dict[str, int]] = {}
        documents: dict[str, int] = {}
        for site in sorted(self._docs):
            docs = self._docs[site]
            n = len(docs)
            need = max(self.min_docs, self.min_share * n)
            counts: Counter[str] = Counter()
            for lines in docs.values():
                counts.update(lines)
            lines_ = {ln: c for ln, c in counts.items() if c >= need}
            if lines_:
                sites[site] = dict(sorted(lines_.items()))
                documents[site] = n
        return Profile(sites, documents, min_docs=self.min_docs, min_share=self.min_share)


def learn_profile(
    documents: Iterable[tuple[str | None, str]],
    *,
    min_docs: int = DEFAULT_MIN_DOCS,
    min_share: float = DEFAULT_MIN_SHARE,
    max_docs_per_site: int | None = DEFAULT_MAX_DOCS_PER_SITE,
) -> Profile:
    """Learn a profile from ``(url or site, text)`` pairs (see the module's docstring)."""
    learner = ProfileLearner(min_docs, min_share, max_docs_per_site)
    for site, text in documents:
        learner.add(site, text)
    return learner.profile()
