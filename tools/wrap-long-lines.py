#!/usr/bin/env python3
"""Brings C# lines to at most 120 characters where CSharpier cannot: comments and string literals.

Run it after `dotnet csharpier format .` and format again afterwards (the build checks both):
  python3 tools/wrap-long-lines.py src tests bench && dotnet csharpier format .
- `///` and `//` comment lines are wrapped at a space with the same prefix;
- a trailing `// comment` goes on its own line above the code;
- a regular or interpolated string literal is split at a space into `"..." +` and `"..."` on the next line
  (the compiler joins constant parts again; verbatim and raw strings are left alone).
Migrations (generated) are skipped. Prints the lines it could not shorten.
"""
import os
import re
import sys

LIMIT = 120


def literal_spans(line):
    """(start, end, kind) of each string literal on the line; kind is '"' or '$"' (splittable) or 'x' (leave)."""
    spans, i, n = [], 0, len(line)
    while i < n:
        c = line[i]
        if line.startswith('//', i):
            break
        if c == "'":
            j = i + 1
            while j < n and line[j] != "'":
                j += 2 if line[j] == '\\' else 1
            i = j + 1
            continue
        if c == '"' or (c in '$@' and i + 1 < n and line[i + 1] in '"$@'):
            j = i
            prefix = ''
            while j < n and line[j] in '$@':
                prefix += line[j]
                j += 1
            if j >= n or line[j] != '"':
                i += 1
                continue
            if line.startswith('"""', j):
                return spans + [(i, n, 'x')]
            verbatim = '@' in prefix
            interp = '$' in prefix
            k, depth = j + 1, 0
            while k < n:
                ch = line[k]
                if interp and ch == '{':
                    if depth == 0 and line.startswith('{{', k):
                        k += 2
                        continue
                    depth += 1
                elif interp and ch == '}' and depth > 0:
                    depth -= 1
                elif depth > 0 and ch == '"':
                    k += 1
                    while k < n and line[k] != '"':
                        k += 2 if line[k] == '\\' else 1
                elif depth == 0 and not verbatim and ch == '\\':
                    k += 2
                    continue
                elif depth == 0 and ch == '"':
                    if verbatim and line.startswith('""', k):
                        k += 2
                        continue
                    break
                k += 1
            end = k + 1
            kind = 'x' if verbatim or line[end:end + 2] == 'u8' else ('$"' if interp else '"')
            spans.append((i, end, kind))
            i = end
            continue
        i += 1
    return spans


def comment_start(line):
    """Index of a `//` that starts a comment (outside strings and chars), or -1."""
    spans = literal_spans(line)
    pos = 0
    for s, e, _ in spans:
        idx = line.find('//', pos, s)
        if idx >= 0:
            return idx
        pos = e
    return line.find('//', pos)


def split_points(line, s, e, kind):
    """Positions inside a literal where it may be cut (after a space, outside interpolation holes)."""
    body_start = s + len(kind)
    points, depth, k = [], 0, body_start
    while k < e - 1:
        ch = line[k]
        if kind == '$"' and ch == '{':
            if depth == 0 and line.startswith('{{', k):
                k += 2
                continue
            depth += 1
        elif kind == '$"' and ch == '}' and depth > 0:
            depth -= 1
        elif depth > 0 and ch == '"':
            k += 1
            while k < e and line[k] != '"':
                k += 2 if line[k] == '\\' else 1
        elif depth == 0 and ch == '\\':
            k += 2
            continue
        elif depth == 0 and ch == ' ' and k + 1 < e - 1:
            points.append(k + 1)
        k += 1
    return points


def wrap_comment(line, idx):
    indent, rest = line[:idx], line[idx:]
    marker = '///' if rest.startswith('///') else '//'
    text = rest[len(marker):]
    lead = text[:len(text) - len(text.lstrip())] or ' '
    out, cur = [], None
    for w in text.split():
        if cur is None:
            cur = indent + marker + lead + w
        elif len(cur) + 1 + len(w) > LIMIT:
            out.append(cur)
            cur = indent + marker + ' ' + w
        else:
            cur += ' ' + w
    out.append(cur)
    return out


