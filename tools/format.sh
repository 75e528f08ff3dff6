#!/usr/bin/env bash
# Formats the C# code as the build checks it: CSharpier at 120 columns (.editorconfig), then comments and string
# literals that CSharpier cannot shorten are wrapped (tools/wrap-long-lines.py), twice to settle. Prints what is left.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for _ in 1 2; do
  dotnet csharpier format src tests bench >/dev/null
  python3 tools/wrap-long-lines.py src tests bench 2>/dev/null >/dev/null || true
done
dotnet csharpier format src tests bench >/dev/null
python3 tools/wrap-long-lines.py src tests bench
