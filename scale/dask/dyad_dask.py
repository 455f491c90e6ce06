#!/usr/bin/python3
"""dyad_dask.py: code a news archive on a Dask cluster into one store.

    /usr/bin/python3 scale/dask/dyad_dask.py --db URL
        [--scheduler ADDR | --scheduler-file FILE] [--min-workers N]
        [--workers N] [--shards N] [--retries N] [--dyad PATH]
        [--code-args "ARGS"] [--threads N] INPUT...

Without --scheduler or --scheduler-file it starts a LocalCluster of
--workers workers on this machine.

Each task runs, on a worker, `dyad code ... | dyad load --db URL --input
jsonl -` as two subprocesses and returns its counts. Tasks are one per input
file (folders are listed recursively here, on the client), or with
--shards N one per shard: task K codes every input with `dyad code --shard
K/N`, which keeps the articles whose id hashes to K (see `dyad code --help`).
The workers must see the inputs, the dyad binary and the database at the
same paths and URL as the client.

A task whose dyad fails (a crash, a signal, a database error) raises, and
Dask runs it again (--retries, default 3); a task whose worker dies is run
again elsewhere by the scheduler. A retry loads its articles again, which
replaces what the store held for them: loading is idempotent per article, so
retries never duplicate events. The dyad processes get SIGKILL when the
worker thread that started them dies (setpriv --pdeathsig), so a killed
worker leaves no loader running beside the retry.

Input errors (dyad code or dyad load exit status 1: a file that cannot be
read, a malformed line) are not retried, since a retry would meet them
again: the task's messages, which name file, line and reason, are printed
and the driver exits 1 at the end; the rest of the input is still coded.

Exit status: 0 every task succeeded; 1 some task reported input errors or
finally failed (each is named on standard error); 2 usage error.
"""
import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
TOPIC = "dyad-attempt-failed"  # worker events the driver prints as they come
MAX_MESSAGES = 20  # error lines a task sends back (the rest are counted)


def list_files(inputs):
    """Every file of INPUTS: files as given, folders recursively (sorted,
    hidden entries skipped), as absolute paths."""
    out = []
    for p in inputs:
        p = os.path.abspath(p)
        if not os.path.isdir(p):
            out.append(p)
            continue
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            out.extend(os.path.join(root, f) for f in sorted(files) if not f.startswith("."))
    return out


def _messages(f):
    """The error and warning lines of a dyad stderr file, at most
    MAX_MESSAGES of them, and the count of all."""
    f.seek(0)
    lines = [l for l in f.read().decode("utf-8", "replace").splitlines()
             if re.search(r"error|warning|cannot|failed|skipp", l, re.I)]
    return lines[:MAX_MESSAGES], len(lines)


def run_task(name, code_cmd, load_cmd):
    """Runs code_cmd | load_cmd on this worker. Returns the task's counts,
    or raises RuntimeError (Dask then retries the task) when either process
    failed for another reason than bad input."""
    try:
        from distributed import get_worker
        where = get_worker().address
    except (ImportError, ValueError):
        import socket
        where = socket.gethostname()
    wrap = ["setpriv", "--pdeathsig", "KILL"] if shutil.which("setpriv") else []
    start = time.time()
    with tempfile.TemporaryFile() as cerr, tempfile.TemporaryFile() as lerr:
        code = subprocess.Popen(wrap + code_cmd, stdout=subprocess.PIPE, stderr=cerr)
        load = subprocess.Popen(wrap + load_cmd, stdin=code.stdout,
                                stdout=subprocess.DEVNULL, stderr=lerr)
        code.stdout.close()
        lrc = load.wait()
        crc = code.wait()
        cmsg, cn = _messages(cerr)
        lmsg, ln = _messages(lerr)
        lerr.seek(0)
        summary = lerr.read().decode("utf-8", "replace")
        cerr.seek(0)
        vsummary = cerr.read().decode("utf-8", "replace")
    if crc not in (0, 1) or lrc not in (0, 1):
        # The loader's last words first: when it fails, dyad code dies of SIGPIPE.
        last = [l for l in summary.splitlines() if l.strip()][-3:] + cmsg[-2:]
        msg = ("task %s on %s: dyad code exit %s, dyad load exit %s: %s"
               % (name, where, crc, lrc, " | ".join(last) or "no message"))
        try:  # the driver prints it now, not only after the last retry
            get_worker().log_event(TOPIC, msg)
        except (NameError, ValueError):
            pass
        raise RuntimeError(msg)
    m = re.search(r"(\d+) articles, (\d+) sentences, (\d+) events stored", summary)
    p = re.search(r"(\d+) full parses, (\d+) partial, (\d+) failed, (\d+) skipped", vsummary)
    c = re.search(r"(\d+) records, \d+ events", vsummary)
    return {"name": name, "code_rc": crc, "load_rc": lrc,
            "articles": int(c.group(1)) if c else 0,
            "stored": int(m.group(1)) if m else 0,
            "events": int(m.group(3)) if m else 0,
            "sentences": sum(int(x) for x in p.groups()) if p else 0,
            "messages": cmsg + lmsg, "message_count": cn + ln,
            "seconds": time.time() - start, "worker": where}


