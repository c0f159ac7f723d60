"""Generate `site_config/entities/countries.yml`: every country and territory, plus world regions.

Arabic names come from the CLDR data shipped with babel (offline); the English CLDR name gives the
stable ASCII id and the `latin` field. CLDR has one Arabic name per territory, while news writes
several (أمريكا، أميركا، الولايات المتحدة الأمريكية), so the common variants and short forms are
listed by hand below and merged in.

Forms that are also ordinary words (مالي "financial", بنين "sons", عمان the Jordanian capital) are
listed under `short`: they count only when the full name appears in the same article.

    python tools/seed_places.py [--out site_config/entities/countries.yml]

The output is deterministic: running the script twice gives byte-identical files.
"""
from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path

import yaml
from babel import Locale

# CLDR codes that are not places an article names (pseudo-locales, unions, uninhabited islands).
SKIP = {
    "EU", "EZ", "UN", "ZZ", "XA", "XB", "QO", "AQ", "BV", "HM", "CP", "DG", "TA", "AC", "IO", "UM",
    "TF", "GS", "CQ", "SJ", "PN", "NF", "CC", "CX", "BQ", "UM",
}

# World regions worth recognising (CLDR numeric codes) → id.
REGIONS = {
    "002": "africa", "142": "asia", "150": "europe", "419": "latin-america",
    "003": "north-america", "005": "south-america", "009": "oceania", "015": "north-africa",
    "014": "east-africa", "011": "west-africa", "030": "east-asia", "034": "south-asia",
    "035": "southeast-asia", "143": "central-asia", "151": "eastern-europe", "155": "western-europe",
    "029": "caribbean", "202": "sub-saharan-africa", "013": "central-america",
}

# Other forms of the region names.
REGION_ALIASES: dict[str, list[str]] = {
    "europe": ["أوربا", "القارة الأوروبية", "القارة العجوز"],
    "africa": ["القارة الأفريقية", "القارة السمراء"],
    "asia": ["القارة الآسيوية"],
    "central-asia": ["آسيا الوسطى"],
    "eastern-europe": ["أوروبا الشرقية"],
    "western-europe": ["أوروبا الغربية"],
    "sub-saharan-africa": ["أفريقيا جنوب الصحراء"],
    "north-africa": ["الشمال الأفريقي"],
    "east-asia": ["آسيا الشرقية"],
    "north-america": ["شمال أمريكا", "أميركا الشمالية"],
    "south-america": ["أميركا الجنوبية"],
    "central-america": ["أميركا الوسطى"],
    "latin-america": ["أميركا اللاتينية"],
}

# Canonical Arabic name to use instead of CLDR's when news usage differs.
NAME = {
    "PS": "فلسطين",
    "DK": "الدنمارك",
    "HU": "المجر",
    "MM": "ميانمار",
    "HK": "هونغ كونغ",
    "MO": "ماكاو",
    "TL": "تيمور الشرقية",
    "UY": "الأوروغواي",
    "CD": "جمهورية الكونغو الديمقراطية",
    "CG": "جمهورية الكونغو",
    "BY": "بيلاروسيا",
    "SA": "السعودية",
    "AE": "الإمارات",
    "GB": "بريطانيا",
    "CZ": "التشيك",
    "MK": "مقدونيا الشمالية",
}

# English name (and so the id) to use instead of CLDR's.
LATIN = {"PS": "Palestine", "HK": "Hong Kong", "MO": "Macao", "TR": "Turkey", "MM": "Myanmar"}

