#!/usr/bin/env bash
# Renders the pictures in docs/reports.md: imports the example letters into a scratch register, makes a
# few status changes, writes every report as PDF and DOCX, and turns each first page into a PNG.
# Needs `npm run build`, poppler-utils (pdftoppm) and, for the DOCX pictures, LibreOffice (soffice).
set -euo pipefail
cd "$(dirname "$0")/.."
STYR=${STYR:-node bin/styr.js}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export STYR_DATA="$work/data" STYR_ACTOR=eksempel

at() { STYR_NOW="$1" $STYR "${@:2}" >/dev/null; }
at 2026-02-01T09:00:00Z import examples
at 2026-04-20T09:00:00Z frist TB2026-02 2026-11-15 --note "Avventer høringen om universell utforming"
at 2026-05-10T09:00:00Z status TB2026-01 levert --note "Levert" --answer "Kartleggingen er sendt departementet."
at 2026-05-20T09:00:00Z status TB2026-01 pågår --note "Mangler oversikt over vinterruter"
at 2026-06-15T09:00:00Z status TB2026-01 levert --note "Levert på nytt" --answer "Oppdatert kartlegging med vinterruter er sendt."
at 2026-08-01T09:00:00Z status TB2025-09 pågår --note "Arbeidet med statistikken er i gang"

printf 'Kapittel;Kapittelnavn;Post;Posttekst;Beløp\n' >"$work/statsregnskap.csv"
printf '1420;Friluftsdirektoratet;01;Driftsutgifter;"83 912 400"\n' >>"$work/statsregnskap.csv"
printf '1420;Friluftsdirektoratet;21;Spesielle driftsutgifter;14 120 512,00\n' >>"$work/statsregnskap.csv"
iconv -f UTF-8 -t WINDOWS-1252 "$work/statsregnskap.csv" >"$work/statsregnskap-1252.csv"

mkdir -p docs/img
for kind in oppdrag avvik motegrunnlag neste-brev budsjettavstemming; do
  extra=()
  [ "$kind" = budsjettavstemming ] && extra=(--accounts "$work/statsregnskap-1252.csv")
  at 2026-09-15T09:00:00Z report "$kind" --year 2026 "${extra[@]}" --out "$work/$kind.pdf"
  at 2026-09-15T09:00:00Z report "$kind" --year 2026 "${extra[@]}" --out "$work/$kind.docx"
  pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$work/$kind.pdf" "docs/img/report-$kind"
  if command -v soffice >/dev/null; then
    soffice --headless --convert-to pdf --outdir "$work/docx" "$work/$kind.docx" >/dev/null 2>&1
    pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$work/docx/$kind.pdf" "docs/img/report-$kind-docx"
  fi
done
ls -l docs/img/report-*.png
