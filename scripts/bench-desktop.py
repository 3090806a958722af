#!/usr/bin/env python3
"""Measures the desktop app under Xvfb: cold start to interactive and idle memory (median of N runs),
and prints them with the binary and .deb sizes as a Markdown table with targets. Called by
scripts/bench-desktop.sh, which builds the app and prepares the database.

Cold start: from spawning the process until the dashboard shows data. The window reports that
moment by calling the `startup_ready` command, which writes the milliseconds since the shell's
`run()` began to $XIEZUO_STARTUP_REPORT; this script times spawn → file appears (so loading the
binary and its libraries counts too) and shows the in-app figure beside it.
Idle memory: after the dashboard is ready and N seconds of idling, the RSS summed over the app and
its WebKit child processes; also PSS (shared pages counted once) and private memory (pages only
these processes map: what the app itself costs, without the system libraries).
"""
import argparse
import os
import select
import shutil
import signal
import statistics
import subprocess
import tempfile
import time

DISPLAYS = [90, 91, 92, 93]
TARGET_START_S = 1.0
TARGET_RSS_MB = 150
TARGET_DEB_MB = 40


def start_xvfb(log):
    """Xvfb on the first free display of DISPLAYS. With -displayfd the server writes its number once it
    accepts clients, and exits at once if the display is taken (then the next one is tried)."""
    for number in DISPLAYS:
        xvfb = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-displayfd", "1"],
                                stdout=subprocess.PIPE, stderr=log, start_new_session=True)
        written = b""
        deadline = time.monotonic() + 10
        while b"\n" not in written and time.monotonic() < deadline:
            if not select.select([xvfb.stdout], [], [], 0.1)[0]:
                continue
            chunk = os.read(xvfb.stdout.fileno(), 64)
            if not chunk:
                break  # exited: the display is taken
            written += chunk
        if b"\n" in written:
            return xvfb, f":{number}"
        stop(xvfb)
    raise SystemExit("bench-desktop: no free X display among :90-:93")


def stop(process):
    """TERM, then KILL, the process and its whole group (the WebKit processes too)."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=5)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            pass
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()


def descendants(root):
    """`root` and every process below it."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = open(f"/proc/{entry}/stat").read()
            except OSError:
                continue
            parent = int(stat[stat.rindex(")") + 2:].split()[1])
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def memory_kib(pid):
    """(name, RSS, PSS, private) of one process, in KiB; private = pages no other process maps."""
    name = open(f"/proc/{pid}/comm").read().strip()
    fields = {}
    for line in open(f"/proc/{pid}/smaps_rollup"):
        parts = line.split()
        if parts[0].endswith(":") and len(parts) == 3:
            fields[parts[0][:-1]] = int(parts[1])
    return name, fields["Rss"], fields["Pss"], fields["Private_Clean"] + fields["Private_Dirty"]


def one_run(app, db, display, idle_s):
    with tempfile.TemporaryDirectory(prefix="xiezuo-bench-") as work:
        env = dict(os.environ, DISPLAY=display, GDK_BACKEND="x11", NO_AT_BRIDGE="1")
        env.pop("WAYLAND_DISPLAY", None)
        for name in ["HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"]:
            env[name] = os.path.join(work, name.lower())
            os.makedirs(env[name], mode=0o700)
        env["XIEZUO_DB"] = os.path.join(work, "xiezuo.db")
        shutil.copy(db, env["XIEZUO_DB"])
        report = os.path.join(work, "startup-ms")
        env["XIEZUO_STARTUP_REPORT"] = report
        with open(os.path.join(work, "app.log"), "w") as log:
            started = time.monotonic()
            process = subprocess.Popen([app], env=env, stdout=log, stderr=log, start_new_session=True)
            try:
                in_app_ms = None
                while in_app_ms is None:
                    if process.poll() is not None:
                        raise SystemExit(f"bench-desktop: the app exited ({process.returncode}): {open(log.name).read()[-2000:]}")
                    if time.monotonic() - started > 60:
                        raise SystemExit("bench-desktop: the dashboard did not report ready within 60 s")
                    if os.path.exists(report):
                        text = open(report).read().strip()
                        if text:
                            spawn_to_ready_s = time.monotonic() - started
                            in_app_ms = int(text)
                    time.sleep(0.002)
                time.sleep(idle_s)
                processes = [memory_kib(pid) for pid in descendants(process.pid)]
            finally:
                stop(process)
    return spawn_to_ready_s, in_app_ms, processes


def size_mb(path):
    return os.path.getsize(path) / 1_000_000


def verdict(ok):
    return "PASS" if ok else "FAIL"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", required=True)
    parser.add_argument("--db", required=True, help="prepared database; each run starts on a fresh copy")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--idle", type=float, default=5.0, help="seconds of idling before memory is read")
    parser.add_argument("--binary", help="the stripped release binary, for its size")
    parser.add_argument("--deb", default="", help="the .deb package, for its size")
    parser.add_argument("--deb-note", default="", help="why there is no .deb")
    args = parser.parse_args()

    with tempfile.TemporaryFile() as xlog:
        xvfb, display = start_xvfb(xlog)
        try:
            runs = []
            for index in range(args.runs):
                start_s, in_app_ms, processes = one_run(os.path.abspath(args.app), args.db, display, args.idle)
                rss, pss, private = (sum(p[i] for p in processes) * 1024 / 1_000_000 for i in (1, 2, 3))
                names = ", ".join(f"{p[0]} {p[1] * 1024 / 1_000_000:.0f}" for p in processes)
                print(f"run {index + 1}: ready {start_s * 1000:.0f} ms (in app {in_app_ms} ms), "
                      f"idle RSS {rss:.0f} MB [{names}], PSS {pss:.0f} MB, private {private:.0f} MB", flush=True)
                runs.append((start_s, in_app_ms, rss, pss, private))
        finally:
            stop(xvfb)

    start_s = statistics.median(r[0] for r in runs)
    in_app_ms = statistics.median(r[1] for r in runs)
    rss = statistics.median(r[2] for r in runs)
    pss = statistics.median(r[3] for r in runs)
    private = statistics.median(r[4] for r in runs)
    rows = [
        ("Cold start to dashboard with data (spawn → ready)", f"{start_s:.2f} s (in app {in_app_ms / 1000:.2f} s)",
         f"≤ {TARGET_START_S:.1f} s", verdict(start_s <= TARGET_START_S)),
        ("Idle memory, app + WebKit processes (RSS sum)", f"{rss:.0f} MB (PSS {pss:.0f} MB, private {private:.0f} MB)",
         f"≤ {TARGET_RSS_MB} MB", verdict(rss <= TARGET_RSS_MB)),
    ]
    if args.binary:
        rows.append(("Release binary, stripped", f"{size_mb(args.binary):.1f} MB", "—", "—"))
    if args.deb:
        deb_mb = size_mb(args.deb)
        rows.append((f"Debian package ({os.path.basename(args.deb)})", f"{deb_mb:.1f} MB", f"≤ {TARGET_DEB_MB} MB", verdict(deb_mb <= TARGET_DEB_MB)))
    else:
        rows.append(("Debian package", f"not built: {args.deb_note}", f"≤ {TARGET_DEB_MB} MB", "—"))

    print(f"\nMedian of {args.runs} runs, {args.idle:g} s idle before memory is read.\n")
    print("| Measure | Result | Target | |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
