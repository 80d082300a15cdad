#!/usr/bin/env python3
"""Writes the sample budget tables under examples/Content/budgets/ (invented places and figures, `sample: true`).

Deterministic. Subtotals add up and the economic lines equal the functional ones, so the samples build without
warnings; each municipality is written in a different export format (UTF-8 commas, Windows-1251 semicolons with a
title line, tabs with Kyrgyz headers), as CSOs' spreadsheets produce them. Usage: scripts/sample-budgets.py
"""
import pathlib
import random

root = pathlib.Path(__file__).resolve().parent.parent / "examples" / "Content" / "budgets"

# Detailed functional lines and their weight in a year's spending.
FUNCTIONS = [
    ("7011", "Аппарат айыл окмоту", 0.17), ("7013", "Общие службы", 0.03),
    ("7032", "Пожарная охрана", 0.02),
    ("7042", "Сельское хозяйство и пастбища", 0.03), ("7045", "Ремонт местных дорог", 0.09),
    ("7051", "Вывоз мусора", 0.04),
    ("7062", "Благоустройство", 0.05), ("7063", "Водоснабжение", 0.08), ("7064", "Уличное освещение", 0.03),
    ("7081", "Спорт", 0.02), ("7082", "Дом культуры и библиотека", 0.05),
    ("7091", "Детские сады", 0.27), ("7096", "Питание и подвоз школьников", 0.05),
    ("7104", "Помощь семьям с детьми", 0.04), ("7109", "Социальная помощь", 0.04),
]
OWN_REVENUE = [("1111", "Подоходный налог", 0.34), ("113", "Налоги на имущество и землю", 0.30),
               ("114", "Налог с продаж и патенты", 0.16), ("116", "Прочие налоги", 0.03),
               ("1415", "Аренда земель ФПС", 0.10), ("1422", "Административные сборы", 0.05), ("143", "Штрафы", 0.02)]

def split(total, weights, rng, jitter=0.15):
    raw = [w * (1 + rng.uniform(-jitter, jitter)) for w in weights]
    scale = total / sum(raw)
    amounts = [round(r * scale, -2) for r in raw]
    amounts[-1] = round(total - sum(amounts[:-1]), 2)
    return amounts

def year_lines(rng, spending, transfers_share, balance, capital_grant, executed_rate):
    """Rows (code, name, approved, executed) for one year; executed None for a draft year."""
    revenue = spending + balance
    transfers = round(revenue * transfers_share, -3)
    own = revenue - transfers - capital_grant
    own_amounts = split(own, [w for _, _, w in OWN_REVENUE], rng)
    function_amounts = split(spending, [w for _, _, w in FUNCTIONS], rng)
    detailed = {}
    for (code, name, _), amount in zip(OWN_REVENUE, own_amounts):
        detailed[code] = (name, amount)
    detailed["1331"] = ("Выравнивающий грант", transfers)
    if capital_grant:
        detailed["1332"] = ("Стимулирующий грант на инвестиции", capital_grant)
    for (code, name, _), amount in zip(FUNCTIONS, function_amounts):
        detailed[code] = (name, amount)
    # The economic view of the same spending.
    social = detailed["7104"][1] + detailed["7109"][1]
    capital = round(spending * 0.11, -3)
    rest = spending - social - capital
    wages, contributions, goods, other = split(rest, [0.52, 0.09, 0.35, 0.04], rng, 0.05)
    detailed.update({"211": ("Заработная плата", wages), "212": ("Отчисления в Соцфонд", contributions),
                     "22": ("Товары и услуги", goods), "272": ("Социальные пособия", social),
                     "28": ("Прочие расходы", other), "3111": ("Строительство и ремонт зданий", round(capital * 0.8, -2)),
                     "3112": ("Оборудование", capital - round(capital * 0.8, -2))})
    executed = None
    if executed_rate is not None:
        executed = {code: round(amount * min(1.0, executed_rate * (1 + rng.uniform(-0.06, 0.04))), -2)
                    for code, (_, amount) in detailed.items()}
        # The economic lines must add up to the functional ones in the executed column too.
        functional = sum(executed[c] for c, _, _ in FUNCTIONS)
        economic_codes = ["211", "212", "22", "272", "28", "3111", "3112"]
        executed["22"] = round(executed["22"] + functional - sum(executed[c] for c in economic_codes), 2)
    order = ["1", "11", "111", "1111", "113", "114", "116", "13", "133", "1331", "1332", "14", "141", "1415", "142", "1422", "143",
             "7", "701", "7011", "7013", "703", "7032", "704", "7042", "7045", "705", "7051", "706", "7062", "7063", "7064",
             "708", "7081", "7082", "709", "7091", "7096", "710", "7104", "7109",
             "2", "21", "211", "212", "22", "27", "272", "28", "3", "3111", "3112"]
    names = {"1": "Доходы", "11": "Налоги", "111": "Налоги на доходы", "13": "Трансферты", "133": "Трансферты из республиканского бюджета",
             "14": "Неналоговые доходы", "141": "Доходы от собственности", "142": "Продажа услуг", "7": "Расходы", "701": "Госслужбы",
             "703": "Общественный порядок", "704": "Экономика", "705": "Охрана окружающей среды", "706": "ЖКХ", "708": "Культура и спорт",
             "709": "Образование", "710": "Социальная защита", "2": "Расходы по экономической классификации", "21": "Оплата труда",
             "27": "Социальные пособия", "3": "Приобретение нефинансовых активов"}
    rows = []
    for code in order:
        if code in detailed:
            name, amount = detailed[code]
            rows.append((code, name, amount, executed[code] if executed else None))
        else:
            beneath = [c for c in detailed if c.startswith(code) and c != code]
            if not beneath:
                continue
            rows.append((code, names[code], round(sum(detailed[c][1] for c in beneath), 2),
                         round(sum(executed[c] for c in beneath), 2) if executed else None))
    return rows

