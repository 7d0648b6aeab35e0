#!/usr/bin/env bash
# Backend CPU per accepted submission (issue 13): the backend JVM's user+system CPU time
# (/proc/<pid>/stat, utime+stime) over one measured Gatling IngestSimulation run, divided by
# the submissions Gatling counted in its group "submission" in that run. Far less sensitive to
# other load on the box than submissions/s, which it prints too (with p99 and the load average).
#
# Against a running Heima (e.g. no.heima.drills.BenchStack, docs/benchmarks.md); from the
# repository root:
#
#   ./mvnw -B -Pload -pl deploy/load test-compile dependency:build-classpath \
#     -Dmdep.outputFile=target/gatling-classpath.txt -Dmdep.includeScope=test   # once (online the first time)
#   deploy/load/cpu-per-submission.sh LABEL
#
# Environment (defaults in brackets):
#   BACKEND_PORT [19403]   the backend's port on 127.0.0.1 (its JVM is found by the port)
#   ISSUER_PORT  [19402]   the local login provider's port (issuer http://localhost:PORT)
#   USERS [32] RUN_SECONDS [60] WARMUP [30]  measured users and seconds; warm-up seconds at USERS first (0: none)
#   PATIENTS [100] NURSES [2] ALERTS [1] QUESTIONNAIRES [true]   as IngestSimulation's load.* keys
#   RESULTS [deploy/load/target/cpu-per-submission.csv]   one line per measured run is appended
#
# The CPU is counted from Gatling's "Simulation ... started" line to the first line after the run
# (set-up logins before it are not counted; the line is read as Gatling prints it, so the window
# may be a few hundred ms late at both ends). Clock ticks are converted with getconf CLK_TCK.
# The JIT compiler threads' share of that CPU is printed apart, and the figure of record is the
# CPU per submission without it (cpu_ms_per_submission_without_jit): on a busy 2-core box a
# backend is still compiling its hot paths ten or more minutes after start, which is warm-up,
# not work per submission (a compiler thread that ends inside the window loses its ticks, so
# that figure can only err high). Compare builds by alternating runs against stacks started the
# same way and warmed alike; note the load average each line carries.
set -euo pipefail

label=${1:?usage: $0 LABEL}
backend_port=${BACKEND_PORT:-19403}
issuer_port=${ISSUER_PORT:-19402}
users=${USERS:-32}
seconds=${RUN_SECONDS:-60}
warmup=${WARMUP:-30}
patients=${PATIENTS:-100}
nurses=${NURSES:-2}
alerts=${ALERTS:-1}
questionnaires=${QUESTIONNAIRES:-true}
results=${RESULTS:-deploy/load/target/cpu-per-submission.csv}
tck=$(getconf CLK_TCK)

