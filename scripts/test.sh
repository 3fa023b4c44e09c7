#!/usr/bin/env bash
# Runs the whole test suite on a Debian machine with the .NET SDK.
# Installs the Debian packages the tests need when they are missing, then runs every test project.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests use: InfluxDB for the time-series tests, Chromium and CJK fonts for the browser tests,
# PostgreSQL and Redis for the store and cluster tests. The fixtures start the servers themselves, on free loopback ports.
packages=(influxdb chromium fonts-noto-cjk postgresql redis-server)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing missing Debian packages: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
build_log=$(mktemp)
if ! dotnet build Queue.sln -c Release -warnaserror >"$build_log" 2>&1; then
  grep -E ': (error|warning) ' "$build_log" | sort -u | head -50
  tail -3 "$build_log"
  exit 1
fi
tail -3 "$build_log"
rm -f "$build_log"

# One test project after the other: the engine's timing tests (load-tests) do not share the 2 cores with the cluster
# and browser fixtures. A test that hangs is reported (with its name) instead of eating the CI budget.
log=$(mktemp)
status=0
for project in tests/Queue.LoadTests.Tests tests/Queue.UnitTests tests/Queue.GrainTests tests/Queue.WebTests tests/Queue.EndToEndTests; do
  dotnet test "$project" -c Release --no-build --blame-hang-timeout 15m --blame-hang-dump-type none 2>&1 | tee -a "$log" || status=$?
done

passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$passed" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