def check_dyad(dyad, db, shards):
    """Runs on a worker before the tasks: dyad is there, has --shard when
    shards are asked for, and the store's tables exist (an empty load creates
    them once, not in every task at the same time). Returns an error or ""."""
    try:
        help_text = subprocess.run([dyad, "code", "--help"], capture_output=True,
                                   text=True, timeout=60).stdout
        if shards and "--shard" not in help_text:
            return "%s has no --shard option (build a newer dyad)" % dyad
        r = subprocess.run([dyad, "load", "-q", "--db", db, "--input", "jsonl", "-"],
                           input="", capture_output=True, text=True, timeout=600)
        if r.returncode != 0:
            return "dyad load --db %s: exit %d: %s" % (db, r.returncode, r.stderr.strip()[-500:])
    except (OSError, subprocess.SubprocessError) as e:
        return "%s: %s" % (dyad, e)
    return ""


def make_tasks(args, dyad):
    """(name, code command, load command) of every task."""
    code = [dyad, "code", "-v", "--threads", str(args.threads)] + shlex.split(args.code_args)
    load = [dyad, "load", "--db", args.db, "--input", "jsonl", "-"]
    if args.shards:
        inputs = [os.path.abspath(p) for p in args.inputs]
        return [("shard-%d/%d" % (k, args.shards),
                 code + ["--shard", "%d/%d" % (k, args.shards)] + inputs, load)
                for k in range(args.shards)]
    return [(f, code + [f], load) for f in list_files(args.inputs)]


def parse_args(argv):
    ap = argparse.ArgumentParser(
        description="Code news files on a Dask cluster into one dyad store "
                    "(dyad code | dyad load on the workers).")
    ap.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders")
    ap.add_argument("--db", required=True, help="store URL (postgresql://...)")
    ap.add_argument("--scheduler", help="scheduler address (tcp://HOST:PORT); "
                    "default: a LocalCluster on this machine")
    ap.add_argument("--scheduler-file", help="the scheduler's --scheduler-file instead")
    ap.add_argument("--min-workers", type=int, default=1,
                    help="wait for this many workers before starting (default 1)")
    ap.add_argument("--workers", type=int, default=2,
                    help="LocalCluster workers (without --scheduler); default 2")
    ap.add_argument("--shards", type=int, default=0,
                    help="one task per shard of the whole input (dyad code --shard K/N); "
                    "default: one task per file")
    ap.add_argument("--retries", type=int, default=3, help="retries of a failed task (3)")
    ap.add_argument("--dyad", default=os.environ.get("DYAD") or os.path.join(REPO, "build", "dyad"),
                    help="the dyad binary, same path on every worker "
                    "(default: $DYAD, else build/dyad of this repository)")
    ap.add_argument("--threads", type=int, default=1,
                    help="dyad code --threads per task (default 1: one task per worker thread)")
    ap.add_argument("--code-args", default="",
                    help='more dyad code options, one string, e.g. "--parser builtin"')
    args = ap.parse_args(argv)
    missing = [p for p in args.inputs if not os.path.exists(p)]
    if missing:
        ap.error("no such file or folder: " + ", ".join(missing))
    if args.shards < 0 or args.workers < 1 or args.min_workers < 0 or args.retries < 0 or args.threads < 1:
        ap.error("--shards, --workers, --retries and --threads take positive numbers")
    return args