# Extra full forms (aliases) by code.
ALIASES: dict[str, list[str]] = {
    "US": ["أمريكا", "أميركا", "الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية"],
    "RU": ["روسيا الاتحادية", "الاتحاد الروسي"],
    "GB": ["المملكة المتحدة", "بريطانيا العظمى"],
    "SA": ["المملكة العربية السعودية"],
    "AE": ["الإمارات العربية المتحدة", "دولة الإمارات"],
    "SY": ["سورية", "الجمهورية العربية السورية"],
    "IR": ["الجمهورية الإسلامية الإيرانية", "الجمهورية الإسلامية في إيران"],
    "IQ": ["جمهورية العراق"],
    "EG": ["جمهورية مصر العربية"],
    "PS": ["الأراضي الفلسطينية", "دولة فلسطين", "الأراضي الفلسطينية المحتلة"],
    "DE": ["جمهورية ألمانيا الاتحادية"],
    "FR": ["الجمهورية الفرنسية"],
    "TR": ["الجمهورية التركية"],
    "LB": ["الجمهورية اللبنانية"],
    "JO": ["المملكة الأردنية الهاشمية"],
    "MA": ["المملكة المغربية"],
    "DZ": ["الجمهورية الجزائرية"],
    "TN": ["الجمهورية التونسية"],
    "LY": ["دولة ليبيا"],
    "KW": ["دولة الكويت"],
    "QA": ["دولة قطر"],
    "BH": ["مملكة البحرين"],
    "OM": ["سلطنة عمان"],
    "YE": ["الجمهورية اليمنية"],
    "SD": ["جمهورية السودان"],
    "CN": ["جمهورية الصين الشعبية"],
    "DK": ["الدانمرك", "الدانمارك"],
    "HU": ["هنغاريا"],
    "CZ": ["جمهورية التشيك", "تشيكيا"],
    "BY": ["بيلاروس", "روسيا البيضاء"],
    "MK": ["مقدونيا"],
    "MM": ["بورما"],
    "CI": ["كوت ديفوار"],
    "CV": ["كاب فيردي"],
    "SZ": ["سوازيلاند"],
    "CD": ["الكونغو الديمقراطية"],
    "CG": ["الكونغو برازافيل"],
    "UY": ["أوروغواي", "أورغواي"],
    "NL": ["هولاندا"],
    "PH": ["الفيليبين"],
    "AU": ["استراليا"],
    "AT": ["النمسا"],
    "BA": ["البوسنة"],
    "IE": ["إيرلندا", "ايرلندا"],
    "IS": ["أيسلندا", "إيسلندا"],
    "KP": ["كوريا الديمقراطية"],
    "VA": ["دولة الفاتيكان"],
    "VN": ["فيتنام"],
    "ML": ["جمهورية مالي"],
    "BJ": ["جمهورية بنين"],
    "TD": ["جمهورية تشاد"],
    "NE": ["جمهورية النيجر"],
    "EH": [],
    "IL": ["دولة إسرائيل"],
}

# Forms that count only beside a full form (see module docstring).
SHORT: dict[str, list[str]] = {
    "ML": ["مالي"],
    "BJ": ["بنين"],
    "OM": ["عمان"],
    "KM": ["القمر"],
    "CG": ["الكونغو"],
    "CD": ["الكونغو"],
}

