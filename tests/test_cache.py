"""The on-disk cache of the stopword groups: what it gives back is what building gives,
and a missing, damaged or unwritable cache only means building again, never an error."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from cleaner import cache, lang


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """The cache in a folder of its own, and no table left in memory (before and after)."""
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path / "cache"))
    lang._code_groups.cache_clear()
    yield tmp_path / "cache"
    lang._code_groups.cache_clear()


def _fields(groups):
    """Everything the groups hold, the lazily made ones included, in order."""
    return (list(groups.ascii.items()), list(groups.other.items()), groups.codes, groups.languages,
            groups.packed)


def _cache_files(folder):
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_cached_groups_equal_built_groups(fresh):
    built = lang._build_groups()
    first = lang._code_groups()  # builds, writes the cache
    assert len(_cache_files(fresh)) == 1
    lang._code_groups.cache_clear()
    cached = lang._code_groups()  # reads it back
    assert _fields(cached) == _fields(built) == _fields(first)  # the same order too
    assert cached.group("the") == built.group("the") is not None
    assert cached.group("für") == built.group("für") is not None
    assert built.group("zzzz") is None and built.group("ßßß") is None


def test_stoplist_equals_the_table(fresh):
    table = lang.stopwords()
    codes = {code for codes in table.values() for code in codes}
    assert len(codes) > 50
    for code in codes:
        assert lang.stoplist(code) == frozenset(w for w, cs in table.items() if code in cs), code
    assert lang.stoplist("xx") == frozenset()


def test_stopwords_hold_no_newline():
    """What lets the cache store the words joined by newlines."""
    assert not any("\n" in word for word in lang.stopwords())


@pytest.mark.parametrize("damage", [
    lambda blob: blob[: len(blob) // 2],                  # truncated
    lambda blob: blob[:-10] + b"x" * 10,                  # changed: the digest no longer fits
    lambda blob: b"",                                     # empty
    lambda blob: b"not a cache file at all",
])
def test_damaged_cache_is_rebuilt(fresh, damage):
    built = lang._code_groups()
    [name] = _cache_files(fresh)
    path = fresh / name
    path.write_bytes(damage(path.read_bytes()))
    lang._code_groups.cache_clear()
    assert _fields(lang._code_groups()) == _fields(built)
    lang._code_groups.cache_clear()
    assert _fields(lang._code_groups()) == _fields(built)  # and the file was written again, whole


def test_payload_that_does_not_unpack_is_rebuilt(fresh):
    """A file whose digest fits but whose payload is not groups (another format, say)."""
    built = lang._code_groups()
    key = lang._groups_key()
    assert cache.write("stopword-groups", key, b"\x00garbage")
    lang._code_groups.cache_clear()
    assert _fields(lang._code_groups()) == _fields(built)
    assert lang._unpack_groups(b"\x00garbage") is None
    assert lang._unpack_groups(lang.marshal.dumps((b"ab\ncd", b"", "", b"", ()))) is None  # lengths differ
    assert lang._unpack_groups(lang.marshal.dumps((b"", b"", "é\nü", b"\0\0\0\0", ()))) is None


def test_unwritable_cache_falls_back(monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(blocker / "cache"))  # a folder under a file: cannot exist
    lang._code_groups.cache_clear()
    try:
        assert _fields(lang._code_groups()) == _fields(lang._build_groups())
        assert not cache.write("x", "0", b"payload")
        assert cache.read("x", "0") is None
    finally:
        lang._code_groups.cache_clear()


def test_no_cache_when_switched_off(monkeypatch):
    monkeypatch.setenv("CLEANER_CACHE_DIR", "")
    assert cache.cache_dir() is None
    assert not cache.write("x", "0", b"payload")
    assert cache.read("x", "0") is None


def test_cache_dir_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("CLEANER_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "cleaner"


def test_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    assert cache.write("thing", "abc", b"payload")
    assert cache.read("thing", "abc") == b"payload"
    assert cache.read("thing", "abd") is None
    assert _cache_files(tmp_path) == ["thing-abc.bin"]


def test_cli_with_unwritable_cache_has_no_traceback(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    doc = tmp_path / "page.txt"
    doc.write_text("Share\nDer Hund ist in den Garten gelaufen, weil er nicht mehr warten wollte.\n",
                   encoding="utf-8")
    env = {**os.environ, "CLEANER_CACHE_DIR": str(blocker / "cache")}
    run = subprocess.run([sys.executable, "-m", "cleaner", "clean", str(doc)],
                         capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    assert run.stdout == "Der Hund ist in den Garten gelaufen, weil er nicht mehr warten wollte.\n"


def test_writing_prunes_only_stale_entries_of_the_same_name(tmp_path, monkeypatch):
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    for key in ("old", "recent"):
        assert cache.write("thing", key, b"x")
    assert cache.write("other", "old", b"x")
    stale = os.path.getmtime(tmp_path / "thing-old.bin") - cache.STALE_AFTER - 10
    os.utime(tmp_path / "thing-old.bin", (stale, stale))
    os.utime(tmp_path / "other-old.bin", (stale, stale))
    assert cache.write("thing", "new", b"x")
    assert _cache_files(tmp_path) == ["other-old.bin", "thing-new.bin", "thing-recent.bin"]


# --- what the repair prefilters take from ftfy ----------------------------------

def test_cached_ftfy_patterns_equal_reading_ftfy(monkeypatch, tmp_path):
    from cleaner import repair

    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    read = repair._read_patterns()
    assert repair._patterns() == read  # read from ftfy, written
    assert [p.name.split("-")[:2] for p in tmp_path.iterdir()] == [["ftfy", "patterns"]]
    assert repair._patterns() == read  # from the cache
    # what the module compiled at import is the same, whichever way it came
    assert repair._ACTIONABLE.pattern == f"[{read['actionable']}]{repair._ENTITY_AFTER_AMPERSAND}"
    assert repair._MOJIBAKE.pattern == read["mojibake"] and repair._BADNESS_WIDTH == read["width"]


@pytest.mark.parametrize("payload", [b"", b"{", b"[]", b'{"actionable": 1}', b'{"actionable": "a", "entity": "b"}',
                                     b'{"actionable": "a", "entity": "b", "mojibake": "x", "width": 7}'])
def test_bad_ftfy_patterns_entry_is_read_again(monkeypatch, tmp_path, payload):
    from cleaner import repair

    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    assert cache.write("ftfy-patterns", repair._patterns_key(), payload)
    assert repair._patterns() == repair._read_patterns()


def _run(code: str, env: dict) -> str:
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0 and run.stderr == "", run.stderr
    return run.stdout


def test_ftfy_is_imported_only_when_a_line_needs_it(tmp_path):
    env = {**os.environ, "CLEANER_CACHE_DIR": str(tmp_path)}
    probe = ("import sys, cleaner; print(cleaner.clean({!r}).replace(chr(10), '|')); "
             "print('ftfy' in sys.modules)")
    plain = "A plain “quoted” line – with a dash, and the council met on Monday evening."
    _run(probe.format(plain), env)  # the first run fills the cache
    assert _run(probe.format(plain), env) == plain + "\nFalse\n"
    entity = "Fish &amp; chips: the café is open on Monday evening for everyone in town."
    assert _run(probe.format(entity), env) == entity.replace("&amp;", "&") + "\nTrue\n"


def test_import_with_unwritable_cache(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    env = {**os.environ, "CLEANER_CACHE_DIR": str(blocker / "cache")}
    assert _run("import cleaner; print(cleaner.clean('Caf\\u00c3\\u00a9 &amp; bar is open.'))", env) \
        == "Café & bar is open.\n"


def test_ftfy_patterns_that_do_not_compile_are_read_again(monkeypatch, tmp_path):
    from cleaner import repair

    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    bad = {"actionable": "a", "entity": "(", "mojibake": None, "width": 7}
    assert cache.write("ftfy-patterns", repair._patterns_key(), json.dumps(bad).encode())
    assert repair._patterns() == repair._read_patterns()


def test_stopwords_equal_reading_the_table_name_by_name():
    """The table as first built: the stoplist names of stoplist_languages.tsv in order."""
    codes = {}
    for row in (lang._DATA / "stoplist_languages.tsv").read_text(encoding="utf-8").splitlines():
        if row and not row.startswith("#"):
            name, _, code = row.partition("\t")
            if code:
                codes[name] = code
    table: dict[str, list[str]] = {}
    directory = lang._stoplist_dir()
    for name, code in codes.items():
        path = directory / f"{name}.txt"
        if path.exists():
            for word in path.read_text(encoding="utf-8").split():
                table.setdefault(word.casefold(), []).append(code)
    reference = {w: tuple(c) for w, c in table.items()}
    assert list(lang.stopwords().items()) == list(reference.items())
