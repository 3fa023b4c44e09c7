#!/usr/bin/env bash
# Profiles a durable ticket (docs/performance.md, "Where a ticket's CPU goes"): starts the product's Release build on a
# fresh data folder with free 127.0.0.1 ports (simulator off, the demo hall seeded, a random administrator password),
# warms it with the smoke suite's kiosk surge, drives it with the load tool's kiosk-surge-max (64 kiosks, closed model, 30 s after a 5 s warm-up, 20 halls), and
# during the measured part, one after the other, records the product's process with `perf record -g` (on-CPU samples,
# native code included; the product runs with DOTNET_PerfMapEnabled=1 and DOTNET_EnableWriteXorExecute=0 so that perf
# finds the JIT's code by name; the runtime's own native code has no symbols here, so the GC shows in the counters) and
# collects a sampled-thread-time trace (dotnet-trace, every managed thread's stack), with counters (dotnet-counters)
# over both. Then prints both breakdowns (Queue.Benchmarks `breakdown`). Needs perf (Debian: linux-perf), dotnet-trace
# and dotnet-counters (`dotnet tool install -g dotnet-trace`, `dotnet tool install -g dotnet-counters`), and root for perf.
#
#   bash benchmarks/profile-kiosk.sh [OUT_DIR]    # default /tmp/queue-profile-<timestamp>
#   LOAD_ARGS="--scenarios watchers-20k,kiosk-surge" bash benchmarks/profile-kiosk.sh OUT_DIR   # what runs before the surge
#   PERF_SECONDS=0 TRACE_PROFILE=gc-verbose bash benchmarks/profile-kiosk.sh OUT_DIR   # allocations instead (Queue.Benchmarks `allocations`)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-/tmp/queue-profile-$(date -u +%Y%m%dT%H%M%SZ)}"
[ -e "$out/data" ] && { echo "$out/data exists: give a new OUT_DIR (the product must start on a fresh data folder)"; exit 1; }
mkdir -p "$out/data"
tools="${DOTNET_TOOLS:-$HOME/.dotnet/tools}"
perf_seconds="${PERF_SECONDS:-14}"
trace_seconds="${TRACE_SECONDS:-10}"
trace_profile="${TRACE_PROFILE:-}"

build() { dotnet build "$1" -c Release -warnaserror -v q -nologo >"$out/build.log" 2>&1 || { grep -E ' error ' "$out/build.log" | sort -u; exit 1; }; }
build src/Queue.Dashboard/Queue.Dashboard.csproj
build load-tests/Queue.LoadTests.csproj
build benchmarks/Queue.Benchmarks/Queue.Benchmarks.csproj

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
http_port=$(free_port); silo_port=$(free_port); gateway_port=$(free_port)
password="profile-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
url="http://127.0.0.1:$http_port"

ASPNETCORE_URLS="$url" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
Queue__DataPath="$out/data/queue.db" Queue__SiloPort="$silo_port" Queue__GatewayPort="$gateway_port" \
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 Queue__Simulator__Enabled=false Queue__SeedDemoHall=true Queue__DemoOpeningCalendar=false \
Queue__Security__AdministratorPassword="$password" Queue__Security__RateLimits__SignInsPerMinute=1000 \
  dotnet src/Queue.Dashboard/bin/Release/net10.0/Queue.Dashboard.dll >"$out/product.log" 2>&1 &
product=$!
trap 'kill "$product" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "$url/api/halls/binjiang" >/dev/null && break
  sleep 1
done
echo "product: process $product at $url; output in $out"

# Warm-up: the smoke suite's kiosk surge on the same 20 halls, so the JIT's tiers settle before the measured run.
QUEUE_ADMIN_PASSWORD="$password" dotnet load-tests/bin/Release/net10.0/Queue.LoadTests.dll --url "$url" --suite smoke \
  --scenarios kiosk-surge --hall-count 20 --watchers 100 --no-progress --out "$out/warm-up" >"$out/warm-up.log" 2>&1

# --watchers 100: the bare-hub baseline, which the tool always runs first, stays light.
QUEUE_ADMIN_PASSWORD="$password" dotnet load-tests/bin/Release/net10.0/Queue.LoadTests.dll --url "$url" \
  ${LOAD_ARGS:---scenarios kiosk-surge --watchers 100} --out "$out/load" >"$out/load.log" 2>&1 &
load=$!
until grep -qs 'kiosk-surge-max' "$out/load.log"; do
  kill -0 "$load" 2>/dev/null || { echo "load tool ended before kiosk-surge-max"; tail "$out/load.log"; exit 1; }
  sleep 0.5
done
sleep 6 # past the 5 s warm-up
ticks() { awk '{print $14+$15}' "/proc/$product/stat"; }
"$tools/dotnet-counters" collect -p "$product" --duration "00:00:$((perf_seconds + trace_seconds))" --format csv -o "$out/counters.csv" \
  --counters System.Runtime,Microsoft.AspNetCore.Hosting,Queue >"$out/counters.log" 2>&1 &
counters=$!
cpu0=$(ticks)
if [ "$perf_seconds" -gt 0 ]; then
  perf record -F 999 -g -p "$product" -o "$out/perf.data" -- sleep "$perf_seconds" >"$out/perf.log" 2>&1
fi
cpu1=$(ticks)
"$tools/dotnet-trace" collect -p "$product" --duration "00:00:$trace_seconds" ${trace_profile:+--profile "$trace_profile"} -o "$out/kiosk.nettrace" >"$out/trace.log" 2>&1
cpu2=$(ticks)
wait "$counters" || true
wait "$load" || true
hz=$(getconf CLK_TCK)
{
  echo "product CPU: $(( (cpu1 - cpu0) / hz )) s in the perf window of $perf_seconds s, $(( (cpu2 - cpu1) / hz )) s in the trace window of $trace_seconds s"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  grep -E 'kiosk-surge-max' "$out/load.log" | tail -2
} | tee "$out/cpu.txt"
breakdown() { dotnet benchmarks/Queue.Benchmarks/bin/Release/net10.0/Queue.Benchmarks.dll breakdown "$@"; }
if [ "$trace_profile" = gc-verbose ]; then
  dotnet benchmarks/Queue.Benchmarks/bin/Release/net10.0/Queue.Benchmarks.dll allocations "$out/kiosk.nettrace" --top 40 | tee "$out/allocations.txt"
  exit 0
fi
perf script -i "$out/perf.data" >"$out/perf.txt" 2>/dev/null
breakdown "$out/perf.txt" "$out/counters.csv" --top 40 --stacks >"$out/breakdown-perf.txt"
breakdown "$out/kiosk.nettrace" --top 40 --stacks >"$out/breakdown-trace.txt"
head -30 "$out/breakdown-perf.txt"
echo "full breakdowns: $out/breakdown-perf.txt (on-CPU), $out/breakdown-trace.txt (thread time)"
