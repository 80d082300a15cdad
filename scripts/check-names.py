#!/usr/bin/env python3
"""Checks the spelling of places and organisations in Content/ against Content/names.yaml.

Usage: scripts/check-names.py [CONTENT_FOLDER]     (default: Content)

The rules are the generator's (a helper for writers and reviewers; achyk has its own implementation):
- In a ky or ru text, an entry's `en` spelling at the start of a word is a hit.
- In a ky text, the entry's `ru` spelling (when it differs from `ky`) is a hit; in a ru text, the `ky` spelling
  (when it differs from `ru`) is a hit.
- In any text, a spelling listed under `wrong` is a hit.
A word is a run of letters, digits and hyphens; a spelling matches at the start of a word and may be followed by
more of it (so «Жер-Казарда» is caught by «Жер-Казар»). Matching is case-sensitive.

Texts: Markdown pages by their language suffix (`*.ky.md`, `*.ru.md`, `*.en.md`): the front matter's text keys and
the body; YAML files: every string under a `ky:`, `ru:` or `en:` key. Prints `path:line: ...` for each hit and exits 1
if there is any. Needs PyYAML.
"""
import pathlib
import re
import sys

import yaml

LANGS = ("ky", "ru", "en")
# Front matter keys whose values are identifiers, not text.
ID_KEYS = {"oblast", "topics", "partnership", "municipality", "date", "draft", "section", "weight", "id", "slug"}


def load_names(path):
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    rules = {lang: [] for lang in LANGS}  # lang -> [(regex, message)]
    for entry in entries:
        names = {lang: entry.get(lang) for lang in LANGS}
        label = names.get("en") or names.get("ru") or names.get("ky")
        wrong = entry.get("wrong") or []
        for lang in LANGS:
            checks = [(w, f"«{w}» is a wrong spelling of {label}") for w in wrong]
            if lang in ("ky", "ru"):
                if names["en"]:
                    checks.append((names["en"], f"«{names['en']}» is the English spelling; {lang}: «{names[lang]}»"))
                other = "ru" if lang == "ky" else "ky"
                if names[other] and names[other] != names[lang]:
                    checks.append((names[other], f"«{names[other]}» is the {other} spelling; {lang}: «{names[lang]}»"))
            for spelling, message in checks:
                rules[lang].append((re.compile(r"(?<![\w-])" + re.escape(str(spelling))), message))
    return rules


def check_text(rules, lang, text, where, line, hits):
    for number, content in enumerate(text.split("\n")):
        for regex, message in rules[lang]:
            for match in regex.finditer(content):
                word = re.match(r"[\w-]*", content[match.start():]).group(0)
                hits.append(f"{where}:{line + number}: {message} (in «{word}»)")


def check_markdown(rules, path, lang, hits):
    lines = path.read_text(encoding="utf-8").split("\n")
    start = 0
    if lines and lines[0].strip() == "---":
        for index in range(1, len(lines)):
            if lines[index].strip() == "---":
                for number in range(1, index):
                    key = lines[number].split(":", 1)[0].strip()
                    if key not in ID_KEYS:
                        check_text(rules, lang, lines[number], path, number + 1, hits)
                start = index + 1
                break
    check_text(rules, lang, "\n".join(lines[start:]), path, start + 1, hits)


def check_yaml(rules, path, hits):
    root = yaml.compose(path.read_text(encoding="utf-8"))

    def walk(node):
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value in LANGS and isinstance(value, yaml.ScalarNode):
                    check_text(rules, key.value, value.value, path, value.start_mark.line + 1, hits)
                else:
                    walk(value)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item)

    if root is not None:
        walk(root)


def main():
    content = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "Content")
    rules = load_names(content / "names.yaml")
    hits = []
    for path in sorted(content.rglob("*")):
        if path.name == "names.yaml" or not path.is_file():
            continue
        if path.suffix == ".md":
            lang = path.stem.rsplit(".", 1)[-1]
            if lang in LANGS:
                check_markdown(rules, path, lang, hits)
        elif path.suffix in (".yaml", ".yml"):
            check_yaml(rules, path, hits)
    for hit in hits:
        print(hit)
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
