#!/bin/sh
# build-aux/dev.sh — set up, build, run and test Scorecard on Debian 12.
#
#   build-aux/dev.sh run     install what is missing, build, open the demo store
#   build-aux/dev.sh test    install what is missing, build with -Werror, run every
#                            test, again under AddressSanitizer + UBSan, then fuzz
#   build-aux/dev.sh bench   build optimised and run the benchmarks
#
# Run it as root or as a user with sudo: only apt-get needs root.
set -eu

cd "$(dirname "$0")/.."
top=$(pwd)

# What a fresh Debian 12 needs to build and test; nothing else.
packages="gcc libc6-dev meson ninja-build pkg-config gettext git
  libglib2.0-dev libglib2.0-bin libjson-glib-dev libsqlite3-dev sqlite3
  libgtk-4-dev libadwaita-1-dev libcairo2-dev libpango1.0-dev
  libsoup-3.0-dev glib-networking libsecret-1-dev
  desktop-file-utils appstream gtk-update-icon-cache
  xvfb xauth fonts-cantarell adwaita-icon-theme
  clang libclang-rt-14-dev python3 python3-aiosmtpd dbus-daemon"

say () {
  printf '\n\033[1m==> %s\033[0m\n' "$*"
}

as_root () {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "dev.sh: installing packages needs root; run as root or install sudo" >&2
    exit 1
  fi
}

# install_packages [EXTRA…]: the packages above, plus EXTRA for one command.
install_packages () {
  missing=""
  for p in $packages "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
      missing="$missing $p"
    fi
  done
  if [ -n "$missing" ]; then
    say "Installing:$missing"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    # shellcheck disable=SC2086
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
  fi
}

# setup DIR [MESON OPTION…]: configure DIR, or reconfigure it if it exists.
setup () {
  dir=$1
  shift
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$@"
  fi
}

# Prints the plain closing line CI reads, from meson's own test log.
count_results () {
  python3 - "$@" <<'PY'
import json, sys
passed = failed = skipped = 0
for log in sys.argv[1:]:
    with open(log) as f:
        for line in f:
            result = json.loads(line)["result"]
            if result in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
}

cmd_run () {
  install_packages
  setup _build
  ninja -C _build
  store="$top/_build/demo/scorecard.db"
  if [ ! -f "$store" ]; then
    say "Creating the demo store $store"
    ./_build/src/cli/scorecard-cli --store "$store" demo
  fi
  say "Starting Scorecard on the demo store $store"
  # The settings schema of the build tree, without installing anything.
  GSETTINGS_SCHEMA_DIR="$top/_build/data" exec ./_build/src/ui/scorecard --store "$store"
}

cmd_test () {
  install_packages
  status=0

  say "Build with -Werror and run every test"
  setup _build-ci --werror -Dbuildtype=debugoptimized
  ninja -C _build-ci
  xvfb-run -a -s '-screen 0 1280x1024x24' \
    meson test -C _build-ci --print-errorlogs --num-processes 2 || status=1

  say "The same tests under AddressSanitizer and UndefinedBehaviorSanitizer"
  setup _build-asan --werror -Dbuildtype=debug -Db_sanitize=address,undefined -Db_lundef=false
  ninja -C _build-asan
  G_SLICE=always-malloc \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    xvfb-run -a -s '-screen 0 1280x1024x24' \
      meson test -C _build-asan --print-errorlogs --num-processes 2 \
        --timeout-multiplier 3 || status=1

  say "Fuzz the parsers for ${FUZZ_SECONDS:-60} s each (libFuzzer)"
  CC=clang setup _build-fuzz -Dfuzzers=true -Dbuildtype=debugoptimized -Db_lundef=false
  ninja -C _build-fuzz tests/fuzz/fuzz-csv tests/fuzz/fuzz-jsonrpc tests/fuzz/fuzz-alerts
  for fuzzer in csv jsonrpc alerts; do
    work=$(mktemp -d)
    cp -r "tests/fuzz/corpus/$fuzzer/." "$work/"
    if ! "./_build-fuzz/tests/fuzz/fuzz-$fuzzer" -max_total_time="${FUZZ_SECONDS:-60}" \
         -print_final_stats=1 -artifact_prefix="$top/_build-fuzz/crash-$fuzzer-" "$work" \
         > "_build-fuzz/fuzz-$fuzzer.log" 2>&1; then
      tail -n 40 "_build-fuzz/fuzz-$fuzzer.log"
      echo "fuzz-$fuzzer: FAILED (see _build-fuzz/crash-$fuzzer-*)"
      status=1
    else
      grep -E 'stat::number_of_executed_units|Done' "_build-fuzz/fuzz-$fuzzer.log" || true
      echo "fuzz-$fuzzer: no crash"
    fi
    rm -rf "$work"
  done

  say "Summary"
  count_results _build-ci/meson-logs/testlog.json _build-asan/meson-logs/testlog.json
  return $status
}

cmd_bench () {
  # curl is bench-sync's reference client, needed by nothing else.
  install_packages curl
  setup _build-release -Dbuildtype=release
  ninja -C _build-release
  xvfb-run -a -s '-screen 0 1280x1024x24' meson test -C _build-release --benchmark --verbose
}

case "${1:-}" in
  run) cmd_run ;;
  test) cmd_test ;;
  bench) cmd_bench ;;
  *)
    echo "usage: $0 run|test|bench" >&2
    exit 1
    ;;
esac