# Wikidata items of the commonest countries.
WIKIDATA = {
    "AF": "Q889", "AL": "Q222", "DZ": "Q262", "AD": "Q228", "AO": "Q916", "AR": "Q414", "AM": "Q399",
    "AU": "Q408", "AT": "Q40", "AZ": "Q227", "BH": "Q398", "BD": "Q902", "BY": "Q184", "BE": "Q31",
    "BJ": "Q962", "BT": "Q917", "BO": "Q750", "BA": "Q225", "BR": "Q155", "BG": "Q219", "BF": "Q965",
    "BI": "Q967", "KH": "Q424", "CM": "Q1009", "CA": "Q16", "TD": "Q657", "CL": "Q298", "CN": "Q148",
    "CO": "Q739", "KM": "Q970", "CU": "Q241", "CY": "Q229", "CZ": "Q213", "DK": "Q35", "DJ": "Q977",
    "EC": "Q736", "EG": "Q79", "ER": "Q986", "EE": "Q191", "ET": "Q115", "FI": "Q33", "FR": "Q142",
    "GA": "Q1000", "GE": "Q230", "DE": "Q183", "GH": "Q117", "GR": "Q41", "GN": "Q1006", "HT": "Q790",
    "HU": "Q28", "IS": "Q189", "IN": "Q668", "ID": "Q252", "IR": "Q794", "IQ": "Q796", "IE": "Q27",
    "IL": "Q801", "IT": "Q38", "JP": "Q17", "JO": "Q810", "KZ": "Q232", "KE": "Q114", "KW": "Q817",
    "KG": "Q813", "LV": "Q211", "LB": "Q822", "LY": "Q1016", "LT": "Q37", "LU": "Q32", "MY": "Q833",
    "ML": "Q912", "MT": "Q233", "MR": "Q1025", "MX": "Q96", "MD": "Q217", "MC": "Q235", "MN": "Q711",
    "MA": "Q1028", "MZ": "Q1029", "MM": "Q836", "NP": "Q837", "NL": "Q55", "NZ": "Q664", "NE": "Q1032",
    "NG": "Q1033", "KP": "Q423", "NO": "Q20", "OM": "Q842", "PK": "Q843", "PS": "Q219060", "PE": "Q419",
    "PH": "Q928", "PL": "Q36", "PT": "Q45", "QA": "Q846", "RO": "Q218", "RU": "Q159", "RW": "Q1037",
    "SA": "Q851", "SN": "Q1041", "RS": "Q403", "SG": "Q334", "SK": "Q214", "SI": "Q215", "SO": "Q1045",
    "ZA": "Q258", "KR": "Q884", "SS": "Q958", "ES": "Q29", "LK": "Q854", "SD": "Q1049", "SE": "Q34",
    "CH": "Q39", "SY": "Q858", "TW": "Q865", "TJ": "Q863", "TZ": "Q924", "TH": "Q869", "TN": "Q948",
    "TR": "Q43", "TM": "Q874", "UG": "Q1036", "UA": "Q212", "AE": "Q878", "GB": "Q145", "US": "Q30",
    "UY": "Q77", "UZ": "Q265", "VA": "Q237", "VE": "Q717", "VN": "Q881", "YE": "Q805", "ZM": "Q953",
    "ZW": "Q954", "XK": "Q1246", "EH": "Q6250",
}


def slug(text: str) -> str:
    """ASCII id from an English name: 'Côte d’Ivoire' → 'cote-divoire'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = ascii_text.replace("&", "and").replace("'", "").lower()
    ascii_text = re.sub(r"\(.*?\)", "", ascii_text)
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def build_entries() -> list[dict[str, object]]:
    ar = Locale("ar").territories
    en = Locale("en").territories
    entries: list[dict[str, object]] = []
    for code in sorted(c for c in ar if len(c) == 2 and c.isalpha() and c not in SKIP):
        cldr = ar[code]
        cldr = re.sub(r"\s*\(.*?\)\s*", "", cldr).strip()
        name = NAME.get(code, cldr)
        aliases = [a for a in dict.fromkeys(([cldr] if cldr != name else []) + ALIASES.get(code, []))
                   if a != name]
        latin = LATIN.get(code, en[code])
        entry: dict[str, object] = {"id": slug(latin), "type": "place", "name": name}
        if aliases:
            entry["aliases"] = aliases
        if SHORT.get(code):
            entry["short"] = SHORT[code]
        entry["latin"] = latin
        if code in WIKIDATA:
            entry["wikidata"] = WIKIDATA[code]
        entry["description"] = "دولة أو إقليم (رمز ISO " + code + ")"
        entries.append(entry)
    for code, ident in sorted(REGIONS.items(), key=lambda kv: kv[1]):
        region: dict[str, object] = {"id": ident, "type": "place", "name": ar[code]}
        if REGION_ALIASES.get(ident):
            region["aliases"] = REGION_ALIASES[ident]
        region["latin"] = en[code]
        region["description"] = "منطقة من مناطق العالم"
        entries.append(region)
    return entries


def render(entries: list[dict[str, object]]) -> str:
    head = ("# Generated by tools/seed_places.py from CLDR (babel) plus hand-listed variants.\n"
            "# Edit the script, not this file, and run it again.\n")
    body = yaml.safe_dump({"entities": entries}, allow_unicode=True, sort_keys=False, width=200)
    return head + body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="site_config/entities/countries.yml")
    args = parser.parse_args(argv)
    entries = build_entries()
    ids = [e["id"] for e in entries]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        print("duplicate ids: " + ", ".join(map(str, dup)), file=sys.stderr)
        return 1
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(entries), encoding="utf-8")
    print(f"wrote {len(entries)} places to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
