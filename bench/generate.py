#!/usr/bin/env python3
"""Adds N invented recognized products (default 100,000) to a migrated, demo-seeded KeyProducts SQLite database.

Rows are copied from the demo rows (so every NOT NULL column is filled the way the app fills it) with new names,
tax codes and folded SearchText computed exactly like SearchText.Fold in KeyProducts.Core.
Usage: bench/generate.py path/to/bench.db [count]"""
import random, sqlite3, sys, unicodedata

def fold(text):
    out, last_space = [], True
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.category(ch) in ("Mn", "Mc", "Me"):
            continue
        c = "d" if ch in "đĐ" else ch.lower()
        if c.isspace():
            if not last_space: out.append(" ")
            last_space = True
            continue
        out.append(c); last_space = False
    return "".join(out).rstrip()

def tax_code(n):
    weights = [31, 29, 23, 19, 17, 13, 7, 5, 3]
    while True:
        digits = f"01{n:07d}"[-9:]
        s = sum(int(d) * w for d, w in zip(digits, weights))
        check = 10 - s % 11
        if check <= 9 and digits[2:9] != "0000000":
            return digits + str(check)
        n += 1

KINDS = ["Cáp điện", "Máy biến áp", "Bơm ly tâm", "Khuôn mẫu", "Vải lụa", "Gạch ốp lát", "Sơn chống thấm", "Bảng mạch",
         "Phần mềm quản lý", "Ống nhựa", "Gốm sứ", "Nước mắm", "Trà thảo dược", "Áo jacket", "Khóa điện tử", "Quạt công nghiệp"]
QUALITIES = ["cao cấp", "hiệu suất cao", "chống cháy", "thông minh", "tiết kiệm năng lượng", "xuất khẩu", "thế hệ mới", "truyền thống"]
PLACES = ["Sông Hồng", "Thăng Long", "Hồ Tây", "Đông Anh", "Gia Lâm", "Sóc Sơn", "Bát Tràng", "Vạn Phúc", "Hòa Lạc", "Thường Tín"]

def template(cur, table, where="1=1"):
    cur.execute(f'SELECT * FROM "{table}" WHERE {where} ORDER BY "Id" LIMIT 1')
    cols = [d[0] for d in cur.description]
    return dict(zip(cols, cur.fetchone()))

def insert(cur, table, rows):
    cols = [c for c in rows[0] if c != "Id"]
    sql = f'INSERT INTO "{table}" ({",".join(chr(34) + c + chr(34) for c in cols)}) VALUES ({",".join("?" * len(cols))})'
    cur.executemany(sql, [[r[c] for c in cols] for r in rows])

def main():
    db, count = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    rnd = random.Random(42)
    con = sqlite3.connect(db)
    cur = con.cursor()
    ent_t, prod_t = template(cur, "Enterprises"), template(cur, "Products")
    rec_by_year = {}
    for year in range(2021, 2026):
        cur.execute('SELECT "Id" FROM "Recognitions" WHERE "Year" = ? ORDER BY "Id" LIMIT 1', (year,))
        rec_by_year[year] = template(cur, "Recognitions", f'"Id" = {cur.fetchone()[0]}')
    cert_t = template(cur, "Certificates")

    enterprises = count // 5
    cur.execute('SELECT COALESCE(MAX("Id"), 0) FROM "Enterprises"'); first_ent = cur.fetchone()[0] + 1
    cur.execute('SELECT "TaxCode" FROM "Enterprises"'); used = {r[0] for r in cur.fetchall()}
    rows, n = [], 3_000_000
    for i in range(enterprises):
        name = f"Công ty Cổ phần {rnd.choice(KINDS)} {rnd.choice(PLACES)} {i + 1}"
        tax = tax_code(n)
        while tax in used:
            n += 1; tax = tax_code(n)
        used.add(tax); n += 1
        rows.append({**ent_t, "TaxCode": tax, "NameVi": name, "NameEn": None, "SearchText": fold(f"{name} {tax}")})
    insert(cur, "Enterprises", rows)

    cur.execute('SELECT COALESCE(MAX("Id"), 0) FROM "Products"'); first_prod = cur.fetchone()[0] + 1
    ent_text = {first_ent + i: r["SearchText"] for i, r in enumerate(rows)}
    rows = []
    for i in range(count):
        name = f"{rnd.choice(KINDS)} {rnd.choice(QUALITIES)} {rnd.choice(PLACES)} {i + 1}"
        model = f"M-{i + 1}"
        text = fold(f"{name} {model}")
        # Like SearchText.Directory: the product's text, a newline, its enterprise's text.
        rows.append({**prod_t, "EnterpriseId": first_ent + i % enterprises, "Name": name, "Model": model, "SearchText": text,
                     "DirectorySearchText": text + "\n" + ent_text[first_ent + i % enterprises]})
    insert(cur, "Products", rows)

    cur.execute('SELECT COALESCE(MAX("Id"), 0) FROM "Recognitions"'); first_rec = cur.fetchone()[0] + 1
    rows = []
    for i in range(count):
        year = 2021 + i % 5
        rows.append({**rec_by_year[year], "ProductId": first_prod + i, "EnterpriseId": first_ent + i % enterprises, "Top10": 0, "RevokedAt": None,
                     "RevocationReason": None, "RevocationDocument": None})
    insert(cur, "Recognitions", rows)
    rows = [{**cert_t, "RecognitionId": first_rec + i, "Kind": "Standard", "Serial": f"BENCH-{2021 + i % 5}-{i + 1:06d}", "SupersededById": None, "SupersededAt": None}
            for i in range(count)]
    insert(cur, "Certificates", rows)
    con.commit()
    cur.execute('ANALYZE')
    print(f"added {enterprises} enterprises, {count} products, recognitions and certificates")

if __name__ == "__main__":
    main()