def report(tasks, futures, started):
    """Prints each task as it ends, then the totals; returns the exit status."""
    from distributed import as_completed
    total = {"articles": 0, "stored": 0, "sentences": 0, "events": 0}
    bad = []
    for i, fut in enumerate(as_completed(futures), 1):
        name = futures[fut]
        if fut.status != "finished":
            bad.append(name)
            print("[%d/%d] FAILED %s: %s" % (i, len(tasks), name, fut.exception()),
                  file=sys.stderr, flush=True)
            continue
        r = fut.result()
        for k in total:
            total[k] += r[k]
        print("[%d/%d] %s: %d articles (%d with events), %d sentences, %d events (%.1f s on %s)"
              % (i, len(tasks), name, r["articles"], r["stored"], r["sentences"], r["events"],
                 r["seconds"], r["worker"]), flush=True)
        if r["code_rc"] or r["load_rc"]:
            bad.append(name)
            print("  input errors in %s (%d messages):" % (name, r["message_count"]),
                  file=sys.stderr)
            for m in r["messages"]:
                print("    " + m, file=sys.stderr)
    wall = time.time() - started
    print("dyad_dask: %d tasks, %d failed; %d articles (%d with events stored), %d sentences, "
          "%d events in %.1f s (%.1f articles/s, %.1f sentences/s)"
          % (len(tasks), len(bad), total["articles"], total["stored"], total["sentences"],
             total["events"],
             wall, total["articles"] / wall, total["sentences"] / wall), flush=True)
    if bad:
        print("dyad_dask: tasks with errors: " + ", ".join(bad), file=sys.stderr)
    return 1 if bad else 0


def main(argv):
    args = parse_args(argv)
    from distributed import Client, LocalCluster
    dyad = os.path.abspath(args.dyad) if os.sep in args.dyad else args.dyad
    tasks = make_tasks(args, dyad)
    if not tasks:
        print("dyad_dask: no input files", file=sys.stderr)
        return 1
    cluster = None
    try:
        if args.scheduler or args.scheduler_file:
            client = Client(args.scheduler, scheduler_file=args.scheduler_file, timeout="60s")
        else:
            cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1,
                                   dashboard_address=None)
            client = Client(cluster)
    except (OSError, TimeoutError) as e:
        print("dyad_dask: cannot reach the scheduler %s: %s"
              % (args.scheduler or args.scheduler_file or "(LocalCluster)", e), file=sys.stderr)
        return 1
    try:
        try:
            client.wait_for_workers(args.min_workers, timeout=600)
        except TimeoutError:
            print("dyad_dask: fewer than %d workers after 600 s" % args.min_workers, file=sys.stderr)
            return 1
        client.subscribe_topic(TOPIC, lambda ev: print(
            "attempt failed (Dask retries it): %s" % ev[1], file=sys.stderr, flush=True))
        err = client.submit(check_dyad, dyad, args.db, args.shards, pure=False).result()
        if err:
            print("dyad_dask: " + err, file=sys.stderr)
            return 1
        started = time.time()
        run_id = uuid.uuid4().hex[:8]  # keys unique across runs sharing a scheduler
        futures = {client.submit(run_task, name, c, l, retries=args.retries, pure=False,
                                 key="dyad-%s-%d" % (run_id, i)): name
                   for i, (name, c, l) in enumerate(tasks)}
        return report(tasks, futures, started)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
