#!/usr/bin/env bash
# Runs every Credstack test. Installs what the tests need when it is missing, says what it
# skipped and why, and under CI=true treats a missing prerequisite as a failure.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
: "${CREDSTACK_CONFORMANCE:=$(cd .. && pwd)/shared/conformance}"
export CREDSTACK_CONFORMANCE
ci="${CI:-false}"
skipped=()

note() { printf '\n== %s\n' "$*" >&2; }
missing() {
  # A prerequisite is missing: a failure under CI, a visible skip locally.
  if [[ "$ci" == "true" ]]; then
    echo "test.sh: missing prerequisite under CI: $*" >&2
    exit 1
  fi
  skipped+=("$*")
}

note "prerequisites"
command -v dotnet >/dev/null || { echo "test.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
if [[ ! -d "$CREDSTACK_CONFORMANCE" ]]; then
  missing "conformance suites not found at $CREDSTACK_CONFORMANCE: conformance tests are skipped"
fi

# The JavaScript stack the interop tests check Credstack against (tests/Credstack.Interop.Tests, docs/interop.md):
# npm ci into tools/interop when node_modules is missing or package-lock.json changed since the last install.
interop="$PWD/tools/interop"
export CREDSTACK_INTEROP_TOOLS="$interop"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  missing "node and npm not found: the JavaScript interop tests are skipped"
elif ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)'; then
  missing "node $(node --version) is older than 20: the JavaScript interop tests are skipped"
else
  lock_hash="$(sha256sum "$interop/package-lock.json" | cut -d' ' -f1)"
  stamp="$interop/node_modules/.credstack-lock-sha256"
  if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$lock_hash" ]]; then
    note "npm ci (tools/interop)"
    mkdir -p artifacts
    if (cd "$interop" && npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>"$OLDPWD/artifacts/npm-ci.log"); then
      echo "$lock_hash" > "$stamp"
    else
      tail -n 5 artifacts/npm-ci.log >&2 || true
      rm -rf "$interop/node_modules"
      missing "npm ci in tools/interop failed (see artifacts/npm-ci.log): the JavaScript interop tests are skipped"
    fi
  fi
fi
# The browser tests (tests/Credstack.Server.Tests/Web) drive Debian's Chromium with Playwright for .NET and inject
# axe-core from tools/browser. Chromium is installed from Debian's packages when missing (never downloaded by Playwright).
browser_tools="$PWD/tools/browser"
export CREDSTACK_BROWSER_TOOLS="$browser_tools"
: "${CREDSTACK_CHROMIUM:=/usr/bin/chromium}"
export CREDSTACK_CHROMIUM
if [[ ! -x "$CREDSTACK_CHROMIUM" ]]; then
  note "chromium (Debian package)"
  sudo=()
  if [[ $EUID -ne 0 ]] && command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo=(sudo -n); fi
  if [[ $EUID -eq 0 || ${#sudo[@]} -gt 0 ]]; then
    mkdir -p artifacts
    { "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core; } >artifacts/apt-chromium.log 2>&1 || true
  fi
  [[ -x "$CREDSTACK_CHROMIUM" ]] || missing "Chromium not found at $CREDSTACK_CHROMIUM and could not be installed: the browser tests are skipped"
fi
if command -v npm >/dev/null; then
  lock_hash="$(sha256sum "$browser_tools/package-lock.json" | cut -d' ' -f1)"
  stamp="$browser_tools/node_modules/.credstack-lock-sha256"
  if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$lock_hash" ]]; then
    note "npm ci (tools/browser)"
    mkdir -p artifacts
    if (cd "$browser_tools" && npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>"$OLDPWD/artifacts/npm-ci-browser.log"); then
      echo "$lock_hash" > "$stamp"
    else
      tail -n 5 artifacts/npm-ci-browser.log >&2 || true
      missing "npm ci in tools/browser failed (see artifacts/npm-ci-browser.log): the accessibility checks cannot run"
    fi
  fi
fi

note "postgresql"
# The server's repository tests run on SQLite and on PostgreSQL (STYLE.md, "Data").
source tools/test-postgres.sh
credstack_pg_start

note "restore and build"
dotnet restore Credstack.slnx --nologo -v quiet
dotnet build Credstack.slnx --no-restore --nologo -v quiet -c Debug

note "format"
dotnet format Credstack.slnx --verify-no-changes --no-restore -v quiet

note "tests"
mkdir -p artifacts
results="artifacts/test-results"
rm -rf "$results"
set +e
dotnet test Credstack.slnx --no-build --nologo -c Debug \
  --logger "trx" --results-directory "$results" \
  -- RunConfiguration.TreatNoTestsAsError=false 2>&1 | tee artifacts/test-output.txt
status=${PIPESTATUS[0]}
set -e

# One plain closing line over all assemblies, and the skipped tests with their reasons.
passed=0 failed=0 skip=0
while read -r f p s; do
  passed=$((passed + p)); failed=$((failed + f)); skip=$((skip + s))
done < <(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' artifacts/test-output.txt \
          | sed -E 's/Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+)/\1 \2 \3/')
if (( skip > 0 )); then
  note "skipped tests"
  # Each skipped result in the TRX files: its name, then the reason in the next <Message>.
  awk '/outcome="NotExecuted"/ { match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11); want = 1; next }
       want && /<Message>/ { sub(/.*<Message>/, ""); sub(/<\/Message>.*/, ""); print "  skipped: " name ": " $0; want = 0 }' \
    "$results"/*.trx >&2 || true
fi
for s in "${skipped[@]+"${skipped[@]}"}"; do echo "  skipped prerequisite: $s" >&2; done
echo
echo "${passed} passed, ${failed} failed, ${skip} skipped"
exit "$status"