pid=$(ss -ltnpH "sport = :$backend_port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
[ -n "$pid" ] || { echo "no process listens on port $backend_port" >&2; exit 1; }

# "<epoch seconds> <backend ticks> <box busy ticks> <box total ticks> <load average 1 min> <JIT ticks>"
snap() {
	local stat ticks busy total
	stat=$(cat "/proc/$pid/stat")
	stat=${stat##*) }   # fields after the command name: state is field 3, utime 14, stime 15
	ticks=$(awk '{print $12 + $13}' <<< "$stat")
	read -r busy total < <(awk '/^cpu /{t=0; for (i=2;i<=NF;i++) t+=$i; print t-$5-$6, t}' /proc/stat)
	echo "$(date +%s.%N) $ticks $busy $total $(cut -d' ' -f1 /proc/loadavg) $(jit)"
}

# ticks of the JIT compiler threads: on a busy box a backend is still compiling its hot paths
# many minutes after start, and that warm-up is not a cost per submission
jit() {
	local t s sum=0
	for t in /proc/$pid/task/*; do
		s=$(cat "$t/stat" 2>/dev/null) || continue
		case "$s" in
			*"(C1 CompilerThre)"*|*"(C2 CompilerThre)"*) sum=$((sum + $(awk '{print $12 + $13}' <<< "${s##*) }"))) ;;
		esac
	done
	echo "$sum"
}

# Gatling straight from its class path (deploy/load/target/gatling-classpath.txt, see above):
# a Maven start per run took minutes on a loaded box; the simulation and its reports are the same
# as with ./mvnw -Pload -pl deploy/load verify
gatling() {   # gatling SECONDS
	java -XX:+HeapDumpOnOutOfMemoryError -XX:MaxInlineLevel=20 -XX:MaxTrivialSize=12 -Xmx1G \
		--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED \
		-Dheima.base-url="http://127.0.0.1:$backend_port" -Dheima.issuer="http://localhost:$issuer_port" \
		-Dload.patients="$patients" -Dload.users="$users" -Dload.nurses="$nurses" -Dload.alerts="$alerts" \
		-Dload.questionnaires="$questionnaires" -Dload.seconds="$1" \
		-cp "deploy/load/target/test-classes:$(cat deploy/load/target/gatling-classpath.txt)" \
		io.gatling.app.Gatling -s no.heima.load.IngestSimulation -rf deploy/load/target/gatling
}

[ -s deploy/load/target/gatling-classpath.txt ] || { echo "build deploy/load/target/gatling-classpath.txt first (see above)" >&2; exit 1; }
work=$(mktemp -d /tmp/cpu-per-submission.XXXXXX)
if [ "$warmup" -gt 0 ]; then
	# a failed Gatling assertion (over 1 % failed) exits non-zero: the figures still count
	gatling "$warmup" > "$work/warmup.log" 2>&1 || true
fi
uptime_before=$(uptime)
{ gatling "$seconds" || true; } 2>&1 | while IFS= read -r line; do
	printf '%s\n' "$line" >> "$work/run.log"
	case "$line" in
		*"Simulation "*" started"*) snap > "$work/start" ;;
		# Gatling 3.14 prints no "completed" line: the after() hook's ALERT-LATENCY line, or else
		# the report's parsing, is the first line after the simulation
		*"ALERT-LATENCY"*|*"Parsing log file"*|*"Simulation "*" completed"*) [ -s "$work/end" ] || snap > "$work/end" ;;
	esac
done
uptime_after=$(uptime)
[ -s "$work/start" ] && [ -s "$work/end" ] || { tail -40 "$work/run.log" >&2; echo "no start/end line; log in $work" >&2; exit 1; }

report_dir=$(ls -dt deploy/load/target/gatling/ingestsimulation-* | head -1)
# the group "submission" in the report's statistics table: OK requests, failed, p99 (ms)
read -r count ko p99 < <(python3 - "$report_dir/index.html" <<'EOF'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
row = html[html.index('class="ellipsed-name">submission</span>'):]
row = row[:row.index("</tr>")]
cells = re.findall(r'<td class="value[^"]*">([^<]*)</td>', row)
# total, ok, ko, ko %, per second, min, p50, p75, p95, p99, max, mean, standard deviation
print(cells[1], "0" if cells[2] == "-" else cells[2], cells[9])
EOF
)
alert=$(grep -m1 'ALERT-LATENCY' "$work/run.log" || true)

read -r t0 c0 b0 n0 l0 j0 < "$work/start"
read -r t1 c1 b1 n1 l1 j1 < "$work/end"
python3 - "$label" "$tck" "$t0" "$c0" "$b0" "$n0" "$l0" "$t1" "$c1" "$b1" "$n1" "$l1" "$count" "$ko" "$p99" "$results" "$j0" "$j1" <<'EOF'
import os, sys
label, tck, t0, c0, b0, n0, l0, t1, c1, b1, n1, l1, count, ko, p99, results, j0, j1 = sys.argv[1:]
tck = int(tck); count = int(count)
secs = float(t1) - float(t0)
cpu_ms = (int(c1) - int(c0)) * 1000.0 / tck
jit_ms = (int(j1) - int(j0)) * 1000.0 / tck
box_busy = (int(b1) - int(b0)) / max(1, int(n1) - int(n0))
line = (f"{label},{count},{ko},{secs:.1f},{cpu_ms:.0f},{jit_ms:.0f},{(cpu_ms - jit_ms) / count:.3f},"
        f"{cpu_ms / count:.3f},{count / secs:.1f},{p99},{cpu_ms / 1000.0 / secs:.2f},{box_busy * 100:.0f},{l0},{l1}")
header = ("label,submissions,failed,window_s,backend_cpu_ms,jit_ms,cpu_ms_per_submission_without_jit,"
          "cpu_ms_per_submission,submissions_per_s,p99_ms,backend_cores,box_busy_pct,load1_start,load1_end")
new = not os.path.exists(results)
os.makedirs(os.path.dirname(results) or ".", exist_ok=True)
with open(results, "a") as out:
    if new:
        out.write(header + "\n")
    out.write(line + "\n")
print(header)
print(line)
EOF
echo "uptime before: $uptime_before"
echo "uptime after:  $uptime_after"
[ -n "$alert" ] && echo "$alert"
echo "report: $report_dir/index.html; Gatling log: $work/run.log"
