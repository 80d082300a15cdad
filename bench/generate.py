#!/usr/bin/env python3
"""Deterministic synthetic content for `make bench`, written twice: as an achyk Content/ folder and as a Hugo site
with the same Markdown, so that both generators build the same pages.

Usage: generate.py SIZE OUTPUT_FOLDER      SIZE: small (100 cases) | handbook (5,000 cases) | national
Each case exists in ky, ru and en, 1.5-3 KB of Markdown with headings, lists, a table and Cyrillic text.
"""
import pathlib
import random
import shutil
import sys

SIZES = {"small": 100, "handbook": 5000, "national": 5000}
OBLASTS = ["batken", "chui", "issyk-kul", "jalal-abad", "naryn", "osh", "talas"]
TOPICS = ["budget-hearings", "water", "health", "education", "youth", "women", "agriculture", "infrastructure"]
WORDS = {
    "ky": "айыл өкмөтү бюджет жамаат кеңеш суу мектеп жол тургундар өнөктөштүк угуу каражат долбоор жаштар аялдар "
          "көйгөй чечим жыйын отчет салык киреше чыгым пландоо ачык-айкындуулук".split(),
    "ru": "айыл окмоту бюджет сообщество кенеш вода школа дорога жители партнёрство слушания средства проект молодёжь "
          "женщины проблема решение собрание отчёт налог доход расход планирование прозрачность".split(),
    "en": "ayil okmot budget community council water school road residents partnership hearing funds project youth "
          "women problem decision meeting report tax revenue spending planning transparency".split(),
}
HEADINGS = {"ky": ["Кыскача", "Айыл", "Натыйжалар", "Сабактар"], "ru": ["Кратко", "Село", "Результаты", "Уроки"],
            "en": ["Summary", "The village", "Results", "Lessons"]}


def sentence(rng, language, words=12):
    text = " ".join(rng.choice(WORDS[language]) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def case_markdown(rng, index, language):
    oblast = OBLASTS[index % len(OBLASTS)]
    topics = sorted(rng.sample(TOPICS, 2))
    body = []
    target = rng.randint(1500, 3000)
    body.append(f"## {HEADINGS[language][0]}\n\n" + " ".join(sentence(rng, language) for _ in range(4)))
    body.append(f"## {HEADINGS[language][1]}\n\n" + " ".join(sentence(rng, language) for _ in range(3)))
    body.append("| " + " | ".join(["2004", "2005", "2006"]) + " |\n|---|---:|---:|\n" +
                "| " + " | ".join(str(rng.randint(10000, 900000)) for _ in range(3)) + " |")
    body.append("\n".join(f"- {sentence(rng, language, 6)}" for _ in range(4)))
    heading = 2
    while len("\n\n".join(body).encode()) < target:
        body.append(f"## {HEADINGS[language][heading % 4]}\n\n" + " ".join(sentence(rng, language) for _ in range(3)))
        heading += 1
    front = (f"---\ntitle: \"{sentence(rng, language, 4)[:-1]} {index}\"\ntagline: \"{sentence(rng, language, 8)}\"\n"
             f"summary: \"{sentence(rng, language, 14)}\"\noblast: {oblast}\ntopics: [{', '.join(topics)}]\n---\n")
    return front + "\n\n".join(body) + "\n"


def main():
    size, output = sys.argv[1], pathlib.Path(sys.argv[2])
    count = SIZES[size]
    rng = random.Random(20261123)
    shutil.rmtree(output, ignore_errors=True)
    achyk = output / "achyk" / "Content"
    hugo = output / "hugo"
    (achyk / "handbook").mkdir(parents=True)
    (achyk / "pages").mkdir()
    (hugo / "content" / "handbook").mkdir(parents=True)
    (achyk / "site.yaml").write_text(
        "title: {ky: Бенчмарк, ru: Бенчмарк, en: Benchmark}\nbase_url: https://example.org/\nlanguages: [ky, ru, en]\n",
        encoding="utf-8")
    for index in range(count):
        stem = f"{index + 1:04d}-case-{index + 1}"
        for language in ("ky", "ru", "en"):
            text = case_markdown(rng, index, language)
            (achyk / "handbook" / f"{stem}.{language}.md").write_text(text, encoding="utf-8")
            (hugo / "content" / "handbook" / f"{stem}.{language}.md").write_text(text, encoding="utf-8")
    for language in ("ky", "ru", "en"):
        page = f"---\ntitle: About\n---\n{sentence(rng, language, 40)}\n"
        (achyk / "pages" / f"about.{language}.md").write_text(page, encoding="utf-8")
        (hugo / "content" / f"about.{language}.md").write_text(page, encoding="utf-8")
    if size == "national":
        write_budgets(rng, achyk / "budgets")
    shutil.copytree(pathlib.Path(__file__).parent / "hugo-site", hugo, dirs_exist_ok=True)
    print(f"{size}: {count} cases x 3 languages in {output}")


def write_budgets(rng, folder):
    """480 municipalities x 10 years of budget CSVs of 40-80 lines whose totals agree (no warnings)."""
    revenue_codes = ["1111", "1131", "1141", "1415", "1422", "1331", "1332"]
    function_codes = ["7011", "7013", "7045", "7062", "7063", "7064", "7082", "7091", "7096", "7109"]
    economic_codes = ["211", "212", "22", "272", "28", "3111"]
    for municipality in range(480):
        mid = f"m{municipality + 1:03d}"
        (folder / mid).mkdir(parents=True)
        (folder / mid / "municipality.yaml").write_text(
            f"id: {mid}\nname: {{ky: Аймак {municipality + 1}, ru: Аймак {municipality + 1}, en: Aimak {municipality + 1}}}\n"
            f"kind: ayil-okmot\noblast: {OBLASTS[municipality % 7]}\npopulation: {{" +
            ", ".join(f"{year}: {rng.randint(3000, 30000)}" for year in range(2015, 2025)) + "}\n", encoding="utf-8")
        for year in range(2015, 2025):
            lines = rng.randint(40, 80)
            rows = ["code,name,approved,executed"]
            spending = [0, 0]
            # About a third revenue, the rest functional lines; then the economic view of the same spending.
            for line in range(lines - len(economic_codes)):
                approved, executed = rng.randint(1000, 900000), rng.randint(1000, 900000)
                if line % 3 == 0:
                    code = f"{rng.choice(revenue_codes)}{line:02d}"
                else:
                    code = f"{rng.choice(function_codes)}{line:02d}"
                    spending[0] += approved
                    spending[1] += executed
                rows.append(f"{code},строка {line},{approved},{executed}")
            shares = [rng.randint(5, 40) for _ in economic_codes]
            for column in (0, 1):
                parts = [spending[column] * share // sum(shares) for share in shares]
                parts[-1] += spending[column] - sum(parts)
                shares_column = parts
                if column == 0:
                    approved_parts = shares_column
                else:
                    executed_parts = shares_column
            for code, approved, executed in zip(economic_codes, approved_parts, executed_parts):
                rows.append(f"{code},вид {code},{approved},{executed}")
            (folder / mid / f"{year}.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