def plain(amount):
    return f"{amount:.2f}".rstrip("0").rstrip(".")

def grouped(amount, separator, mark):
    whole, fraction = f"{amount:.2f}".split(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = separator.join(groups)
    return text + (mark + fraction if fraction != "00" else "")

def write_ulgu_ayil(rng):
    for year, spending, share, balance, rate in [(2023, 58_400_000, 0.38, 600_000, 0.94), (2024, 62_900_000, 0.36, -1_200_000, 0.96),
                                                 (2025, 67_300_000, 0.35, 800_000, 0.93)]:
        rows = year_lines(rng, spending, share, balance, 2_500_000 if year == 2024 else 0, rate)
        lines = ["code,name,approved,executed"] + [f"{c},\"{n}\",{plain(a)},{plain(e)}" for c, n, a, e in rows]
        (root / "ulgu-ayil" / f"{year}.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")

def write_misal(rng):
    nbsp = "\u00a0"
    for year, spending, share, balance, rate in [(2024, 88_700_000, 0.31, 900_000, 0.95), (2025, 94_200_000, 0.29, -700_000, 0.97),
                                                 (2026, 101_500_000, 0.28, 0, None)]:
        rows = year_lines(rng, spending, share, balance, 0, rate)
        lines = [f"ОБРАЗЕЦ (вымышленные цифры): бюджет города Мисал на {year} год (сом);;;", "Код;Наименование;Утверждено;Исполнено"]
        for code, name, approved, executed in rows:
            name = "Аппарат мэрии" if code == "7011" else name
            lines.append(f"{code};{name};{grouped(approved, nbsp, ',')};{grouped(executed, nbsp, ',') if executed is not None else ''}")
        (root / "misal" / f"{year}.csv").write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1251"))

def write_korsotmo(rng):
    for year, spending, share, balance, rate in [(2023, 33_800_000, 0.56, -400_000, 0.91), (2024, 36_100_000, 0.55, 300_000, 0.95),
                                                 (2025, 39_600_000, 0.53, 500_000, 0.92)]:
        rows = year_lines(rng, spending, share, balance, 1_800_000 if year == 2025 else 0, rate)
        lines = ["Коду\tАталышы\tБекитилген\tАткарылган"]
        for code, name, approved, executed in rows:
            lines.append(f"{code}\t{name}\t{grouped(approved, ' ', ',')}\t{grouped(executed, ' ', ',')}")
        (root / "korsotmo" / f"{year}.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")

rng = random.Random(2026)
write_ulgu_ayil(rng)
write_misal(rng)
write_korsotmo(rng)