RAW = re.compile(r'^(?P<head>.*?)(?<![$"])"""(?P<body>[^"].*?[^"])"""(?P<tail>(?!").*)$')


def split_raw(line, indent):
    """A one-line raw string (not interpolated) cut between XML tags or at spaces into `\"\"\"...\"\"\" +` pieces."""
    m = RAW.match(line)
    if not m or '"""' in m.group('tail'):
        return None
    body, width = m.group('body'), LIMIT - len(indent) - 4 - 8
    pieces, start = [], 0
    while len(body) - start > width:
        cut = max(body.rfind('><', start, start + width) + 1, body.rfind(' ', start, start + width) + 1)
        if cut <= start:
            return None
        if body[cut - 1] == '"' or body[cut] == '"':
            cut = body.rfind('><', start, start + width) + 1
            if cut <= start:
                return None
        pieces.append(body[start:cut])
        start = cut
    pieces.append(body[start:])
    if len(pieces) == 1:
        return None
    first = m.group('head') + '"""' + pieces[0] + '""" +'
    middle = [indent + '    """' + p + '""" +' for p in pieces[1:-1]]
    last = indent + '    """' + pieces[-1] + '"""' + m.group('tail')
    return [first] + middle + [last]


def shorten(line, prev=''):
    stripped = line.lstrip()
    indent = line[:len(line) - len(stripped)]
    if stripped.startswith('//'):
        return wrap_comment(line, len(indent))
    if line.count('"""') == 2:
        return split_raw(line, indent) or [line]
    c = comment_start(line)
    if c > 0 and line[:c].strip():
        comment = indent + line[c:].strip()
        code = line[:c].rstrip()
        above = shorten(comment) if len(comment) > LIMIT else [comment]
        rest = shorten(code) if len(code) > LIMIT else [code]
        return above + rest
    for s, e, kind in literal_spans(line):
        if kind == 'x' or e <= LIMIT - 4:
            continue
        if kind == '$"' and ('Sql' in line[:s] or (not line[:s].strip() and 'Sql' in prev)):
            continue  # a FormattableString for SQL: concatenation would turn it into a plain string
        points = [p for p in split_points(line, s, e, kind) if p <= LIMIT - 3 and p - s > len(kind) + 8]
        if not points:
            continue
        p = points[-1]
        head = line[:p] + '" +'
        tail_indent = indent + '    '
        tail = tail_indent + kind + line[p:]
        if line[e:e + 1] in ('.', '['):
            head = line[:s] + '(' + line[s:p] + '" +'
            tail = tail_indent + kind + line[p:e] + ')' + line[e:]
        result = [head]
        result += shorten(tail) if len(tail) > LIMIT else [tail]
        return result
    return [line]


def main(roots):
    left = []
    for root in roots:
        for dirpath, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if d not in ('bin', 'obj', 'Migrations', 'node_modules')]
            for f in files:
                if not f.endswith('.cs'):
                    continue
                path = os.path.join(dirpath, f)
                with open(path, encoding='utf-8') as fh:
                    text = fh.read()
                lines = text.split('\n')
                out, changed, in_raw = [], False, False
                for line in lines:
                    if line.count('"""') == 2 and len(line) > LIMIT and not in_raw:
                        new = shorten(line)
                        changed |= new != [line]
                        out.extend(new)
                        left += [f'{path}: {x.strip()[:90]}' for x in new if len(x) > LIMIT]
                        continue
                    if line.count('"""') % 2 == 1:
                        in_raw = not in_raw
                        out.append(line)
                        continue
                    if in_raw or len(line) <= LIMIT:
                        out.append(line)
                        continue
                    new = shorten(line, out[-1] if out else '')
                    if new != [line]:
                        changed = True
                    out.extend(new)
                    left += [f'{path}: {x.strip()[:90]}' for x in new if len(x) > LIMIT]
                if changed:
                    with open(path, 'w', encoding='utf-8') as fh:
                        fh.write('\n'.join(out))
    for x in left:
        print(x)
    print(f'{len(left)} lines still over {LIMIT}', file=sys.stderr)


if __name__ == '__main__':
    main(sys.argv[1:] or ['src', 'tests', 'bench'])
