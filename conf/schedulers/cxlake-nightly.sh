#!/usr/bin/env bash
# Runs the cxlake nightly from cron: yesterday's run-date by default, retries a failed run (the
# rerun resumes at the failed step), never retries what a retry cannot fix, and logs each attempt.
#
#   crontab:  30 2 * * *  /opt/cxlake/conf/schedulers/cxlake-nightly.sh
#   by hand:  cxlake-nightly.sh 2026-11-23               one run-date
#             cxlake-nightly.sh 2026-11-20 2026-11-23    a backfill, oldest first
#
# Environment (all optional):
#   CXLAKE_CMD         the cxlake command, split on spaces (default: bin/cxlake of this checkout), e.g.
#                      "spark-submit --master yarn --deploy-mode client --class io.cxlake.jobs.Main
#                      /opt/cxlake/cxlake-jobs.jar" (client mode: the driver's exit code is
#                      spark-submit's, which this script acts on)
#   CXLAKE_CONF        a conf file, passed as --conf
#   CXLAKE_ARGS        more options for nightly, split on spaces (e.g. "--set serving.store=postgres")
#   CXLAKE_LOG_DIR     where the logs and JSON run summaries go (default: ./logs)
#   CXLAKE_TZ          the time zone "yesterday" is taken in (default: UTC)
#   CXLAKE_TODAY       the date taken as today (default: the clock), YYYY-MM-DD
#   CXLAKE_RETRIES     reruns after a failed run (default: 2); CXLAKE_RETRY_WAIT seconds between (600)
#   Secrets (CXLAKE_PSEUDONYM_KEY, store passwords) come from the environment, as cxlake reads them.
#
# Exit codes (cxlake's, see README "Exit codes"): 0 done; 1 still failing after the retries (or
# killed, e.g. by the OOM killer: any other code counts as 1 and is retried); 2 bad arguments or
# config; 3 a gate blocked publishing (the serving store is unchanged); 4 another run holds the
# date. 2, 3 and 4 are not retried: a rerun would end the same way.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log_dir="${CXLAKE_LOG_DIR:-logs}"
retries="${CXLAKE_RETRIES:-2}"
wait_s="${CXLAKE_RETRY_WAIT:-600}"
read -r -a cmd <<<"${CXLAKE_CMD:-$here/../../bin/cxlake}"
read -r -a extra <<<"${CXLAKE_ARGS:-}"

say() { printf '%s cxlake-nightly: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*"; }

is_date() {
  [[ "$1" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] && day_before "$1" >/dev/null 2>&1
}

# The day before a date, with GNU date or BSD date.
day_before() {
  TZ="${CXLAKE_TZ:-UTC}" date -d "$1 -1 day" +%F 2>/dev/null ||
    TZ="${CXLAKE_TZ:-UTC}" date -j -v-1d -f %F "$1" +%F
}

case $# in
  0)
    today="${CXLAKE_TODAY:-$(TZ="${CXLAKE_TZ:-UTC}" date +%F)}"
    if ! is_date "$today"; then
      say "CXLAKE_TODAY '$today' is not a date (YYYY-MM-DD)" >&2
      exit 2
    fi
    from="$(day_before "$today")"
    to="$from"
    ;;
  1 | 2)
    from="$1"
    to="${2:-$1}"
    ;;
  *)
    echo "usage: $0 [RUN_DATE [TO_DATE]]" >&2
    exit 2
    ;;
esac
for d in "$from" "$to"; do
  if ! is_date "$d"; then
    say "'$d' is not a date (YYYY-MM-DD)" >&2
    exit 2
  fi
done

if [ "$from" = "$to" ]; then
  dates=(--run-date "$from")
  label="$from"
else
  dates=(--from-date "$from" --to-date "$to")
  label="$from..$to"
fi
conf=()
if [ -n "${CXLAKE_CONF:-}" ]; then
  conf=(--conf "$CXLAKE_CONF")
fi
mkdir -p "$log_dir"
log="$log_dir/nightly-${label/../_}.log"
summary="$log_dir/nightly-${label/../_}.json"

attempt=0
while :; do
  attempt=$((attempt + 1))
  say "run-date $label, attempt $attempt: ${cmd[*]} nightly ${dates[*]}" | tee -a "$log"
  # "${a[@]+"${a[@]}"}": an empty array under set -u, also in the bash 3 of macOS
  "${cmd[@]}" nightly ${conf[@]+"${conf[@]}"} "${dates[@]}" --summary-out "$summary" \
    ${extra[@]+"${extra[@]}"} >>"$log" 2>&1
  code=$?
  case $code in
    0) say "run-date $label: done (summary $summary)" | tee -a "$log"; exit 0 ;;
    2) say "run-date $label: bad arguments or configuration (exit 2), not retried; see $log" | tee -a "$log"; exit 2 ;;
    3) say "run-date $label: a gate blocked publishing (exit 3), not retried; the serving store is unchanged; see $summary" | tee -a "$log"; exit 3 ;;
    4) say "run-date $label: another run holds the date (exit 4), not retried; nothing was touched" | tee -a "$log"; exit 4 ;;
  esac
  if [ "$attempt" -gt "$retries" ]; then
    say "run-date $label: failed (exit $code) after $attempt attempts; see $log" | tee -a "$log"
    exit 1
  fi
  say "run-date $label: failed (exit $code); retrying in $wait_s s, resuming at the failed step" | tee -a "$log"
  sleep "$wait_s"
done
